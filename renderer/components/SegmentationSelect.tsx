// Choosing a segmentation (clusters, phases, RFM, rule segments, propensity bands) from what
// segmentations-list offers: the ones that cannot be chosen now stay in the list, disabled, with
// the reason; UnavailableNote says the same in one line under a set-up bar.
import type { ReactNode } from 'react';
import type { SegmentationOption, SegmentationRef } from '../../core/api/contract.ts';
import { optionText, refKey, unavailableText } from '../lib/segmentationOptions.ts';

interface SegmentationSelectProps {
  id: string;
  label: string;
  options: readonly SegmentationOption[];
  value: SegmentationRef | null;
  onChange: (ref: SegmentationRef) => void;
  /** The field's own class (its width in the bar). */
  className: string;
  testId: string;
  disabled?: boolean;
  /** A test id per option, from its key. */
  optionTestId?: (key: string) => string;
  /** Under the select: the field's issues. */
  children?: ReactNode;
}

export function SegmentationSelect({ id, label, options, value, onChange, className, testId, disabled, optionTestId, children }: SegmentationSelectProps) {
  const key = value ? refKey(value) : '';
  const chosen = options.find((o) => refKey(o.ref) === key);
  return (
    <div className={`field ${className}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="select"
        value={key}
        disabled={disabled}
        title={chosen?.label}
        onChange={(e) => {
          const o = options.find((x) => refKey(x.ref) === e.target.value);
          if (o?.available) onChange(o.ref);
        }}
        data-testid={testId}
      >
        {key === '' ? <option value="">Choose…</option> : null}
        {options.map((o) => {
          const k = refKey(o.ref);
          return (
            <option key={k} value={k} disabled={!o.available} title={o.reason ?? undefined} data-testid={optionTestId?.(k)}>
              {optionText(o)}
            </option>
          );
        })}
      </select>
      {children}
    </div>
  );
}

/** One line listing the segmentations that cannot be chosen now, and why; nothing when all can. */
export function UnavailableNote({ options, testId }: { options: readonly SegmentationOption[]; testId: string }) {
  const text = unavailableText(options);
  if (!text) return null;
  return (
    <p className="vp-unavailable faint" title={text} data-testid={testId}>
      {text}
    </p>
  );
}
