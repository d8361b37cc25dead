import { describe, expect, it } from 'vitest';
import { buildActivityOption } from './buildActivityOption.ts';
import { weekStart, weeklyActivity } from './weeklyActivity.ts';
import { CHART_THEMES } from '../theme.ts';
import { eventTypeStyle } from '../../lib/eventTypes.ts';

const day = (y: number, m: number, d: number, h = 12) => Date.UTC(y, m - 1, d, h);

describe('weekStart', () => {
  it('returns the Monday 00:00 UTC of the week', () => {
    expect(weekStart(day(2024, 3, 6))).toBe(Date.UTC(2024, 2, 4)); // Wed → Mon 4 Mar
    expect(weekStart(day(2024, 3, 10, 23))).toBe(Date.UTC(2024, 2, 4)); // Sun → same week
    expect(weekStart(Date.UTC(2024, 2, 11))).toBe(Date.UTC(2024, 2, 11)); // Monday itself
  });
});

describe('weeklyActivity', () => {
  const events = [
    { ts: day(2024, 3, 20), type: 'purchase' },
    { ts: day(2024, 3, 19), type: 'page_view' },
    { ts: day(2024, 3, 18), type: 'page_view' },
    { ts: day(2024, 3, 5), type: 'email_open' },
  ];

  it('counts per week and type, filling empty weeks', () => {
    const w = weeklyActivity(events);
    expect(w.weeks).toEqual([Date.UTC(2024, 2, 4), Date.UTC(2024, 2, 11), Date.UTC(2024, 2, 18)]);
    expect(w.types).toEqual(['page_view', 'email_open', 'purchase']);
    expect(w.counts.page_view).toEqual([0, 0, 2]);
    expect(w.counts.email_open).toEqual([1, 0, 0]);
    expect(w.counts.purchase).toEqual([0, 0, 1]);
    expect(w.total).toBe(4);
  });

  it('keeps only the most recent weeks', () => {
    const w = weeklyActivity(events, 2);
    expect(w.weeks).toHaveLength(2);
    expect(w.types).toEqual(['page_view', 'purchase']);
    expect(w.total).toBe(3);
  });

  it('is empty without events', () => {
    expect(weeklyActivity([])).toEqual({ weeks: [], types: [], counts: {}, total: 0 });
  });
});

describe('buildActivityOption', () => {
  const data = weeklyActivity([
    { ts: day(2024, 3, 5), type: 'page_view' },
    { ts: day(2024, 3, 12), type: 'purchase' },
  ]);

  it('stacks one bar series per type in the timeline colours', () => {
    const opt = buildActivityOption(data, {}, CHART_THEMES.light);
    const series = opt.series as Array<{ type: string; stack: string; name: string; data: number[]; itemStyle: { color: string } }>;
    expect(series.map((s) => s.name)).toEqual(['Page view', 'Purchase']);
    expect(series.every((s) => s.type === 'bar' && s.stack === 'events')).toBe(true);
    expect(series[1]!.itemStyle.color).toBe(eventTypeStyle('purchase').color);
    expect(series[1]!.data).toEqual([0, 1]);
    expect((opt.xAxis as { data: string[] }).data).toEqual(['2024-03-04', '2024-03-11']);
  });

  it('follows the theme', () => {
    const light = buildActivityOption(data, {}, CHART_THEMES.light);
    const dark = buildActivityOption(data, {}, CHART_THEMES.dark);
    const color = (o: typeof light) => (o.yAxis as { splitLine: { lineStyle: { color: string } } }).splitLine.lineStyle.color;
    expect(color(light)).toBe(CHART_THEMES.light.splitLine);
    expect(color(dark)).toBe(CHART_THEMES.dark.splitLine);
    expect(light.backgroundColor).toBe('transparent');
  });

  it('shows the legend only when asked', () => {
    expect((buildActivityOption(data, {}, CHART_THEMES.light).legend as { show: boolean }).show).toBe(false);
    expect((buildActivityOption(data, { legend: true }, CHART_THEMES.light).legend as { show: boolean }).show).toBe(true);
  });

  it('tooltip lists only types with events', () => {
    const opt = buildActivityOption(data, {}, CHART_THEMES.light);
    const fmt = (opt.tooltip as { formatter: (p: unknown) => string }).formatter;
    const text = fmt([
      { axisValueLabel: '2024-03-04', seriesName: 'Page view', value: 1, marker: '' },
      { axisValueLabel: '2024-03-04', seriesName: 'Purchase', value: 0, marker: '' },
    ]);
    expect(text).toContain('Page view');
    expect(text).not.toContain('Purchase');
  });
});
