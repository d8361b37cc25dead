// The migration's set-up in one bar above the results: which segmentation, from which date to
// which, in which steps (how many dates that makes, at most 36), and Run (a long job with Cancel).
// Segmentations that cannot be followed now are listed disabled, with the reason.
import type { SegmentationOption } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { draftKey, draftProblem, resultKey } from '../../store/migrationSlice.ts';
import { Icon } from '../../components/Icon.tsx';
import { SegmentationSelect, UnavailableNote } from '../../components/SegmentationSelect.tsx';
import { isIsoDay } from '../../lib/isoDay.ts';
import { RunOrProgress } from '../signals/InlineJob.tsx';
import { countText, DATE_STEPS, endHint, MAX_DATES, seriesDays, STEP_LABELS, type DateStep } from './dateSeries.ts';

function RefSelect({ options }: { options: SegmentationOption[] }) {
  const value = useApp((s) => s.migrationDraft.ref);
  const setRef = useApp((s) => s.setMigrationRef);
  const busy = useApp((s) => s.migrationJob !== null);
  return <SegmentationSelect id="migration-ref" label="Segmentation" options={options} value={value} onChange={setRef} className="vp-bar-seg" testId="migration-ref" disabled={busy} />;
}

function DateField({ id, label, value, onChange, busy, testId }: { id: string; label: string; value: string; onChange: (d: string) => void; busy: boolean; testId: string }) {
  return (
    <div className="field mg-date-field">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="date"
        className="input"
        value={value}
        disabled={busy}
        onChange={(e) => {
          if (isIsoDay(e.target.value)) onChange(e.target.value);
        }}
        data-testid={testId}
      />
    </div>
  );
}

function RunButton() {
  const draft = useApp((s) => s.migrationDraft);
  const job = useApp((s) => s.migrationJob);
  const run = useApp((s) => s.runMigration);
  const cancel = useApp((s) => s.cancelMigration);
  const firstEventAt = useApp((s) => s.workspace?.firstEventAt);
  const result = useApp((s) => s.migrationResult);
  const problem = draftProblem(draft, firstEventAt);
  return (
    <RunOrProgress
      job={job}
      onCancel={cancel}
      testIdPrefix="migration"
      startingText="Starting…"
      onRun={() => void run()}
      fresh={result !== null && resultKey(result) === draftKey(draft)}
      disabled={problem !== null}
      title={problem ?? 'Evaluate the segmentation as of every date and follow each customer from date to date'}
      label="Run"
      againLabel="Run again"
      className="mg-run"
    />
  );
}

function Hints({ options }: { options: SegmentationOption[] }) {
  const draft = useApp((s) => s.migrationDraft);
  const error = useApp((s) => s.migrationError);
  const ws = useApp((s) => s.workspace);
  const reset = useApp((s) => s.resetMigrationDates);
  const fit = useApp((s) => s.fitMigrationDates);
  const busy = useApp((s) => s.migrationJob !== null);
  const problem = draftProblem(draft, ws?.firstEventAt);
  const n = seriesDays(draft.start, draft.end, draft.step).length;
  const late = endHint(draft.end, ws?.lastEventAt);
  return (
    <>
      {problem && draft.ref ? (
        <p className="vp-hint danger-text" role="alert" data-testid="migration-setup-problem">
          <Icon name="alert" size={13} />
          <span>
            {problem}
            {n > MAX_DATES && !busy ? (
              <>
                {' '}
                <button type="button" className="vp-link" onClick={fit} data-testid="migration-fit-dates">
                  Use the last {MAX_DATES}
                </button>
              </>
            ) : null}
          </span>
        </p>
      ) : late ? (
        <p className="vp-hint warning" data-testid="migration-end-hint">
          <Icon name="alert" size={13} /> {late}
        </p>
      ) : null}
      {draft.datesEdited && !busy ? (
        <p className="vp-hint muted">
          <Icon name="info" size={13} />
          <span>
            Dates chosen by hand.{' '}
            <button type="button" className="vp-link" onClick={reset} data-testid="migration-dates-reset">
              Use the last twelve months of data
            </button>
          </span>
        </p>
      ) : null}
      {error && error.code === 'invalid-args' ? (
        <div className="vp-hint danger-text" role="alert" data-testid="migration-setup-error">
          <Icon name="alert" size={13} />
          <span>
            {error.message}
            {error.issues.length ? (
              <ul className="mg-issues">
                {error.issues.map((i, k) => (
                  <li key={k}>
                    <span className="mono">{i.field || 'arguments'}</span>: {i.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </span>
        </div>
      ) : null}
      <UnavailableNote options={options} testId="migration-unavailable" />
    </>
  );
}

export function SetupBar({ options }: { options: SegmentationOption[] }) {
  const draft = useApp((s) => s.migrationDraft);
  const setStart = useApp((s) => s.setMigrationStart);
  const setEnd = useApp((s) => s.setMigrationEnd);
  const setStep = useApp((s) => s.setMigrationStep);
  const busy = useApp((s) => s.migrationJob !== null);
  const n = seriesDays(draft.start, draft.end, draft.step).length;
  const tooMany = n > MAX_DATES;
  return (
    <section className="vp-bar mg-setup" aria-label="Migration set-up" data-testid="migration-setup">
      <div className="vp-bar-row">
        <RefSelect options={options} />
        <DateField id="migration-start" label="From" value={draft.start} onChange={setStart} busy={busy} testId="migration-start" />
        <DateField id="migration-end" label="To" value={draft.end} onChange={setEnd} busy={busy} testId="migration-end" />
        <div className="field mg-step-field">
          <label className="label" htmlFor="migration-step">
            Every
          </label>
          <select id="migration-step" className="select" value={draft.step} disabled={busy} onChange={(e) => setStep(e.target.value as DateStep)} data-testid="migration-step">
            {DATE_STEPS.map((s) => (
              <option key={s} value={s}>
                {STEP_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="vp-bar-slot">
          <span
            className={`badge num mg-count${tooMany ? ' warning' : ''}`}
            title={`The segmentation is evaluated as of each date (at most ${MAX_DATES})`}
            data-testid="migration-date-count"
            data-count={n}
          >
            {countText(n)}
          </span>
        </div>
        <div className="vp-bar-slot">
          <RunButton />
        </div>
      </div>
      <Hints options={options} />
    </section>
  );
}
