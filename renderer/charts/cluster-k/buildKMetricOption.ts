// Option builder for one choose-k criterion over k: the elbow (inertia per customer), the mean
// silhouette, or the stability across seeds. The recommended k is drawn larger in the accent
// colour, the k currently set as a dashed vertical line. Pure.
import type { EChartsOption } from 'echarts';
import type { KCandidate } from '../../../core/api/contract.ts';
import type { ChartTheme } from '../theme.ts';
import { chartBase, splitLines, tooltipStyle } from '../common.ts';

export type KMetric = 'inertiaPerCustomer' | 'silhouette' | 'stability';

export const K_METRICS: ReadonlyArray<{ id: KMetric; title: string; hint: string }> = [
  { id: 'inertiaPerCustomer', title: 'Elbow: inertia per customer', hint: 'Mean squared distance to the nearest centroid. Look for the bend after which more clusters stop paying off.' },
  { id: 'silhouette', title: 'Silhouette', hint: 'How much closer customers are to their own cluster than to the next one (−1 to 1). Higher is better separated.' },
  { id: 'stability', title: 'Stability across seeds', hint: 'Adjusted Rand index between fits with different seeds (0 to 1). Near 1: the same clusters every time.' },
];

export interface KMetricSettings {
  metric: KMetric;
  recommended: number | null;
  /** The k in the set-up; null hides the line. */
  selectedK: number | null;
}

function metricFormat(metric: KMetric, v: number): string {
  if (!Number.isFinite(v)) return '—';
  return metric === 'inertiaPerCustomer' ? v.toFixed(v < 10 ? 3 : 1) : v.toFixed(3);
}

export function buildKMetricOption(candidates: readonly KCandidate[], settings: KMetricSettings, theme: ChartTheme): EChartsOption {
  const axisLabel = { color: theme.mutedText, fontSize: 10, fontFamily: theme.fontFamily };
  const sorted = [...candidates].sort((a, b) => a.k - b.k);
  const ks = sorted.map((c) => String(c.k));
  const line = theme.mode === 'dark' ? '#9aa4b1' : '#5d6673';
  const selectedIndex = settings.selectedK === null ? -1 : ks.indexOf(String(settings.selectedK));
  return {
    ...chartBase(theme),
    grid: { left: 6, right: 10, top: 10, bottom: 20, containLabel: true },
    tooltip: {
      trigger: 'axis',
      ...tooltipStyle(theme),
      formatter: (p: unknown) => {
        const first = (Array.isArray(p) ? p[0] : p) as { name?: string; value?: number | { value: number } } | undefined;
        if (!first) return '';
        const v = typeof first.value === 'number' ? first.value : (first.value?.value ?? NaN);
        const rec = Number(first.name) === settings.recommended ? ' · recommended' : '';
        return `k = ${first.name}${rec}<br/>${metricFormat(settings.metric, v)}<br/><span style="opacity:.7">Click to set k</span>`;
      },
    },
    xAxis: {
      type: 'category',
      data: ks,
      boundaryGap: false,
      axisLine: { lineStyle: { color: theme.axisLine } },
      axisTick: { show: false },
      axisLabel,
      triggerEvent: true,
    },
    yAxis: {
      type: 'value',
      scale: true,
      splitNumber: 3,
      axisLabel: { ...axisLabel, formatter: (v: number) => metricFormat(settings.metric, v) },
      splitLine: splitLines(theme),
    },
    series: [
      {
        type: 'line',
        id: settings.metric,
        data: sorted.map((c) => {
          const rec = c.k === settings.recommended;
          return {
            value: c[settings.metric],
            symbolSize: rec ? 11 : 6,
            itemStyle: { color: rec ? theme.accent : line, borderColor: rec ? theme.tooltipBackground : line, borderWidth: rec ? 2 : 0 },
          };
        }),
        symbol: 'circle',
        lineStyle: { color: line, width: 1.5 },
        cursor: 'pointer',
        ...(selectedIndex >= 0
          ? {
              markLine: {
                silent: true,
                symbol: ['none', 'none'],
                lineStyle: { color: theme.accent, type: 'dashed' as const, width: 1 },
                label: { show: false },
                data: [{ xAxis: selectedIndex }],
              },
            }
          : {}),
      },
    ],
  };
}
