// Chart colours for the light and dark themes. Pure data, so option builders stay pure functions
// of (data, settings, theme) and tests can check them without a DOM. The values mirror the CSS
// variables in styles/tokens.css (text, muted text, grid lines, surfaces).

export type ThemeMode = 'light' | 'dark';

export interface ChartTheme {
  mode: ThemeMode;
  text: string;
  mutedText: string;
  axisLine: string;
  splitLine: string;
  tooltipBackground: string;
  tooltipBorder: string;
  tooltipText: string;
  accent: string;
  fontFamily: string;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const CHART_THEMES: Record<ThemeMode, ChartTheme> = {
  light: {
    mode: 'light',
    text: '#1c2128',
    mutedText: '#5d6673',
    axisLine: '#c9cfd7',
    splitLine: '#e7eaee',
    tooltipBackground: '#ffffff',
    tooltipBorder: '#d5dae1',
    tooltipText: '#1c2128',
    accent: '#2f6bd8',
    fontFamily: FONT,
  },
  dark: {
    mode: 'dark',
    text: '#e4e8ee',
    mutedText: '#9aa4b1',
    axisLine: '#3c444f',
    splitLine: '#2b3139',
    tooltipBackground: '#232830',
    tooltipBorder: '#3c444f',
    tooltipText: '#e4e8ee',
    accent: '#6aa2ff',
    fontFamily: FONT,
  },
};

export function chartTheme(mode: ThemeMode): ChartTheme {
  return CHART_THEMES[mode];
}
