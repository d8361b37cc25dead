// The comparison's set-up in one bar above the results: segmentation A, a swap button,
// segmentation B, the as-of date and the outcome window, and Compare (a long job with Cancel).
// Segmentations that cannot be compared now are listed disabled, with the reason.
import type { SegmentationOption } from '../../../../core/api/contract.ts';
import { useApp } from '../../../store/index.ts';
import { compareKey, resultKey, type CompareSide } from '../../../store/compareSlice.ts';
import { Icon } from '../../../components/Icon.tsx';
import { isIsoDay } from '../../../lib/isoDay.ts';
import { NumberField } from '../../signals/NumberField.tsx';
import { RunOrProgress } from '../../signals/InlineJob.tsx';
import { SegmentationSelect, UnavailableNote } from '../../../components/SegmentationSelect.tsx';
import { asOfHint, compareProblem, OUTCOME_DAYS_MAX } from './compareText.ts';

function FieldIssue({ field }: { field: string }) {
  const issues = useApp((s) => s.compareError?.issues.filter((i) => i.field === field));
  if (!issues?.length) return null;
  return (
    <span className="field-error" role="alert" data-testid={`compare-issue-${field}`}>
      {issues.map((i) => i.message).join('; ')}
    </span>
  );
}

function SideSelect({ side, options }: { side: CompareSide; options: SegmentationOption[] }) {
  const value = useApp((s) => s.compareDraft[side]);
  const setSide = useApp((s) => s.setCompareSide);
  const busy = useApp((s) => s.compareJob !== null);
  return (
    <SegmentationSelect
      id={`compare-${side}`}
      label={`Segmentation ${side.toUpperCase()}`}
      options={options}
      value={value}
      onChange={(ref) => setSide(side, ref)}
      className="vp-bar-seg"
      testId={`compare-${side}-select`}
      disabled={busy}
      optionTestId={(key) => `compare-option-${key}`}
    >
      <FieldIssue field={side} />
    </SegmentationSelect>
  );
}

function Hint() {
  const draft = useApp((s) => s.compareDraft);
  const lastEventAt = useApp((s) => s.workspace?.lastEventAt);
  const reset = useApp((s) => s.resetCompareAsOf);
  const hint = asOfHint(draft.asOf, draft.outcomeDays, lastEventAt);
  if (!hint) return null;
  return (
    <p className={`vp-hint ${hint.tone === 'warning' ? 'warning' : 'muted'}`} data-testid="compare-asof-hint" data-tone={hint.tone}>
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
  const problem = compareProblem(draft, firstEventAt);
  return (
    <RunOrProgress
      job={job}
      onCancel={cancel}
      testIdPrefix="compare"
      startingText="Starting the comparison…"
      onRun={() => void run()}
      fresh={result !== null && resultKey(result) === compareKey(draft)}
      disabled={problem !== null}
      title={problem ?? 'Cross the two segmentations as of the date and measure conversion in the window after it'}
      label="Compare"
      againLabel="Compare again"
      className="cmp-run"
    />
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
    <section className="vp-bar" aria-label="Comparison set-up" data-testid="compare-setup">
      <div className="vp-bar-row">
        <SideSelect side="a" options={options} />
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
        <SideSelect side="b" options={options} />
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
        <div className="vp-bar-slot">
          <CompareButton />
        </div>
      </div>
      <Hint />
      {showProblem ? (
        <p className="vp-hint danger-text" role="alert" data-testid="compare-setup-problem">
          <Icon name="alert" size={13} /> {problem}
        </p>
      ) : null}
      {error && error.issues.length === 0 && error.code === 'invalid-args' ? (
        <p className="vp-hint danger-text" role="alert" data-testid="compare-setup-error">
          <Icon name="alert" size={13} /> {error.message}
        </p>
      ) : null}
      <UnavailableNote options={options} testId="compare-unavailable" />
    </section>
  );
}
