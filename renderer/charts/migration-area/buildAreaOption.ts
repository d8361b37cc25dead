// Option builder for segment sizes over the dates of a migration: one stacked area per segment, in
// customers (the top of the stack is everybody known at that date) or in shares of them (the stack
// fills 100%). The two dates whose transition is on screen are marked. Segments empty at every
// date are left out. Pure.
import type { EChartsOption } from 'echarts';
import type { ChartTheme } from '../theme.ts';
import { axisLabel, chartBase, legendBase, splitLines, tooltipBase } from '../common.ts';
import { formatCompact, formatInt } from '../../lib/format.ts';
import { escapeHtml } from '../compare-common/format.ts';

export const AREA_MEASURES = ['counts', 'shares'] as const;
export type AreaMeasure = (typeof AREA_MEASURES)[number];

export interface AreaData {
  days: readonly string[];
  segments: ReadonlyArray<{ key: string; name: string }>;
  /** sizes[d][s]: customers in segment s at date d. */
  sizes: ReadonlyArray<ReadonlyArray<number>>;
  /** Customers known at each date. */
  customers: readonly number[];
}

export interface AreaSettings {
  measure: AreaMeasure;
  colours: readonly string[];
  /** The transition on screen, marked on the axis. */
  pair: { from: string; to: string } | null;
}

export interface AreaSeries {
  key: string;
  name: string;
  colour: string;
  /** Per date: customers, or percent of the customers known then. */
  values: number[];
}

/** One series per segment that has customers at some date, in the segmentation's order. */
export function areaSeries(data: AreaData, settings: Pick<AreaSettings, 'measure' | 'colours'>): AreaSeries[] {
  const out: AreaSeries[] = [];
  data.segments.forEach((s, i) => {
    const counts = data.days.map((_, d) => data.sizes[d]?.[i] ?? 0);
    if (!counts.some((n) => n > 0)) return;
    const values =
      settings.measure === 'counts' ? counts : counts.map((n, d) => ((data.customers[d] ?? 0) > 0 ? Math.round((n / data.customers[d]!) * 10000) / 100 : 0));
    out.push({ key: s.key, name: s.name, colour: settings.colours[i] ?? '#8a929d', values });
  });
  return out;
}

interface AxisItem {
  dataIndex: number;
  seriesIndex: number;
}

export function areaTooltip(data: AreaData, series: readonly AreaSeries[], counts: readonly AreaSeries[], items: readonly AxisItem[]): string {
  const d = items[0]?.dataIndex;
  if (d === undefined) return '';
  const total = data.customers[d] ?? 0;
  const lines = [`<strong>${escapeHtml(data.days[d] ?? '')}</strong> · ${formatInt(total)} customers`];
  // Top of the stack first, as the chart reads.
  for (let s = series.length - 1; s >= 0; s--) {
    const n = counts[s]?.values[d] ?? 0;
    const share = total > 0 ? `${((n / total) * 100).toFixed(1)}%` : '—';
    lines.push(`<span style="display:inline-block;width:8px;height:8px;border-radius:50%;margin-right:6px;background:${series[s]!.colour}"></span>${escapeHtml(series[s]!.name)}: <b>${formatInt(n)}</b> (${share})`);
  }
  lines.push('<span style="opacity:.75">Click to compare this date</span>');
  return lines.join('<br/>');
}

export function buildAreaOption(data: AreaData, settings: AreaSettings, theme: ChartTheme): EChartsOption {
  const series = areaSeries(data, settings);
  const counts = settings.measure === 'counts' ? series : areaSeries(data, { ...settings, measure: 'counts' });
  const shares = settings.measure === 'shares';
  const marks = settings.pair
    ? [
        { xAxis: settings.pair.from, label: { formatter: 'from', position: 'end' as const } },
        { xAxis: settings.pair.to, label: { formatter: 'to', position: 'end' as const } },
      ]
    : [];
  return {
    ...chartBase(theme),
    grid: { left: 8, right: 16, top: 46, bottom: 6, containLabel: true },
    legend: { ...legendBase(theme), type: 'scroll', left: 0, right: 0, data: series.map((s) => s.name) },
    tooltip: {
      trigger: 'axis',
      ...tooltipBase(theme),
      axisPointer: { type: 'line', lineStyle: { color: theme.axisLine } },
      formatter: (p: unknown) => areaTooltip(data, series, counts, p as AxisItem[]),
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: [...data.days],
      axisLabel: { ...axisLabel(theme), hideOverlap: true },
      axisLine: { lineStyle: { color: theme.axisLine } },
      axisTick: { show: false },
    },
    yAxis: {
      type: 'value',
      max: shares ? 100 : undefined,
      axisLabel: { ...axisLabel(theme), formatter: shares ? '{value}%' : (v: number) => formatCompact(v) },
      splitLine: splitLines(theme),
    },
    series: series.map((s, i) => ({
      type: 'line' as const,
      id: `area-${s.key}`,
      name: s.name,
      stack: 'segments',
      data: s.values,
      symbol: 'circle',
      symbolSize: 4,
      showSymbol: data.days.length <= 24,
      lineStyle: { width: 1, color: s.colour },
      itemStyle: { color: s.colour },
      areaStyle: { color: s.colour, opacity: 0.78 },
      emphasis: { focus: 'series' as const },
      ...(i === series.length - 1 && marks.length
        ? {
            markLine: {
              silent: true,
              symbol: 'none',
              lineStyle: { color: theme.text, type: 'dashed' as const, width: 1.5 },
              label: { color: theme.text, fontSize: 10, fontFamily: theme.fontFamily },
              data: marks,
            },
          }
        : {}),
    })),
  } as EChartsOption;
}
