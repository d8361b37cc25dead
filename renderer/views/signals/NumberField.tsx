// A number input that keeps what the analyst types and commits it when it is a valid value
// (right away while typing when `live` says the value may be taken as it stands, otherwise on
// Enter or leaving the field). Out-of-range or empty input snaps back to the current value.
import { useEffect, useState } from 'react';

interface NumberFieldProps {
  value: number;
  min: number;
  max: number;
  step?: number;
  integer?: boolean;
  onCommit: (value: number) => void;
  /** Whether a valid value may be committed while typing (e.g. not when it would move another setting). */
  live?: (value: number) => boolean;
  label: string;
  testId?: string;
  className?: string;
  disabled?: boolean;
}

export function NumberField({ value, min, max, step = 1, integer = true, onCommit, live = () => true, label, testId, className, disabled }: NumberFieldProps) {
  const [text, setText] = useState(String(value));
  useEffect(() => {
    setText((t) => (t.trim() !== '' && Number(t) === value ? t : String(value)));
  }, [value]);
  const parse = (t: string): number | null => {
    if (t.trim() === '') return null;
    const n = Number(t);
    if (!Number.isFinite(n) || n < min || n > max) return null;
    return integer ? Math.round(n) : n;
  };
  const commit = () => {
    const n = parse(text);
    if (n === null) setText(String(value));
    else if (n !== value) onCommit(n);
  };
  const invalid = parse(text) === null;
  return (
    <input
      type="number"
      className={`input num ${className ?? ''}`}
      min={min}
      max={max}
      step={step}
      value={text}
      aria-label={label}
      aria-invalid={invalid}
      data-testid={testId}
      disabled={disabled}
      onChange={(e) => {
        setText(e.target.value);
        const n = parse(e.target.value);
        if (n !== null && n !== value && live(n)) onCommit(n);
      }}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setText(String(value));
      }}
    />
  );
}
