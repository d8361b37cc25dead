// Option builder for the CLV distribution: customers by predicted lifetime value, drawn as a
// stepped area over the histogram's bins (a value axis, so the mean and median are marked at
// their exact amounts). Pure.
import type { EChartsOption } from 'echarts';
import type { PredictionSummary } from '../../../core/api/contract.ts';
import type { ChartTheme } from '../theme.ts';
import { axisLabel, chartBase, splitLines, tooltipBase } from '../common.ts';
import { fmt, predictColours } from '../predict-common/base.ts';

type Clv = NonNullable<PredictionSummary['clv']>;

/** Points of the stepped outline: up from 0 at the first edge, across each bin, down at the last. */
export function histogramSteps(h: Clv['histogram']): Array<[number, number]> {
  const n = Math.min(h.counts.length, h.edges.length - 1);
  if (n <= 0) return [];
  const pts: Array<[number, number]> = [[h.edges[0]!, 0]];
  for (let i = 0; i < n; i++) pts.push([h.edges[i]!, h.counts[i]!]);
  pts.push([h.edges[n]!, h.counts[n - 1]!], [h.edges[n]!, 0]);
  return pts;
}

/** The bin holding an amount (the last bin includes its upper edge); -1 outside. */
export function binOf(h: Clv['histogram'], v: number): number {
  const n = h.edges.length - 1;
  for (let i = 0; i < n; i++) if (v >= h.edges[i]! && (v < h.edges[i + 1]! || (i === n - 1 && v <= h.edges[n]!))) return i;
  return -1;
}

const compact = (v: number) => (Math.abs(v) >= 10_000 ? `${(v / 1000).toFixed(0)}k` : Math.abs(v) >= 1000 ? `${(v / 1000).toFixed(1)}k` : v.toFixed(0));

export function buildClvHistogramOption(clv: Clv, theme: ChartTheme): EChartsOption {
  const c = predictColours(theme);
  const h = clv.histogram;
  const lo = h.edges[0] ?? 0;
  const hi = h.edges[h.edges.length - 1] ?? 1;
  return {
    ...chartBase(theme),
    grid: { left: 8, right: 18, top: 12, bottom: 26, containLabel: true },
    tooltip: {
      ...tooltipBase(theme),
      trigger: 'axis',
      axisPointer: { type: 'line', snap: false },
      formatter: (p: unknown) => {
        const first = (Array.isArray(p) ? p[0] : p) as { axisValue?: number } | undefined;
        const i = binOf(h, Number(first?.axisValue));
        if (i < 0) return '';
        return `${fmt(h.edges[i]!)} – ${fmt(h.edges[i + 1]!)}<br/><b>${h.counts[i]!.toLocaleString('en-US')}</b> customers`;
      },
    },
    xAxis: {
      type: 'value',
      min: lo,
      max: hi,
      name: `Predicted CLV over ${clv.months} months (margin, discounted)`,
      nameLocation: 'middle',
      nameGap: 22,
      nameTextStyle: axisLabel(theme),
      axisLabel: { ...axisLabel(theme), formatter: compact, hideOverlap: true },
      axisLine: { lineStyle: { color: theme.axisLine } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      axisLabel: axisLabel(theme),
      splitLine: splitLines(theme),
    },
    series: [
      {
        type: 'line',
        id: 'clv',
        name: 'Customers',
        step: 'end',
        data: histogramSteps(h),
        showSymbol: false,
        lineStyle: { color: c.predicted, width: 1.5 },
        areaStyle: { color: c.predicted, opacity: 0.25 },
        markLine: {
          silent: true,
          symbol: ['none', 'none'],
          lineStyle: { type: 'dashed', width: 1.5 },
          // Mean and median are often close: no labels to collide; the panel's figures carry the key.
          label: { show: false },
          data: [
            { name: 'Median', xAxis: clv.median, lineStyle: { color: c.actual } },
            { name: 'Mean', xAxis: clv.mean, lineStyle: { color: c.marker } },
          ],
        },
      },
    ],
  };
}
