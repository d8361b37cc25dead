// Option builder for the intent-score histogram: 100 bars of one score point each, coloured by
// the phase their scores fall in under the current thresholds. The plot area has fixed pixel
// margins (SCORE_GRID) so the draggable threshold handles laid over the chart know where score
// s is: x = left + s / 100 * (width - left - right). Pure: (data, settings, theme).
import type { EChartsOption } from 'echarts';
import type { ChartTheme } from '../theme.ts';
import { chartBase, splitLines, tooltipStyle } from '../common.ts';
import { formatCompact, formatInt } from '../../lib/format.ts';
import { PHASE_LABELS, phaseColor, scorePhase } from '../phases/palette.ts';

/** Pixel margins of the plot area inside the chart's box. */
export const SCORE_GRID = { left: 48, right: 14, top: 14, bottom: 26 } as const;

export interface ScoreHistogramData {
  /** Customers per score point: bin b holds scores in [b, b + 1). */
  histogram: readonly number[];
}

export interface ScoreHistogramSettings {
  consideration: number;
  decision: number;
  /** Logarithmic count axis: the few customers with high scores stay visible next to the many with low ones. */
  logScale: boolean;
}

/** The phase a one-point bin belongs to: decided by its midpoint, so integer thresholds split bins exactly. */
export function binPhase(bin: number, t: { consideration: number; decision: number }) {
  return scorePhase(bin + 0.5, t);
}

export function buildScoreHistogramOption(data: ScoreHistogramData, settings: ScoreHistogramSettings, theme: ChartTheme): EChartsOption {
  const axisLabel = { color: theme.mutedText, fontSize: 10, fontFamily: theme.fontFamily };
  const bins = Array.from({ length: 100 }, (_, b) => b);
  const thresholds = { consideration: settings.consideration, decision: settings.decision };
  return {
    ...chartBase(theme),
    grid: { ...SCORE_GRID, containLabel: false },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      ...tooltipStyle(theme),
      formatter: (params: unknown) => {
        const p = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
        const b = p?.dataIndex ?? 0;
        const count = data.histogram[b] ?? 0;
        return `Score ${b}–${b + 1}<br/><b>${formatInt(count)}</b> customers · ${PHASE_LABELS[binPhase(b, thresholds)]} by score`;
      },
    },
    xAxis: [
      { type: 'category', data: bins.map(String), show: false, boundaryGap: true },
      {
        type: 'value',
        min: 0,
        max: 100,
        interval: 10,
        position: 'bottom',
        axisLine: { show: true, lineStyle: { color: theme.axisLine } },
        axisTick: { show: true, lineStyle: { color: theme.axisLine } },
        axisLabel,
        splitLine: { show: false },
      },
    ],
    yAxis: settings.logScale
      ? {
          type: 'log',
          min: 1,
          logBase: 10,
          axisLabel: { ...axisLabel, formatter: (v: number) => formatCompact(v) },
          splitLine: splitLines(theme),
        }
      : {
          type: 'value',
          minInterval: 1,
          splitNumber: 4,
          axisLabel: { ...axisLabel, formatter: (v: number) => formatCompact(v) },
          splitLine: splitLines(theme),
        },
    series: [
      {
        type: 'bar',
        name: 'Customers',
        xAxisIndex: 0,
        barCategoryGap: '8%',
        // A log axis cannot show 0: empty bins are left out rather than drawn at 1.
        data: bins.map((b) => {
          const count = data.histogram[b] ?? 0;
          return { value: settings.logScale && count === 0 ? null : count, itemStyle: { color: phaseColor(binPhase(b, thresholds), theme.mode) } };
        }),
      },
    ],
  };
}
