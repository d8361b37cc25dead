// The scatter's legend as chips that wrap (generated names are long): a click hides or shows a
// cluster's points, and hidden clusters are left out of brushed selections.
import type { ClusterModel } from '../../../core/api/contract.ts';

export function ScatterLegend({ model, hidden, onToggle }: { model: ClusterModel; hidden: ReadonlySet<number>; onToggle: (key: number) => void }) {
  return (
    <ul className="cl-legend-chips" aria-label="Clusters shown in the scatter">
      {model.clusters.map((c) => {
        const off = hidden.has(c.key);
        return (
          <li key={c.key}>
            <button
              type="button"
              className={`cl-legend-chip${off ? ' off' : ''}`}
              aria-pressed={!off}
              onClick={() => onToggle(c.key)}
              title={`${c.name} — ${off ? 'show' : 'hide'} in the scatter (hidden clusters are not selected)`}
              data-testid="scatter-legend-chip"
              data-key={c.key}
            >
              <span className="cl-dot" style={{ background: c.colour }} aria-hidden="true" />
              <span className="cl-legend-name">{c.name}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
