// The contingency heatmap: A's segments down, B's across, customers in both in each cell, shaded
// by the measure chosen (counts, share of the row, share of the column, Jaccard). The segment
// names are HTML beside and above the canvas, sticky while a big table scrolls, shortened with
// the full name on hover. Hovering a cell tells its figures; clicking selects it.
import { useMemo, useRef } from 'react';
import type { SegmentInfo } from '../../../../core/api/contract.ts';
import { useApp } from '../../../store/index.ts';
import { EChart } from '../../../components/EChart.tsx';
import { SegmentedChoice } from '../../../components/SegmentedChoice.tsx';
import { useElementSize } from '../../../hooks/useElementSize.ts';
import { formatCompact, formatInt } from '../../../lib/format.ts';
import { useChartTheme } from '../../signals/useChartTheme.ts';
import {
  buildContingencyOption,
  CONTINGENCY_MEASURES,
  contingencyTotals,
  scaleGradient,
  type ContingencyCell,
  type ContingencyMeasure,
} from '../../../charts/compare-contingency/buildContingencyOption.ts';
import { visibleContingency } from '../../../charts/compare-contingency/fromComparison.ts';
import { formatJaccard, formatRate } from './compareText.ts';

const ROW_PX = 30;
const HEAD_PX = 58;
const MIN_COLUMN_PX = 66;
const MAX_COLUMN_PX = 160;
const MIN_LABEL_PX = 150;
const MAX_LABEL_PX = 300;

const MEASURE_TEXT: Record<ContingencyMeasure, { label: string; hint: (a: string, b: string) => string }> = {
  counts: { label: 'Counts', hint: () => 'Customers in both segments; shaded by the square root of the largest cell.' },
  row: { label: 'Row share', hint: (a, b) => `Of each ${a} segment (row), the share in each ${b} segment; rows add up to 100%.` },
  column: { label: 'Column share', hint: (a, b) => `Of each ${b} segment (column), the share in each ${a} segment; columns add up to 100%.` },
  jaccard: { label: 'Jaccard', hint: () => 'Customers in both ÷ customers in either: 1 = the two segments are the same customers; shaded against the largest pair.' },
};

function MeasureToggle() {
  const measure = useApp((s) => s.compareMeasure);
  const setMeasure = useApp((s) => s.setCompareMeasure);
  return (
    <SegmentedChoice
      options={CONTINGENCY_MEASURES}
      value={measure}
      onChange={setMeasure}
      label={(m) => MEASURE_TEXT[m].label}
      ariaLabel="What the cells show"
      testId="compare-measure"
      optionTestId={(m) => `compare-measure-${m}`}
      optionClassName={() => 'cmp-seg'}
    />
  );
}

function Legend({ measure, max }: { measure: ContingencyMeasure; max: { count: number; jaccard: number } }) {
  const theme = useChartTheme();
  const top = measure === 'counts' ? formatCompact(max.count) : measure === 'jaccard' ? formatJaccard(max.jaccard) : '100%';
  return (
    <div className="vp-legend" aria-hidden="true">
      <span className="num">0</span>
      <span className="vp-legend-bar cmp-legend-bar" style={{ background: scaleGradient(theme.mode) }} />
      <span className="num">{top}</span>
    </div>
  );
}

function labelTitle(s: SegmentInfo, total: number): string {
  return `${s.name} — ${formatInt(s.customers)} customers (${formatRate(total > 0 ? s.customers / total : NaN)} of all)`;
}

export function ContingencyPanel() {
  const r = useApp((s) => s.compareResult);
  const measure = useApp((s) => s.compareMeasure);
  const cell = useApp((s) => s.compareCell);
  const select = useApp((s) => s.selectCompareCell);
  const theme = useChartTheme();
  const scroll = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(scroll);

  const visible = useMemo(() => (r ? visibleContingency(r) : null), [r]);
  const data = visible?.data ?? null;
  const totals = useMemo(() => (data ? contingencyTotals(data) : null), [data]);
  const selected = useMemo(() => {
    if (!data || !cell) return null;
    const row = data.rows.findIndex((s) => s.key === cell.a);
    const column = data.columns.findIndex((s) => s.key === cell.b);
    return row >= 0 && column >= 0 ? { row, column } : null;
  }, [data, cell]);
  const outcomeWindow = r ? `in the ${r.outcomeDays} days after ${r.asOf}` : '';
  const option = useMemo(
    () => (data ? buildContingencyOption(data, { measure, selected, labels: true, outcomeWindow, outcomeNote: r?.outcomeNote ?? null }, theme) : null),
    [data, measure, selected, outcomeWindow, r?.outcomeNote, theme],
  );
  const events = useMemo(
    () => ({
      click: (p: unknown) => {
        const v = (p as { data?: ContingencyCell }).data?.value;
        const a = v ? data?.rows[v[1]] : undefined;
        const b = v ? data?.columns[v[0]] : undefined;
        if (a && b) select({ a: a.key, b: b.key });
      },
    }),
    [data, select],
  );
  if (!r || !visible || !data || !option || !totals) return null;

  const nCols = Math.max(1, data.columns.length);
  const nRows = Math.max(1, data.rows.length);
  // The names get what the columns leave at their narrowest (within limits), the columns the rest.
  const labelPx = width > 0 ? Math.max(MIN_LABEL_PX, Math.min(MAX_LABEL_PX, width - 2 - nCols * MIN_COLUMN_PX)) : 200;
  const colPx = Math.max(MIN_COLUMN_PX, Math.min(MAX_COLUMN_PX, Math.floor(Math.max(0, width - labelPx - 2) / nCols)));
  const chartW = colPx * nCols;
  const chartH = ROW_PX * nRows;
  const total = r.customers;
  const empty = [...visible.emptyRows.map((s) => `${s.name} (A)`), ...visible.emptyColumns.map((s) => `${s.name} (B)`)];

  return (
    <section className="vp-card cmp-card cmp-heatmap-card" aria-labelledby="cmp-heatmap-title" data-testid="compare-heatmap">
      <header className="vp-card-head">
        <h3 id="cmp-heatmap-title">Overlap</h3>
        <span className="muted vp-head-note">
          {formatInt(nRows)} × {formatInt(nCols)} segments
        </span>
        <span className="spacer" />
        <MeasureToggle />
      </header>
      <p className="cmp-small muted" data-testid="compare-measure-hint">
        {MEASURE_TEXT[measure].hint('A', 'B')} Hover a cell for its figures; click to select it.
      </p>
      <div className="cmp-hm-scroll" ref={scroll} data-testid="compare-heatmap-scroll">
        <div className="cmp-hm" style={{ gridTemplateColumns: `${labelPx}px ${chartW}px`, gridTemplateRows: `${HEAD_PX}px ${chartH}px` }}>
          <div className="cmp-hm-corner">
            <span title={r.b.label}>
              <span className="cmp-side-tag">B</span> {r.b.label} →
            </span>
            <span title={r.a.label}>
              <span className="cmp-side-tag">A</span> {r.a.label} ↓
            </span>
          </div>
          <div className="cmp-hm-cols" style={{ gridTemplateColumns: `repeat(${nCols}, ${colPx}px)` }}>
            {data.columns.map((s, j) => (
              <div key={s.key} className={`cmp-hm-col${selected?.column === j ? ' selected' : ''}`} title={labelTitle(s, total)} data-testid="compare-col-label" data-key={s.key}>
                <span className="cmp-hm-name">
                  {s.colour ? <span className="vp-dot" style={{ background: s.colour }} /> : null}
                  {s.name}
                </span>
                <span className="cmp-hm-count num">{formatCompact(s.customers)}</span>
              </div>
            ))}
          </div>
          <div className="cmp-hm-rows">
            {data.rows.map((s, i) => (
              <div key={s.key} className={`cmp-hm-row${selected?.row === i ? ' selected' : ''}`} style={{ height: ROW_PX }} title={labelTitle(s, total)} data-testid="compare-row-label" data-key={s.key}>
                {s.colour ? <span className="vp-dot" style={{ background: s.colour }} /> : null}
                <span className="cmp-hm-name">{s.name}</span>
                <span className="cmp-hm-count num">{formatCompact(s.customers)}</span>
              </div>
            ))}
          </div>
          <EChart
            option={option}
            theme={theme.mode}
            className="cmp-hm-chart"
            style={{ width: chartW, height: chartH }}
            ariaLabel={`Contingency heatmap: ${nRows} segments of ${r.a.label} by ${nCols} segments of ${r.b.label}, showing ${MEASURE_TEXT[measure].label.toLowerCase()}`}
            onEvents={events}
          />
        </div>
      </div>
      <div className="cmp-heatmap-foot">
        <Legend measure={measure} max={{ count: totals.maxCount, jaccard: totals.maxJaccard }} />
        {empty.length > 0 ? (
          <span className="cmp-small faint" data-testid="compare-empty-segments" title="Segments no customer is in as of the date are left out of the grid and the tables">
            No customers in: {empty.join(', ')}
          </span>
        ) : null}
      </div>
    </section>
  );
}
