// Pieces the Predict charts share: the series colours for actual vs predicted, number formats and
// the axis tooltip's rows (the theme's axis, tooltip and legend styles are in ../common.ts). Pure.
import type { ChartTheme } from '../theme.ts';

/** Actual: the theme's text-like ink; predicted: the accent, dashed where it is a line. */
export function predictColours(theme: ChartTheme) {
  return theme.mode === 'dark' ? { actual: '#c9d1db', predicted: theme.accent, marker: '#e0a84a' } : { actual: '#3a434f', predicted: theme.accent, marker: '#b76e00' };
}

export function fmt(v: number, digits = 2): string {
  return Number.isFinite(v) ? v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '—';
}

/** Tooltip rows from axis-trigger params: "● name: value". */
export function axisRows(params: unknown, format: (v: number) => string): string {
  const list = (Array.isArray(params) ? params : [params]) as Array<{ marker?: string; seriesName?: string; value?: unknown }>;
  return list
    .map((p) => {
      const v = Array.isArray(p.value) ? Number(p.value[1]) : Number(p.value);
      return `${p.marker ?? ''}${p.seriesName ?? ''}: <b>${format(v)}</b>`;
    })
    .join('<br/>');
}
