// Above the rule: the segment's name and description, whether it is saved, Save; then the live
// result — customers matched and their share as of the date, with the date to evaluate at.
import { useEffect, useState } from 'react';
import { useApp } from '../../../store/index.ts';
import { draftDirty, evalCurrent } from '../../../store/rulesSlice.ts';
import { Icon } from '../../../components/Icon.tsx';
import { InlineJob } from '../../signals/InlineJob.tsx';
import { formatDuration, formatInt } from '../../../lib/format.ts';
import { isIsoDay } from '../../../lib/isoDay.ts';
import { shareText } from './ruleDisplay.ts';

/** The progress bar appears only for evaluations that take this long (signals being computed first). */
const SHOW_PROGRESS_AFTER_MS = 700;

function useSlow(startedAt: number | null): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (startedAt === null) return;
    const t = setTimeout(() => setSlow(true), Math.max(0, startedAt + SHOW_PROGRESS_AFTER_MS - Date.now()));
    return () => clearTimeout(t);
  }, [startedAt]);
  return slow;
}

export function SaveState() {
  const draft = useApp((s) => s.rulesDraft);
  const dirty = useApp(draftDirty);
  if (!draft) return null;
  if (draft.segmentId === null) {
    return (
      <span className="badge warning" data-testid="rule-save-state" data-state="new">
        <span className="unsaved-dot" aria-hidden="true" /> Not saved yet
      </span>
    );
  }
  return dirty ? (
    <span className="badge warning" data-testid="rule-save-state" data-state="dirty">
      <span className="unsaved-dot" aria-hidden="true" /> Unsaved changes
    </span>
  ) : (
    <span className="badge" data-testid="rule-save-state" data-state="saved" title="The rule on screen is the saved version">
      <Icon name="check" size={11} /> Saved · v{draft.version}
    </span>
  );
}

export function DraftHeader() {
  const draft = useApp((s) => s.rulesDraft);
  const edit = useApp((s) => s.editRuleDraft);
  const save = useApp((s) => s.saveRuleDraft);
  const close = useApp((s) => s.closeRuleDraft);
  const saving = useApp((s) => s.rulesSaving);
  const saveError = useApp((s) => s.rulesSaveError);
  const nameError = useApp((s) => s.rulesNameError);
  const dirty = useApp(draftDirty);
  const readonly = useApp((s) => s.workspace?.readonly ?? false);
  if (!draft) return null;
  return (
    <div className="rb-draft-head">
      <div className="rb-name-row">
        <div className="rb-name-field">
          <label htmlFor="rb-name" className="visually-hidden">
            Segment name
          </label>
          <input
            id="rb-name"
            className="input rb-name"
            value={draft.name}
            maxLength={120}
            placeholder="Name this segment"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? 'rb-name-error' : undefined}
            onChange={(e) => edit({ name: e.target.value })}
            data-testid="rule-name"
          />
        </div>
        <SaveState />
        <span className="spacer" />
        <button type="button" className="btn" onClick={close} data-testid="rule-close" title="Close the builder">
          Close
        </button>
        <button
          type="button"
          className="btn primary"
          onClick={() => void save()}
          disabled={saving || readonly || (!dirty && draft.segmentId !== null)}
          title={readonly ? 'The workspace is read-only' : 'Save the segment (Ctrl+S)'}
          data-testid="rule-save"
        >
          {saving ? <span className="spinner" /> : <Icon name="check" size={14} />} {saving ? 'Saving…' : draft.segmentId === null ? 'Save segment' : 'Save changes'}
        </button>
      </div>
      {nameError ? (
        <p className="field-error rb-field-error" id="rb-name-error" role="alert" data-testid="rule-name-error">
          {nameError}
        </p>
      ) : null}
      <label htmlFor="rb-description" className="visually-hidden">
        Description
      </label>
      <input
        id="rb-description"
        className="input rb-description"
        value={draft.description}
        maxLength={2000}
        placeholder="Description (optional): what the segment is for"
        onChange={(e) => edit({ description: e.target.value })}
        data-testid="rule-description"
      />
      {saveError ? (
        <p className="rb-inline-error" role="alert" data-testid="rule-save-error">
          <Icon name="alert" size={13} /> {saveError}
        </p>
      ) : null}
    </div>
  );
}

export function CountBar() {
  const ev = useApp((s) => s.rulesEval);
  const current = useApp(evalCurrent);
  const pending = useApp((s) => s.rulesEvalPending);
  const job = useApp((s) => s.rulesEvalJob);
  const error = useApp((s) => s.rulesEvalError);
  const issues = useApp((s) => s.rulesIssues.length);
  const asOf = useApp((s) => s.rulesAsOf);
  /** The draft was opened at a date of its own (a compared cell: the comparison's date). */
  const ownDate = useApp((s) => s.rulesAsOfRestore !== null);
  const signalsAsOf = useApp((s) => s.rulesSignalsAsOf);
  const setAsOf = useApp((s) => s.setRulesAsOf);
  const cancel = useApp((s) => s.cancelRuleEval);
  const retry = useApp((s) => s.evaluateRuleNow);
  const slow = useSlow(job?.startedAt ?? null);
  const shownDate = asOf ?? (ev && current ? ev.asOf : null) ?? signalsAsOf ?? '';
  const [dateText, setDateText] = useState(shownDate);
  useEffect(() => setDateText(shownDate), [shownDate]);

  let status;
  if (job && slow) status = <InlineJob job={job} onCancel={cancel} testIdPrefix="rule-eval" startingText="Counting…" />;
  else if (pending)
    status = (
      <span className="rb-status muted" data-testid="rule-eval-pending">
        <span className="spinner" /> Counting…
      </span>
    );
  else if (issues)
    status = (
      <span className="rb-status rb-warn" data-testid="rule-eval-issues">
        <Icon name="alert" size={13} /> Fix {issues === 1 ? 'the problem' : `the ${issues} problems`} marked below to count
      </span>
    );
  else if (error)
    status = (
      <span className="rb-status rb-error" role="alert" data-testid="rule-eval-error" title={error.message}>
        <Icon name="alert" size={13} /> <span className="rb-status-text">{error.message}</span>
        <button type="button" className="btn small" onClick={retry}>
          Try again
        </button>
      </span>
    );
  else if (ev && !current)
    status = (
      <span className="rb-status muted">
        Counts are for an earlier version.{' '}
        <button type="button" className="btn small" onClick={retry} data-testid="rule-eval-now">
          Count now
        </button>
      </span>
    );
  else if (ev) status = <span className="rb-status faint">counted in {formatDuration(ev.evaluatedMs)}</span>;

  return (
    <div className="rb-countbar" data-testid="rule-countbar">
      <div className={`rb-total${ev && current ? '' : ' stale'}`} data-testid="rule-total" data-matched={ev?.matched ?? ''} data-customers={ev?.customers ?? ''} data-fresh={ev && current ? 'true' : 'false'}>
        {ev ? (
          <>
            <strong className="num rb-total-n">{formatInt(ev.matched)}</strong>
            <span className="muted">
              {ev.matched === 1 ? 'customer' : 'customers'} · <strong className="num">{shareText(ev.matched, ev.customers)}</strong> of {formatInt(ev.customers)}
            </span>
          </>
        ) : (
          <span className="muted">Not counted yet</span>
        )}
      </div>
      <label className="rb-asof">
        <span className="muted">as of</span>
        <input
          type="date"
          className="input rb-date"
          value={dateText}
          aria-label="As of date"
          title={
            ownDate
              ? 'This segment opened at the date it was made for (a comparison’s as-of date); other segments keep their own. Events before the date count.'
              : "Evaluate the rule as of this date (events before it count). Empty: the signals' date."
          }
          onChange={(e) => {
            setDateText(e.target.value);
            if (e.target.value === '') setAsOf(null);
            else if (isIsoDay(e.target.value)) setAsOf(e.target.value);
          }}
          data-testid="rule-asof"
          data-own-date={ownDate ? 'true' : undefined}
        />
      </label>
      {asOf ? (
        <button type="button" className="btn ghost small" onClick={() => setAsOf(null)} title="Evaluate as of the signals' date again" data-testid="rule-asof-reset">
          Signals' date
        </button>
      ) : null}
      <div className="rb-status-slot">{status}</div>
    </div>
  );
}
