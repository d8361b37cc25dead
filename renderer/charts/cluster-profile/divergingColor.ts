// The diverging palette of the centroid profile: below the population mean in blue, above it in
// red, the mean itself in the surface's neutral. z is clipped for the colour only, so one extreme
// cluster cannot wash out every other cell; the tooltip keeps the real value. Pure.
import type { ThemeMode } from '../theme.ts';

type Rgb = [number, number, number];

export const PROFILE_CLIP = 2;

const PALETTES: Record<ThemeMode, { low: Rgb; mid: Rgb; high: Rgb }> = {
  light: { low: [33, 102, 172], mid: [246, 246, 244], high: [190, 45, 40] },
  dark: { low: [86, 150, 230], mid: [43, 49, 57], high: [236, 102, 84] },
};

function hex(c: Rgb): string {
  return `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** z clipped to ±clip (non-numbers count as 0, the mean). */
export function clipZ(z: number, clip = PROFILE_CLIP): number {
  if (!Number.isFinite(z)) return 0;
  return Math.max(-clip, Math.min(clip, z));
}

export function divergingRgb(z: number, mode: ThemeMode, clip = PROFILE_CLIP): Rgb {
  const p = PALETTES[mode];
  const t = clipZ(z, clip) / clip;
  return t >= 0 ? mix(p.mid, p.high, t) : mix(p.mid, p.low, -t);
}

export function divergingColor(z: number, mode: ThemeMode, clip = PROFILE_CLIP): string {
  return hex(divergingRgb(z, mode, clip));
}

/** Dark or light text, whichever reads better on the cell (WCAG relative luminance). */
export function textOn(rgb: Rgb): string {
  const lin = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const l = 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!;
  return l > 0.23 ? '#1c2128' : '#f4f6f8';
}

/** The legend's CSS gradient from −clip to +clip. */
export function divergingGradient(mode: ThemeMode): string {
  const p = PALETTES[mode];
  return `linear-gradient(to right, ${hex(p.low)}, ${hex(p.mid)}, ${hex(p.high)})`;
}
