// Sample workspaces carry each customer's hidden behaviour type: how well do the clusters recover
// it? The adjusted Rand index in one number, and the clusters × types table, each cell shaded by
// its share of the cluster's members.
import { useApp } from '../../store/index.ts';
import { formatInt, humanize } from '../../lib/format.ts';
import { describeAri, formatShare } from './display.ts';

export function EvaluationPanel() {
  const model = useApp((s) => s.clusterModel);
  const ev = model?.evaluation;
  if (!model || !ev) return null;
  const clusters = new Map(model.clusters.map((c) => [c.key, c]));
  const typeTotals = ev.types.map((_, j) => ev.table.reduce((sum, r) => sum + (r.counts[j] ?? 0), 0));
  return (
    <section className="vp-card cl-card cl-evaluation" aria-labelledby="cl-eval-title" data-testid="cluster-evaluation">
      <header className="vp-card-head cl-card-head">
        <h3 id="cl-eval-title">Against the hidden behaviour types</h3>
        <span className="muted vp-head-note">Sample data only: the generator’s behaviour type of each customer in {ev.month}</span>
      </header>
      <div className="cl-ari">
        <strong className="num" data-testid="evaluation-ari">
          {ev.adjustedRandIndex.toFixed(3)}
        </strong>
        <span>
          adjusted Rand index — the clusters are <strong>{describeAri(ev.adjustedRandIndex)}</strong> (0 = chance, 1 = the same grouping).
        </span>
      </div>
      <div className="cl-eval-scroll">
        <table className="vp-table cl-eval-table" data-testid="evaluation-table">
          <thead>
            <tr>
              <th>Cluster</th>
              {ev.types.map((t) => (
                <th key={t} className="right" title={t}>
                  {humanize(t)}
                </th>
              ))}
              <th className="right">Members</th>
            </tr>
          </thead>
          <tbody>
            {ev.table.map((r) => {
              const c = clusters.get(r.key);
              const total = r.counts.reduce((a, b) => a + b, 0);
              return (
                <tr key={r.key} data-testid="evaluation-row" data-key={r.key}>
                  <th scope="row" className="cl-eval-name" title={c?.name}>
                    <span className="cl-dot" style={{ background: c?.colour }} aria-hidden="true" />
                    {c?.name ?? `Cluster ${r.key}`}
                  </th>
                  {r.counts.map((n, j) => {
                    const share = total > 0 ? n / total : 0;
                    return (
                      <td
                        key={j}
                        className="num right"
                        style={{ background: `color-mix(in srgb, var(--accent) ${Math.round(share * 70)}%, transparent)` }}
                        title={`${formatInt(n)} of the cluster’s ${formatInt(total)} members (${formatShare(share)}) are ${humanize(ev.types[j] ?? '')}`}
                      >
                        {formatInt(n)}
                      </td>
                    );
                  })}
                  <td className="num right faint">{formatInt(total)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">All clusters</th>
              {typeTotals.map((n, j) => (
                <td key={j} className="num right faint">
                  {formatInt(n)}
                </td>
              ))}
              <td className="num right faint">{formatInt(typeTotals.reduce((a, b) => a + b, 0))}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
