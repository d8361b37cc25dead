// Option builder for the backtest: conversion rate per phase as bars, the 95% Wilson interval of
// each as an error bar (a mark-line segment with caps), and the base rate as a dashed line.
// Pure: (data, settings, theme).
import type { EChartsOption } from 'echarts';
import type { PhaseBacktest } from '../../../core/api/contract.ts';
import type { ChartTheme } from '../theme.ts';
import { chartBase, splitLines, tooltipStyle } from '../common.ts';
import { formatInt } from '../../lib/format.ts';
import { PHASE_LABELS, PHASES, phaseColor } from '../phases/palette.ts';

export interface PhaseConversionSettings {
  /** Draw the interval caps and segments (off makes a cleaner thumbnail). */
  intervals: boolean;
}

export const pct = (x: number, digits = 1): string => `${(x * 100).toFixed(digits)}%`;

export function buildPhaseConversionOption(data: PhaseBacktest, settings: PhaseConversionSettings, theme: ChartTheme): EChartsOption {
  const axisLabel = { color: theme.mutedText, fontSize: 11, fontFamily: theme.fontFamily };
  const rows = PHASES.map((p) => ({ phase: p, ...data.phases[p] }));
  const errorBars = settings.intervals
    ? rows.filter((r) => r.customers > 0).map((r) => [{ coord: [PHASE_LABELS[r.phase], r.low] }, { coord: [PHASE_LABELS[r.phase], r.high] }])
    : [];
  return {
    ...chartBase(theme),
    grid: { left: 8, right: 16, top: 24, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'item',
      ...tooltipStyle(theme),
      formatter: (params: unknown) => {
        const p = params as { dataIndex?: number; seriesType?: string };
        const r = rows[p.dataIndex ?? 0];
        if (!r || p.seriesType !== 'bar') return '';
        return [
          `<b>${PHASE_LABELS[r.phase]}</b>`,
          `Converted: <b>${pct(r.rate)}</b> (95% interval ${pct(r.low)}–${pct(r.high)})`,
          `${formatInt(r.converted)} of ${formatInt(r.customers)} customers`,
          r.lift === null ? '' : `Lift over base rate: <b>${r.lift.toFixed(2)}×</b>`,
        ]
          .filter(Boolean)
          .join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: rows.map((r) => PHASE_LABELS[r.phase]),
      axisLine: { lineStyle: { color: theme.axisLine } },
      axisTick: { show: false },
      axisLabel: { ...axisLabel, color: theme.text },
    },
    yAxis: {
      type: 'value',
      min: 0,
      // No max: the interval caps are a series, so the automatic scale already reaches the highest one.
      splitNumber: 4,
      axisLabel: { ...axisLabel, formatter: (v: number) => pct(v, 0) },
      splitLine: splitLines(theme),
    },
    series: [
      {
        type: 'bar',
        name: 'Conversion rate',
        barMaxWidth: 56,
        data: rows.map((r) => ({ value: r.rate, itemStyle: { color: phaseColor(r.phase, theme.mode), borderRadius: [3, 3, 0, 0] } })),
        label: {
          show: true,
          // At the foot of the bar: the top is where the error bar is.
          position: 'insideBottom',
          distance: 6,
          color: theme.mode === 'dark' ? '#111418' : '#ffffff',
          fontSize: 11,
          fontWeight: 600,
          formatter: (p: unknown) => {
            const r = rows[(p as { dataIndex: number }).dataIndex];
            return r && r.customers > 0 ? pct(r.rate) : '';
          },
        },
        markLine: {
          silent: true,
          symbol: ['none', 'none'],
          animation: false,
          lineStyle: { color: theme.text, width: 1.5, type: 'solid' },
          label: { show: false },
          data: [
            {
              yAxis: data.baseRate.rate,
              lineStyle: { color: theme.mutedText, type: 'dashed', width: 1.5 },
              label: { show: true, position: 'insideStartTop', formatter: `Base rate ${pct(data.baseRate.rate)}`, color: theme.mutedText, fontSize: 11 },
            },
            // ECharts' types expect [from, to] pairs here; coordinates on a category axis use the category name.
            ...(errorBars as never[]),
          ],
        },
      },
      {
        type: 'scatter',
        name: '95% interval',
        silent: true,
        symbol: 'rect',
        symbolSize: [12, 1.5],
        itemStyle: { color: theme.text },
        data: settings.intervals ? rows.filter((r) => r.customers > 0).flatMap((r) => [[PHASE_LABELS[r.phase], r.low], [PHASE_LABELS[r.phase], r.high]]) : [],
        z: 5,
      },
    ],
  };
}
