import { describe, expect, it } from 'vitest';
import { CHART_THEMES } from '../theme.ts';
import { axisMeaning, axisName, buildClusterScatterOption, groupPoints, symbolSizeFor } from './buildClusterScatterOption.ts';

const projection = { x: [0, 1, 2, 3], y: [10, 11, 12, 13], key: [2, 0, 2, 9] };
const clusters = [
  { key: 0, name: 'A', colour: '#111111' },
  { key: 2, name: 'B & C', colour: '#222222' },
];

type Option = {
  series: Array<{ id: string; name: string; large: boolean; data: Float32Array; itemStyle: { color: string } }>;
  legend: { data: string[]; selected: Record<string, boolean> };
  brush: { seriesIndex: number[]; xAxisIndex: number };
  tooltip: { formatter: (p: unknown) => string };
};

describe('cluster scatter', () => {
  it('splits points by cluster in model order, dropping unknown keys', () => {
    const g = groupPoints(projection, [0, 2]);
    expect(g.keys).toEqual([0, 2]);
    expect([...g.indices[0]!]).toEqual([1]);
    expect([...g.indices[1]!]).toEqual([0, 2]);
    expect([...g.points[1]!]).toEqual([0, 10, 2, 12]);
  });

  it('draws one large-mode series per cluster in its colour, with a brush that selects nothing itself', () => {
    const g = groupPoints(projection, [0, 2]);
    const o = buildClusterScatterOption({ groups: g, clusters, axisNames: ['PC1', 'PC2'] }, { symbolSize: 4 }, CHART_THEMES.light) as unknown as Option;
    expect(o.series.map((s) => [s.id, s.name, s.itemStyle.color, s.large])).toEqual([
      ['cluster-0', 'A', '#111111', true],
      ['cluster-2', 'B & C', '#222222', true],
    ]);
    expect(o.series[1]!.data).toBeInstanceOf(Float32Array);
    expect(o.legend.data).toEqual(['A', 'B & C']);
    expect(o.brush.seriesIndex).toEqual([]);
    const tip = o.tooltip.formatter({ seriesName: 'B & C', value: [1.234, -2], color: '#222' });
    expect(tip).toContain('B &amp; C');
    expect(tip).toContain('PC1 1.23 · PC2 -2.00');
  });

  it('hides the clusters switched off in the legend', () => {
    const g = groupPoints(projection, [0, 2]);
    const o = buildClusterScatterOption({ groups: g, clusters, axisNames: ['x', 'y'] }, { symbolSize: 4, hiddenKeys: new Set([2]) }, CHART_THEMES.light) as unknown as { legend: { show: boolean; selected: Record<string, boolean> } };
    expect(o.legend).toMatchObject({ show: false, selected: { A: true, 'B & C': false } });
  });

  it('shrinks points as there are more of them', () => {
    expect(symbolSizeFor(500)).toBeGreaterThan(symbolSizeFor(100_000));
  });

  it('names the axes by their variance and strongest signals', () => {
    const p = { explained: [0.34, 0.2] as [number, number], axes: [[{ signal: 'orders', loading: 0.6 }, { signal: 'recency', loading: -0.5 }], []] as [Array<{ signal: string; loading: number }>, Array<{ signal: string; loading: number }>] };
    expect(axisName(0, p)).toBe('PC1 (34%)');
    expect(axisMeaning(0, p, (id) => id.toUpperCase())).toBe('+ ORDERS, \u2212 RECENCY');
    expect(axisMeaning(1, p, (id) => id)).toBe('');
  });
});
