// The clustering set-up beside the results: signals and weights, scaling, missing values, k (with
// Choose k…), seed and outcome window, and Fit — which runs in the background with Cancel.
import { CLUSTER_MISSING, CLUSTER_SCALINGS, type ClusterMissing, type ClusterScaling } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { NumberField } from '../signals/NumberField.tsx';
import { InlineJob } from '../signals/InlineJob.tsx';
import { fitKey, MAX_K, MIN_K, OUTCOME_DAYS_MAX, SEED_MAX, settingsProblem } from './clusterSettings.ts';
import { SignalPicker } from './SignalPicker.tsx';

const SCALING_TEXT: Record<ClusterScaling, { label: string; hint: string }> = {
  'z-score': { label: 'z-score (mean, SD)', hint: 'Distance from the mean in standard deviations. Sensitive to a few extreme customers.' },
  robust: { label: 'Robust (median, MAD)', hint: 'Distance from the median in robust deviations, capped at ±4, so outliers cannot claim a cluster of their own.' },
  percentile: { label: 'Percentile rank', hint: 'Share of customers below. Even spacing, whatever the shape of the distribution.' },
};

const MISSING_TEXT: Record<ClusterMissing, { label: string; hint: string }> = {
  'signal-policy': { label: 'Each signal’s own rule', hint: 'Never purchased counts as the longest time since; no emails counts as the median (no pull either way).' },
  median: { label: 'Median', hint: 'A missing value counts as the median customer’s.' },
  drop: { label: 'Leave the customer out', hint: 'Customers missing any chosen signal are not clustered.' },
};

function Settings() {
  const draft = useApp((s) => s.clusterDraft);
  const edit = useApp((s) => s.editClusterDraft);
  const setK = useApp((s) => s.setClusterK);
  const runChooseK = useApp((s) => s.runChooseK);
  const chooseKRunning = useApp((s) => s.chooseKJob !== null);
  if (!draft) return null;
  return (
    <section className="vp-setup-section cl-setup-section cl-settings" aria-label="Scaling, missing values, k, seed and outcome">
      <label className="field">
        <span className="label">Scaling</span>
        <select className="select" value={draft.scaling} onChange={(e) => edit((s) => ({ ...s, scaling: e.target.value as ClusterScaling }))} data-testid="cluster-scaling">
          {CLUSTER_SCALINGS.map((v) => (
            <option key={v} value={v}>
              {SCALING_TEXT[v].label}
            </option>
          ))}
        </select>
        <span className="hint">{SCALING_TEXT[draft.scaling].hint}</span>
      </label>
      <label className="field">
        <span className="label">Missing values</span>
        <select className="select" value={draft.missing} onChange={(e) => edit((s) => ({ ...s, missing: e.target.value as ClusterMissing }))} data-testid="cluster-missing">
          {CLUSTER_MISSING.map((v) => (
            <option key={v} value={v}>
              {MISSING_TEXT[v].label}
            </option>
          ))}
        </select>
        <span className="hint">{MISSING_TEXT[draft.missing].hint}</span>
      </label>
      <div className="vp-setup-grid cl-setup-grid">
        <label className="field" title={`Number of clusters, ${MIN_K}–${MAX_K}`}>
          <span className="label">Clusters (k)</span>
          <NumberField value={draft.k} min={MIN_K} max={MAX_K} onCommit={setK} label="Number of clusters k" testId="cluster-k" />
        </label>
        <div className="field">
          <span className="label" aria-hidden="true">
            &nbsp;
          </span>
          <button type="button" className="btn" onClick={() => void runChooseK()} disabled={chooseKRunning} data-testid="cluster-choose-k" title="Compare k = 2…15 by elbow, silhouette and stability">
            {chooseKRunning ? <span className="spinner" /> : <Icon name="sparkles" size={13} />} Choose k…
          </button>
        </div>
        <label className="field" title="k-means starts from centroids drawn with this seed: the same seed gives the same clusters">
          <span className="label">Seed</span>
          <NumberField value={draft.seed} min={0} max={SEED_MAX} onCommit={(seed) => edit((s) => ({ ...s, seed }))} label="Random seed" testId="cluster-seed" />
        </label>
        <label className="field" title="Each cluster's conversion rate and revenue are measured over this many days after the as-of date">
          <span className="label">Outcome window (days)</span>
          <NumberField value={draft.outcomeDays} min={1} max={OUTCOME_DAYS_MAX} onCommit={(outcomeDays) => edit((s) => ({ ...s, outcomeDays }))} label="Outcome window in days" testId="cluster-outcome-days" />
        </label>
      </div>
    </section>
  );
}

function FitFooter() {
  const draft = useApp((s) => s.clusterDraft);
  const model = useApp((s) => s.clusterModel);
  const edited = useApp((s) => s.clusterDraftEdited);
  const job = useApp((s) => s.clusterFitJob);
  const fit = useApp((s) => s.fitClusters);
  const cancel = useApp((s) => s.cancelClusterFit);
  const reset = useApp((s) => s.resetClusterDraft);
  const signalsReady = useApp((s) => s.clusterSignalsState === 'ready');
  if (!draft) return null;
  const problem = settingsProblem(draft);
  const differs = model !== null && fitKey(draft) !== fitKey(model.settings);
  return (
    <div className="vp-setup-foot">
      {job ? (
        <InlineJob job={job} onCancel={cancel} testIdPrefix="cluster-fit" startingText="Starting to fit…" />
      ) : (
        <button
          type="button"
          className="btn primary cl-fit"
          onClick={() => void fit()}
          disabled={problem !== null || !signalsReady}
          title={problem ?? (signalsReady ? 'k-means on the chosen signals, stored as a new model' : 'Compute the signals first')}
          data-testid="cluster-fit"
        >
          <Icon name="play" size={13} /> Fit {draft.k} clusters
        </button>
      )}
      {problem ? (
        <p className="vp-foot-note danger-text" role="alert" data-testid="cluster-setup-problem">
          {problem}
        </p>
      ) : model && differs && !job ? (
        <p className="vp-foot-note muted" data-testid="cluster-setup-changed">
          Changed since model #{model.modelId}.{' '}
          {edited ? (
            <button type="button" className="vp-link" onClick={reset} data-testid="cluster-setup-revert">
              Revert
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}

export function SetupPanel() {
  return (
    <aside className="vp-setup" aria-label="Clustering set-up" data-testid="cluster-setup">
      <div className="vp-setup-scroll cl-setup-scroll">
        <SignalPicker />
        <Settings />
      </div>
      <FitFooter />
    </aside>
  );
}
