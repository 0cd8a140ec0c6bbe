import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';

/**
 * A button that asks first: it opens an inline confirmation with the
 * keyboard's focus on the confirming button; Cancel closes it and puts the
 * focus back. Confirming closes it too, then runs `onConfirm`.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  confirmClass,
  disabled,
  onConfirm,
}: {
  label: string;
  question: ReactNode;
  confirmLabel: string;
  confirmClass: 'primary' | 'danger';
  disabled: boolean;
  onConfirm(): void;
}) {
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  if (!confirming)
    return (
      <button type="button" ref={startButton} disabled={disabled} onClick={() => setConfirming(true)}>
        {label}
      </button>
    );
  return (
    <div role="group" aria-labelledby={questionId} className="nl-confirm">
      <p id={questionId}>{question}</p>
      <button
        type="button"
        className={confirmClass}
        ref={confirmButton}
        disabled={disabled}
        onClick={() => {
          setConfirming(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>{' '}
      <button
        type="button"
        onClick={() => {
          setConfirming(false);
          setTimeout(() => startButton.current?.focus(), 0);
        }}
      >
        Cancel
      </button>
    </div>
  );
}
