// What the view says when there is nothing to score: never computed in this session (explain what
// computing does), or computed before and discarded by core (new data, changed definitions).
import { useApp } from '../../store/index.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { JobProgress } from '../../components/JobProgress.tsx';
import { formatInt } from '../../lib/format.ts';

export function ComputeEmptyState() {
  const job = useApp((s) => s.computeJob);
  const cancel = useApp((s) => s.cancelCompute);
  const compute = useApp((s) => s.computeSignals);
  const asOf = useApp((s) => s.asOfInput);
  const ws = useApp((s) => s.workspace);
  const signals = useApp((s) => s.catalog?.length ?? 0);
  const openDialog = useApp((s) => s.openSignalDialog);
  return (
    <div className="vp-center sig-center">
      <EmptyState
        icon="signal"
        title="Compute the signals to start"
        testId="signals-empty"
        actions={
          job ? null : (
            <>
              <button type="button" className="btn primary large" onClick={() => void compute()} data-testid="signals-compute-empty">
                <Icon name="play" size={14} /> Compute signals{asOf ? ` as of ${asOf}` : ''}
              </button>
              <button type="button" className="btn large" onClick={openDialog} data-testid="signal-new-empty">
                <Icon name="plus" size={14} /> New signal…
              </button>
            </>
          )
        }
      >
        <p>
          Computing reads every event before the as-of date once and turns it into {formatInt(signals)} behavioural signals per customer — recency,
          frequency and value, sessions and their trend, visits to pricing, FAQ, shipping or returns pages, cart and checkout activity, email and SMS
          response, channels, timing, price sensitivity and service contacts, plus any signals you define.
        </p>
        <p>
          The signals are then weighed into a 0–100 intent score that places each of the {formatInt(ws?.customers ?? 0)} customers in a funnel phase:
          orientation, consideration, decision — or retention, for recent buyers who stay active. Nothing after the as-of date is used, so the same
          phases can be checked against what customers did next.
        </p>
        {job ? (
          <div className="sig-empty-job">
            <JobProgress progress={job.progress} startedAt={job.startedAt} cancelling={job.cancelling} onCancel={cancel} testIdPrefix="signals-empty-job" startingText="Starting to compute…" />
          </div>
        ) : (
          <p className="empty-status">
            <Icon name="clock" size={14} /> About 8 seconds per 100,000 customers; it runs in the background and can be cancelled.
          </p>
        )}
      </EmptyState>
    </div>
  );
}

export function LostBanner() {
  const reason = useApp((s) => s.lostReason);
  const lostAsOf = useApp((s) => s.lostAsOf);
  const compute = useApp((s) => s.computeSignals);
  const job = useApp((s) => s.computeJob);
  return (
    <div className="sig-alert warning sig-lost" role="alert" data-testid="signals-lost">
      <Icon name="alert" size={16} />
      <div>
        <strong>{reason === 'definitions' ? 'Signal definitions changed' : 'The data changed since the signals were computed'}</strong>
        <p>
          {reason === 'definitions'
            ? 'Compute the signals again to score customers with the new definitions. Weights and thresholds are kept.'
            : `The signals${lostAsOf ? ` as of ${lostAsOf}` : ''} were discarded after an import, an erasure or a page-taxonomy change. Compute them again to see scores and phases; weights and thresholds are kept.`}
        </p>
      </div>
      <button type="button" className="btn primary" onClick={() => void compute()} disabled={job !== null} data-testid="signals-recompute">
        <Icon name="refresh" size={14} /> {job ? 'Computing…' : 'Compute again'}
      </button>
    </div>
  );
}
