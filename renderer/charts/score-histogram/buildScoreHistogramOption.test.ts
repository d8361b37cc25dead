import { describe, expect, it } from 'vitest';
import { binPhase, buildScoreHistogramOption, SCORE_GRID } from './buildScoreHistogramOption.ts';
import { CHART_THEMES } from '../theme.ts';
import { PHASE_COLORS } from '../phases/palette.ts';

const histogram = Array.from({ length: 100 }, (_, b) => (b < 10 ? 1000 : b < 50 ? 100 : b === 99 ? 0 : 3));

type Bar = { value: number | null; itemStyle: { color: string } };
const bars = (o: ReturnType<typeof buildScoreHistogramOption>) => (o.series as Array<{ data: Bar[] }>)[0]!.data;

describe('binPhase', () => {
  it('splits at integer thresholds exactly and puts fractional ones by the bin midpoint', () => {
    const t = { consideration: 20, decision: 45 };
    expect([binPhase(19, t), binPhase(20, t), binPhase(44, t), binPhase(45, t)]).toEqual(['orientation', 'consideration', 'consideration', 'decision']);
    expect(binPhase(43, { consideration: 10, decision: 43.5 })).toBe('decision');
    expect(binPhase(42, { consideration: 10, decision: 43.6 })).toBe('consideration');
  });
});

describe('buildScoreHistogramOption', () => {
  it('draws 100 bars coloured by phase', () => {
    const o = buildScoreHistogramOption({ histogram }, { consideration: 20, decision: 45, logScale: false }, CHART_THEMES.light);
    const data = bars(o);
    expect(data).toHaveLength(100);
    expect(data[0]!.value).toBe(1000);
    expect(data[19]!.itemStyle.color).toBe(PHASE_COLORS.light.orientation);
    expect(data[20]!.itemStyle.color).toBe(PHASE_COLORS.light.consideration);
    expect(data[45]!.itemStyle.color).toBe(PHASE_COLORS.light.decision);
    expect(data[99]!.value).toBe(0);
  });

  it('keeps fixed pixel margins so threshold handles can be laid over the plot', () => {
    const o = buildScoreHistogramOption({ histogram }, { consideration: 20, decision: 45, logScale: false }, CHART_THEMES.dark);
    expect(o.grid).toMatchObject({ ...SCORE_GRID, containLabel: false });
    const [, scale] = o.xAxis as Array<{ type: string; min: number; max: number }>;
    expect(scale).toMatchObject({ type: 'value', min: 0, max: 100 });
    expect(bars(o)[50]!.itemStyle.color).toBe(PHASE_COLORS.dark.decision);
  });

  it('leaves empty bins out on a log axis', () => {
    const o = buildScoreHistogramOption({ histogram }, { consideration: 20, decision: 45, logScale: true }, CHART_THEMES.light);
    expect((o.yAxis as { type: string }).type).toBe('log');
    expect(bars(o)[99]!.value).toBeNull();
    expect(bars(o)[98]!.value).toBe(3);
  });

  it('explains a bin in the tooltip', () => {
    const o = buildScoreHistogramOption({ histogram }, { consideration: 20, decision: 45, logScale: false }, CHART_THEMES.light);
    const formatter = (o.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter([{ dataIndex: 5 }])).toBe('Score 5–6<br/><b>1,000</b> customers · Orientation by score');
  });
});
