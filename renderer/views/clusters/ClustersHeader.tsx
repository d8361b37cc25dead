// The view's header: which model is shown (the history of fits), what it is, and how it was fitted.
import { useApp } from '../../store/index.ts';
import { formatDuration, formatInt } from '../../lib/format.ts';
import { convergenceText, modelLabel, modelTitle } from './display.ts';

function ModelPicker() {
  const models = useApp((s) => s.clusterModels);
  const model = useApp((s) => s.clusterModel);
  const loading = useApp((s) => s.clusterModelLoading);
  const select = useApp((s) => s.selectClusterModel);
  if (models.length === 0 || !model) return null;
  const newestFirst = [...models].sort((a, b) => b.modelId - a.modelId);
  const current = models.find((m) => m.modelId === model.modelId);
  return (
    <label className="cl-field" title={current ? modelTitle(current) : undefined}>
      <span>Model</span>
      <select className="select cl-model-select" value={model.modelId} onChange={(e) => void select(Number(e.target.value))} aria-label="Model history" data-testid="cluster-model-select">
        {newestFirst.map((m, i) => (
          <option key={m.modelId} value={m.modelId}>
            {modelLabel(m)}
            {i === 0 ? ' (newest)' : ''}
          </option>
        ))}
      </select>
      {loading ? <span className="spinner" aria-label="Loading the model" /> : null}
    </label>
  );
}

export function ClustersHeader() {
  const model = useApp((s) => s.clusterModel);
  const signalsAsOf = useApp((s) => s.clusterSignalsAsOf);
  const status = model
    ? `${formatInt(model.clustered)} customers in ${model.clusters.length} clusters as of ${model.asOf}${model.dropped > 0 ? ` (${formatInt(model.dropped)} left out: missing values)` : ''} · fitted in ${formatDuration(model.fitMs)}, ${convergenceText(model)}`
    : signalsAsOf
      ? `Signals as of ${signalsAsOf} are ready to cluster`
      : null;
  return (
    <div className="toolbar vp-header" role="toolbar" aria-label="Clusters">
      <h2 className="vp-title">Clusters</h2>
      <ModelPicker />
      {status ? (
        <span className="vp-status muted" data-testid="clusters-status" title={status}>
          {status}
        </span>
      ) : (
        <span className="spacer" />
      )}
      {model && !model.live ? (
        <span className="badge warning" title="Fitted in an earlier session: re-fit to see the scatter, members and explanations" data-testid="cluster-not-live-badge">
          Earlier session
        </span>
      ) : null}
    </div>
  );
}
