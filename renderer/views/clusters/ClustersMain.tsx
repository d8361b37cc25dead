// The results column: notices (signals missing, a model from an earlier session, a failed fit),
// choose-k when asked for, then the model — or what to do when there is none yet.
import { useApp } from '../../store/index.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { JobProgress } from '../../components/JobProgress.tsx';
import { formatInt } from '../../lib/format.ts';
import { clusterFailureTitle } from '../../store/clustersSlice.ts';
import { ChooseKPanel } from './ChooseKPanel.tsx';
import { ModelResults } from './ModelResults.tsx';
import { NotLiveBanner } from './NotLiveBanner.tsx';

function FitFailure() {
  const error = useApp((s) => s.clusterFitError);
  const compute = useApp((s) => s.computeSignalsForClusters);
  const computing = useApp((s) => s.computeJob !== null);
  if (!error || error.code === 'invalid-args') return null;
  return (
    <div className="sig-alert error" role="alert" data-testid="cluster-fit-error" data-code={error.code}>
      <Icon name="alert" size={16} />
      <p>
        <strong>{clusterFailureTitle(error, 'The clusters could not be fitted')}.</strong> {error.message}
      </p>
      {error.code === 'signals-not-computed' ? (
        <button type="button" className="btn small" onClick={() => void compute()} disabled={computing}>
          {computing ? 'Computing…' : 'Compute signals'}
        </button>
      ) : null}
    </div>
  );
}

function NoModelYet() {
  const job = useApp((s) => s.clusterFitJob);
  const cancel = useApp((s) => s.cancelClusterFit);
  const fit = useApp((s) => s.fitClusters);
  const runChooseK = useApp((s) => s.runChooseK);
  const k = useApp((s) => s.clusterDraft?.k ?? 0);
  const signals = useApp((s) => s.clusterDraft?.signals.length ?? 0);
  const asOf = useApp((s) => s.clusterSignalsAsOf);
  const customers = useApp((s) => s.workspace?.customers ?? 0);
  return (
    <EmptyState
      icon="clusters"
      title="No clusters yet"
      testId="clusters-no-model"
      actions={
        job ? null : (
          <>
            <button type="button" className="btn primary large" onClick={() => void fit()} disabled={signals === 0} data-testid="cluster-fit-empty">
              <Icon name="play" size={14} /> Fit {k} clusters
            </button>
            <button type="button" className="btn large" onClick={() => void runChooseK()} disabled={signals === 0} data-testid="cluster-choose-k-empty">
              <Icon name="sparkles" size={14} /> Choose k first…
            </button>
          </>
        )
      }
    >
      <p>
        k-means groups the {formatInt(customers)} customers by the {signals} chosen signals{asOf ? ` as of ${asOf}` : ''}, with a fixed seed so the same set-up gives the same
        clusters. Each cluster gets a descriptive name you can change, a profile, its size and what its members did next.
      </p>
      <p>Not sure how many clusters the data supports? Choose k compares k = 2 to 15 by elbow, silhouette and stability and recommends one.</p>
      {job ? (
        <div className="cl-empty-job">
          <JobProgress progress={job.progress} startedAt={job.startedAt} cancelling={job.cancelling} onCancel={cancel} testIdPrefix="cluster-fit-empty-job" startingText="Starting to fit…" />
        </div>
      ) : null}
    </EmptyState>
  );
}

function SignalsMissingBanner() {
  const compute = useApp((s) => s.computeSignalsForClusters);
  const job = useApp((s) => s.computeJob);
  const cancel = useApp((s) => s.cancelCompute);
  const model = useApp((s) => s.clusterModel);
  return (
    <div className="sig-alert warning cl-banner" role="status" data-testid="clusters-signals-missing">
      <Icon name="alert" size={16} />
      <div>
        <strong>Signals are not computed in this session</strong>
        <p>Stored models can be read, but fitting needs the signals. {model ? `Compute them as of ${model.asOf} to fit as of the same date as model #${model.modelId}.` : ''}</p>
      </div>
      {job ? (
        <button type="button" className="btn small danger" onClick={cancel} disabled={job.cancelling}>
          <span className="spinner" /> {job.cancelling ? 'Cancelling…' : `${job.progress?.phase ?? 'Computing'} — Cancel`}
        </button>
      ) : (
        <button type="button" className="btn" onClick={() => void compute(model?.asOf)} data-testid="clusters-banner-compute">
          <Icon name="play" size={13} /> Compute signals{model ? ` as of ${model.asOf}` : ''}
        </button>
      )}
    </div>
  );
}

export function ClustersMain() {
  const model = useApp((s) => s.clusterModel);
  const signalsReady = useApp((s) => s.clusterSignalsState === 'ready');
  const chooseKOpen = useApp((s) => s.chooseKOpen);
  return (
    <div className="vp-main" data-testid="clusters-main">
      {!signalsReady ? <SignalsMissingBanner /> : null}
      {model && !model.live ? <NotLiveBanner /> : null}
      <FitFailure />
      {chooseKOpen ? <ChooseKPanel /> : null}
      {model ? <ModelResults /> : <NoModelYet />}
    </div>
  );
}
