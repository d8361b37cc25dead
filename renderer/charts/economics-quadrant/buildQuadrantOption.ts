// Option builder for the economics quadrant: one bubble per segment at (likelihood to convert, net
// value per customer), its area proportional to the segment's customers, its colour the segment's
// decision. Dashed reference lines at the all-customers values cut the plane into four quadrants,
// named in words in the plot's corners. Each bubble carries the segment's name and, as a small
// chip, its warnings. Axis bounds are computed here (not left to ECharts) so the quadrant corners
// and the tests know where everything is. Pure.
import type { EChartsOption } from 'echarts';
import type { Decision } from '../../../core/api/contract.ts';
import type { ChartTheme } from '../theme.ts';
import { axisLabel, chartBase, legendBase, splitLines, tooltipBase } from '../common.ts';
import { escapeHtml } from '../cluster-profile/text.ts';
import { formatInt, formatMoney } from '../../lib/format.ts';
import { DECISION_ORDER, decisionColour, decisionLabel, type DecisionOrNone } from '../economics-common/decisions.ts';
import { labelHeight, labelWidth, layoutLabels, type Box, type LabelItem } from './labelLayout.ts';

export interface QuadrantPoint {
  key: string;
  name: string;
  customers: number;
  /** 0..1; null: the segment cannot be placed. */
  likelihood: number | null;
  netValue: number;
  decision: Decision | null;
  /** Warnings in words, short ("returns", "discounts"). */
  warnings: readonly string[];
  /** Each warning explained in a sentence, for the tooltip (same order). */
  explanations?: readonly string[];
}

export interface QuadrantData {
  points: readonly QuadrantPoint[];
  /** The all-customers values: the reference lines. */
  reference: { likelihood: number | null; netValue: number };
  /** The x axis's name (what the likelihood is). */
  xName: string;
  selectedKey: string | null;
}

/** The chart's size in px, for placing labels where they do not collide. */
export interface QuadrantSettings {
  width: number;
  height: number;
}

export const DEFAULT_QUADRANT_SIZE: QuadrantSettings = { width: 640, height: 400 };

export const QUADRANT_LABELS = {
  topRight: 'Worth competing for',
  topLeft: 'Valuable, hard to win',
  bottomRight: 'Easy to win, little value',
  bottomLeft: 'Not worth competing for',
} as const;

export const GRID = { left: 72, right: 28, top: 52, bottom: 46 } as const;
export const MAX_BUBBLE = 64;
export const MIN_BUBBLE = 10;
const REFERENCE_SERIES = 'All customers';

/** Points that can be drawn: a likelihood, a finite net value and someone in the segment. */
export function placeable(points: readonly QuadrantPoint[]): QuadrantPoint[] {
  return points.filter((p) => p.customers > 0 && p.likelihood !== null && Number.isFinite(p.likelihood) && Number.isFinite(p.netValue));
}

/** Diameter in px: area proportional to customers, the largest segment MAX_BUBBLE wide. */
export function bubbleSize(customers: number, maxCustomers: number): number {
  if (!(maxCustomers > 0) || !(customers > 0)) return MIN_BUBBLE;
  return Math.max(MIN_BUBBLE, Math.round(MAX_BUBBLE * Math.sqrt(customers / maxCustomers) * 10) / 10);
}

/** A step of 1, 2, 2.5 or 5 × 10^k that cuts the range into about `target` pieces. */
export function niceStep(range: number, target = 5): number {
  if (!(range > 0) || !Number.isFinite(range)) return 1;
  const raw = range / target;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  const f = m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10;
  return f * p;
}

/** Bounds around the values, padded by `pad` of the range on each side and snapped to a nice step. */
export function niceBounds(values: readonly number[], pad = 0.12, clamp?: { min?: number; max?: number }): { min: number; max: number } {
  const finite = values.filter(Number.isFinite);
  let lo = finite.length ? Math.min(...finite) : 0;
  let hi = finite.length ? Math.max(...finite) : 1;
  if (hi - lo < 1e-9) {
    const half = Math.abs(hi) > 1e-9 ? Math.abs(hi) * 0.5 : 1;
    lo -= half;
    hi += half;
  }
  const extra = (hi - lo) * pad;
  lo -= extra;
  hi += extra;
  if (clamp?.min !== undefined) lo = Math.max(clamp.min, lo);
  if (clamp?.max !== undefined) hi = Math.min(clamp.max, hi);
  const step = niceStep(hi - lo);
  const round = (v: number) => Math.round(v * 1e9) / 1e9;
  return { min: round(Math.floor(lo / step) * step), max: round(Math.ceil(hi / step) * step) };
}

const pct = (v: number, digits = 1) => `${(v * 100).toFixed(digits)}%`;
/** Rich-text markup of ECharts labels uses braces and bars: keep them out of names. */
const plain = (s: string) => s.replace(/[{}|]/g, ' ');

const NAME_MAX = 24;
const shortName = (name: string, max = NAME_MAX) => (name.length > max ? `${name.slice(0, max - 1)}…` : name);
const chipText = (warnings: readonly string[]) => (warnings.length ? `⚠ ${warnings.join(', ')}` : null);

/** A bubble's label: the name, and the warnings as a chip. */
export function bubbleLabel(p: Pick<QuadrantPoint, 'name' | 'warnings'>, max = NAME_MAX): string {
  const chip = chipText(p.warnings);
  return chip ? `{n|${plain(shortName(p.name, max))}} {w|${plain(chip)}}` : `{n|${plain(shortName(p.name, max))}}`;
}

export function quadrantTooltip(p: QuadrantPoint): string {
  const lines = [
    `<b>${escapeHtml(p.name)}</b>`,
    `Customers: ${formatInt(p.customers)}`,
    `Likelihood to convert: ${p.likelihood === null ? '—' : pct(p.likelihood)}`,
    `Net value per customer: ${formatMoney(p.netValue)}`,
    `Decision: ${decisionLabel(p.decision)}`,
  ];
  if (p.explanations?.length) {
    const width = 'display:inline-block;max-width:320px;white-space:normal';
    for (const [i, text] of p.explanations.entries()) lines.push(`<span style="${width}">⚠ <b>${escapeHtml(p.warnings[i] ?? '')}</b>: ${escapeHtml(text)}</span>`);
  } else if (p.warnings.length) lines.push(`Warnings: ${escapeHtml(p.warnings.join(', '))}`);
  return lines.join('<br/>');
}

const TITLE_INSET = 8;
/** Estimated width of an 11px semi-bold text. */
const textWidth = (t: string, px = 6.6) => Math.ceil(t.length * px);

/** Where the quadrant names and the reference lines' labels are, as boxes labels should avoid. */
function fixedBoxes(size: QuadrantSettings, plot: Box, refY: number, refYText: string): Box[] {
  const h = 15;
  const t = QUADRANT_LABELS;
  const right = (text: string) => size.width - GRID.right - TITLE_INSET - textWidth(text);
  const left = GRID.left + TITLE_INSET;
  const top = GRID.top + TITLE_INSET;
  const bottom = size.height - GRID.bottom - TITLE_INSET - h;
  const boxes: Box[] = [
    { x: right(t.topRight), y: top, w: textWidth(t.topRight), h },
    { x: left, y: top, w: textWidth(t.topLeft), h },
    { x: right(t.bottomRight), y: bottom, w: textWidth(t.bottomRight), h },
    { x: left, y: bottom, w: textWidth(t.bottomLeft), h },
  ];
  // The vertical line's label is above the plot; the horizontal one's sits above its right end.
  boxes.push({ x: plot.x + plot.w - textWidth(refYText, 5.8) - 6, y: refY - 15, w: textWidth(refYText, 5.8) + 6, h: 15 });
  return boxes;
}

function quadrantTitles(theme: ChartTheme) {
  const style = { fontSize: 11, fontWeight: 600 as const, color: theme.mutedText, fontFamily: theme.fontFamily };
  const inset = TITLE_INSET;
  return [
    { text: QUADRANT_LABELS.topRight, right: GRID.right + inset, top: GRID.top + inset, textStyle: style },
    { text: QUADRANT_LABELS.topLeft, left: GRID.left + inset, top: GRID.top + inset, textStyle: style },
    { text: QUADRANT_LABELS.bottomRight, right: GRID.right + inset, bottom: GRID.bottom + inset, textStyle: style },
    { text: QUADRANT_LABELS.bottomLeft, left: GRID.left + inset, bottom: GRID.bottom + inset, textStyle: style },
  ];
}

export interface QuadrantGeometry {
  x: { min: number; max: number };
  y: { min: number; max: number };
  /** The plot area in px of the chart. */
  plot: Box;
  /** Bubble centres and radii in px, by segment key (placeable segments only). */
  bubbles: Map<string, { cx: number; cy: number; r: number }>;
}

/** Where everything is drawn at this size: axis bounds, plot area, bubbles. */
export function quadrantGeometry(data: Pick<QuadrantData, 'points' | 'reference'>, settings: QuadrantSettings): QuadrantGeometry {
  const size = settings.width > 0 && settings.height > 0 ? settings : DEFAULT_QUADRANT_SIZE;
  const points = placeable(data.points);
  const maxCustomers = Math.max(0, ...points.map((p) => p.customers));
  const ref = data.reference;
  const xs = points.map((p) => p.likelihood!);
  const ys = points.map((p) => p.netValue);
  if (ref.likelihood !== null) xs.push(ref.likelihood);
  ys.push(ref.netValue);
  const x = niceBounds([0, ...xs], 0.1, { min: 0, max: 1 });
  const y = niceBounds(ys, 0.14);
  const plot: Box = { x: GRID.left, y: GRID.top, w: Math.max(1, size.width - GRID.left - GRID.right), h: Math.max(1, size.height - GRID.top - GRID.bottom) };
  const px = (v: number) => plot.x + ((v - x.min) / (x.max - x.min)) * plot.w;
  const py = (v: number) => plot.y + (1 - (v - y.min) / (y.max - y.min)) * plot.h;
  const bubbles = new Map(points.map((p) => [p.key, { cx: px(p.likelihood!), cy: py(p.netValue), r: bubbleSize(p.customers, maxCustomers) / 2 }]));
  return { x, y, plot, bubbles };
}

export function buildQuadrantOption(data: QuadrantData, settings: QuadrantSettings, theme: ChartTheme): EChartsOption {
  const size = settings.width > 0 && settings.height > 0 ? settings : DEFAULT_QUADRANT_SIZE;
  const points = placeable(data.points);
  const ref = data.reference;
  const { x, y, plot, bubbles } = quadrantGeometry(data, size);
  const byKey = new Map(points.map((p) => [p.key, p]));
  const py = (v: number) => plot.y + (1 - (v - y.min) / (y.max - y.min)) * plot.h;

  const refXText = ref.likelihood !== null ? `All customers ${pct(ref.likelihood)}` : null;
  const refYText = `All customers ${formatMoney(ref.netValue)}`;
  // Labels kept apart from each other, the bubbles and the fixed texts.
  const items: LabelItem[] = points.map((p) => {
    const chip = chipText(p.warnings);
    return { key: p.key, ...bubbles.get(p.key)!, w: labelWidth(shortName(p.name), chip), h: labelHeight(chip !== null) };
  });
  const spots = layoutLabels(items, plot, fixedBoxes(size, plot, py(ref.netValue), refYText));
  const itemOf = new Map(items.map((it) => [it.key, it]));
  /** The label's offset from the top-left corner of the bubble's box, as ECharts takes it. */
  const labelOffset = (key: string): [number, number] => {
    const it = itemOf.get(key)!;
    const spot = spots.get(key)!;
    return [Math.round(spot.x - (it.cx - it.r)), Math.round(spot.y - (it.cy - it.r))];
  };

  const ring = theme.mode === 'dark' ? '#14171b' : '#ffffff';

  const series = DECISION_ORDER.map((d: DecisionOrNone) => ({
    type: 'scatter' as const,
    name: decisionLabel(d),
    itemStyle: { color: decisionColour(d, theme.mode), opacity: 0.8, borderColor: ring, borderWidth: 1 },
    // No focus/blur: the option is replaced on every selection, which would leave the others blurred.
    emphasis: { itemStyle: { opacity: 1 } },
    label: {
      show: true,
      align: 'left' as const,
      verticalAlign: 'top' as const,
      rich: {
        n: { color: theme.text, fontSize: 11, fontWeight: 600 as const, fontFamily: theme.fontFamily },
        w: {
          color: theme.mode === 'dark' ? '#e6a23c' : '#8a5200',
          backgroundColor: theme.mode === 'dark' ? '#35291a' : '#fff4e0',
          borderRadius: 3,
          padding: [1, 4],
          fontSize: 10,
          fontFamily: theme.fontFamily,
        },
      },
    },
    data: points
      .filter((p) => p.decision === d)
      .map((p) => ({
        key: p.key,
        name: p.name,
        value: [p.likelihood!, p.netValue, p.customers],
        symbolSize: bubbles.get(p.key)!.r * 2,
        label: { formatter: bubbleLabel(p), position: labelOffset(p.key) },
        ...(p.key === data.selectedKey ? { itemStyle: { borderColor: theme.text, borderWidth: 3, opacity: 1 } } : {}),
      })),
  }));

  const lineStyle = { color: theme.mutedText, type: 'dashed' as const, width: 1 };
  const referenceLines: Array<Record<string, unknown>> = [];
  if (ref.likelihood !== null) {
    referenceLines.push({ xAxis: ref.likelihood, label: { formatter: refXText, position: 'end', distance: 4 } });
  }
  referenceLines.push({ yAxis: ref.netValue, label: { formatter: refYText, position: 'insideEndTop' } });

  return {
    ...chartBase(theme),
    title: quadrantTitles(theme),
    legend: { ...legendBase(theme), right: 'auto', left: GRID.left, data: DECISION_ORDER.map(decisionLabel) },
    grid: { ...GRID, containLabel: false },
    tooltip: {
      ...tooltipBase(theme),
      trigger: 'item',
      formatter: (params: unknown) => {
        const key = (params as { data?: { key?: string } }).data?.key;
        const p = key === undefined ? undefined : byKey.get(key);
        return p ? quadrantTooltip(p) : '';
      },
    },
    xAxis: {
      type: 'value',
      min: x.min,
      max: x.max,
      name: data.xName,
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: axisLabel(theme),
      axisLabel: { ...axisLabel(theme), formatter: (v: number) => pct(v, 0) },
      axisLine: { lineStyle: { color: theme.axisLine } },
      splitLine: splitLines(theme),
    },
    yAxis: {
      type: 'value',
      min: y.min,
      max: y.max,
      name: 'Net value per customer',
      nameLocation: 'middle',
      nameGap: 56,
      nameTextStyle: axisLabel(theme),
      axisLabel: { ...axisLabel(theme), formatter: (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 }) },
      axisLine: { lineStyle: { color: theme.axisLine } },
      splitLine: splitLines(theme),
    },
    series: [
      ...series,
      {
        type: 'scatter',
        name: REFERENCE_SERIES,
        data: [],
        silent: true,
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle,
          label: { color: theme.mutedText, fontSize: 10, fontFamily: theme.fontFamily },
          data: referenceLines,
        },
      },
    ],
  } as EChartsOption;
}
