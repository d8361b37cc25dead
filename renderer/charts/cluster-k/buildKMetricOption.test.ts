import { describe, expect, it } from 'vitest';
import { CHART_THEMES } from '../theme.ts';
import { buildKMetricOption } from './buildKMetricOption.ts';

const candidates = [
  { k: 3, inertiaPerCustomer: 5, silhouette: 0.3, stability: 0.9 },
  { k: 2, inertiaPerCustomer: 8, silhouette: 0.25, stability: 0.95 },
  { k: 4, inertiaPerCustomer: 4, silhouette: 0.28, stability: 0.7 },
];

type Option = {
  xAxis: { data: string[] };
  series: Array<{ data: Array<{ value: number; symbolSize: number; itemStyle: { color: string } }>; markLine?: { data: Array<{ xAxis: number }> } }>;
  tooltip: { formatter: (p: unknown) => string };
};

describe('buildKMetricOption', () => {
  it('plots the metric over k in order and highlights the recommended k', () => {
    const o = buildKMetricOption(candidates, { metric: 'silhouette', recommended: 3, selectedK: null }, CHART_THEMES.light) as unknown as Option;
    expect(o.xAxis.data).toEqual(['2', '3', '4']);
    expect(o.series[0]!.data.map((d) => d.value)).toEqual([0.25, 0.3, 0.28]);
    expect(o.series[0]!.data[1]!.itemStyle.color).toBe(CHART_THEMES.light.accent);
    expect(o.series[0]!.data[1]!.symbolSize).toBeGreaterThan(o.series[0]!.data[0]!.symbolSize);
    expect(o.series[0]!.markLine).toBeUndefined();
  });

  it('marks the k that is set', () => {
    const o = buildKMetricOption(candidates, { metric: 'inertiaPerCustomer', recommended: 3, selectedK: 4 }, CHART_THEMES.dark) as unknown as Option;
    expect(o.series[0]!.markLine!.data).toEqual([{ xAxis: 2 }]);
    expect(o.tooltip.formatter([{ name: '3', value: { value: 5 } }])).toContain('k = 3 · recommended');
  });
});
