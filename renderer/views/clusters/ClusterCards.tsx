// One card per cluster: colour, name (renamable), size and share, the signals that set it apart,
// what its members did next, predicted CLV, and which cluster of the previous model it continues.
// Choosing a card lists its members below.
import type { ClusterInfo, ClusterModel } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { formatInt } from '../../lib/format.ts';
import { clvCell, conversionCell, formatShare, formatZ, revenueCell, type Cell } from './display.ts';
import { ClusterName } from './ClusterName.tsx';
import { DecisionBadge } from '../../components/DecisionBadge.tsx';

function Metric({ label, cell, testId }: { label: string; cell: Cell; testId: string }) {
  return (
    <div className="cl-metric" title={cell.title}>
      <dt>{label}</dt>
      <dd className={`num${cell.missing ? ' faint' : ''}`} data-testid={testId} data-missing={cell.missing || undefined}>
        {cell.text}
      </dd>
    </div>
  );
}

function Card({ info, model, selected, labelOf }: { info: ClusterInfo; model: ClusterModel; selected: boolean; labelOf: (id: string) => string }) {
  const select = useApp((s) => s.selectCluster);
  const live = model.live;
  const days = model.outcome?.days ?? model.settings.outcomeDays;
  return (
    <li
      className={`cl-cluster-card${selected && live ? ' selected' : ''}${live ? ' live' : ''}`}
      style={{ '--cluster': info.colour } as React.CSSProperties}
      onClick={() => live && select(info.key)}
      data-testid="cluster-card"
      data-key={info.key}
      data-size={info.size}
    >
      <div className="cl-card-top">
        <span className="cl-swatch" aria-hidden="true" />
        <ClusterName info={info} />
      </div>
      <div className="cl-size">
        <span className="num">
          <strong data-testid="cluster-size">{formatInt(info.size)}</strong> customers · <span data-testid="cluster-share">{formatShare(info.share)}</span>
          <DecisionBadge segmentation={{ kind: 'clusters' }} segmentKey={String(info.key)} compact className="after-text" />
        </span>
        <span className="cl-share-bar" aria-hidden="true">
          <span style={{ width: `${Math.min(100, info.share * 100)}%` }} />
        </span>
      </div>
      {info.distinguishing.length > 0 ? (
        <ul className="cl-chips" aria-label="What sets it apart">
          {info.distinguishing.map((d) => (
            <li key={d.signal} className={`cl-chip ${d.z >= 0 ? 'up' : 'down'}`} title={`${labelOf(d.signal)}: ${formatZ(d.z, 2)} from the population mean`}>
              <span className="num">{formatZ(d.z)}</span> {labelOf(d.signal)}
            </li>
          ))}
        </ul>
      ) : null}
      <dl className="cl-metrics">
        <Metric label={`Converted in ${days} d`} cell={conversionCell(info, model)} testId="cluster-conversion" />
        <Metric label="Revenue / customer" cell={revenueCell(info, model)} testId="cluster-revenue" />
        <Metric label="Predicted CLV" cell={clvCell(info)} testId="cluster-clv" />
      </dl>
      {info.continues ? (
        <p className="cl-continues faint" title="Clusters keep their identity across re-fits: matched by centroid, so names and colours stay attached">
          Continues “{info.continues.name}” of model #{info.continues.modelId} ({formatShare(info.continues.overlap)} of these members were in it)
        </p>
      ) : null}
      {live ? (
        <button
          type="button"
          className={`btn small cl-members-button${selected ? ' primary' : ''}`}
          aria-pressed={selected}
          onClick={(e) => {
            e.stopPropagation();
            select(info.key);
          }}
          data-testid="cluster-show-members"
        >
          {selected ? 'Members shown below' : 'Show members'}
        </button>
      ) : null}
    </li>
  );
}

export function ClusterCards() {
  const model = useApp((s) => s.clusterModel);
  const selectedKey = useApp((s) => (s.brushSelection ? null : s.selectedClusterKey));
  if (!model) return null;
  const labels = new Map(model.signals.map((s) => [s.id, s.label]));
  const labelOf = (id: string) => labels.get(id) ?? id;
  const base = model.outcome;
  return (
    <section className="vp-card cl-card" aria-labelledby="cl-clusters-title" data-testid="cluster-cards">
      <header className="vp-card-head cl-card-head">
        <h3 id="cl-clusters-title">{model.clusters.length} clusters</h3>
        <span className="muted vp-head-note">
          {base
            ? `All customers: ${formatShare(base.baseRate)} converted within ${base.days} days${base.complete ? '' : ' (window not complete yet)'}`
            : `What customers did in the ${model.settings.outcomeDays} days after ${model.asOf} is not in the data yet`}
        </span>
      </header>
      <ul className="cl-cluster-grid">
        {model.clusters.map((c) => (
          <Card key={c.key} info={c} model={model} selected={selectedKey === c.key} labelOf={labelOf} />
        ))}
      </ul>
    </section>
  );
}
