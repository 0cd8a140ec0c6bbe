import { useId, useRef, useState } from 'react';

/** A secret shown once, right after it was made, with a button that copies it. */
export function SecretOnce({ label, value, onDismiss }: { label: string; value: string; onDismiss(): void }) {
  const [copied, setCopied] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('Copied to the clipboard.');
    } catch {
      // No clipboard (an insecure origin, or permission refused): select it for the keyboard.
      input.current?.select();
      setCopied('Selected: press Ctrl+C (⌘C) to copy.');
    }
  };
  return (
    <div className="secret-once" role="region" aria-labelledby={`${id}-label`}>
      <p id={`${id}-label`}>
        <strong>{label}</strong> Copy it now: it will not be shown again.
      </p>
      <div className="secret-row">
        <input ref={input} readOnly value={value} aria-label={label} className="secret-value" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" onClick={onDismiss}>
          Done
        </button>
      </div>
      <p role="status">{copied}</p>
    </div>
  );
}
