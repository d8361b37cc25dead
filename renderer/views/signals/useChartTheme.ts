// The chart theme of the theme in effect, for the view's option builders.
import { useApp } from '../../store/index.ts';
import { resolvedTheme } from '../../store/uiSlice.ts';
import { chartTheme, type ChartTheme } from '../../charts/theme.ts';

export function useChartTheme(): ChartTheme {
  return chartTheme(useApp(resolvedTheme));
}
