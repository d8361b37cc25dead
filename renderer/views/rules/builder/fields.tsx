// Small inputs of the condition editors. They keep what the analyst types (a half-typed number,
// a trailing comma) and hand the rule a value at every keystroke, so counts follow the typing;
// an empty number is "no value", which the checks then point out at the field.
import { useEffect, useState, type ReactNode } from 'react';
import { splitList } from './ruleDisplay.ts';

interface NumInputProps {
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  label: string;
  problem?: string | undefined;
  testId?: string;
  step?: number;
  min?: number;
  className?: string;
}

const parseNum = (t: string): number | undefined => {
  if (t.trim() === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
};

export function NumInput({ value, onChange, label, problem, testId, step, min, className = '' }: NumInputProps) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    setText((t) => (parseNum(t) === value ? t : value === undefined ? '' : String(value)));
  }, [value]);
  return (
    <input
      type="number"
      className={`input num rb-num ${className}`}
      value={text}
      step={step ?? 'any'}
      min={min}
      aria-label={label}
      aria-invalid={problem ? true : undefined}
      title={problem ?? label}
      data-testid={testId}
      onChange={(e) => {
        setText(e.target.value);
        const n = parseNum(e.target.value);
        if (n !== value) onChange(n);
      }}
    />
  );
}

interface TextInputProps {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  label: string;
  problem?: string | undefined;
  testId?: string;
  placeholder?: string;
  list?: string;
  className?: string;
}

/** Empty text is "no value" (undefined). */
export function TextInput({ value, onChange, label, problem, testId, placeholder, list, className = '' }: TextInputProps) {
  return (
    <input
      type="text"
      className={`input rb-text ${className}`}
      value={value ?? ''}
      placeholder={placeholder}
      list={list}
      maxLength={500}
      aria-label={label}
      aria-invalid={problem ? true : undefined}
      title={problem ?? label}
      data-testid={testId}
      spellCheck={false}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
    />
  );
}

interface ListInputProps {
  values: readonly string[] | undefined;
  onChange: (values: string[]) => void;
  label: string;
  problem?: string | undefined;
  testId?: string;
  placeholder?: string;
}

/** A comma-separated list. */
export function ListInput({ values, onChange, label, problem, testId, placeholder = 'a, b, c' }: ListInputProps) {
  const joined = (values ?? []).join(', ');
  const [text, setText] = useState(joined);
  useEffect(() => {
    setText((t) => (splitList(t).join(', ') === joined ? t : joined));
  }, [joined]);
  return (
    <input
      type="text"
      className="input rb-text rb-listinput"
      value={text}
      placeholder={placeholder}
      aria-label={label}
      aria-invalid={problem ? true : undefined}
      title={problem ?? `${label} (separate values with commas)`}
      data-testid={testId}
      spellCheck={false}
      onChange={(e) => {
        setText(e.target.value);
        const next = splitList(e.target.value);
        if (next.join('\u0000') !== (values ?? []).join('\u0000')) onChange(next);
      }}
    />
  );
}

interface SelectProps<T extends string> {
  value: T;
  options: ReadonlyArray<{ value: T; label: string; disabled?: boolean; title?: string }>;
  onChange: (value: T) => void;
  label: string;
  testId?: string;
  problem?: string | undefined;
  className?: string;
}

export function Select<T extends string>({ value, options, onChange, label, testId, problem, className = '' }: SelectProps<T>) {
  return (
    <select
      className={`select rb-select ${className}`}
      value={value}
      aria-label={label}
      aria-invalid={problem ? true : undefined}
      title={problem ?? label}
      data-testid={testId}
      onChange={(e) => onChange(e.target.value as T)}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value} disabled={o.disabled} title={o.title}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** A word between fields ("and", "days"). */
export function Word({ children }: { children: ReactNode }) {
  return <span className="rb-word">{children}</span>;
}
