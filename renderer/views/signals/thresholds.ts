// The consideration and decision thresholds as the analyst moves them (drag, arrows, inputs):
// always within 0..100, consideration never above decision, and the handle positions over the
// histogram's plot area.

export interface Thresholds {
  consideration: number;
  decision: number;
}

export type ThresholdKey = keyof Thresholds;

/** Thresholds move in steps of one score point from the UI (core accepts decimals, e.g. suggested ones). */
export function clampScore(v: number): number {
  if (!Number.isFinite(v)) return 0;
  return Math.max(0, Math.min(100, Math.round(v * 10) / 10));
}

/**
 * Moves one threshold; the other gives way so that consideration <= decision always holds
 * (dragging consideration past decision pushes decision along, and the reverse).
 */
export function moveThreshold(t: Thresholds, key: ThresholdKey, value: number): Thresholds {
  const v = clampScore(value);
  if (key === 'consideration') return { consideration: v, decision: Math.max(v, t.decision) };
  return { consideration: Math.min(v, t.consideration), decision: v };
}

export interface PlotGeometry {
  /** Width of the chart box in pixels. */
  width: number;
  left: number;
  right: number;
}

/** Pixel x of a score within the chart box. */
export function scoreToX(score: number, g: PlotGeometry): number {
  const plot = Math.max(0, g.width - g.left - g.right);
  return g.left + (clampScore(score) / 100) * plot;
}

/** The whole score under pixel x (clamped to the plot). */
export function xToScore(x: number, g: PlotGeometry): number {
  const plot = g.width - g.left - g.right;
  if (plot <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round(((x - g.left) / plot) * 100)));
}

/** Arrow keys move one point, Shift+arrow or Page keys ten, Home/End to the ends; null for other keys. */
export function keyStep(key: string, shift: boolean, current: number): number | null {
  const big = 10;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return current - (shift ? big : 1);
    case 'ArrowRight':
    case 'ArrowUp':
      return current + (shift ? big : 1);
    case 'PageDown':
      return current - big;
    case 'PageUp':
      return current + big;
    case 'Home':
      return 0;
    case 'End':
      return 100;
    default:
      return null;
  }
}
