// The one component that owns an ECharts instance: init on mount, setOption when the option
// changes, resize with its box, switch theme, dispose on unmount. Views never touch echarts
// directly; they build an option with a pure function from renderer/charts/<chart>/.
import { useEffect, useRef } from 'react';
import type { EChartsOption } from 'echarts';
import { echarts } from '../charts/echarts.ts';
import { CHART_THEMES, type ThemeMode } from '../charts/theme.ts';

export type EChartInstance = ReturnType<typeof echarts.init>;
type Instance = EChartInstance;
/** ECharts event name -> handler (e.g. 'click', 'brushEnd'); params are ECharts' event objects. */
export type EChartEvents = Record<string, (params: unknown) => void>;

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
  /** Chart events for interactive charts (brush, clicks); handlers may change between renders. */
  onEvents?: EChartEvents;
  /** The instance once created (null on dispose), for actions such as switching the brush tool. */
  onChart?: (chart: Instance | null) => void;
}

export function EChart({ option, theme, ariaLabel, className, style, onEvents, onChart }: EChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<Instance | null>(null);
  // Read through refs: binding events once per event name keeps handlers current without rebinding.
  const events = useRef(onEvents);
  events.current = onEvents;
  const chartCallback = useRef(onChart);
  chartCallback.current = onChart;
  const eventNames = Object.keys(onEvents ?? {}).sort().join(',');

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
    chartCallback.current?.(instance);
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
      chartCallback.current?.(null);
      instance.dispose();
      chart.current = null;
    };
    // The theme is applied by the effect below; re-creating the chart for it would flash.
  }, []);

  useEffect(() => {
    chart.current?.setTheme(`segwb-${theme}`);
  }, [theme]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !eventNames) return;
    const bound = eventNames.split(',').map((name) => {
      const handler = (params: unknown) => events.current?.[name]?.(params);
      instance.on(name, handler);
      return [name, handler] as const;
    });
    return () => {
      for (const [name, handler] of bound) instance.off(name, handler);
    };
  }, [eventNames]);

  useEffect(() => {
    // notMerge: a builder returns the whole option; stale series from a previous filter must go.
    chart.current?.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [option, theme]);

  return <div ref={host} className={className} style={style} role="img" aria-label={ariaLabel} />;
}
