// The comparison's set-up in one bar above the results: segmentation A, a swap button,
// segmentation B, the as-of date and the outcome window, and Compare (a long job with Cancel).
// Segmentations that cannot be compared now are listed disabled, with the reason.
import type { SegmentationOption } from '../../../../core/api/contract.ts';
import { useApp } from '../../../store/index.ts';
import { compareKey, resultKey, type CompareSide } from '../../../store/compareSlice.ts';
import { Icon } from '../../../components/Icon.tsx';
import { isIsoDay } from '../../../lib/isoDay.ts';
import { NumberField } from '../../signals/NumberField.tsx';
import { InlineJob } from '../../signals/InlineJob.tsx';
import { asOfHint, compareProblem, OUTCOME_DAYS_MAX, refKey } from './compareText.ts';

function FieldIssue({ field }: { field: string }) {
  const issues = useApp((s) => s.compareError?.issues.filter((i) => i.field === field));
  if (!issues?.length) return null;
  return (
    <span className="field-error" role="alert" data-testid={`compare-issue-${field}`}>
      {issues.map((i) => i.message).join('; ')}
    </span>
  );
}

function SegmentationSelect({ side, options }: { side: CompareSide; options: SegmentationOption[] }) {
  const value = useApp((s) => s.compareDraft[side]);
  const setSide = useApp((s) => s.setCompareSide);
  const busy = useApp((s) => s.compareJob !== null);
  const key = value ? refKey(value) : '';
  const chosen = options.find((o) => refKey(o.ref) === key);
  const id = `compare-${side}`;
  return (
    <div className="field cmp-seg-field">
      <label className="label" htmlFor={id}>
        Segmentation {side.toUpperCase()}
      </label>
      <select
        id={id}
        className="select"
        value={key}
        disabled={busy}
        title={chosen?.label}
        onChange={(e) => {
          const o = options.find((x) => refKey(x.ref) === e.target.value);
          if (o?.available) setSide(side, o.ref);
        }}
        data-testid={`compare-${side}-select`}
      >
        {key === '' ? <option value="">Choose…</option> : null}
        {options.map((o) => (
          <option key={refKey(o.ref)} value={refKey(o.ref)} disabled={!o.available} title={o.reason ?? undefined} data-testid={`compare-option-${refKey(o.ref)}`}>
            {o.available ? o.label : `${o.label} — ${o.reason ?? 'not available'}`}
          </option>
        ))}
      </select>
      <FieldIssue field={side} />
    </div>
  );
}

function Unavailable({ options }: { options: SegmentationOption[] }) {
  const off = options.filter((o) => !o.available);
  if (off.length === 0) return null;
  const text = `Not available now: ${off.map((o) => `${o.label}${o.reason ? ` (${o.reason.replace(/\.$/, '')})` : ''}`).join('; ')}.`;
  return (
    <p className="cmp-unavailable faint" title={text} data-testid="compare-unavailable">
      {text}
    </p>
  );
}

function Hint() {
  const draft = useApp((s) => s.compareDraft);
  const lastEventAt = useApp((s) => s.workspace?.lastEventAt);
  const reset = useApp((s) => s.resetCompareAsOf);
  const hint = asOfHint(draft.asOf, draft.outcomeDays, lastEventAt);
  if (!hint) return null;
  return (
    <p className={`cmp-hint ${hint.tone === 'warning' ? 'warning' : 'muted'}`} data-testid="compare-asof-hint" data-tone={hint.tone}>
      {hint.tone === 'warning' ? <Icon name="alert" size={13} /> : <Icon name="info" size={13} />}
      <span>
        {hint.text}
        {draft.asOfEdited ? (
          <>
            {' '}
            <button type="button" className="vp-link" onClick={reset} data-testid="compare-asof-reset">
              Use the default date
            </button>
          </>
        ) : null}
      </span>
    </p>
  );
}

function CompareButton() {
  const draft = useApp((s) => s.compareDraft);
  const job = useApp((s) => s.compareJob);
  const run = useApp((s) => s.runCompare);
  const cancel = useApp((s) => s.cancelCompare);
  const firstEventAt = useApp((s) => s.workspace?.firstEventAt);
  const result = useApp((s) => s.compareResult);
  if (job) return <InlineJob job={job} onCancel={cancel} testIdPrefix="compare" startingText="Starting the comparison…" />;
  const problem = compareProblem(draft, firstEventAt);
  const same = result !== null && resultKey(result) === compareKey(draft);
  return (
    <button
      type="button"
      className={`btn ${same ? '' : 'primary'} cmp-run`}
      onClick={() => void run()}
      disabled={problem !== null}
      title={problem ?? 'Cross the two segmentations as of the date and measure conversion in the window after it'}
      data-testid="compare-run"
    >
      <Icon name={same ? 'refresh' : 'play'} size={13} /> {same ? 'Compare again' : 'Compare'}
    </button>
  );
}

export function CompareSetup({ options }: { options: SegmentationOption[] }) {
  const draft = useApp((s) => s.compareDraft);
  const swap = useApp((s) => s.swapCompareSides);
  const setAsOf = useApp((s) => s.setCompareAsOf);
  const setDays = useApp((s) => s.setCompareOutcomeDays);
  const busy = useApp((s) => s.compareJob !== null);
  const error = useApp((s) => s.compareError);
  const firstEventAt = useApp((s) => s.workspace?.firstEventAt);
  const problem = compareProblem(draft, firstEventAt);
  const showProblem = problem !== null && draft.a !== null && draft.b !== null;
  return (
    <section className="ru-tab-bar" aria-label="Comparison set-up" data-testid="compare-setup">
      <div className="cmp-setup-row">
        <SegmentationSelect side="a" options={options} />
        <button
          type="button"
          className="btn icon-only cmp-swap"
          onClick={swap}
          disabled={busy || (!draft.a && !draft.b)}
          title="Swap A and B"
          aria-label="Swap segmentations A and B"
          data-testid="compare-swap"
        >
          <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
            <path d="M7 7h13l-4-4M17 17H4l4 4" />
          </svg>
        </button>
        <SegmentationSelect side="b" options={options} />
        <div className="field cmp-date-field">
          <label className="label" htmlFor="compare-asof">
            As of
          </label>
          <input
            id="compare-asof"
            type="date"
            className="input"
            value={draft.asOf}
            disabled={busy}
            onChange={(e) => {
              if (isIsoDay(e.target.value)) setAsOf(e.target.value);
            }}
            data-testid="compare-asof"
          />
          <FieldIssue field="asOf" />
        </div>
        <div className="field cmp-days-field" title="Conversion is a purchase in this many days after the as-of date">
          <label className="label" htmlFor="compare-days">
            Outcome days
          </label>
          <NumberField value={draft.outcomeDays} min={1} max={OUTCOME_DAYS_MAX} onCommit={setDays} label="Outcome window in days" testId="compare-outcome-days" disabled={busy} />
          <FieldIssue field="outcomeDays" />
        </div>
        <div className="cmp-run-slot">
          <CompareButton />
        </div>
      </div>
      <Hint />
      {showProblem ? (
        <p className="cmp-hint danger-text" role="alert" data-testid="compare-setup-problem">
          <Icon name="alert" size={13} /> {problem}
        </p>
      ) : null}
      {error && error.issues.length === 0 && error.code === 'invalid-args' ? (
        <p className="cmp-hint danger-text" role="alert" data-testid="compare-setup-error">
          <Icon name="alert" size={13} /> {error.message}
        </p>
      ) : null}
      <Unavailable options={options} />
    </section>
  );
}
