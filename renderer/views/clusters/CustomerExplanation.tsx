// Why a customer is in their cluster: core's sentence, the signals that pull them to this centroid
// rather than the next nearest (their value against both clusters' means), the distance to every
// centroid, and a way to their event timeline in the Data view.
import type { ClusterExplanation, ClusterModel } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { formatSignalValue } from './display.ts';

function Reasons({ ex, model }: { ex: ClusterExplanation; model: ClusterModel }) {
  const signals = new Map(model.signals.map((s) => [s.id, s]));
  const max = ex.reasons.reduce((m, r) => (Number.isFinite(r.pull) ? Math.max(m, Math.abs(r.pull)) : m), 0);
  const own = model.clusters.find((c) => c.key === ex.key);
  const next = model.clusters.find((c) => c.key === ex.distances[1]?.key);
  if (ex.reasons.length === 0) return <p className="muted">No single signal decides: the customer is about as close to the next cluster.</p>;
  return (
    <ul className="cl-reasons" aria-label="Signals that pull the customer to this cluster rather than the next nearest, strongest first">
      {ex.reasons.map((r) => {
        const s = signals.get(r.signal);
        const unit = s?.unit ?? 'index';
        // Core reports each signal's share of the pull (0..1); bars are scaled to the strongest.
        const width = max > 0 && Number.isFinite(r.pull) ? Math.max(0, r.pull / max) * 100 : 0;
        return (
          <li key={r.signal} data-testid="explanation-reason" data-signal-id={r.signal}>
            <div className="cl-reason-top">
              <span className="cl-reason-label" title={s?.label ?? r.signal}>
                {s?.label ?? r.signal}
              </span>
              <span className="cl-pull-track" title={`Share of the pull towards this cluster: ${Math.round(r.pull * 100)}%`} aria-hidden="true">
                <span className="cl-pull-fill" style={{ width: `${width}%` }} />
              </span>
            </div>
            <div className="cl-reason-values num">
              <strong>{formatSignalValue(r.value, unit)}</strong>
              <span title={own ? `Centre of “${own.name}” (what the distance compares)` : undefined}>this centre {formatSignalValue(r.clusterMean, unit)}</span>
              <span className="faint" title={next ? `Centre of “${next.name}”, the next nearest` : undefined}>
                next centre {formatSignalValue(r.otherMean, unit)}
              </span>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function Distances({ ex, model }: { ex: ClusterExplanation; model: ClusterModel }) {
  const clusters = new Map(model.clusters.map((c) => [c.key, c]));
  const max = ex.distances.reduce((m, d) => Math.max(m, d.distance), 0) || 1;
  return (
    <ul className="cl-distances" aria-label="Distance to every cluster's centroid, nearest first">
      {ex.distances.map((d) => {
        const c = clusters.get(d.key);
        return (
          <li key={d.key} className={d.key === ex.key ? 'own' : undefined} data-testid="explanation-distance">
            <span className="cl-distance-name" title={c?.name}>
              <span className="cl-dot" style={{ background: c?.colour }} aria-hidden="true" />
              {c?.name ?? `Cluster ${d.key}`}
            </span>
            <span className="cl-distance-bar" aria-hidden="true">
              <span style={{ width: `${(d.distance / max) * 100}%`, background: c?.colour }} />
            </span>
            <span className="num">{d.distance.toFixed(2)}</span>
          </li>
        );
      })}
    </ul>
  );
}

export function CustomerExplanation({ model }: { model: ClusterModel }) {
  const id = useApp((s) => s.explainId);
  const ex = useApp((s) => s.explanation);
  const loading = useApp((s) => s.explainLoading);
  const error = useApp((s) => s.explainError);
  const close = useApp((s) => s.closeExplanation);
  const openTimeline = useApp((s) => s.openClusterCustomerTimeline);
  if (!id && !loading && !error) {
    return (
      <div className="cl-explain cl-explain-empty muted" data-testid="cluster-explanation-empty">
        <Icon name="pointer" size={18} />
        <p>Choose a member, or click a point in the scatter, to see why the customer is in their cluster.</p>
      </div>
    );
  }
  const cluster = ex ? model.clusters.find((c) => c.key === ex.key) : undefined;
  return (
    <div className="cl-explain" data-testid="cluster-explanation" data-customer-id={ex?.customerId ?? id ?? ''} aria-busy={loading}>
      <div className="cl-explain-head">
        <div className="cl-explain-who">
          <div className="mono cl-explain-id">{ex?.customerId ?? id}</div>
          {cluster ? (
            <span className="cl-badge" style={{ '--cluster': cluster.colour } as React.CSSProperties}>
              <span className="cl-dot" aria-hidden="true" />
              {cluster.name}
            </span>
          ) : null}
        </div>
        <span className="spacer" />
        {loading ? <span className="spinner" aria-label="Loading" /> : null}
        <button type="button" className="btn small ghost icon-only" onClick={close} aria-label="Close the explanation" title="Close">
          <Icon name="x" size={13} />
        </button>
      </div>
      {error ? (
        <p className="danger-text" role="alert" data-testid="cluster-explanation-error">
          {error}
        </p>
      ) : null}
      {!ex && !error ? (
        <p className="muted cl-pad" role="status">
          <span className="spinner" /> Explaining…
        </p>
      ) : null}
      {ex && !error ? (
        <>
          <p className="cl-explain-text" data-testid="cluster-explanation-text">
            {ex.text}
          </p>
          <h4>What decides</h4>
          <Reasons ex={ex} model={model} />
          <h4>Distance to each centroid</h4>
          <Distances ex={ex} model={model} />
          <div className="cl-explain-actions">
            <button type="button" className="btn small" onClick={() => openTimeline(ex.customerId)} data-testid="cluster-open-timeline">
              <Icon name="activity" size={13} /> Open timeline in Data
            </button>
          </div>
        </>
      ) : null}
    </div>
  );
}
