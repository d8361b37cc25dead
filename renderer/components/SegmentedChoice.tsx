// One choice of a few, as joined buttons (styles: .vp-segmented / .vp-seg in view-panels.css): what
// a chart measures, how a transition is shown, a decision. A radio group for assistive technology.
import type { ReactNode } from 'react';

interface SegmentedChoiceProps<T extends string> {
  options: readonly T[];
  /** The chosen one; null when none is yet. */
  value: T | null;
  onChange: (value: T) => void;
  label: (value: T) => ReactNode;
  ariaLabel: string;
  optionTestId: (value: T) => string;
  testId?: string;
  /** Added to the group's classes. */
  className?: string;
  /** Added to an option's classes. */
  optionClassName?: (value: T) => string;
  optionTitle?: (value: T) => string;
}

export function SegmentedChoice<T extends string>({ options, value, onChange, label, ariaLabel, optionTestId, testId, className, optionClassName, optionTitle }: SegmentedChoiceProps<T>) {
  return (
    <div className={`vp-segmented${className ? ` ${className}` : ''}`} role="radiogroup" aria-label={ariaLabel} data-testid={testId}>
      {options.map((o) => (
        <button
          key={o}
          type="button"
          role="radio"
          aria-checked={value === o}
          className={`vp-seg${optionClassName ? ` ${optionClassName(o)}` : ''}${value === o ? ' active' : ''}`}
          onClick={() => onChange(o)}
          title={optionTitle?.(o)}
          data-testid={optionTestId(o)}
        >
          {label(o)}
        </button>
      ))}
    </div>
  );
}
