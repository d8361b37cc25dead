// Option builder for the centroid profile: signals (rows) × clusters (columns), each cell the
// cluster's mean in population standard deviations. Colour is clipped at ±clip; the label and the
// tooltip show the real z and the members' mean in the signal's own unit. Pure.
import type { EChartsOption } from 'echarts';
import type { ClusterInfo } from '../../../core/api/contract.ts';
import type { ChartTheme } from '../theme.ts';
import { chartBase, tooltipStyle } from '../common.ts';
import { clipZ, divergingRgb, PROFILE_CLIP, textOn } from './divergingColor.ts';
import { escapeHtml, shortName } from './text.ts';

export interface ProfileData {
  signals: ReadonlyArray<{ id: string; label: string; unit: string }>;
  clusters: ReadonlyArray<Pick<ClusterInfo, 'key' | 'name' | 'colour' | 'size' | 'profile' | 'means'>>;
}

export interface ProfileSettings {
  clip?: number;
  /** Write z into each cell (off when cells are too small to read). */
  labels: boolean;
  /** A signal value in its unit, for the tooltip. */
  formatValue: (value: number | null, unit: string) => string;
  /** Width in px a column label may take; longer names end in an ellipsis (full name in the tooltip). */
  columnLabelWidth?: number;
}

export interface ProfileCell {
  value: [number, number, number];
  /** The real z (the value's third element is clipped for the colour scale). */
  z: number;
  itemStyle: { color: string };
  label: { color: string };
}

const MINUS = '\u2212';
/** "+1.2", "−0.4", and "0.0" when it rounds to zero (never "−0.0"). */
export function signedZ(z: number, digits: number): string {
  if (!Number.isFinite(z)) return '—';
  const text = Math.abs(z).toFixed(digits);
  if (Number(text) === 0) return text;
  return `${z > 0 ? '+' : MINUS}${text}`;
}

export function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, Math.max(1, max - 1))}…` : s;
}

/** One cell per (cluster, signal); x = cluster column, y = signal row. */
export function profileCells(data: ProfileData, mode: ChartTheme['mode'], clip = PROFILE_CLIP): ProfileCell[] {
  const cells: ProfileCell[] = [];
  data.clusters.forEach((c, ci) => {
    data.signals.forEach((_, si) => {
      const z = c.profile[si] ?? NaN;
      const rgb = divergingRgb(z, mode, clip);
      cells.push({ value: [ci, si, clipZ(z, clip)], z, itemStyle: { color: `rgb(${rgb.map(Math.round).join(',')})` }, label: { color: textOn(rgb) } });
    });
  });
  return cells;
}

export function buildProfileHeatmapOption(data: ProfileData, settings: ProfileSettings, theme: ChartTheme): EChartsOption {
  const clip = settings.clip ?? PROFILE_CLIP;
  const labelWidth = Math.max(36, settings.columnLabelWidth ?? 90);
  const axisLabel = { color: theme.mutedText, fontSize: 11, fontFamily: theme.fontFamily };
  const cells = profileCells(data, theme.mode, clip);
  return {
    ...chartBase(theme),
    grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      ...tooltipStyle(theme),
      formatter: (p: unknown) => {
        const cell = (p as { data?: ProfileCell }).data;
        if (!cell) return '';
        const [ci, si] = cell.value;
        const cluster = data.clusters[ci];
        const signal = data.signals[si];
        if (!cluster || !signal) return '';
        const mean = settings.formatValue(cluster.means[si] ?? null, signal.unit);
        const clipped = Math.abs(cell.z) > clip ? ` <span style="opacity:.7">(colour capped at ±${clip})</span>` : '';
        return [
          `<strong>${escapeHtml(cluster.name)}</strong> · ${escapeHtml(signal.label)}`,
          `${signedZ(cell.z, 2)} standard deviations from the population mean${clipped}`,
          `Members’ mean: ${escapeHtml(mean)}`,
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      position: 'top',
      // Two lines at most: the start of the name, wrapped to the column (full name in the tooltip).
      data: data.clusters.map((c) => shortName(c.name, Math.max(8, Math.floor(labelWidth / 6.5) * 2))),
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { ...axisLabel, color: theme.text, interval: 0, fontWeight: 600, width: labelWidth, overflow: 'break', lineHeight: 13 },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: data.signals.map((s) => truncate(s.label, 26)),
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { ...axisLabel, interval: 0 },
    },
    series: [
      {
        type: 'heatmap',
        id: 'profile',
        data: cells,
        itemStyle: { borderColor: theme.mode === 'dark' ? '#1b1f24' : '#ffffff', borderWidth: 1 },
        label: {
          show: settings.labels,
          fontSize: 10,
          fontFamily: theme.fontFamily,
          formatter: (p: unknown) => signedZ((p as { data?: ProfileCell }).data?.z ?? NaN, 1),
        },
        emphasis: { itemStyle: { borderColor: theme.text, borderWidth: 1.5 } },
      },
    ],
  };
}
