// Option builder for the tracking chart: cumulative repeat purchases week by week, actual (solid)
// vs what the model expects (dashed), with a marker line at the calibration end. Pure.
import type { EChartsOption } from 'echarts';
import type { Backtest } from '../../../core/api/contract.ts';
import type { ChartTheme } from '../theme.ts';
import { axisLabel, chartBase, legendBase, splitLines, tooltipBase } from '../common.ts';
import { axisRows, fmt, predictColours } from '../predict-common/base.ts';

export function buildTrackingOption(tracking: Backtest['tracking'], calibrationEnd: string, theme: ChartTheme): EChartsOption {
  const c = predictColours(theme);
  // The last calibration week: the line sits between it and the first holdout week.
  const markIndex = Math.max(0, Math.min(tracking.weekEnd.length - 1, tracking.calibrationWeeks - 1));
  return {
    ...chartBase(theme),
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { ...legendBase(theme), left: 0, right: undefined, data: ['Actual', 'Predicted'] },
    tooltip: {
      ...tooltipBase(theme),
      trigger: 'axis',
      formatter: (p: unknown) => {
        const first = (Array.isArray(p) ? p[0] : p) as { name?: string; dataIndex?: number } | undefined;
        const phase = first?.dataIndex !== undefined && first.dataIndex < tracking.calibrationWeeks ? 'calibration' : 'holdout';
        return `Week ending ${first?.name ?? ''} <span style="opacity:.7">(${phase})</span><br/>${axisRows(p, (v) => fmt(v, 0))}`;
      },
    },
    xAxis: {
      type: 'category',
      data: tracking.weekEnd,
      boundaryGap: false,
      axisLine: { lineStyle: { color: theme.axisLine } },
      axisTick: { show: false },
      axisLabel: { ...axisLabel(theme), hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      axisLabel: axisLabel(theme),
      splitLine: splitLines(theme),
    },
    series: [
      {
        type: 'line',
        name: 'Actual',
        id: 'actual',
        data: tracking.actual,
        showSymbol: false,
        lineStyle: { color: c.actual, width: 2 },
        itemStyle: { color: c.actual },
        markLine: {
          silent: true,
          symbol: ['none', 'none'],
          lineStyle: { color: c.marker, type: 'dashed', width: 1.5 },
          label: { show: true, position: 'end', formatter: `Calibration end ${calibrationEnd}`, color: c.marker, fontSize: 10 },
          data: [{ xAxis: markIndex }],
        },
      },
      {
        type: 'line',
        name: 'Predicted',
        id: 'predicted',
        data: tracking.predicted,
        showSymbol: false,
        lineStyle: { color: c.predicted, width: 2, type: 'dashed' },
        itemStyle: { color: c.predicted },
      },
    ],
  };
}
