import { describe, expect, it } from 'vitest';
import { CHART_THEMES } from '../theme.ts';
import { buildRfmGridOption, rfmCells, rfmCellTooltip, type RfmGridData } from './buildRfmGridOption.ts';
import { GROUP_PALETTE, groupColours, groupSlots, OTHER_COLOUR, textOn } from './palette.ts';

const counts = Array.from({ length: 5 }, (_, r) => Array.from({ length: 5 }, (_, fm) => r * 10 + fm));
const cells = Array.from({ length: 5 }, (_, r) => Array.from({ length: 5 }, (_, fm) => (r >= 3 && fm >= 3 ? 'champions' : r === 0 ? 'lost' : 'other')));
const data = (over: Partial<RfmGridData> = {}): RfmGridData => ({
  counts,
  cells,
  names: { champions: 'Champions', lost: 'Lost', other: 'Other' },
  colours: groupColours(['champions', 'lost'], 'light'),
  buyers: 300,
  ...over,
});

describe('RFM grid', () => {
  it('one cell per (R, FM), R 1 at the bottom, coloured by its group', () => {
    const c = rfmCells(data(), { highlight: null });
    expect(c).toHaveLength(25);
    const top = c.find((x) => x.value[0] === 4 && x.value[1] === 4)!;
    expect(top.value).toEqual([4, 4, 44]);
    expect(top.groupId).toBe('champions');
    expect(top.itemStyle.color).toBe(groupColours(['champions', 'lost'], 'light').champions);
    expect(c.find((x) => x.value[1] === 2)!.itemStyle.color).toBe(OTHER_COLOUR.light);
  });

  it('fades the cells of other groups when one is highlighted', () => {
    const c = rfmCells(data(), { highlight: 'lost' });
    expect(c.filter((x) => x.itemStyle.opacity === 1).every((x) => x.groupId === 'lost')).toBe(true);
    expect(c.filter((x) => x.itemStyle.opacity === 1)).toHaveLength(5);
  });

  it('explains a cell, and says when counts are on their way', () => {
    const cell = { value: [4, 4, 44] as [number, number, number], groupId: 'champions' };
    expect(rfmCellTooltip(cell, data())).toBe('R 5 · FM 5<br/>Champions<br/><b>44</b> buyers (14.7% of buyers)');
    expect(rfmCellTooltip(cell, data({ counts: null }))).toBe('R 5 · FM 5<br/>Champions<br/>counting…');
  });

  it('labels the axes by score, R 5 at the top', () => {
    const o = buildRfmGridOption(data(), { highlight: null }, CHART_THEMES.dark) as unknown as {
      xAxis: { data: string[]; name: string };
      yAxis: { data: string[]; name: string };
      series: Array<{ type: string; data: unknown[]; label: { formatter: (p: unknown) => string } }>;
    };
    expect(o.yAxis.data).toEqual(['1', '2', '3', '4', '5']);
    expect(o.xAxis.name).toContain('FM');
    expect(o.series[0]!.type).toBe('heatmap');
    expect(o.series[0]!.label.formatter({ value: [0, 0, 12345] })).toBe('12.3k');
    expect(o.series[0]!.label.formatter({ value: [0, 0, 987] })).toBe('987');
  });
});

describe('group colours', () => {
  it('follow the id, not the position in the list', () => {
    const a = groupColours(['champions', 'loyal', 'lost'], 'light');
    const b = groupColours(['lost', 'champions', 'loyal'], 'light');
    expect(a).toEqual(b);
    expect(new Set(Object.values(a)).size).toBe(4);
  });

  it('the usual groups have colours that mean something', () => {
    const c = groupColours(['lost', 'champions', 'at-risk'], 'light');
    expect([c.champions, c['at-risk'], c.lost]).toEqual([GROUP_PALETTE.light[0], GROUP_PALETTE.light[4], GROUP_PALETTE.light[9]]);
  });

  it('are distinct up to the palette size', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `g${i}`);
    expect(new Set(groupSlots(ids).values()).size).toBe(12);
    const dark = groupColours(ids, 'dark');
    expect(Object.values(dark).filter((c) => GROUP_PALETTE.dark.includes(c))).toHaveLength(12);
  });

  it('text stays readable', () => {
    expect(textOn('#ffffff')).toBe('#1c2128');
    expect(textOn('#2f6bd8')).toBe('#ffffff');
  });
});
