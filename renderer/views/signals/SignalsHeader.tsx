// The view's header: the as-of date, Compute signals (with progress and Cancel while it runs),
// what the current snapshot is, and whether the settings are saved.
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { defaultAsOfDay, isIsoDay } from '../../lib/isoDay.ts';
import { formatDuration, formatInt } from '../../lib/format.ts';
import { jobFailureTitle } from '../../store/signalsSlice.ts';
import { InlineJob } from './InlineJob.tsx';

function SaveBadge() {
  const state = useApp((s) => s.saveState);
  const error = useApp((s) => s.saveError);
  const hasSettings = useApp((s) => s.scoring !== null);
  if (!hasSettings) return null;
  const view = {
    saved: { cls: 'badge', icon: <Icon name="check" size={11} strokeWidth={2.5} />, text: 'Saved', title: 'Weights, thresholds and actions are saved in the workspace.' },
    pending: { cls: 'badge', icon: <span className="spinner" />, text: 'Saving…', title: 'Saving your changes to the workspace.' },
    saving: { cls: 'badge', icon: <span className="spinner" />, text: 'Saving…', title: 'Saving your changes to the workspace.' },
    failed: { cls: 'badge warning', icon: <Icon name="alert" size={11} />, text: 'Not saved', title: error ?? 'The settings could not be saved.' },
    'read-only': { cls: 'badge warning', icon: <Icon name="lock" size={11} />, text: 'Read-only: not saved', title: 'The workspace is read-only: changes apply here but are not saved.' },
  }[state];
  return (
    <span className={view.cls} title={view.title} data-testid="signals-save-state" data-state={state}>
      {view.icon} {view.text}
    </span>
  );
}

export function SignalsHeader() {
  const asOf = useApp((s) => s.asOfInput);
  const setAsOf = useApp((s) => s.setAsOfInput);
  const compute = useApp((s) => s.computeSignals);
  const cancel = useApp((s) => s.cancelCompute);
  const job = useApp((s) => s.computeJob);
  const error = useApp((s) => s.computeError);
  const snapshot = useApp((s) => s.snapshot);
  const state = useApp((s) => s.snapshotState);
  const signals = useApp((s) => s.catalog?.length ?? 0);
  const lastEventAt = useApp((s) => s.workspace?.lastEventAt ?? null);
  const events = useApp((s) => s.workspace?.events ?? 0);
  const latest = defaultAsOfDay(lastEventAt);
  const validDate = asOf === '' || isIsoDay(asOf);
  const moved = snapshot !== null && isIsoDay(asOf) && asOf !== snapshot.asOf;
  const primary = state !== 'ready' || moved;
  const status = job
    ? null
    : snapshot
      ? moved
        ? `Showing signals as of ${snapshot.asOf} — compute to move to ${asOf}`
        : `${formatInt(snapshot.customers)} customers as of ${snapshot.asOf} · ${formatInt(signals)} signals in ${formatDuration(snapshot.computedMs)}`
      : state === 'lost'
        ? 'Signals need computing again'
        : null;

  return (
    <div className="toolbar vp-header sig-header" role="toolbar" aria-label="Signals">
      <h2 className="vp-title sig-title">Signals &amp; Phases</h2>
      <label className="sig-field">
        <span>As of</span>
        <input
          type="date"
          className="input"
          value={asOf}
          max={latest ?? undefined}
          onChange={(e) => setAsOf(e.target.value)}
          aria-label="As-of date"
          aria-invalid={!validDate}
          title={`Signals use only events before this date.${latest ? ` The latest possible: ${latest} (the day after the newest event).` : ''}`}
          data-testid="signals-asof"
          disabled={job !== null}
        />
      </label>
      {latest && asOf !== latest && job === null ? (
        <button type="button" className="btn small ghost" onClick={() => setAsOf(latest)} title={`Use ${latest}, the day after the newest event`}>
          Latest
        </button>
      ) : null}
      {state === 'none' ? null : job ? (
        <InlineJob job={job} onCancel={cancel} testIdPrefix="signals-compute" startingText="Starting to compute…" />
      ) : (
        <button
          type="button"
          className={`btn${primary ? ' primary' : ''}`}
          onClick={() => void compute()}
          disabled={!validDate || events === 0}
          data-testid="signals-compute"
          title="Compute every signal for every customer as of the date (reads all events; runs in the background)"
        >
          <Icon name="refresh" size={14} /> {state === 'ready' ? 'Recompute signals' : 'Compute signals'}
        </button>
      )}
      {status ? (
        <span className="vp-status muted" data-testid="signals-status" aria-live="polite" title={status}>
          {status}
        </span>
      ) : (
        <span className="spacer" />
      )}
      <SaveBadge />
      {error ? (
        <div className="sig-alert error sig-header-error" role="alert" data-testid="signals-compute-error">
          <Icon name="alert" size={15} />
          <p>
            <strong>{jobFailureTitle(error, 'The signals could not be computed')}.</strong> {error.message}
          </p>
        </div>
      ) : null}
    </div>
  );
}
