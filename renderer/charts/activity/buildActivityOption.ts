// Option builder for the customer timeline's "activity per week" chart: one stacked bar per week,
// one series per event type in the same colours as the timeline. Pure: (data, settings, theme).
import type { EChartsOption } from 'echarts';
import type { ChartTheme } from '../theme.ts';
import { chartBase, splitLines, tooltipStyle } from '../common.ts';
import { eventTypeStyle } from '../../lib/eventTypes.ts';
import { formatDate, humanize } from '../../lib/format.ts';
import type { WeeklyActivity } from './weeklyActivity.ts';

export interface ActivitySettings {
  /** Show the legend (off in the compact side panel where the type chips already explain colours). */
  legend?: boolean;
}

export function buildActivityOption(data: WeeklyActivity, settings: ActivitySettings, theme: ChartTheme): EChartsOption {
  const labels = data.weeks.map((w) => formatDate(w));
  const axisLabel = { color: theme.mutedText, fontSize: 10, fontFamily: theme.fontFamily };
  return {
    ...chartBase(theme),
    // Room on the right for the last week's date label, which ECharts centres on its bar.
    grid: { left: 4, right: 30, top: settings.legend ? 28 : 8, bottom: 4, containLabel: true },
    legend: settings.legend
      ? { show: true, top: 0, type: 'scroll', textStyle: { color: theme.mutedText, fontSize: 11 }, itemWidth: 10, itemHeight: 10 }
      : { show: false },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      ...tooltipStyle(theme),
      // Hide zero rows: a week usually has two or three types, not fifteen.
      formatter: (params: unknown) => {
        const rows = (Array.isArray(params) ? params : [params]) as Array<{ axisValueLabel?: string; seriesName?: string; value?: unknown; marker?: string }>;
        const nonZero = rows.filter((r) => typeof r.value === 'number' && r.value > 0);
        const head = `Week of ${rows[0]?.axisValueLabel ?? ''}`;
        if (nonZero.length === 0) return `${head}<br/>No events`;
        return [head, ...nonZero.map((r) => `${r.marker ?? ''}${r.seriesName ?? ''}: <b>${String(r.value)}</b>`)].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: labels,
      axisLine: { lineStyle: { color: theme.axisLine } },
      axisTick: { show: false },
      axisLabel: { ...axisLabel, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      splitNumber: 3,
      axisLabel,
      splitLine: splitLines(theme),
    },
    series: data.types.map((type) => ({
      type: 'bar' as const,
      name: humanize(type),
      id: type,
      stack: 'events',
      data: data.counts[type] ?? [],
      itemStyle: { color: eventTypeStyle(type).color },
      barMaxWidth: 14,
      emphasis: { focus: 'series' as const },
    })),
  };
}
