// A contribution's score points as a small diverging bar: negative to the left of the centre,
// positive to the right, scaled to the largest contribution shown.

export interface DivergingBar {
  /** Percent of the track from its left edge. */
  left: number;
  /** Percent of the track. */
  width: number;
  positive: boolean;
}

export function divergingBar(points: number, maxAbs: number): DivergingBar {
  const scale = maxAbs > 0 && Number.isFinite(maxAbs) ? Math.min(1, Math.abs(points) / maxAbs) : 0;
  const width = Number.isFinite(points) ? scale * 50 : 0;
  const positive = points >= 0;
  return { left: positive ? 50 : 50 - width, width, positive };
}

export function maxAbsPoints(parts: ReadonlyArray<{ points: number }>): number {
  return parts.reduce((m, p) => (Number.isFinite(p.points) ? Math.max(m, Math.abs(p.points)) : m), 0);
}

/** "+11.3", "−2.0", "0.0" (a real minus sign, as in the explanation text). */
export function formatPoints(points: number): string {
  if (!Number.isFinite(points)) return '—';
  const v = Math.abs(points).toFixed(1);
  return points > 0.04 ? `+${v}` : points < -0.04 ? `\u2212${v}` : '0.0';
}
