// How many customers each segment takes from each segment below it: takes[i][j] is the number of
// customers in both i and j whose primary segment is i (i above j). Shaded by size; each row also
// says it in words. Unassigned customers close the table.
import { useApp } from '../../../store/index.ts';
import { formatInt } from '../../../lib/format.ts';
import { maxTake, takesFrom } from './priorityOrder.ts';

export function TakesMatrix() {
  const analysis = useApp((s) => s.priorityAnalysis);
  if (!analysis || analysis.rows.length === 0) return null;
  const max = maxTake(analysis);
  const rows = analysis.rows;
  return (
    <section className="vp-card pri-card" aria-labelledby="pri-takes-title" data-testid="priority-takes">
      <header className="vp-card-head">
        <h3 id="pri-takes-title">Who takes from whom</h3>
        <span className="muted pri-head-note">customers in both segments that the higher one (row) keeps as primary</span>
      </header>
      <div className="pri-takes-wrap">
        <table className="pri-takes">
          <thead>
            <tr>
              <th scope="col">Takes from →</th>
              {rows.map((r, j) => (
                <th key={r.segmentId} scope="col" className="num" title={r.name}>
                  <span className="pri-col-head">
                    {j + 1}. {r.name}
                  </span>
                </th>
              ))}
              <th scope="col">In words</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const words = takesFrom(analysis, i);
              return (
                <tr key={r.segmentId} data-testid="priority-takes-row" data-segment-id={r.segmentId}>
                  <th scope="row" className="pri-row-head" title={r.name}>
                    {i + 1}. {r.name}
                  </th>
                  {rows.map((c, j) => {
                    if (j <= i)
                      return (
                        <td key={c.segmentId} className="pri-take none" aria-label="not applicable">
                          {j === i ? '—' : ''}
                        </td>
                      );
                    const n = analysis.takes[i]?.[j] ?? 0;
                    const alpha = max > 0 && n > 0 ? 0.1 + 0.35 * (n / max) : 0;
                    return (
                      <td
                        key={c.segmentId}
                        className="pri-take num"
                        style={alpha ? { background: `color-mix(in srgb, var(--accent) ${Math.round(alpha * 100)}%, transparent)` } : undefined}
                        title={`${r.name} takes ${formatInt(n)} customers that ${c.name} also matches`}
                        data-testid={`priority-take-${i}-${j}`}
                        data-count={n}
                      >
                        {formatInt(n)}
                      </td>
                    );
                  })}
                  <td className="pri-words">{words.length ? words.map((w) => `${formatInt(w.customers)} from ${w.name}`).join(', ') : <span className="faint">takes from no lower segment</span>}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Unassigned</th>
              <td colSpan={rows.length + 1} className="num" data-testid="priority-takes-unassigned">
                {formatInt(analysis.unassigned)} of {formatInt(analysis.customers)} customers match no segment
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
