// The selected cell of the heatmap: its customers, shares, Jaccard and conversion, and "Save as
// segment…", which opens the rule builder with "in A's segment AND in B's segment" as an unsaved
// draft evaluated as of the comparison's date, so it counts the cell's customers (the analyst
// adds conditions there, e.g. NOT bought in the last 30 days, and saves).
// Two selects choose a cell from the keyboard too.
import type { Comparison } from '../../../../core/api/contract.ts';
import { useApp } from '../../../store/index.ts';
import { Icon } from '../../../components/Icon.tsx';
import { formatInt, formatMoney } from '../../../lib/format.ts';
import { cellName, formatJaccard, formatLift, formatRate, formatRateWithInterval, formatShare } from './compareText.ts';

function CellPicker({ r }: { r: Comparison }) {
  const cell = useApp((s) => s.compareCell);
  const select = useApp((s) => s.selectCompareCell);
  const a = cell?.a ?? '';
  const b = cell?.b ?? '';
  const choose = (na: string, nb: string) => {
    if (na && nb) select({ a: na, b: nb });
    else if (na || nb) select({ a: na || (r.a.segments[0]?.key ?? ''), b: nb || (r.b.segments[0]?.key ?? '') });
  };
  return (
    <div className="cmp-cell-picker">
      <label className="field">
        <span className="label">
          <span className="cmp-side-tag">A</span> {r.a.label}
        </span>
        <select className="select" value={a} onChange={(e) => choose(e.target.value, b)} data-testid="compare-cell-a">
          {a === '' ? <option value="">Choose a segment…</option> : null}
          {r.a.segments.filter((s) => s.customers > 0 || s.key === a).map((s) => (
            <option key={s.key} value={s.key}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="label">
          <span className="cmp-side-tag">B</span> {r.b.label}
        </span>
        <select className="select" value={b} onChange={(e) => choose(a, e.target.value)} data-testid="compare-cell-b">
          {b === '' ? <option value="">Choose a segment…</option> : null}
          {r.b.segments.filter((s) => s.customers > 0 || s.key === b).map((s) => (
            <option key={s.key} value={s.key}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function CellFigures({ r, i, j }: { r: Comparison; i: number; j: number }) {
  const a = r.a.segments[i]!;
  const b = r.b.segments[j]!;
  const n = r.contingency[i]?.[j] ?? 0;
  const rowTotal = r.contingency[i]?.reduce((x, y) => x + y, 0) ?? 0;
  const colTotal = r.contingency.reduce((x, row) => x + (row[j] ?? 0), 0);
  const o = r.outcome?.cells[i]?.[j];
  return (
    <>
      <p className="cmp-cell-name" data-testid="compare-cell-name" title={cellName(a.name, b.name)}>
        {cellName(a.name, b.name)}
      </p>
      <dl className="cmp-cell-figures">
        <div>
          <dt>Customers</dt>
          <dd className="num" data-testid="compare-cell-count">
            {formatInt(n)}
          </dd>
        </div>
        <div title={`Share of the ${formatInt(rowTotal)} customers in ${a.name}`}>
          <dt>Of A’s segment</dt>
          <dd className="num">{formatShare(n, rowTotal)}</dd>
        </div>
        <div title={`Share of the ${formatInt(colTotal)} customers in ${b.name}`}>
          <dt>Of B’s segment</dt>
          <dd className="num">{formatShare(n, colTotal)}</dd>
        </div>
        <div title="Customers in both ÷ customers in either">
          <dt>Jaccard</dt>
          <dd className="num">{formatJaccard(r.jaccard[i]?.[j] ?? 0)}</dd>
        </div>
        {o && o.customers > 0 ? (
          <>
            <div className="wide" title={`${formatInt(o.converters)} of ${formatInt(o.customers)} bought in the ${r.outcomeDays} days after ${r.asOf}; 95% Wilson interval`}>
              <dt>Conversion</dt>
              <dd className="num" data-testid="compare-cell-rate">
                {formatRateWithInterval(o)}
              </dd>
            </div>
            <div title={`Conversion ÷ the base rate (${formatRate(r.outcome?.baseRate)})`}>
              <dt>Lift</dt>
              <dd className="num">{formatLift(o.lift)}</dd>
            </div>
            <div title={`Revenue in the ${r.outcomeDays} days after ${r.asOf}, per customer in the cell`}>
              <dt>Revenue / customer</dt>
              <dd className="num">{formatMoney(o.revenuePerCustomer)}</dd>
            </div>
          </>
        ) : null}
      </dl>
    </>
  );
}

export function CellPanel() {
  const r = useApp((s) => s.compareResult);
  const cell = useApp((s) => s.compareCell);
  const save = useApp((s) => s.saveCompareCellAsSegment);
  if (!r) return null;
  const i = cell ? r.a.segments.findIndex((s) => s.key === cell.a) : -1;
  const j = cell ? r.b.segments.findIndex((s) => s.key === cell.b) : -1;
  const has = i >= 0 && j >= 0;
  return (
    <section className="vp-card cmp-card cmp-cell" aria-labelledby="cmp-cell-title" data-testid="compare-cell" data-selected={has ? `${cell!.a}|${cell!.b}` : ''}>
      <header className="vp-card-head">
        <h3 id="cmp-cell-title">Selected cell</h3>
      </header>
      <div className="cmp-cell-body">
        <CellPicker r={r} />
        {has ? (
          <div className="cmp-cell-detail">
            <CellFigures r={r} i={i} j={j} />
            <button type="button" className="btn primary cmp-save" onClick={() => save()} data-testid="compare-save-cell">
              <Icon name="plus" size={13} /> Save as segment…
            </button>
            <p className="cmp-small faint">
              Opens the rule builder with both conditions, counted as of {r.asOf} like this comparison; add more there (for example “did not purchase in the last 30 days”) and save.
            </p>
          </div>
        ) : (
          <p className="cmp-small muted" data-testid="compare-cell-none">
            Click a cell in the heatmap, or choose a segment of each here, to see its customers and conversion and to save it as a segment.
          </p>
        )}
      </div>
    </section>
  );
}
