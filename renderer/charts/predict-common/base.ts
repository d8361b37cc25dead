// Pieces the Predict charts share: the series colours for actual vs predicted, axis and tooltip
// styles from the chart theme. Pure data.
import type { ChartTheme } from '../theme.ts';

/** Actual: the theme's text-like ink; predicted: the accent, dashed where it is a line. */
export function predictColours(theme: ChartTheme) {
  return theme.mode === 'dark' ? { actual: '#c9d1db', predicted: theme.accent, marker: '#e0a84a' } : { actual: '#3a434f', predicted: theme.accent, marker: '#b76e00' };
}

export function axisLabel(theme: ChartTheme) {
  return { color: theme.mutedText, fontSize: 10, fontFamily: theme.fontFamily };
}

export function axisName(theme: ChartTheme) {
  return { color: theme.mutedText, fontSize: 10, fontFamily: theme.fontFamily };
}

export function tooltipBase(theme: ChartTheme) {
  return {
    backgroundColor: theme.tooltipBackground,
    borderColor: theme.tooltipBorder,
    textStyle: { color: theme.tooltipText, fontSize: 12 },
    confine: true,
  };
}

export function legendBase(theme: ChartTheme) {
  return { top: 0, right: 0, itemWidth: 14, itemHeight: 8, textStyle: { color: theme.mutedText, fontSize: 11 } };
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
