import { useId } from 'react';

interface Option {
  id: string;
  name: string;
}

/** Choose several, in order: bylines and topics. Buttons move a choice up or out; a select adds one. */
export function OrderedPicker({
  label,
  options,
  value,
  onChange,
  hint,
}: {
  label: string;
  options: Option[];
  value: string[];
  onChange(ids: string[]): void;
  hint?: string;
}) {
  const selectId = useId();
  const name = (id: string) => options.find((o) => o.id === id)?.name ?? id;
  const move = (index: number, by: number) => {
    const next = [...value];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next);
  };
  return (
    <fieldset className="ordered-picker">
      <legend>{label}</legend>
      {hint && <small>{hint}</small>}
      <ol>
        {value.map((id, index) => (
          <li key={id}>
            <span>{name(id)}</span>
            <button type="button" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move ${name(id)} up`}>
              ↑
            </button>
            <button type="button" onClick={() => onChange(value.filter((v) => v !== id))} aria-label={`Remove ${name(id)}`}>
              ✕
            </button>
          </li>
        ))}
      </ol>
      <label htmlFor={selectId}>Add to {label.toLowerCase()}</label>
      <select
        id={selectId}
        value=""
        onChange={(e) => {
          if (e.target.value) onChange([...value, e.target.value]);
        }}
      >
        <option value="">Choose…</option>
        {options
          .filter((o) => !value.includes(o.id))
          .map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
      </select>
    </fieldset>
  );
}
