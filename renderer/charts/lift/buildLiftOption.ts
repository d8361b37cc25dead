// Option builder for "lift by decile" of a weight suggestion: the holdout's conversion rate in
// each score decile (1 = highest scores) under the suggested, current and equal weights, with the
// base rate as a dashed line. A good score falls steeply from decile 1 to 10. Pure.
import type { EChartsOption } from 'echarts';
import type { WeightSuggestion } from '../../../core/api/contract.ts';
import type { ChartTheme } from '../theme.ts';
import { chartBase, splitLines, tooltipStyle } from '../common.ts';

export interface LiftSettings {
  /** Show the legend (the panel may explain the colours itself). */
  legend: boolean;
}

export const LIFT_SERIES = [
  { key: 'suggested', name: 'Suggested weights' },
  { key: 'current', name: 'Current weights' },
  { key: 'equal', name: 'Equal weights' },
] as const;

export function liftColors(theme: ChartTheme): Record<(typeof LIFT_SERIES)[number]['key'], string> {
  return theme.mode === 'dark'
    ? { suggested: '#57bf7c', current: theme.accent, equal: '#9aa4b1' }
    : { suggested: '#2d8a4e', current: theme.accent, equal: '#8a929d' };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function buildLiftOption(data: WeightSuggestion['lift'], settings: LiftSettings, theme: ChartTheme): EChartsOption {
  const axisLabel = { color: theme.mutedText, fontSize: 11, fontFamily: theme.fontFamily };
  const colors = liftColors(theme);
  const deciles = Math.max(data.suggested.length, data.current.length, data.equal.length);
  return {
    ...chartBase(theme),
    grid: { left: 8, right: 16, top: settings.legend ? 30 : 12, bottom: 22, containLabel: true },
    legend: settings.legend ? { show: true, top: 0, textStyle: { color: theme.mutedText, fontSize: 11 }, itemWidth: 14, itemHeight: 8 } : { show: false },
    tooltip: {
      trigger: 'axis',
      ...tooltipStyle(theme),
      valueFormatter: (v: unknown) => (typeof v === 'number' ? pct(v) : '—'),
    },
    xAxis: {
      type: 'category',
      data: Array.from({ length: deciles }, (_, i) => String(i + 1)),
      name: 'Score decile (1 = highest scores)',
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: { color: theme.mutedText, fontSize: 11 },
      axisLine: { lineStyle: { color: theme.axisLine } },
      axisTick: { show: false },
      axisLabel,
    },
    yAxis: {
      type: 'value',
      min: 0,
      splitNumber: 4,
      axisLabel: { ...axisLabel, formatter: (v: number) => `${Math.round(v * 100)}%` },
      splitLine: splitLines(theme),
    },
    series: LIFT_SERIES.map((s, i) => ({
      type: 'line' as const,
      name: s.name,
      id: s.key,
      data: data[s.key],
      symbol: 'circle',
      symbolSize: s.key === 'suggested' ? 7 : 5,
      lineStyle: { width: s.key === 'suggested' ? 2.5 : 1.5, color: colors[s.key], type: s.key === 'equal' ? ('dotted' as const) : ('solid' as const) },
      itemStyle: { color: colors[s.key] },
      z: 3 - i,
      ...(i === 0
        ? {
            markLine: {
              silent: true,
              symbol: ['none', 'none'],
              lineStyle: { color: theme.mutedText, type: 'dashed' as const },
              label: { formatter: `Base rate ${pct(data.baseRate)}`, position: 'insideEndTop' as const, color: theme.mutedText, fontSize: 11 },
              data: [{ yAxis: data.baseRate }],
            },
          }
        : {}),
    })),
  };
}
