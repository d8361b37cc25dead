// The option pieces every chart builder starts from, taken from the chart theme: no background or
// animation of its own, the theme's font, tooltips, axis labels, grid lines and the legend. Pure.
import type { ChartTheme } from './theme.ts';

/** The top of every option: the card shows through, nothing animates, text in the theme's font. */
export function chartBase(theme: ChartTheme) {
  return { backgroundColor: 'transparent', animation: false, textStyle: { fontFamily: theme.fontFamily, color: theme.text } };
}

/** A tooltip's box and text in the theme's colours. */
export function tooltipStyle(theme: ChartTheme) {
  return { backgroundColor: theme.tooltipBackground, borderColor: theme.tooltipBorder, textStyle: { color: theme.tooltipText, fontSize: 12 } };
}

/** tooltipStyle, kept inside the chart (near an edge it flips instead of being cut off). */
export function tooltipBase(theme: ChartTheme) {
  return { ...tooltipStyle(theme), confine: true };
}

/** Axis labels and axis names: small, muted. */
export function axisLabel(theme: ChartTheme) {
  return { color: theme.mutedText, fontSize: 10, fontFamily: theme.fontFamily };
}

/** The value axis's grid lines. */
export function splitLines(theme: ChartTheme) {
  return { lineStyle: { color: theme.splitLine } };
}

/** A small legend in the top right corner. */
export function legendBase(theme: ChartTheme) {
  return { top: 0, right: 0, itemWidth: 14, itemHeight: 8, textStyle: { color: theme.mutedText, fontSize: 11 } };
}
