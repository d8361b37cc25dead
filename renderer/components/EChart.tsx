// The one component that owns an ECharts instance: init on mount, setOption when the option
// changes, resize with its box, switch theme, dispose on unmount. Views never touch echarts
// directly; they build an option with a pure function from renderer/charts/<chart>/.
import { useEffect, useRef } from 'react';
import type { EChartsOption } from 'echarts';
import { echarts } from '../charts/echarts.ts';
import { CHART_THEMES, type ThemeMode } from '../charts/theme.ts';

type Instance = ReturnType<typeof echarts.init>;

for (const mode of ['light', 'dark'] as const) {
  const t = CHART_THEMES[mode];
  echarts.registerTheme(`segwb-${mode}`, {
    backgroundColor: 'transparent',
    textStyle: { fontFamily: t.fontFamily, color: t.text },
  });
}

interface EChartProps {
  option: EChartsOption;
  theme: ThemeMode;
  /** Accessible description of what the chart shows (the canvas itself is opaque to readers). */
  ariaLabel: string;
  className?: string;
  style?: React.CSSProperties;
}

export function EChart({ option, theme, ariaLabel, className, style }: EChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<Instance | null>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const instance = echarts.init(el, `segwb-${theme}`, { renderer: 'canvas' });
    chart.current = instance;
    // Resize on the next frame: resizing inside the observer callback can loop in some layouts.
    let frame = 0;
    const ro = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => instance.resize());
    });
    ro.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
      instance.dispose();
      chart.current = null;
    };
    // The theme is applied by the effect below; re-creating the chart for it would flash.
  }, []);

  useEffect(() => {
    chart.current?.setTheme(`segwb-${theme}`);
  }, [theme]);

  useEffect(() => {
    // notMerge: a builder returns the whole option; stale series from a previous filter must go.
    chart.current?.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [option, theme]);

  return <div ref={host} className={className} style={style} role="img" aria-label={ariaLabel} />;
}
