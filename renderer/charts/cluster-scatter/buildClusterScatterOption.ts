// Option builder for the customers' 2-D projection (PCA), one large-mode scatter series per
// cluster in the cluster's colour. Points are flat Float32Arrays (x0, y0, x1, y1, …): at 100k
// points, arrays of objects would cost far more memory and time. The brush draws rectangles and
// lassos but selects nothing itself (seriesIndex []): which points are inside is decided from the
// reported area (views/clusters/selection.ts). Pure.
import type { EChartsOption } from 'echarts';
import type { ClusterInfo, ClusterProjection } from '../../../core/api/contract.ts';
import type { ChartTheme } from '../theme.ts';
import { chartBase, splitLines, tooltipStyle } from '../common.ts';
import { escapeHtml } from '../cluster-profile/text.ts';

export interface ScatterGroups {
  keys: number[];
  /** Per cluster (in `keys` order): the projection indices of its points. */
  indices: Int32Array[];
  /** Per cluster: x, y interleaved. */
  points: Float32Array[];
}

/** Splits the projection by cluster, in the model's cluster order; unknown keys are dropped. */
export function groupPoints(p: Pick<ClusterProjection, 'x' | 'y' | 'key'>, keys: readonly number[]): ScatterGroups {
  const slot = new Map<number, number>();
  keys.forEach((k, i) => slot.set(k, i));
  const counts = new Array<number>(keys.length).fill(0);
  for (let i = 0; i < p.key.length; i++) {
    const s = slot.get(p.key[i]!);
    if (s !== undefined) counts[s]!++;
  }
  const indices = counts.map((n) => new Int32Array(n));
  const points = counts.map((n) => new Float32Array(n * 2));
  const fill = new Array<number>(keys.length).fill(0);
  for (let i = 0; i < p.key.length; i++) {
    const s = slot.get(p.key[i]!);
    if (s === undefined) continue;
    const j = fill[s]!++;
    indices[s]![j] = i;
    points[s]![2 * j] = p.x[i]!;
    points[s]![2 * j + 1] = p.y[i]!;
  }
  return { keys: [...keys], indices, points };
}

export interface ScatterData {
  groups: ScatterGroups;
  clusters: ReadonlyArray<Pick<ClusterInfo, 'key' | 'name' | 'colour'>>;
  axisNames: [string, string];
}

export interface ScatterSettings {
  /** Point size in px: smaller when there are many points. */
  symbolSize: number;
  /** Clusters switched off in the view's legend. */
  hiddenKeys?: ReadonlySet<number>;
}

/** Smaller points for more of them, so dense areas still show their shape. */
export function symbolSizeFor(points: number): number {
  if (points > 50_000) return 2.5;
  if (points > 10_000) return 3.5;
  if (points > 2_000) return 5;
  return 7;
}

export function buildClusterScatterOption(data: ScatterData, settings: ScatterSettings, theme: ChartTheme): EChartsOption {
  const axisLabel = { color: theme.mutedText, fontSize: 11, fontFamily: theme.fontFamily };
  const byKey = new Map(data.clusters.map((c) => [c.key, c]));
  const nameOf = (k: number) => byKey.get(k)?.name ?? `Cluster ${k}`;
  const axis = (name: string) => ({
    type: 'value' as const,
    scale: true,
    name,
    nameLocation: 'middle' as const,
    nameTextStyle: { color: theme.mutedText, fontSize: 11 },
    axisLine: { lineStyle: { color: theme.axisLine } },
    axisTick: { show: false },
    axisLabel: { ...axisLabel, formatter: (v: number) => v.toFixed(1) },
    splitLine: splitLines(theme),
  });
  return {
    ...chartBase(theme),
    grid: { left: 44, right: 14, top: 12, bottom: 40 },
    // The view draws the legend (long names wrap there); this hidden one switches series off.
    legend: {
      show: false,
      data: data.groups.keys.map((k) => nameOf(k)),
      selected: Object.fromEntries(data.groups.keys.map((k) => [nameOf(k), !settings.hiddenKeys?.has(k)])),
    },
    tooltip: {
      trigger: 'item',
      ...tooltipStyle(theme),
      formatter: (p: unknown) => {
        const { seriesName, value, color } = p as { seriesName?: string; value?: ArrayLike<number>; color?: string };
        const x = value?.[0];
        const y = value?.[1];
        const dot = `<span style="display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:6px;background:${color ?? theme.accent}"></span>`;
        return [
          `${dot}<strong>${escapeHtml(seriesName ?? '')}</strong>`,
          typeof x === 'number' && typeof y === 'number' ? `PC1 ${x.toFixed(2)} · PC2 ${y.toFixed(2)}` : '',
          '<span style="opacity:.7">Click to explain this customer</span>',
        ]
          .filter(Boolean)
          .join('<br/>');
      },
    },
    xAxis: { ...axis(data.axisNames[0]), nameGap: 24 },
    yAxis: { ...axis(data.axisNames[1]), nameGap: 30 },
    dataZoom: [
      // Wheel zoom only: dragging belongs to the brush.
      { type: 'inside', xAxisIndex: 0, filterMode: 'none', moveOnMouseMove: false, zoomOnMouseWheel: true },
      { type: 'inside', yAxisIndex: 0, filterMode: 'none', moveOnMouseMove: false, zoomOnMouseWheel: true },
    ],
    brush: {
      xAxisIndex: 0,
      yAxisIndex: 0,
      seriesIndex: [],
      brushMode: 'single',
      transformable: false,
      removeOnClick: true,
      throttleType: 'debounce',
      throttleDelay: 150,
      brushStyle: { borderWidth: 1, color: theme.mode === 'dark' ? 'rgba(106,162,255,0.14)' : 'rgba(47,107,216,0.10)', borderColor: theme.accent },
    },
    series: data.groups.keys.map((key, i) => {
      const c = byKey.get(key);
      return {
        type: 'scatter' as const,
        id: `cluster-${key}`,
        name: nameOf(key),
        large: true,
        largeThreshold: 2000,
        symbolSize: settings.symbolSize,
        itemStyle: { color: c?.colour ?? theme.accent, opacity: 0.72 },
        emphasis: { scale: 1.6, itemStyle: { opacity: 1 } },
        dimensions: ['x', 'y'],
        data: data.groups.points[i]!,
      };
    }),
  } as EChartsOption;
}

/** The axis title in the chart: "PC1 (34%)". */
export function axisName(index: 0 | 1, p: Pick<ClusterProjection, 'explained'>): string {
  return `PC${index + 1} (${Math.round((p.explained[index] ?? 0) * 100)}%)`;
}

/** What an axis measures, for the caption: "+ Orders, + Revenue, − Days since purchase". */
export function axisMeaning(index: 0 | 1, p: Pick<ClusterProjection, 'axes'>, labelOf: (id: string) => string): string {
  return (p.axes[index] ?? [])
    .slice(0, 3)
    .map((a) => `${a.loading < 0 ? '\u2212' : '+'} ${labelOf(a.signal)}`)
    .join(', ');
}
