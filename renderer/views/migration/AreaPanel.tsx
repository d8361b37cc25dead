// Segment sizes over the whole series as stacked areas, in customers or in shares. Clicking a date
// moves the nearer end of the pair shown beside it (the Sankey and the movers follow).
import { useMemo } from 'react';
import { useApp } from '../../store/index.ts';
import { EChart, type EChartInstance } from '../../components/EChart.tsx';
import { SegmentedChoice } from '../../components/SegmentedChoice.tsx';
import { AREA_MEASURES, buildAreaOption, type AreaMeasure } from '../../charts/migration-area/buildAreaOption.ts';
import { useChartTheme } from '../signals/useChartTheme.ts';
import { useMigrationColours } from './useMigrationColours.ts';

const MEASURE_LABELS: Record<AreaMeasure, string> = { counts: 'Counts', shares: 'Shares' };

function MeasureToggle() {
  const measure = useApp((s) => s.migrationMeasure);
  const setMeasure = useApp((s) => s.setMigrationMeasure);
  return (
    <SegmentedChoice
      options={AREA_MEASURES}
      value={measure}
      onChange={setMeasure}
      label={(m) => MEASURE_LABELS[m]}
      ariaLabel="What the areas show"
      testId="migration-measure"
      optionTestId={(m) => `migration-measure-${m}`}
    />
  );
}

/** Clicks anywhere in the plot (not only on a point) choose the date under the pointer. */
function bindDateClicks(chart: EChartInstance | null, onDay: (index: number) => void) {
  if (!chart) return;
  chart.getZr().on('click', (e: { offsetX: number; offsetY: number }) => {
    if (!chart.containPixel({ gridIndex: 0 }, [e.offsetX, e.offsetY])) return;
    const x = chart.convertFromPixel({ xAxisIndex: 0 }, e.offsetX);
    const index = Array.isArray(x) ? x[0] : x;
    if (typeof index === 'number' && Number.isFinite(index)) onDay(Math.round(index));
  });
}

export function AreaPanel() {
  const r = useApp((s) => s.migrationResult);
  const measure = useApp((s) => s.migrationMeasure);
  const pair = useApp((s) => s.migrationPair);
  const theme = useChartTheme();
  const { colours } = useMigrationColours(r);
  const option = useMemo(() => (r ? buildAreaOption(r, { measure, colours, pair }, theme) : null), [r, measure, colours, pair, theme]);
  if (!r || !option) return null;
  const last = r.days.length - 1;
  const lastTotal = (r.sizes[last] ?? []).reduce((a, b) => a + b, 0);
  return (
    <section className="vp-card mg-card mg-area-card" aria-labelledby="mg-area-title" data-testid="migration-area">
      <header className="vp-card-head">
        <h3 id="mg-area-title">Segments over time</h3>
        <span className="muted vp-head-note">
          {r.days[0]} to {r.days[last]}
        </span>
        <span className="spacer" />
        <MeasureToggle />
      </header>
      <EChart
        option={option}
        theme={theme.mode}
        className="mg-area-chart"
        ariaLabel={`${r.label}: customers per segment at each of ${r.days.length} dates, stacked`}
        onChart={(chart) =>
          bindDateClicks(chart, (i) => {
            const day = useApp.getState().migrationResult?.days[i];
            if (day) useApp.getState().chooseMigrationDay(day);
          })
        }
      />
      <p className="mg-small faint" data-testid="migration-area-note" data-last-total={lastTotal} data-dates={r.days.length}>
        Click a date to move the nearer end of the pair compared beside.
      </p>
    </section>
  );
}
