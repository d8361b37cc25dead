// Option builder for the backtest by calibration frequency: mean holdout purchases per customer,
// actual vs predicted, for customers with 0, 1, … 7+ repeat purchases before the calibration end. Pure.
import type { EChartsOption } from 'echarts';
import type { Backtest } from '../../../core/api/contract.ts';
import type { ChartTheme } from '../theme.ts';
import { axisLabel, chartBase, legendBase, splitLines, tooltipBase } from '../common.ts';
import { fmt, predictColours } from '../predict-common/base.ts';

export function buildByFrequencyOption(rows: Backtest['byFrequency'], theme: ChartTheme): EChartsOption {
  const c = predictColours(theme);
  return {
    ...chartBase(theme),
    grid: { left: 8, right: 8, top: 28, bottom: 22, containLabel: true },
    legend: { ...legendBase(theme), data: ['Actual', 'Predicted'] },
    tooltip: {
      ...tooltipBase(theme),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (p: unknown) => {
        const list = (Array.isArray(p) ? p : [p]) as Array<{ dataIndex: number; marker?: string; seriesName?: string; value?: number }>;
        const row = rows[list[0]?.dataIndex ?? -1];
        if (!row) return '';
        const lines = list.map((s) => `${s.marker ?? ''}${s.seriesName}: <b>${fmt(Number(s.value))}</b> per customer`);
        return `${row.x} repeat purchase${row.x === '1' ? '' : 's'} in calibration · ${row.customers.toLocaleString('en-US')} customers<br/>${lines.join('<br/>')}`;
      },
    },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.x),
      name: 'Repeat purchases in calibration',
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
      { type: 'bar', name: 'Actual', id: 'actual', data: rows.map((r) => r.actual), itemStyle: { color: c.actual }, barGap: '10%', barMaxWidth: 22 },
      { type: 'bar', name: 'Predicted', id: 'predicted', data: rows.map((r) => r.predicted), itemStyle: { color: c.predicted }, barMaxWidth: 22 },
    ],
  };
}
