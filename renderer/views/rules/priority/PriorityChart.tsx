// Primary members against members claimed by segments above, one stacked bar per segment in
// priority order.
import { useMemo } from 'react';
import { useApp } from '../../../store/index.ts';
import { EChart } from '../../../components/EChart.tsx';
import { useChartTheme } from '../../signals/useChartTheme.ts';
import { buildPriorityBarsOption } from '../../../charts/priority-bars/buildPriorityBarsOption.ts';
import { formatInt } from '../../../lib/format.ts';

export function PriorityChart() {
  const analysis = useApp((s) => s.priorityAnalysis);
  const theme = useChartTheme();
  const rows = analysis?.rows;
  const option = useMemo(() => (rows ? buildPriorityBarsOption(rows, theme) : null), [rows, theme]);
  const height = Math.max(150, (rows?.length ?? 0) * 30 + 50);
  return (
    <section className="vp-card pri-card pri-chart-card" aria-labelledby="pri-chart-title" data-testid="priority-chart">
      <header className="vp-card-head">
        <h3 id="pri-chart-title">Primary and claimed above</h3>
        {analysis ? <span className="muted pri-head-note">{formatInt(analysis.unassigned)} customers match no segment</span> : null}
      </header>
      {option && rows ? (
        <EChart
          option={option}
          theme={theme.mode}
          className="pri-chart"
          style={{ height }}
          ariaLabel={`Stacked bars per segment: ${rows.map((r, i) => `${i + 1}. ${r.name}: ${r.primary} primary, ${r.claimedAbove} claimed above`).join('; ')}`}
        />
      ) : (
        <p className="muted pri-placeholder">The bars appear when the analysis is done.</p>
      )}
    </section>
  );
}
