import { FormField } from './FormField';
import type { FieldErrors } from '../settings-api';

interface Column<K extends string> {
  key: K;
  label: string;
  hint?: string;
}

/** Rows of small text fields (navigation links, social accounts) that can be added and removed. */
export function LinkRows<K extends string>({
  legend,
  rowName,
  addLabel,
  rows,
  columns,
  blank,
  errors,
  prefix,
  onChange,
}: {
  legend: string;
  rowName: string;
  addLabel: string;
  rows: Record<K, string>[];
  columns: Column<K>[];
  blank: Record<K, string>;
  errors: FieldErrors;
  prefix: string;
  onChange(rows: Record<K, string>[]): void;
}) {
  const update = (index: number, key: K, value: string) => onChange(rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  return (
    <fieldset className="link-rows">
      <legend>{legend}</legend>
      {rows.length === 0 && <small>None yet.</small>}
      {rows.map((row, index) => (
        <div className="link-row" key={index}>
          {columns.map((column) => (
            <FormField
              key={column.key}
              label={`${column.label} ${index + 1}`}
              hint={index === 0 ? column.hint : undefined}
              error={errors[`${prefix}.${index}.${column.key}`]}
            >
              <input value={row[column.key]} onChange={(e) => update(index, column.key, e.target.value)} />
            </FormField>
          ))}
          <button type="button" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            Remove {rowName} {index + 1}
          </button>
        </div>
      ))}
      {errors[prefix] && <small className="field-error">{errors[prefix]}</small>}
      <div>
        <button type="button" onClick={() => onChange([...rows, { ...blank }])} disabled={rows.length >= 12}>
          {addLabel}
        </button>
      </div>
    </fieldset>
  );
}
