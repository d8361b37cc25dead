import { describe, expect, it } from 'vitest';
import { CHART_THEMES } from '../theme.ts';
import { decisionColour } from '../economics-common/decisions.ts';
import {
  bubbleLabel,
  bubbleSize,
  buildQuadrantOption,
  GRID,
  MAX_BUBBLE,
  MIN_BUBBLE,
  niceBounds,
  niceStep,
  placeable,
  QUADRANT_LABELS,
  quadrantTooltip,
  type QuadrantData,
  type QuadrantPoint,
} from './buildQuadrantOption.ts';
import { labelWidth, overlap } from './labelLayout.ts';

const point = (over: Partial<QuadrantPoint>): QuadrantPoint => ({ key: 'k', name: 'Seg', customers: 100, likelihood: 0.1, netValue: 50, decision: null, warnings: [], ...over });

const data: QuadrantData = {
  points: [
    point({ key: 'champions', name: 'Champions', customers: 400, likelihood: 0.3, netValue: 240, decision: 'compete' }),
    point({ key: 'lost', name: 'Lost', customers: 100, likelihood: 0.05, netValue: 12, decision: 'dont-compete', warnings: ['returns'] }),
    point({ key: 'new', name: 'New {x}', customers: 25, likelihood: 0.2, netValue: -4 }),
    point({ key: 'other', name: 'Other', customers: 0, likelihood: null, netValue: 0 }),
  ],
  reference: { likelihood: 0.14, netValue: 60 },
  xName: 'Likelihood to convert',
  selectedKey: 'lost',
};

interface Item {
  key: string;
  name: string;
  value: [number, number, number];
  symbolSize: number;
  label: { formatter: string; position: [number, number] };
  itemStyle?: { borderWidth: number; borderColor: string };
}
interface Series {
  type: string;
  name: string;
  itemStyle?: { color: string };
  data: Item[];
  markLine?: { data: Array<{ xAxis?: number; yAxis?: number; label: { formatter: string } }>; lineStyle: { type: string } };
}
interface Option {
  title: Array<{ text: string; left?: number; right?: number; top?: number; bottom?: number }>;
  legend: { data: string[] };
  grid: { left: number; right: number; top: number; bottom: number };
  xAxis: { min: number; max: number; name: string; axisLabel: { formatter: (v: number) => string } };
  yAxis: { min: number; max: number; name: string };
  series: Series[];
  tooltip: { formatter: (p: unknown) => string };
}

const size = { width: 700, height: 400 };
const build = (d = data, mode: 'light' | 'dark' = 'light') => buildQuadrantOption(d, size, CHART_THEMES[mode]) as unknown as Option;

describe('economics quadrant', () => {
  it('places each segment at (likelihood, net value) with its customers, one series per decision', () => {
    const o = build();
    const bySeries = Object.fromEntries(o.series.map((s) => [s.name, s.data.map((d) => [d.key, d.value])]));
    expect(bySeries).toEqual({
      Compete: [['champions', [0.3, 240, 400]]],
      Maintain: [],
      'Don’t compete': [['lost', [0.05, 12, 100]]],
      Undecided: [['new', [0.2, -4, 25]]],
      'All customers': [],
    });
    expect(o.legend.data).toEqual(['Compete', 'Maintain', 'Don’t compete', 'Undecided']);
  });

  it('leaves out segments without customers or likelihood', () => {
    expect(placeable(data.points).map((p) => p.key)).toEqual(['champions', 'lost', 'new']);
    expect(placeable([point({ netValue: Number.NaN })])).toEqual([]);
  });

  it('sizes bubbles by area: half the customers, 1/√2 of the diameter', () => {
    expect(bubbleSize(400, 400)).toBe(MAX_BUBBLE);
    expect(bubbleSize(100, 400)).toBe(MAX_BUBBLE / 2);
    expect(bubbleSize(200, 400)).toBeCloseTo(MAX_BUBBLE / Math.SQRT2, 0);
    expect(bubbleSize(1, 100_000)).toBe(MIN_BUBBLE);
    expect(bubbleSize(0, 0)).toBe(MIN_BUBBLE);
    const sizes = Object.fromEntries(build().series.flatMap((s) => s.data.map((d) => [d.key, d.symbolSize])));
    expect(sizes).toEqual({ champions: 64, lost: 32, new: 16 });
  });

  it('colours bubbles by decision in each theme', () => {
    for (const mode of ['light', 'dark'] as const) {
      const o = build(data, mode);
      expect(o.series.slice(0, 4).map((s) => s.itemStyle?.color)).toEqual([
        decisionColour('compete', mode),
        decisionColour('maintain', mode),
        decisionColour('dont-compete', mode),
        decisionColour(null, mode),
      ]);
    }
    expect(decisionColour('dont-compete', 'light')).not.toBe(decisionColour('dont-compete', 'dark'));
  });

  it('draws dashed reference lines at the all-customers values, labelled', () => {
    const lines = build().series.at(-1)!.markLine!;
    expect(lines.lineStyle.type).toBe('dashed');
    expect(lines.data.map((l) => [l.xAxis, l.yAxis, l.label.formatter])).toEqual([
      [0.14, undefined, 'All customers 14.0%'],
      [undefined, 60, 'All customers 60.00'],
    ]);
    // Without a likelihood only the value line is drawn.
    const noX = build({ ...data, reference: { likelihood: null, netValue: 60 } }).series.at(-1)!.markLine!;
    expect(noX.data).toHaveLength(1);
  });

  it('names the four quadrants in words, in the plot’s corners', () => {
    const titles = build().title;
    expect(titles.map((t) => t.text)).toEqual([QUADRANT_LABELS.topRight, QUADRANT_LABELS.topLeft, QUADRANT_LABELS.bottomRight, QUADRANT_LABELS.bottomLeft]);
    expect(titles[0]).toMatchObject({ right: GRID.right + 8, top: GRID.top + 8 });
    expect(titles[3]).toMatchObject({ left: GRID.left + 8, bottom: GRID.bottom + 8 });
    expect(QUADRANT_LABELS.topRight).toBe('Worth competing for');
    expect(QUADRANT_LABELS.bottomLeft).toBe('Not worth competing for');
  });

  it('labels every bubble with its name and a warning chip; braces cannot break the markup', () => {
    const labels = Object.fromEntries(build().series.flatMap((s) => s.data.map((d) => [d.key, d.label.formatter])));
    expect(labels).toEqual({ champions: '{n|Champions}', lost: '{n|Lost} {w|⚠ returns}', new: '{n|New  x }' });
    expect(bubbleLabel({ name: 'A very long segment name that goes on', warnings: ['returns', 'support'] })).toBe('{n|A very long segment nam…} {w|⚠ returns, support}');
  });

  it('places labels apart from each other, inside the plot', () => {
    const crowd: QuadrantData = {
      ...data,
      points: ['A segment', 'Another one', 'A third', 'Fourth'].map((name, i) => point({ key: String(i), name, customers: 50 + i, likelihood: 0.1 + i * 0.002, netValue: 20 + i })),
    };
    const o = build(crowd);
    const items = o.series.flatMap((s) => s.data);
    const plot = { x: GRID.left, y: GRID.top, w: size.width - GRID.left - GRID.right, h: size.height - GRID.top - GRID.bottom };
    const px = (v: number) => plot.x + ((v - o.xAxis.min) / (o.xAxis.max - o.xAxis.min)) * plot.w;
    const py = (v: number) => plot.y + (1 - (v - o.yAxis.min) / (o.yAxis.max - o.yAxis.min)) * plot.h;
    const boxes = items.map((it) => {
      const r = it.symbolSize / 2;
      return { x: px(it.value[0]) - r + it.label.position[0], y: py(it.value[1]) - r + it.label.position[1], w: labelWidth(it.name, null), h: 14 };
    });
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!)).toBe(0);
      expect(boxes[i]!.x).toBeGreaterThanOrEqual(plot.x - 1);
      expect(boxes[i]!.y).toBeGreaterThanOrEqual(plot.y - 1);
    }
  });

  it('rings the selected segment', () => {
    const items = build().series.flatMap((s) => s.data);
    expect(items.find((i) => i.key === 'lost')!.itemStyle).toMatchObject({ borderWidth: 3, borderColor: CHART_THEMES.light.text });
    expect(items.find((i) => i.key === 'champions')!.itemStyle).toBeUndefined();
  });

  it('fits the axes around the points and the reference, likelihood from 0', () => {
    const o = build();
    expect(o.xAxis.min).toBe(0);
    expect(o.xAxis.max).toBeGreaterThanOrEqual(0.3);
    expect(o.xAxis.max).toBeLessThanOrEqual(0.4);
    expect(o.yAxis.min).toBeLessThan(-4);
    expect(o.yAxis.max).toBeGreaterThan(240);
    expect(o.xAxis.axisLabel.formatter(0.25)).toBe('25%');
    expect(o.xAxis.name).toBe('Likelihood to convert');
    expect(o.yAxis.name).toBe('Net value per customer');
  });

  it('tooltips give the figures and escape names', () => {
    const tip = quadrantTooltip(point({ name: '<b>VIP</b>', customers: 1234, likelihood: 0.125, netValue: 1500.5, decision: 'maintain', warnings: ['discounts'] }));
    expect(tip).toBe('<b>&lt;b&gt;VIP&lt;/b&gt;</b><br/>Customers: 1,234<br/>Likelihood to convert: 12.5%<br/>Net value per customer: 1,500.50<br/>Decision: Maintain<br/>Warnings: discounts');
    expect(quadrantTooltip(point({ warnings: ['returns'], explanations: ['20% of its orders <came> back.'] }))).toContain('⚠ <b>returns</b>: 20% of its orders &lt;came&gt; back.');
    const o = build();
    expect(o.tooltip.formatter({ data: { key: 'champions' } })).toContain('Champions');
    expect(o.tooltip.formatter({})).toBe('');
  });

  it('nice steps and bounds', () => {
    expect(niceStep(1)).toBe(0.2);
    expect(niceStep(230)).toBe(50);
    expect(niceStep(0)).toBe(1);
    expect(niceBounds([0, 10], 0)).toEqual({ min: 0, max: 10 });
    expect(niceBounds([5, 5])).toEqual({ min: 0, max: 10 });
    expect(niceBounds([0, 0.3], 0.1, { min: 0, max: 1 })).toEqual({ min: 0, max: 0.4 });
    expect(niceBounds([])).toEqual({ min: -0.25, max: 1.25 });
  });
});
