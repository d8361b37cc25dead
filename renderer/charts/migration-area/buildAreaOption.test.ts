import { describe, expect, it } from 'vitest';
import { CHART_THEMES } from '../theme.ts';
import { areaSeries, areaTooltip, buildAreaOption, type AreaData } from './buildAreaOption.ts';

const data: AreaData = {
  days: ['2025-10-01', '2025-11-01', '2025-12-01'],
  segments: [
    { key: 'orientation', name: 'Orientation' },
    { key: 'decision', name: 'Decision' },
    { key: 'ghost', name: 'Never anybody' },
    { key: 'retention', name: 'Retention' },
  ],
  sizes: [
    [60, 20, 0, 20],
    [50, 30, 0, 30],
    [40, 40, 0, 40],
  ],
  customers: [100, 110, 120],
};

const colours = ['#a', '#b', '#c', '#d'];

type Option = { series: Array<Record<string, unknown>>; yAxis: Record<string, unknown>; xAxis: Record<string, unknown>; legend: { data: string[] } };

describe('migration area', () => {
  it('stacks one series per segment with customers, in counts', () => {
    const s = areaSeries(data, { measure: 'counts', colours });
    expect(s.map((x) => x.key)).toEqual(['orientation', 'decision', 'retention']);
    expect(s[2]).toEqual({ key: 'retention', name: 'Retention', colour: '#d', values: [20, 30, 40] });
    const o = buildAreaOption(data, { measure: 'counts', colours, pair: null }, CHART_THEMES.light) as unknown as Option;
    expect(o.series).toHaveLength(3);
    expect(o.series.every((x) => x.type === 'line' && x.stack === 'segments' && x.areaStyle)).toBe(true);
    expect(o.xAxis.data).toEqual(data.days);
    expect(o.yAxis.max).toBeUndefined();
    expect(o.legend.data).toEqual(['Orientation', 'Decision', 'Retention']);
    // The stack's top at each date is everybody known then.
    const top = data.days.map((_, d) => o.series.reduce((sum, x) => sum + (x.data as number[])[d]!, 0));
    expect(top).toEqual(data.customers);
  });

  it('in shares, every date fills 100%', () => {
    const o = buildAreaOption(data, { measure: 'shares', colours, pair: null }, CHART_THEMES.light) as unknown as Option;
    expect(o.yAxis.max).toBe(100);
    const top = data.days.map((_, d) => o.series.reduce((sum, x) => sum + (x.data as number[])[d]!, 0));
    top.forEach((t) => expect(t).toBeCloseTo(100, 1));
    expect((o.series[0]!.data as number[])[1]).toBe(45.45);
  });

  it('marks the pair on screen on the top series', () => {
    const o = buildAreaOption(data, { measure: 'counts', colours, pair: { from: '2025-10-01', to: '2025-12-01' } }, CHART_THEMES.dark) as unknown as Option;
    const mark = o.series.at(-1)!.markLine as { data: Array<{ xAxis: string }> };
    expect(mark.data.map((m) => m.xAxis)).toEqual(['2025-10-01', '2025-12-01']);
    expect(o.series[0]!.markLine).toBeUndefined();
  });

  it('tells the date’s counts and shares, top of the stack first', () => {
    const s = areaSeries(data, { measure: 'counts', colours });
    const text = areaTooltip(data, s, s, [{ dataIndex: 1, seriesIndex: 0 }]);
    expect(text).toContain('<strong>2025-11-01</strong> · 110 customers');
    expect(text.indexOf('Retention')).toBeLessThan(text.indexOf('Orientation'));
    expect(text).toContain('Decision: <b>30</b> (27.3%)');
    expect(areaTooltip(data, s, s, [])).toBe('');
  });
});
