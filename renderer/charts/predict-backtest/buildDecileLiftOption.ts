// Option builder for the decile lift chart: customers in ten equal groups by expected purchases
// (1 = highest); bars are the actual mean holdout purchases, with the lift over the average as the
// bar's label, the predicted mean as a line, and the average as a marker. Pure.
import type { EChartsOption } from 'echarts';
import type { Backtest } from '../../../core/api/contract.ts';
import type { ChartTheme } from '../theme.ts';
import { axisLabel, chartBase, legendBase, splitLines, tooltipBase } from '../common.ts';
import { fmt, predictColours } from '../predict-common/base.ts';

/** Mean actual holdout purchases over all customers (customer-weighted). */
export function overallActualMean(rows: Backtest['deciles']): number {
  const n = rows.reduce((s, r) => s + r.customers, 0);
  return n > 0 ? rows.reduce((s, r) => s + r.actual * r.customers, 0) / n : NaN;
}

export function buildDecileLiftOption(rows: Backtest['deciles'], theme: ChartTheme): EChartsOption {
  const c = predictColours(theme);
  const mean = overallActualMean(rows);
  return {
    ...chartBase(theme),
    grid: { left: 8, right: 8, top: 28, bottom: 22, containLabel: true },
    legend: { ...legendBase(theme), data: ['Actual', 'Predicted'] },
    tooltip: {
      ...tooltipBase(theme),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (p: unknown) => {
        const first = (Array.isArray(p) ? p[0] : p) as { dataIndex?: number } | undefined;
        const r = rows[first?.dataIndex ?? -1];
        if (!r) return '';
        return `Decile ${r.decile} · ${r.customers.toLocaleString('en-US')} customers<br/>Actual: <b>${fmt(r.actual)}</b> per customer<br/>Predicted: <b>${fmt(r.predicted)}</b><br/>Lift: <b>${fmt(r.lift)}×</b> the average`;
      },
    },
    xAxis: {
      type: 'category',
      data: rows.map((r) => String(r.decile)),
      name: 'Decile by expected purchases (1 = highest)',
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: axisLabel(theme),
      axisLine: { lineStyle: { color: theme.axisLine } },
      axisTick: { show: false },
      axisLabel: axisLabel(theme),
    },
    yAxis: {
      type: 'value',
      axisLabel: axisLabel(theme),
      splitLine: splitLines(theme),
    },
    series: [
      {
        type: 'bar',
        name: 'Actual',
        id: 'actual',
        data: rows.map((r) => r.actual),
        itemStyle: { color: c.actual },
        barMaxWidth: 28,
        label: { show: true, position: 'insideTop', color: theme.mode === 'dark' ? '#1b1f25' : '#ffffff', fontSize: 10, formatter: (p: { dataIndex: number }) => `${fmt(rows[p.dataIndex]?.lift ?? NaN, 1)}×` },
        markLine: Number.isFinite(mean)
          ? {
              silent: true,
              symbol: ['none', 'none'],
              lineStyle: { color: c.marker, type: 'dashed', width: 1 },
              label: { show: true, position: 'insideEndTop', formatter: `Average ${fmt(mean)}`, color: c.marker, fontSize: 10 },
              data: [{ yAxis: mean }],
            }
          : undefined,
      },
      { type: 'line', name: 'Predicted', id: 'predicted', data: rows.map((r) => r.predicted), symbol: 'circle', symbolSize: 6, lineStyle: { color: c.predicted, width: 2, type: 'dashed' }, itemStyle: { color: c.predicted } },
    ],
  };
}
