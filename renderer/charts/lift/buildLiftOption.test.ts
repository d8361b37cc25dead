import { describe, expect, it } from 'vitest';
import { buildLiftOption, liftColors } from './buildLiftOption.ts';
import { CHART_THEMES } from '../theme.ts';

const lift = {
  suggested: [0.32, 0.23, 0.19, 0.16, 0.13, 0.11, 0.09, 0.07, 0.05, 0.03],
  current: [0.25, 0.22, 0.16, 0.15, 0.15, 0.13, 0.12, 0.09, 0.07, 0.04],
  equal: [0.25, 0.21, 0.17, 0.15, 0.15, 0.11, 0.13, 0.09, 0.08, 0.04],
  baseRate: 0.14,
};

type Series = { id: string; name: string; data: number[]; lineStyle: { color: string }; markLine?: { data: Array<{ yAxis: number }> } };

describe('buildLiftOption', () => {
  it('draws the three weightings over ten deciles', () => {
    const o = buildLiftOption(lift, { legend: true }, CHART_THEMES.light);
    const series = o.series as Series[];
    expect(series.map((s) => s.id)).toEqual(['suggested', 'current', 'equal']);
    expect(series[0]!.data).toEqual(lift.suggested);
    expect((o.xAxis as { data: string[] }).data).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(series[1]!.lineStyle.color).toBe(liftColors(CHART_THEMES.light).current);
  });

  it('marks the base rate once', () => {
    const series = buildLiftOption(lift, { legend: false }, CHART_THEMES.dark).series as Series[];
    expect(series[0]!.markLine!.data).toEqual([{ yAxis: 0.14 }]);
    expect(series.filter((s) => s.markLine)).toHaveLength(1);
  });

  it('hides the legend when asked', () => {
    expect(buildLiftOption(lift, { legend: false }, CHART_THEMES.light).legend).toEqual({ show: false });
  });
});
