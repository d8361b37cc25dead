import { describe, expect, it } from 'vitest';
import { CHART_THEMES } from '../theme.ts';
import { summary } from '../../views/predict/fixtures.test-support.ts';
import { binOf, buildClvHistogramOption, histogramSteps } from './buildClvHistogramOption.ts';

const clv = summary().clv!;

describe('CLV histogram', () => {
  it('outlines the bins as steps', () => {
    expect(histogramSteps(clv.histogram)).toEqual([
      [0, 0],
      [0, 10],
      [10, 60],
      [20, 30],
      [40, 30],
      [40, 0],
    ]);
    expect(histogramSteps({ edges: [], counts: [] })).toEqual([]);
  });

  it('finds the bin of an amount, the top edge included', () => {
    expect(binOf(clv.histogram, 0)).toBe(0);
    expect(binOf(clv.histogram, 15)).toBe(1);
    expect(binOf(clv.histogram, 40)).toBe(2);
    expect(binOf(clv.histogram, 41)).toBe(-1);
  });

  it('marks the mean and the median at their amounts', () => {
    const o = buildClvHistogramOption(clv, CHART_THEMES.dark) as unknown as { xAxis: { min: number; max: number }; series: Array<{ markLine: { data: Array<{ xAxis: number }> } }>; tooltip: { formatter: (p: unknown) => string } };
    expect(o.xAxis).toMatchObject({ min: 0, max: 40 });
    expect(o.series[0]!.markLine.data.map((d) => d.xAxis)).toEqual([20, 30]);
    expect(o.tooltip.formatter([{ axisValue: 12 }])).toContain('<b>60</b> customers');
  });
});
