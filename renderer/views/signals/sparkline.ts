// Geometry of the catalogue's distribution sparklines: one SVG path of bars per signal, cheap
// enough for every row of the catalogue (no chart instance per row). Heights use a square-root
// scale: signal distributions are very skewed (most customers at 0), and on a linear scale every
// bar but the first would vanish.

/** An SVG path of `counts.length` bars filling a width x height box, bottom-aligned. */
export function sparkBarsPath(counts: readonly number[], width: number, height: number, gap = 1): string {
  const n = counts.length;
  if (n === 0 || width <= 0 || height <= 0) return '';
  const peak = Math.sqrt(Math.max(...counts, 0));
  if (!(peak > 0)) return '';
  // A constant signal comes as one bin: one thin bar, not a block across the whole box.
  const step = n === 1 ? Math.min(width, 4) : width / n;
  const barWidth = Math.max(0.5, n === 1 ? step : step - gap);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = counts[i]!;
    if (!(c > 0)) continue;
    // Any non-empty bin shows at least one pixel, so a long thin tail is still visible.
    const h = Math.max(1, (Math.sqrt(c) / peak) * height);
    const x = round(i * step);
    parts.push(`M${x} ${round(height - h)}h${round(barWidth)}V${height}h${round(-barWidth)}Z`);
  }
  return parts.join('');
}

const round = (v: number) => Math.round(v * 100) / 100;

/** "0 – 548", "0.12 – 3.4", "all 0": the range of a signal's values, in few characters. */
export function rangeText(min: number | null, max: number | null): string {
  if (min === null || max === null) return 'no values';
  if (min === max) return `all ${shortNumber(min)}`;
  return `${shortNumber(min)} – ${shortNumber(max)}`;
}

export function shortNumber(v: number): string {
  if (!Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  if (a >= 1e6) return `${(v / 1e6).toFixed(1)}M`;
  if (a >= 1e4) return `${(v / 1e3).toFixed(0)}k`;
  if (a >= 100) return String(Math.round(v));
  if (a >= 1) return String(Math.round(v * 10) / 10);
  if (a === 0) return '0';
  return String(Math.round(v * 100) / 100);
}
