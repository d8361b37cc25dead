// Option builder for the Sankey of one transition: the segments at the earlier date on the left,
// the same segments at the later date on the right, a band per flow as wide as its customers.
// Customers not known yet at the earlier date come in from a "new customers" node on the left.
// Nodes keep the segmentation's order (no layout iterations), so the two columns read alike; empty
// segments and empty flows are left out. The flow chosen as the movers' filter is drawn stronger.
// Pure.
import type { EChartsOption } from 'echarts';
import type { ChartTheme } from '../theme.ts';
import { chartBase, tooltipBase } from '../common.ts';
import { formatInt } from '../../lib/format.ts';
import { escapeHtml, formatShare } from '../compare-common/format.ts';

export interface SankeySegment {
  key: string;
  name: string;
}

export interface SankeyData {
  from: string;
  to: string;
  segments: readonly SankeySegment[];
  /** counts[i][j]: customers in segment i at `from` and j at `to`; the extra last row: customers new since `from`. */
  counts: ReadonlyArray<ReadonlyArray<number>>;
}

/** The movers' filter: a flow (both keys), everybody leaving a segment (from), or arriving in one (to). */
export interface FlowFilter {
  fromKey: string | null;
  toKey: string | null;
}

export interface SankeySettings {
  /** A colour per segment, aligned with data.segments. */
  colours: readonly string[];
  newColour: string;
  filter: FlowFilter;
  /** Width of the label column on each side (px). */
  labelWidth: number;
}

export const NEW_NODE = 'new';

/** The newcomers' node: customers not known yet at the earlier date. */
export const newTitle = (from: string) => `New since ${from}`;

export interface SankeyNode {
  /** Unique across both columns: "from:<key>", "to:<key>", or "new". */
  name: string;
  /** What the label and tooltip say. */
  title: string;
  side: 'from' | 'to';
  /** Segment key; null for the newcomers. */
  key: string | null;
  value: number;
  depth: 0 | 1;
  itemStyle: { color: string };
}

export interface SankeyLink {
  source: string;
  target: string;
  value: number;
  /** Segment keys of the flow; fromKey null for newcomers. */
  fromKey: string | null;
  toKey: string;
  stayed: boolean;
  lineStyle: { color: string; opacity: number };
}

export const nodeName = (side: 'from' | 'to', key: string) => `${side}:${key}`;

/** Row sums (earlier date, plus newcomers last) and column sums (later date). */
export function flowTotals(counts: ReadonlyArray<ReadonlyArray<number>>, k: number): { rows: number[]; columns: number[]; total: number } {
  const rows = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const columns = new Array<number>(k).fill(0);
  for (const r of counts) for (let j = 0; j < k; j++) columns[j]! += r[j] ?? 0;
  return { rows, columns, total: columns.reduce((a, b) => a + b, 0) };
}

export function linkMatches(filter: FlowFilter, fromKey: string | null, toKey: string): boolean {
  if (filter.fromKey === null && filter.toKey === null) return false;
  return (filter.fromKey === null || filter.fromKey === fromKey) && (filter.toKey === null || filter.toKey === toKey);
}

export function sankeyGraph(data: SankeyData, settings: Pick<SankeySettings, 'colours' | 'newColour' | 'filter'>): { nodes: SankeyNode[]; links: SankeyLink[] } {
  const k = data.segments.length;
  const { rows, columns } = flowTotals(data.counts, k);
  const colour = (i: number) => settings.colours[i] ?? '#8a929d';
  const nodes: SankeyNode[] = [];
  data.segments.forEach((s, i) => {
    if ((rows[i] ?? 0) > 0) nodes.push({ name: nodeName('from', s.key), title: s.name, side: 'from', key: s.key, value: rows[i]!, depth: 0, itemStyle: { color: colour(i) } });
  });
  if ((rows[k] ?? 0) > 0) nodes.push({ name: NEW_NODE, title: newTitle(data.from), side: 'from', key: null, value: rows[k]!, depth: 0, itemStyle: { color: settings.newColour } });
  data.segments.forEach((s, j) => {
    if ((columns[j] ?? 0) > 0) nodes.push({ name: nodeName('to', s.key), title: s.name, side: 'to', key: s.key, value: columns[j]!, depth: 1, itemStyle: { color: colour(j) } });
  });
  const filtering = settings.filter.fromKey !== null || settings.filter.toKey !== null;
  const links: SankeyLink[] = [];
  data.counts.forEach((row, i) => {
    const isNew = i === k;
    const fromKey = isNew ? null : (data.segments[i]?.key ?? null);
    row.forEach((n, j) => {
      if (!(n > 0)) return;
      const toKey = data.segments[j]!.key;
      const stayed = !isNew && i === j;
      const hit = linkMatches(settings.filter, fromKey, toKey) && !stayed && !isNew;
      // Stayers are quieter than movers: the moves are what the chart is for.
      const base = stayed ? 0.3 : 0.5;
      const opacity = filtering ? (hit ? 0.8 : 0.12) : base;
      links.push({
        source: isNew ? NEW_NODE : nodeName('from', fromKey!),
        target: nodeName('to', toKey),
        value: n,
        fromKey,
        toKey,
        stayed,
        lineStyle: { color: isNew ? settings.newColour : colour(i), opacity },
      });
    });
  });
  return { nodes, links };
}

interface TooltipParams {
  dataType?: 'node' | 'edge';
  data?: SankeyNode | SankeyLink;
}

export function sankeyTooltip(data: SankeyData, graph: { nodes: SankeyNode[] }, p: TooltipParams): string {
  const k = data.segments.length;
  const totals = flowTotals(data.counts, k);
  const byName = new Map(graph.nodes.map((n) => [n.name, n]));
  if (p.dataType === 'edge') {
    const l = p.data as SankeyLink;
    const source = byName.get(l.source);
    const target = byName.get(l.target);
    if (!source || !target) return '';
    const lines = [
      `<strong>${escapeHtml(source.title)}</strong> → <strong>${escapeHtml(target.title)}</strong>`,
      `Customers: <b>${formatInt(l.value)}</b>`,
      l.fromKey === null
        ? `${formatShare(l.value, source.value)} of the newcomers · ${formatShare(l.value, target.value)} of ${escapeHtml(target.title)} on ${data.to}`
        : `${formatShare(l.value, source.value)} of ${escapeHtml(source.title)} on ${data.from} · ${formatShare(l.value, target.value)} of ${escapeHtml(target.title)} on ${data.to}`,
    ];
    if (l.stayed) lines.push('<span style="opacity:.75">Stayed in the segment</span>');
    else if (l.fromKey === null) lines.push('<span style="opacity:.75">New customers are not movers: they had no segment before</span>');
    else lines.push('<span style="opacity:.75">Click to list these customers</span>');
    return lines.join('<br/>');
  }
  const n = p.data as SankeyNode | undefined;
  if (!n) return '';
  const day = n.side === 'from' ? data.from : data.to;
  const all = n.side === 'from' ? totals.rows.slice(0, k).reduce((a, b) => a + b, 0) + (totals.rows[k] ?? 0) : totals.total;
  const lines = [`<strong>${escapeHtml(n.title)}</strong>${n.key === null ? '' : ` on ${day}`}`, `Customers: <b>${formatInt(n.value)}</b> (${formatShare(n.value, all)})`];
  if (n.key !== null) lines.push(`<span style="opacity:.75">Click to list customers ${n.side === 'from' ? 'who left it' : 'who moved into it'}</span>`);
  return lines.join('<br/>');
}

export function buildSankeyOption(data: SankeyData, settings: SankeySettings, theme: ChartTheme): EChartsOption {
  const graph = sankeyGraph(data, settings);
  const margin = settings.labelWidth + 8;
  return {
    ...chartBase(theme),
    tooltip: { trigger: 'item', ...tooltipBase(theme), formatter: (p: unknown) => sankeyTooltip(data, graph, p as TooltipParams) },
    series: [
      {
        type: 'sankey',
        id: 'migration-sankey',
        left: margin,
        right: margin,
        top: 6,
        bottom: 6,
        nodeWidth: 14,
        nodeGap: 10,
        // Keep the segmentation's order on both sides: the same segment sits at the same height.
        layoutIterations: 0,
        draggable: false,
        nodeAlign: 'justify',
        data: graph.nodes.map((n) => ({ ...n, label: { position: n.side === 'from' ? 'left' : 'right' } as const })),
        links: graph.links,
        label: {
          color: theme.text,
          fontSize: 11,
          fontFamily: theme.fontFamily,
          width: settings.labelWidth,
          overflow: 'truncate',
          formatter: (p: unknown) => {
            const d = (p as { data?: { title?: string; value?: number } }).data;
            return d ? nodeLabel(d.title ?? '', d.value ?? 0, settings.labelWidth) : '';
          },
        },
        lineStyle: { curveness: 0.5 },
        emphasis: { focus: 'adjacency', lineStyle: { opacity: 0.85 } },
        itemStyle: { borderWidth: 0 },
      },
    ],
  } as EChartsOption;
}

/** "Name · 1,234", the name shortened so the count always shows within the label column. */
export function nodeLabel(title: string, value: number, width: number): string {
  const count = formatInt(value);
  const room = Math.max(4, Math.floor((width - (count.length + 3) * 6.5) / 6.3));
  const name = title.length > room ? `${title.slice(0, room - 1).trimEnd()}…` : title;
  return `${name} · ${count}`;
}

/** The label column's width: room for the longest name (the newcomers' too) and its count, within a share of the chart. */
export function sankeyLabelWidth(names: readonly string[], chartWidth: number): number {
  const longest = Math.max(16, ...names.map((s) => s.length));
  const wanted = Math.round(longest * 6.3 + 48);
  return Math.max(70, Math.min(wanted, Math.floor(chartWidth * 0.3)));
}
