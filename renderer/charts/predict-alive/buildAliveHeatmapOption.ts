// Option builder for the P(alive) matrix: repeat purchases (rows) × time of the last purchase
// (columns) for a customer of the longest age T. Cells that cannot happen (no repeat purchase but
// a last purchase after the first: -1 from core) are left blank. Colour is a sequential scale
// from "surely gone" to "surely alive", with the value written in each cell when they are large
// enough to read. Pure.
import type { EChartsOption } from 'echarts';
import type { PredictionSummary } from '../../../core/api/contract.ts';
import type { ChartTheme, ThemeMode } from '../theme.ts';
import { axisLabel, chartBase, tooltipBase } from '../common.ts';

type Matrix = NonNullable<PredictionSummary['aliveMatrix']>;
type Rgb = [number, number, number];

const SCALE: Record<ThemeMode, [Rgb, Rgb, Rgb]> = {
  // gone (warm) → unsure (sand, visible on the card in both themes) → alive (blue)
  light: [
    [214, 96, 77],
    [222, 208, 178],
    [33, 102, 172],
  ],
  dark: [
    [196, 92, 74],
    [120, 110, 92],
    [92, 152, 240],
  ],
};

export function aliveRgb(p: number, mode: ThemeMode): Rgb {
  const [lo, mid, hi] = SCALE[mode];
  const v = Math.max(0, Math.min(1, p));
  const [a, b, t] = v < 0.5 ? [lo, mid, v / 0.5] : [mid, hi, (v - 0.5) / 0.5];
  return [0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * t) as Rgb;
}

export function aliveGradient(mode: ThemeMode): string {
  const [lo, mid, hi] = SCALE[mode];
  return `linear-gradient(90deg, rgb(${lo.join(',')}), rgb(${mid.join(',')}), rgb(${hi.join(',')}))`;
}

function textOn([r, g, b]: Rgb): string {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 150 ? '#1c2128' : '#ffffff';
}

export interface AliveCell {
  value: [number, number, number];
  itemStyle: { color: string };
  label: { color: string };
}

/** One cell per applicable (tx column, x row); the -1 cells are left out, so they stay blank. */
export function aliveCells(m: Matrix, mode: ThemeMode): AliveCell[] {
  const cells: AliveCell[] = [];
  m.pAlive.forEach((row, xi) => {
    row.forEach((p, ti) => {
      if (!(p >= 0) || !Number.isFinite(p)) return;
      const rgb = aliveRgb(p, mode);
      cells.push({ value: [ti, xi, p], itemStyle: { color: `rgb(${rgb.map(Math.round).join(',')})` }, label: { color: textOn(rgb) } });
    });
  });
  return cells;
}

export interface AliveSettings {
  unit: 'day' | 'week';
  /** Write P(alive) into the cells (off when they are too small). */
  labels: boolean;
}

const tick = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 1 : 0));

export function buildAliveHeatmapOption(m: Matrix, settings: AliveSettings, theme: ChartTheme): EChartsOption {
  const unit = settings.unit;
  return {
    ...chartBase(theme),
    grid: { left: 8, right: 8, top: 8, bottom: 30, containLabel: true },
    tooltip: {
      ...tooltipBase(theme),
      formatter: (p: unknown) => {
        const v = (p as { value?: [number, number, number] }).value;
        if (!v) return '';
        const x = m.x[v[1]] ?? v[1];
        const tx = m.tx[v[0]] ?? v[0];
        return `${x} repeat purchase${x === 1 ? '' : 's'}, the last at ${tick(tx)} ${unit}s (age ${tick(m.T)} ${unit}s)<br/>P(alive): <b>${v[2].toFixed(3)}</b>`;
      },
    },
    xAxis: {
      type: 'category',
      data: m.tx.map(tick),
      name: `Time of the last purchase (${unit}s since the first)`,
      nameLocation: 'middle',
      nameGap: 22,
      nameTextStyle: axisLabel(theme),
      axisLabel: { ...axisLabel(theme), hideOverlap: true },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.axisLine } },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      data: m.x.map(String),
      name: 'Repeat purchases',
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: axisLabel(theme),
      axisLabel: axisLabel(theme),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.axisLine } },
    },
    series: [
      {
        type: 'heatmap',
        id: 'p-alive',
        data: aliveCells(m, theme.mode),
        label: { show: settings.labels, fontSize: 9, formatter: (p: { value?: unknown }) => Number((p.value as number[] | undefined)?.[2]).toFixed(2) },
        itemStyle: { borderColor: theme.mode === 'dark' ? '#1b1f25' : '#ffffff', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: theme.text, borderWidth: 1 } },
      },
    ],
  };
}
