// Brushed selections on the projection scatter. ECharts draws the rectangle or lasso and reports
// its area in data coordinates; which points fall inside is decided here, over the projection's
// flat arrays, so hidden clusters (legend) are left out and the result is testable without a DOM.
import type { ClusterProjection } from '../../../core/api/contract.ts';

export type BrushArea =
  | { brushType: 'rect'; range: { x: [number, number]; y: [number, number] } }
  | { brushType: 'polygon'; points: Array<[number, number]> };

export interface BrushSelection {
  /** What was drawn (kept to draw it again, and to select again when clusters are hidden). */
  areas: BrushArea[];
  /** Model rows (for cluster-members), ordered by cluster key, then row. */
  rows: number[];
  /** Selected points per cluster key, largest first. */
  counts: Array<{ key: number; count: number }>;
}

function isPair(v: unknown): v is [number, number] {
  return Array.isArray(v) && v.length >= 2 && typeof v[0] === 'number' && typeof v[1] === 'number' && Number.isFinite(v[0]) && Number.isFinite(v[1]);
}

/** The areas of an ECharts brush event (`brushEnd`/`brushSelected`), ignoring anything unreadable. */
export function parseBrushAreas(params: unknown): BrushArea[] {
  if (!params || typeof params !== 'object') return [];
  const raw = (params as { areas?: unknown }).areas;
  if (!Array.isArray(raw)) return [];
  const out: BrushArea[] = [];
  for (const a of raw) {
    if (!a || typeof a !== 'object') continue;
    const { brushType, coordRange } = a as { brushType?: unknown; coordRange?: unknown };
    if (!Array.isArray(coordRange)) continue;
    if (brushType === 'rect' && isPair(coordRange[0]) && isPair(coordRange[1])) {
      const x = coordRange[0];
      const y = coordRange[1];
      out.push({ brushType: 'rect', range: { x: [Math.min(x[0], x[1]), Math.max(x[0], x[1])], y: [Math.min(y[0], y[1]), Math.max(y[0], y[1])] } });
    } else if (brushType === 'polygon' && coordRange.length >= 3 && coordRange.every(isPair)) {
      out.push({ brushType: 'polygon', points: coordRange.map((p: [number, number]) => [p[0], p[1]]) });
    }
  }
  return out;
}

/** An area as ECharts' brush action takes it, to draw it again after the option was replaced. */
export function toEChartsArea(a: BrushArea) {
  const coordRange =
    a.brushType === 'rect'
      ? [
          [a.range.x[0], a.range.x[1]],
          [a.range.y[0], a.range.y[1]],
        ]
      : a.points.map(([x, y]) => [x, y]);
  return { brushType: a.brushType, xAxisIndex: 0, yAxisIndex: 0, coordRange };
}

/** Even-odd rule: is (x, y) inside the polygon? */
export function pointInPolygon(x: number, y: number, poly: ReadonlyArray<readonly [number, number]>): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function bounds(points: ReadonlyArray<readonly [number, number]>) {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  return { x0, x1, y0, y1 };
}

function inArea(x: number, y: number, area: BrushArea, box: ReturnType<typeof bounds> | null): boolean {
  if (area.brushType === 'rect') return x >= area.range.x[0] && x <= area.range.x[1] && y >= area.range.y[0] && y <= area.range.y[1];
  // The bounding box first: most points of a small lasso are rejected without the polygon test.
  if (box && (x < box.x0 || x > box.x1 || y < box.y0 || y > box.y1)) return false;
  return pointInPolygon(x, y, area.points);
}

/** The points of visible clusters inside any of the areas. */
export function selectInAreas(p: Pick<ClusterProjection, 'x' | 'y' | 'key' | 'row'>, areas: readonly BrushArea[], hiddenKeys: ReadonlySet<number> = new Set()): BrushSelection {
  const boxes = areas.map((a) => (a.brushType === 'polygon' ? bounds(a.points) : null));
  const picked: Array<{ key: number; row: number }> = [];
  if (areas.length > 0) {
    for (let i = 0; i < p.x.length; i++) {
      const key = p.key[i]!;
      if (hiddenKeys.has(key)) continue;
      const x = p.x[i]!;
      const y = p.y[i]!;
      for (let a = 0; a < areas.length; a++) {
        if (inArea(x, y, areas[a]!, boxes[a]!)) {
          picked.push({ key, row: p.row[i]! });
          break;
        }
      }
    }
  }
  picked.sort((a, b) => a.key - b.key || a.row - b.row);
  const byKey = new Map<number, number>();
  for (const { key } of picked) byKey.set(key, (byKey.get(key) ?? 0) + 1);
  const counts = [...byKey].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key - b.key);
  return { areas: [...areas], rows: picked.map((r) => r.row), counts };
}
