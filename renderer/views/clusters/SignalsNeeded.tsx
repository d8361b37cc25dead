// Clustering works on computed signals: with none in this session (and no stored model to show),
// the view explains that and offers to compute them here or in the Signals view.
import { useApp } from '../../store/index.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { JobProgress } from '../../components/JobProgress.tsx';
import { formatInt } from '../../lib/format.ts';
import { JobFailureNote } from '../signals/JobFailureNote.tsx';

export function SignalsNeeded() {
  const job = useApp((s) => s.computeJob);
  const error = useApp((s) => s.computeError);
  const cancel = useApp((s) => s.cancelCompute);
  const compute = useApp((s) => s.computeSignalsForClusters);
  const customers = useApp((s) => s.workspace?.customers ?? 0);
  return (
    <div className="vp-center cl-center">
      <EmptyState
        icon="signal"
        title="Compute the signals first"
        testId="clusters-signals-needed"
        actions={
          job ? null : (
            <>
              <button type="button" className="btn primary large" onClick={() => void compute()} data-testid="clusters-compute-signals">
                <Icon name="play" size={14} /> Compute signals
              </button>
              <button type="button" className="btn large" onClick={() => useApp.getState().setView('signals')} data-testid="clusters-go-signals">
                <Icon name="signal" size={14} /> Go to Signals &amp; Phases
              </button>
            </>
          )
        }
      >
        <p>
          Clusters group the {formatInt(customers)} customers by their behavioural signals — recency, frequency and value, visits, intent pages, channels, timing,
          price sensitivity and service contacts. The signals are computed as of a date, once per session; the Signals view lets you choose the date.
        </p>
        {job ? (
          <div className="cl-empty-job">
            <JobProgress progress={job.progress} startedAt={job.startedAt} cancelling={job.cancelling} onCancel={cancel} testIdPrefix="clusters-signals-job" startingText="Starting to compute…" />
          </div>
        ) : null}
        {error && !job ? <JobFailureNote failure={error} fallback="The signals could not be computed" testId="clusters-signals-error" /> : null}
      </EmptyState>
    </div>
  );
}
