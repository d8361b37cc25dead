// Conversion per segment of A and of B in the window after the as-of date: customers, converters,
// the rate with its 95% Wilson interval (drawn as a small bar on a scale shared by both tables,
// with the base rate marked), lift over the base rate and revenue per customer. Sortable.
import type { Comparison, ComparisonOutcome, SegmentationInfo } from '../../../../core/api/contract.ts';
import { useApp } from '../../../store/index.ts';
import type { CompareSide } from '../../../store/compareSlice.ts';
import { Icon } from '../../../components/Icon.tsx';
import { DecisionBadge } from '../../../components/DecisionBadge.tsx';
import { ariaSort, SortButton } from '../../../components/SortButton.tsx';
import { formatInt, formatMoney } from '../../../lib/format.ts';
import {
  barPosition,
  barScale,
  formatLift,
  formatRate,
  formatRateInterval,
  OUTCOME_COLUMNS,
  sortOutcomeRows,
  type OutcomeColumn,
  type OutcomeRow,
} from './compareText.ts';

const HEADERS: Record<OutcomeColumn, { label: string; title: string; numeric: boolean }> = {
  segment: { label: 'Segment', title: 'In the segmentation’s own order', numeric: false },
  customers: { label: 'Customers', title: 'Customers in the segment as of the date', numeric: true },
  converters: { label: 'Converters', title: 'Of them, the ones who bought in the outcome window', numeric: true },
  rate: { label: 'Conversion (95% interval)', title: 'Converters ÷ customers, with the 95% Wilson interval; the bar’s tick marks the base rate', numeric: true },
  lift: { label: 'Lift', title: 'Conversion ÷ the base rate of all customers', numeric: true },
  revenue: { label: 'Revenue / cust.', title: 'Revenue in the outcome window per customer of the segment', numeric: true },
};

function IntervalBar({ row, max, base }: { row: OutcomeRow; max: number; base: number }) {
  const pct = (v: number) => `${(barPosition(v, max) * 100).toFixed(2)}%`;
  const lo = barPosition(row.low, max);
  const hi = barPosition(row.high, max);
  return (
    <span className="cmp-ibar" aria-hidden="true">
      <span className="cmp-ibar-base" style={{ left: pct(base) }} />
      <span className="cmp-ibar-range" style={{ left: `${(lo * 100).toFixed(2)}%`, width: `${(Math.max(0.004, hi - lo) * 100).toFixed(2)}%` }} />
      <span className="cmp-ibar-point" style={{ left: pct(row.rate) }} />
    </span>
  );
}

/** Above or below the base rate beyond doubt (the interval leaves it out): marked; else plain. */
function liftClass(row: OutcomeRow, base: number): string {
  if (row.low > base) return 'cmp-up';
  if (row.high < base) return 'cmp-down';
  return '';
}

function liftTitle(row: OutcomeRow, base: number): string {
  if (row.low > base) return 'Above the base rate: the whole 95% interval is above it';
  if (row.high < base) return 'Below the base rate: the whole 95% interval is below it';
  return 'Not clearly different from the base rate: the 95% interval includes it';
}

function rowsOf(info: SegmentationInfo, outcomes: ComparisonOutcome['a']): OutcomeRow[] {
  const byKey = new Map(outcomes.map((o) => [o.key, o]));
  return info.segments.flatMap((s, order) => {
    const o = byKey.get(s.key);
    // Nobody in the segment: no rate to show (its interval would span 0–100%).
    return o && o.customers > 0 ? [{ ...o, name: s.name, order }] : [];
  });
}

function OutcomeTable({ side, r, outcome, max }: { side: CompareSide; r: Comparison; outcome: ComparisonOutcome; max: number }) {
  const sort = useApp((s) => s.compareSorts[side]);
  const setSort = useApp((s) => s.sortCompareOutcomes);
  const cellKey = useApp((s) => s.compareCell?.[side] ?? null);
  const info = r[side];
  const colours = new Map(info.segments.map((s) => [s.key, s.colour]));
  const rows = sortOutcomeRows(rowsOf(info, outcome[side]), sort);
  return (
    <section className="vp-card cmp-card cmp-outcome" aria-labelledby={`cmp-outcome-${side}`} data-testid={`compare-outcome-${side}`}>
      <header className="vp-card-head">
        <h3 id={`cmp-outcome-${side}`} className="cmp-pair-title">
          <span className="cmp-side-tag">{side.toUpperCase()}</span> {info.label}
        </h3>
        <span className="muted vp-head-note">
          conversion in the {formatInt(r.outcomeDays)} days after {r.asOf}
        </span>
      </header>
      <div className="cmp-table-scroll">
        <table className="vp-table cmp-table" data-testid={`compare-outcome-table-${side}`}>
          <thead>
            <tr>
              {OUTCOME_COLUMNS.map((c) => {
                const active = sort.column === c;
                return (
                  <th key={c} scope="col" className={HEADERS[c].numeric ? 'right' : ''} aria-sort={ariaSort(active, sort.desc)} title={HEADERS[c].title}>
                    <SortButton label={HEADERS[c].label} active={active} desc={sort.desc} onClick={() => setSort(side, c)} testId={`compare-sort-${side}-${c}`} />
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className={row.key === cellKey ? 'selected' : ''} data-testid="compare-outcome-row" data-key={row.key} data-rate={row.rate}>
                <th scope="row" className="cmp-seg-name" title={row.name}>
                  {colours.get(row.key) ? <span className="vp-dot" style={{ background: colours.get(row.key)! }} /> : null}
                  {row.name}
                  <DecisionBadge segmentation={info.ref} segmentKey={row.key} compact className="after-text" />
                </th>
                <td className="num right">{formatInt(row.customers)}</td>
                <td className="num right">{formatInt(row.converters)}</td>
                <td className="num right cmp-rate-cell" title={`${formatRate(row.rate)}, 95% interval ${formatRateInterval(row.low, row.high)}; base rate ${formatRate(outcome.baseRate)}`}>
                  <span className="cmp-rate" data-testid="compare-outcome-rate">
                    {formatRate(row.rate)}
                  </span>
                  <span className="cmp-rate-int faint">{formatRateInterval(row.low, row.high)}</span>
                  <IntervalBar row={row} max={max} base={outcome.baseRate} />
                </td>
                <td className={`num right ${liftClass(row, outcome.baseRate)}`} title={liftTitle(row, outcome.baseRate)}>
                  {formatLift(row.lift)}
                </td>
                <td className="num right">{formatMoney(row.revenuePerCustomer)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">All customers</th>
              <td className="num right">{formatInt(r.customers)}</td>
              <td className="num right">{formatInt(outcome.converters)}</td>
              <td className="num right cmp-rate-cell">
                <span className="cmp-rate" data-testid={`compare-base-rate-${side}`}>
                  {formatRate(outcome.baseRate)}
                </span>
                <span className="cmp-rate-int faint">base rate</span>
                <span className="cmp-ibar" aria-hidden="true">
                  <span className="cmp-ibar-base" style={{ left: `${(barPosition(outcome.baseRate, max) * 100).toFixed(2)}%` }} />
                </span>
              </td>
              <td className="num right">×1.00</td>
              <td className="num right">{formatMoney(outcome.revenuePerCustomer)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

export function OutcomeTables() {
  const r = useApp((s) => s.compareResult);
  if (!r) return null;
  const o = r.outcome;
  if (!o) {
    return (
      <div className="sig-alert info" role="note" data-testid="compare-outcome-none">
        <Icon name="info" size={16} />
        <p>
          <strong>No conversion figures.</strong> {r.outcomeNote ?? `The data does not reach past ${r.asOf}.`} Choose an earlier as-of date to see what customers did next.
        </p>
      </div>
    );
  }
  const max = barScale([...o.a, ...o.b].filter((x) => x.customers > 0), o.baseRate);
  return (
    <>
      {!o.complete || r.outcomeNote ? (
        <div className={`sig-alert ${o.complete ? 'info' : 'warning'}`} role="note" data-testid="compare-outcome-note">
          <Icon name={o.complete ? 'info' : 'alert'} size={16} />
          <p>
            {!o.complete ? <strong>The outcome window is not complete. </strong> : null}
            {r.outcomeNote ?? `The data ends before ${o.windowEnd}: the rates understate what customers will do.`}
          </p>
        </div>
      ) : null}
      <div className="cmp-outcomes">
        <OutcomeTable side="a" r={r} outcome={o} max={max} />
        <OutcomeTable side="b" r={r} outcome={o} max={max} />
      </div>
    </>
  );
}
