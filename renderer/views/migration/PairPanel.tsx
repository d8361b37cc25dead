// The transition between two dates of the series (any two: both selects, or clicks on the area
// chart): as a Sankey (segments then on the left, segments later on the right, newcomers entering
// from below) or as a matrix (counts with row shares). Clicking a flow, a node or a cell filters the
// movers below.
import { useMemo, useRef } from 'react';
import { useApp } from '../../store/index.ts';
import type { PairView } from '../../store/migrationSlice.ts';
import { EChart } from '../../components/EChart.tsx';
import { SegmentedChoice } from '../../components/SegmentedChoice.tsx';
import { useElementSize } from '../../hooks/useElementSize.ts';
import { buildSankeyOption, flowTotals, newTitle, sankeyLabelWidth, type SankeyLink, type SankeyNode } from '../../charts/migration-sankey/buildSankeyOption.ts';
import { useChartTheme } from '../signals/useChartTheme.ts';
import { findTransition, fromChoices, toChoices } from './migrationText.ts';
import { TransitionTable } from './TransitionTable.tsx';
import { useMigrationColours } from './useMigrationColours.ts';

const PAIR_VIEWS: readonly PairView[] = ['sankey', 'matrix'];
const VIEW_LABELS: Record<PairView, string> = { sankey: 'Sankey', matrix: 'Matrix' };

function ViewToggle() {
  const view = useApp((s) => s.migrationPairView);
  const setView = useApp((s) => s.setMigrationPairView);
  return (
    <SegmentedChoice
      options={PAIR_VIEWS}
      value={view}
      onChange={setView}
      label={(v) => VIEW_LABELS[v]}
      ariaLabel="How the transition is shown"
      testId="migration-pair-view"
      optionTestId={(v) => `migration-view-${v}`}
    />
  );
}

function PairSelects() {
  const r = useApp((s) => s.migrationResult);
  const pair = useApp((s) => s.migrationPair);
  const setPair = useApp((s) => s.setMigrationPair);
  if (!r || !pair) return null;
  return (
    <div className="mg-pair-selects">
      <label className="mg-inline-field">
        <span className="label">Between</span>
        <select
          className="select"
          value={pair.from}
          onChange={(e) => {
            const from = e.target.value;
            // A start at or after the end takes the next date as the end.
            setPair({ from, to: pair.to > from ? pair.to : (toChoices(r.days, from)[0] ?? pair.to) });
          }}
          data-testid="migration-pair-from"
        >
          {fromChoices(r.days).map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <label className="mg-inline-field">
        <span className="label">and</span>
        <select className="select" value={pair.to} onChange={(e) => setPair({ from: pair.from, to: e.target.value })} data-testid="migration-pair-to">
          {toChoices(r.days, pair.from).map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function SankeyChart() {
  const r = useApp((s) => s.migrationResult);
  const pair = useApp((s) => s.migrationPair);
  const filter = useApp((s) => s.migrationFilter);
  const setFilter = useApp((s) => s.setMigrationFilter);
  const theme = useChartTheme();
  const { colours, newColour } = useMigrationColours(r);
  const box = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(box);
  const t = r ? findTransition(r, pair) : null;
  const labelWidth = r && t ? sankeyLabelWidth([...r.segments.map((x) => x.name), newTitle(t.from)], width || 600) : 120;
  const data = useMemo(() => (r && t ? { from: t.from, to: t.to, segments: r.segments, counts: t.counts } : null), [r, t]);
  const option = useMemo(() => (data ? buildSankeyOption(data, { colours, newColour, filter, labelWidth }, theme) : null), [data, colours, newColour, filter, labelWidth, theme]);
  const events = useMemo(
    () => ({
      click: (p: unknown) => {
        const e = p as { dataType?: 'node' | 'edge'; data?: SankeyNode | SankeyLink };
        if (e.dataType === 'edge') {
          const l = e.data as SankeyLink;
          // Stayers and newcomers are not movers: their flows have nobody to list.
          if (l.fromKey !== null && !l.stayed) setFilter({ fromKey: l.fromKey, toKey: l.toKey });
        } else if (e.dataType === 'node') {
          const n = e.data as SankeyNode;
          if (n.key !== null) setFilter(n.side === 'from' ? { fromKey: n.key, toKey: null } : { fromKey: null, toKey: n.key });
        }
      },
    }),
    [setFilter],
  );
  if (!data || !option || !r || !t) return null;
  const k = r.segments.length;
  const totals = flowTotals(t.counts, k);
  const nodes = totals.rows.filter((n) => n > 0).length + totals.columns.filter((n) => n > 0).length;
  // Tall enough that the smallest segments still get a readable band.
  const height = Math.max(260, Math.min(560, 26 * Math.max(totals.rows.filter((n) => n > 0).length, totals.columns.filter((n) => n > 0).length) + 60));
  return (
    <div ref={box} className="mg-sankey-box" data-testid="migration-sankey" data-total={totals.total} data-nodes={nodes} data-from={t.from} data-to={t.to}>
      {/* The dates over the two node columns (the chart's margins are the label columns). */}
      <div className="mg-sankey-heads" aria-hidden="true" style={{ paddingLeft: labelWidth + 8, paddingRight: labelWidth + 8 }}>
        <span>{t.from}</span>
        <span>{t.to}</span>
      </div>
      <EChart
        option={option}
        theme={theme.mode}
        className="mg-sankey-chart"
        style={{ height }}
        ariaLabel={`Customers moving between the segments of ${r.label} from ${t.from} to ${t.to}`}
        onEvents={events}
      />
    </div>
  );
}

export function PairPanel() {
  const r = useApp((s) => s.migrationResult);
  const pair = useApp((s) => s.migrationPair);
  const view = useApp((s) => s.migrationPairView);
  if (!r || !pair) return null;
  return (
    <section className="vp-card mg-card mg-pair-card" aria-labelledby="mg-pair-title" data-testid="migration-pair">
      <header className="vp-card-head">
        <h3 id="mg-pair-title">Transition</h3>
        <PairSelects />
        <span className="spacer" />
        <ViewToggle />
      </header>
      {view === 'sankey' ? <SankeyChart /> : <TransitionTable />}
      <p className="mg-small faint">
        {view === 'sankey'
          ? 'Hover a flow for its counts and shares; click a flow (or a segment) to list its customers below.'
          : 'Each row is a segment on the earlier date: how many of its customers are in each segment on the later date, and what share of the row. Click a cell to list its customers below.'}
      </p>
    </section>
  );
}
