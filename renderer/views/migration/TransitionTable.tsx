// The transition matrix as a table: segments on the earlier date down, on the later date across;
// each cell the customers in both, with the share of the row. The diagonal (stayed) is tinted; the
// last row is the customers new since the earlier date. A cell off the diagonal filters the movers.
import { useApp } from '../../store/index.ts';
import { DecisionBadge } from '../../components/DecisionBadge.tsx';
import { formatInt } from '../../lib/format.ts';
import { formatShare } from '../../charts/compare-common/format.ts';
import { flowTotals } from '../../charts/migration-sankey/buildSankeyOption.ts';
import { findTransition } from './migrationText.ts';
import { useMigrationColours } from './useMigrationColours.ts';

function Dot({ colour }: { colour: string }) {
  return <span className="vp-dot" style={{ background: colour }} aria-hidden="true" />;
}

export function TransitionTable() {
  const r = useApp((s) => s.migrationResult);
  const pair = useApp((s) => s.migrationPair);
  const filter = useApp((s) => s.migrationFilter);
  const setFilter = useApp((s) => s.setMigrationFilter);
  const { colours, newColour } = useMigrationColours(r);
  const t = r ? findTransition(r, pair) : null;
  if (!r || !t) return null;
  const k = r.segments.length;
  const totals = flowTotals(t.counts, k);
  // Segments with nobody on either date are left out.
  const shown = r.segments.map((s, i) => ({ s, i })).filter(({ i }) => (totals.rows[i] ?? 0) > 0 || (totals.columns[i] ?? 0) > 0);
  const rows = [...shown.map(({ s, i }) => ({ key: s.key as string | null, name: s.name, i, colour: colours[i]! })), ...((totals.rows[k] ?? 0) > 0 ? [{ key: null, name: `New since ${t.from}`, i: k, colour: newColour }] : [])];
  return (
    <div className="mg-matrix-scroll" data-testid="migration-matrix">
      <table className="vp-table mg-matrix">
        <thead>
          <tr>
            <th scope="col" className="mg-matrix-corner" title={`Rows: segments on ${t.from}; columns: segments on ${t.to}`}>
              <span className="faint">From ↓ to →</span>
            </th>
            {shown.map(({ s, i }) => (
              <th key={s.key} scope="col" className="right" title={s.name}>
                <Dot colour={colours[i]!} />
                <span className="mg-matrix-name">{s.name}</span>
                <DecisionBadge segmentation={r.ref} segmentKey={s.key} compact />
              </th>
            ))}
            <th scope="col" className="right">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const rowTotal = totals.rows[row.i] ?? 0;
            return (
              <tr key={row.key ?? 'new'} className={row.key === null ? 'mg-matrix-new' : undefined}>
                <th scope="row" title={row.name}>
                  <Dot colour={row.colour} />
                  <span className="mg-matrix-name">{row.name}</span>
                  {row.key !== null ? <DecisionBadge segmentation={r.ref} segmentKey={row.key} compact /> : null}
                </th>
                {shown.map(({ s, i }) => {
                  const n = t.counts[row.i]?.[i] ?? 0;
                  const stayed = row.i === i;
                  const movers = row.key !== null && !stayed && n > 0;
                  const selected = movers && filter.fromKey === row.key && filter.toKey === s.key;
                  const text = (
                    <>
                      <span className="num">{formatInt(n)}</span>
                      <span className="num mg-share">{n > 0 ? formatShare(n, rowTotal) : ''}</span>
                    </>
                  );
                  return (
                    <td key={s.key} className={`right mg-cell${stayed ? ' stayed' : ''}${selected ? ' selected' : ''}${n === 0 ? ' zero' : ''}`}>
                      {movers ? (
                        <button
                          type="button"
                          className="mg-cell-btn"
                          onClick={() => setFilter({ fromKey: row.key, toKey: s.key })}
                          aria-pressed={selected}
                          title={`List the ${formatInt(n)} customers who moved from ${row.name} to ${s.name}`}
                          data-testid="migration-matrix-cell"
                          data-from={row.key ?? ''}
                          data-to={s.key}
                          data-count={n}
                        >
                          {text}
                        </button>
                      ) : (
                        <span className="mg-cell-text" data-testid="migration-matrix-cell" data-from={row.key ?? 'new'} data-to={s.key} data-count={n}>
                          {text}
                        </span>
                      )}
                    </td>
                  );
                })}
                <td className="right num mg-row-total">{formatInt(rowTotal)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total on {t.to}</th>
            {shown.map(({ s, i }) => (
              <td key={s.key} className="right num">
                {formatInt(totals.columns[i] ?? 0)}
              </td>
            ))}
            <td className="right num" data-testid="migration-matrix-total">
              {formatInt(totals.total)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
