import { describe, expect, it } from 'vitest';
import { CHART_THEMES } from '../theme.ts';
import { buildSankeyOption, flowTotals, nodeLabel, sankeyGraph, sankeyLabelWidth, sankeyTooltip, type SankeyData, type SankeyLink } from './buildSankeyOption.ts';

const segments = [
  { key: 'active', name: 'Active' },
  { key: 'at-risk', name: 'At risk' },
  { key: 'lost', name: 'Lost <old>' },
];

// Rows: active, at-risk, lost at the earlier date, then newcomers; columns: the later date.
const data: SankeyData = {
  from: '2025-10-01',
  to: '2025-12-01',
  segments,
  counts: [
    [50, 20, 0],
    [5, 10, 15],
    [0, 0, 0],
    [8, 0, 2],
  ],
};

const settings = { colours: ['#111111', '#222222', '#333333'], newColour: '#999999', filter: { fromKey: null, toKey: null }, labelWidth: 120 };

describe('migration sankey', () => {
  it('makes a node per segment with customers on each side, and a newcomers node', () => {
    const { nodes } = sankeyGraph(data, settings);
    expect(nodes.map((n) => [n.name, n.value, n.depth])).toEqual([
      ['from:active', 70, 0],
      ['from:at-risk', 30, 0],
      ['new', 10, 0],
      ['to:active', 63, 1],
      ['to:at-risk', 30, 1],
      ['to:lost', 17, 1],
    ]);
    // Nobody was "lost" at the earlier date: no empty node on the left.
    expect(nodes.some((n) => n.name === 'from:lost')).toBe(false);
    expect(nodes.find((n) => n.name === 'new')).toMatchObject({ title: 'New since 2025-10-01', key: null, itemStyle: { color: '#999999' } });
    expect(nodes.find((n) => n.name === 'to:lost')?.itemStyle.color).toBe('#333333');
  });

  it('makes a link per non-empty flow, newcomers from the newcomers node; both sides add up', () => {
    const { links } = sankeyGraph(data, settings);
    expect(links.map((l) => [l.source, l.target, l.value])).toEqual([
      ['from:active', 'to:active', 50],
      ['from:active', 'to:at-risk', 20],
      ['from:at-risk', 'to:active', 5],
      ['from:at-risk', 'to:at-risk', 10],
      ['from:at-risk', 'to:lost', 15],
      ['new', 'to:active', 8],
      ['new', 'to:lost', 2],
    ]);
    const total = links.reduce((s, l) => s + l.value, 0);
    expect(total).toBe(flowTotals(data.counts, 3).total);
    expect(total).toBe(110);
    expect(links.find((l) => l.source === 'new')).toMatchObject({ fromKey: null, toKey: 'active', stayed: false });
    expect(links[0]).toMatchObject({ stayed: true });
    // Stayers are quieter than movers.
    expect(links[0]!.lineStyle.opacity).toBeLessThan(links[1]!.lineStyle.opacity);
  });

  it('draws the filtered flow stronger and the rest faint', () => {
    const { links } = sankeyGraph(data, { ...settings, filter: { fromKey: 'at-risk', toKey: 'lost' } });
    const hit = links.find((l) => l.fromKey === 'at-risk' && l.toKey === 'lost')!;
    expect(hit.lineStyle.opacity).toBe(0.8);
    expect(links.filter((l) => l !== hit).every((l) => l.lineStyle.opacity < 0.2)).toBe(true);
    // "Out of at risk": every move out of it, not the stayers.
    const out = sankeyGraph(data, { ...settings, filter: { fromKey: 'at-risk', toKey: null } }).links.filter((l) => l.lineStyle.opacity === 0.8);
    expect(out.map((l) => l.toKey)).toEqual(['active', 'lost']);
  });

  it('builds one sankey series in the given order, labels on the outer sides', () => {
    const o = buildSankeyOption(data, settings, CHART_THEMES.dark) as unknown as { series: Array<Record<string, unknown>> };
    const s = o.series[0]!;
    expect(s.type).toBe('sankey');
    expect(s.layoutIterations).toBe(0);
    expect(s.left).toBe(128);
    const nodes = s.data as Array<{ name: string; label: { position: string } }>;
    expect(nodes.find((n) => n.name === 'from:active')!.label.position).toBe('left');
    expect(nodes.find((n) => n.name === 'to:active')!.label.position).toBe('right');
    expect((s.links as SankeyLink[]).length).toBe(7);
    const formatter = (s.label as { formatter: (p: unknown) => string }).formatter;
    expect(formatter({ data: { title: 'Active', value: 1234 } })).toBe('Active · 1,234');
  });

  it('says counts and shares in the tooltip, escaped', () => {
    const graph = sankeyGraph(data, settings);
    const link = graph.links.find((l) => l.fromKey === 'at-risk' && l.toKey === 'lost')!;
    const text = sankeyTooltip(data, graph, { dataType: 'edge', data: link });
    expect(text).toContain('At risk</strong> → <strong>Lost &lt;old&gt;');
    expect(text).toContain('Customers: <b>15</b>');
    expect(text).toContain('50.0% of At risk on 2025-10-01');
    expect(text).toContain('88.2% of Lost &lt;old&gt; on 2025-12-01');
    expect(text).toContain('Click to list');
    const newcomers = sankeyTooltip(data, graph, { dataType: 'edge', data: graph.links.find((l) => l.fromKey === null)! });
    expect(newcomers).toContain('not movers');
    const node = sankeyTooltip(data, graph, { dataType: 'node', data: graph.nodes[0]! });
    expect(node).toContain('Customers: <b>70</b> (63.6%)');
  });

  it('shortens long names so the count shows, within a label column that fits the chart', () => {
    expect(nodeLabel('A very long segment name that goes on and on', 12345, 120)).toMatch(/^A very .*… · 12,345$/);
    expect(nodeLabel('Short', 5, 120)).toBe('Short · 5');
    expect(sankeyLabelWidth(['Active', 'New since 2025-10-01'], 1000)).toBe(Math.round(20 * 6.3 + 48));
    expect(sankeyLabelWidth(['x'.repeat(80)], 500)).toBe(150);
  });
});
