// Under the scatter: how many customers the brushed area holds, per cluster, and Clear selection
// (or, with nothing brushed, how to select).
import type { ClusterModel } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { formatInt } from '../../lib/format.ts';

export function SelectionBar({ model }: { model: ClusterModel }) {
  const selection = useApp((s) => s.brushSelection);
  const clear = useApp((s) => s.setBrushSelection);
  if (!selection) {
    return (
      <p className="cl-brush-hint faint" data-testid="brush-hint">
        Drag on the chart to select customers; click a point to explain it.
      </p>
    );
  }
  const names = new Map(model.clusters.map((c) => [c.key, c]));
  return (
    <div className="cl-selection" data-testid="brush-selection" data-count={selection.rows.length}>
      <strong className="num" data-testid="brush-count">
        {formatInt(selection.rows.length)} selected
      </strong>
      <span className="cl-selection-parts muted">
        {selection.counts.slice(0, 4).map((c) => (
          <span key={c.key} className="cl-selection-part" title={names.get(c.key)?.name}>
            <span className="cl-dot" style={{ background: names.get(c.key)?.colour }} aria-hidden="true" />
            <span>
              {formatInt(c.count)} {names.get(c.key)?.name ?? `cluster ${c.key}`}
            </span>
          </span>
        ))}
        {selection.counts.length > 4 ? <span>…</span> : null}
      </span>
      <button type="button" className="btn small" onClick={() => clear(null)} data-testid="brush-clear">
        <Icon name="x" size={12} /> Clear selection
      </button>
    </div>
  );
}
