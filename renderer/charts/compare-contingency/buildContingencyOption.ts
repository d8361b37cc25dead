// Option builder for the contingency heatmap of two segmentations: A's segments are the rows, B's
// the columns, each cell the customers in both. The measure picks what the cells show and how
// they are shaded: counts, the share of the row (of A's segment), of the column (of B's segment),
// or the Jaccard index of the pair. The axis labels are drawn by the view in HTML (sticky while
// the grid scrolls), so this grid fills the whole canvas and hides its own labels. Pure.
import type { EChartsOption } from 'echarts';
import type { SegmentOutcome } from '../../../core/api/contract.ts';
import type { ChartTheme, ThemeMode } from '../theme.ts';
import { chartBase, tooltipBase } from '../common.ts';
import { formatCompact, formatInt, formatMoney } from '../../lib/format.ts';
import { escapeHtml, formatJaccard, formatLift, formatRateWithInterval, formatShare } from '../compare-common/format.ts';

export const CONTINGENCY_MEASURES = ['counts', 'row', 'column', 'jaccard'] as const;
export type ContingencyMeasure = (typeof CONTINGENCY_MEASURES)[number];

export interface ContingencyData {
  /** A's segments (rows) and B's (columns), in the segmentations' order. */
  rows: ReadonlyArray<{ key: string; name: string }>;
  columns: ReadonlyArray<{ key: string; name: string }>;
  /** [row][column] customers. */
  counts: ReadonlyArray<ReadonlyArray<number>>;
  jaccard: ReadonlyArray<ReadonlyArray<number>>;
  /** Conversion per cell, aligned with counts; null when there is no outcome. */
  cells: ReadonlyArray<ReadonlyArray<SegmentOutcome>> | null;
}

export interface ContingencySettings {
  measure: ContingencyMeasure;
  /** The selected cell, outlined. */
  selected: { row: number; column: number } | null;
  /** Write the value into each cell. */
  labels: boolean;
  /** "in the 30 days after 2025-11-01", for the tooltip's conversion line. */
  outcomeWindow: string;
  /** Why the tooltip has no conversion (outcome missing). */
  outcomeNote: string | null;
}

export interface ContingencyTotals {
  rows: number[];
  columns: number[];
  total: number;
  /** The largest cell count and Jaccard (the colour scales' tops). */
  maxCount: number;
  maxJaccard: number;
}

export function contingencyTotals(data: Pick<ContingencyData, 'counts' | 'jaccard'>): ContingencyTotals {
  const rows = data.counts.map((r) => r.reduce((a, b) => a + b, 0));
  const columns: number[] = [];
  let maxCount = 0;
  data.counts.forEach((r) =>
    r.forEach((n, j) => {
      columns[j] = (columns[j] ?? 0) + n;
      if (n > maxCount) maxCount = n;
    }),
  );
  let maxJaccard = 0;
  data.jaccard.forEach((r) => r.forEach((v) => (v > maxJaccard ? (maxJaccard = v) : 0)));
  return { rows, columns, total: rows.reduce((a, b) => a + b, 0), maxCount, maxJaccard };
}

/** The cell's value in the measure: a count, a share 0..1, or a Jaccard index. */
export function measureValue(measure: ContingencyMeasure, data: Pick<ContingencyData, 'counts' | 'jaccard'>, totals: ContingencyTotals, i: number, j: number): number {
  const n = data.counts[i]?.[j] ?? 0;
  switch (measure) {
    case 'counts':
      return n;
    case 'row':
      return (totals.rows[i] ?? 0) > 0 ? n / totals.rows[i]! : 0;
    case 'column':
      return (totals.columns[j] ?? 0) > 0 ? n / totals.columns[j]! : 0;
    case 'jaccard':
      return data.jaccard[i]?.[j] ?? 0;
  }
}

/**
 * Where the value sits on the colour scale (0..1). Counts by the square root of the largest cell
 * (one big cell would otherwise wash out the rest); shares as they are; Jaccard against the largest.
 */
export function colourPosition(measure: ContingencyMeasure, value: number, totals: ContingencyTotals): number {
  if (!(value > 0)) return 0;
  let t: number;
  if (measure === 'counts') t = totals.maxCount > 0 ? Math.sqrt(value / totals.maxCount) : 0;
  else if (measure === 'jaccard') t = totals.maxJaccard > 0 ? value / totals.maxJaccard : 0;
  else t = value;
  return Math.max(0, Math.min(1, t));
}

/** The text written in a cell; empty for an empty cell. */
export function cellText(measure: ContingencyMeasure, value: number): string {
  if (!(value > 0)) return '';
  if (measure === 'counts') return formatCompact(value);
  if (measure === 'jaccard') return value < 0.005 ? '<.01' : value.toFixed(2).replace(/^0/, '');
  const pct = value * 100;
  return pct < 0.5 ? '<1%' : `${Math.round(pct)}%`;
}

type Rgb = [number, number, number];

/** From the card's surface to a saturated blue; the low end stays visible on the card. */
const SCALE: Record<ThemeMode, [Rgb, Rgb, Rgb]> = {
  light: [
    [244, 246, 249],
    [140, 178, 236],
    [28, 76, 170],
  ],
  dark: [
    [38, 44, 52],
    [44, 92, 168],
    [128, 182, 255],
  ],
};

export function scaleRgb(t: number, mode: ThemeMode): Rgb {
  const [lo, mid, hi] = SCALE[mode];
  const v = Math.max(0, Math.min(1, t));
  const [a, b, u] = v < 0.5 ? [lo, mid, v / 0.5] : [mid, hi, (v - 0.5) / 0.5];
  return [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * u)) as Rgb;
}

export function scaleGradient(mode: ThemeMode): string {
  const [lo, mid, hi] = SCALE[mode];
  return `linear-gradient(90deg, rgb(${lo.join(',')}), rgb(${mid.join(',')}), rgb(${hi.join(',')}))`;
}

/** Dark or light text, whichever reads better on the cell (relative luminance). */
export function textOn(rgb: Rgb): string {
  const lin = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const l = 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!;
  return l > 0.22 ? '#1c2128' : '#f4f6f8';
}

export interface ContingencyCell {
  /** [column, row, value in the measure]. */
  value: [number, number, number];
  itemStyle: { color: string; borderColor?: string; borderWidth?: number };
  label: { color: string };
}

export function contingencyCells(data: ContingencyData, settings: Pick<ContingencySettings, 'measure' | 'selected'>, mode: ThemeMode, totals = contingencyTotals(data)): ContingencyCell[] {
  const cells: ContingencyCell[] = [];
  const outline = mode === 'dark' ? '#ffffff' : '#111418';
  data.rows.forEach((_, i) => {
    data.columns.forEach((__, j) => {
      const v = measureValue(settings.measure, data, totals, i, j);
      const rgb = scaleRgb(colourPosition(settings.measure, v, totals), mode);
      const selected = settings.selected?.row === i && settings.selected.column === j;
      cells.push({
        value: [j, i, v],
        itemStyle: { color: `rgb(${rgb.join(',')})`, ...(selected ? { borderColor: outline, borderWidth: 3 } : {}) },
        label: { color: textOn(rgb) },
      });
    });
  });
  return cells;
}

/** The tooltip of cell (i, j): both names, count, shares, Jaccard and the cell's conversion. */
export function cellTooltip(data: ContingencyData, settings: Pick<ContingencySettings, 'outcomeWindow' | 'outcomeNote'>, totals: ContingencyTotals, i: number, j: number): string {
  const a = data.rows[i];
  const b = data.columns[j];
  if (!a || !b) return '';
  const n = data.counts[i]?.[j] ?? 0;
  const lines = [
    `<strong>${escapeHtml(a.name)}</strong> ∩ <strong>${escapeHtml(b.name)}</strong>`,
    `Customers: <b>${formatInt(n)}</b>`,
    `${formatShare(n, totals.rows[i] ?? 0)} of ${escapeHtml(a.name)} · ${formatShare(n, totals.columns[j] ?? 0)} of ${escapeHtml(b.name)}`,
    `Jaccard: ${formatJaccard(data.jaccard[i]?.[j] ?? 0)}`,
  ];
  const o = data.cells?.[i]?.[j];
  if (o && o.customers > 0) {
    lines.push(`Conversion ${escapeHtml(settings.outcomeWindow)}: <b>${formatRateWithInterval(o)}</b>, lift ${formatLift(o.lift)}`);
    lines.push(`Revenue per customer: ${formatMoney(o.revenuePerCustomer)}`);
  } else if (o) {
    lines.push('Conversion: no customers in this cell');
  } else if (settings.outcomeNote) {
    lines.push(`<span style="opacity:.75">Conversion: ${escapeHtml(settings.outcomeNote)}</span>`);
  }
  lines.push('<span style="opacity:.75">Click to select the cell</span>');
  return lines.join('<br/>');
}

export function buildContingencyOption(data: ContingencyData, settings: ContingencySettings, theme: ChartTheme): EChartsOption {
  const totals = contingencyTotals(data);
  const cells = contingencyCells(data, settings, theme.mode, totals);
  const hidden = { show: false };
  return {
    ...chartBase(theme),
    grid: { left: 0, right: 0, top: 0, bottom: 0, containLabel: false },
    tooltip: {
      trigger: 'item',
      ...tooltipBase(theme),
      formatter: (p: unknown) => {
        const cell = (p as { data?: ContingencyCell }).data;
        return cell ? cellTooltip(data, settings, totals, cell.value[1], cell.value[0]) : '';
      },
    },
    xAxis: {
      type: 'category',
      data: data.columns.map((c) => c.name),
      axisLabel: hidden,
      axisTick: hidden,
      axisLine: hidden,
      splitArea: hidden,
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: data.rows.map((r) => r.name),
      axisLabel: hidden,
      axisTick: hidden,
      axisLine: hidden,
      splitArea: hidden,
    },
    series: [
      {
        type: 'heatmap',
        id: 'contingency',
        data: cells,
        itemStyle: { borderColor: theme.mode === 'dark' ? '#1b1f24' : '#ffffff', borderWidth: 1 },
        label: {
          show: settings.labels,
          fontSize: 11,
          fontFamily: theme.fontFamily,
          formatter: (p: unknown) => {
            const cell = (p as { data?: ContingencyCell }).data;
            return cell ? cellText(settings.measure, cell.value[2]) : '';
          },
        },
        emphasis: { itemStyle: { borderColor: theme.accent, borderWidth: 2 } },
      },
    ],
  };
}
