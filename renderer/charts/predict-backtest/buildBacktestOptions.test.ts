import { describe, expect, it } from 'vitest';
import { CHART_THEMES } from '../theme.ts';
import { summary } from '../../views/predict/fixtures.test-support.ts';
import { buildTrackingOption } from './buildTrackingOption.ts';
import { buildByFrequencyOption } from './buildByFrequencyOption.ts';
import { buildDecileLiftOption, overallActualMean } from './buildDecileLiftOption.ts';

type Series = { id: string; type: string; data: unknown[]; markLine?: { data: Array<Record<string, number>>; label: { formatter: string } }; label?: { formatter: (p: { dataIndex: number }) => string } };
type Option = { xAxis: { data: string[] }; series: Series[]; tooltip: { formatter: (p: unknown) => string } };

const b = summary().backtest!;

describe('backtest charts', () => {
  it('tracks actual vs predicted week by week with the calibration end marked', () => {
    const o = buildTrackingOption(b.tracking, '2025-06-30', CHART_THEMES.light) as unknown as Option;
    expect(o.xAxis.data).toEqual(b.tracking.weekEnd);
    expect(o.series.map((s) => s.id)).toEqual(['actual', 'predicted']);
    expect(o.series[0]!.data).toEqual([1, 2, 4]);
    expect(o.series[0]!.markLine!.data).toEqual([{ xAxis: 1 }]);
    expect(o.series[0]!.markLine!.label.formatter).toContain('2025-06-30');
    expect(o.tooltip.formatter([{ name: '2025-07-06', dataIndex: 2, seriesName: 'Actual', value: 4 }])).toContain('(holdout)');
  });

  it('compares actual and predicted by calibration frequency', () => {
    const o = buildByFrequencyOption(b.byFrequency, CHART_THEMES.dark) as unknown as Option;
    expect(o.xAxis.data).toEqual(['0', '7+']);
    expect(o.series.map((s) => s.data)).toEqual([
      [0.5, 1.75],
      [0.6, 1.85],
    ]);
    expect(o.tooltip.formatter([{ dataIndex: 1, seriesName: 'Actual', value: 1.75 }])).toContain('40 customers');
  });

  it('draws decile lift with the average marked', () => {
    expect(overallActualMean(b.deciles)).toBeCloseTo(1);
    const o = buildDecileLiftOption(b.deciles, CHART_THEMES.light) as unknown as Option;
    expect(o.xAxis.data).toEqual(['1', '2']);
    expect(o.series[0]!.markLine!.data).toEqual([{ yAxis: 1 }]);
    expect(o.series[0]!.label!.formatter({ dataIndex: 0 })).toBe('1.5×');
    expect(o.series[1]!.data).toEqual([1.6, 0.6]);
  });
});
