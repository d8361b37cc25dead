import { describe, expect, it } from 'vitest';
import type { PhaseBacktest } from '../../../core/api/contract.ts';
import { buildPhaseConversionOption, pct } from './buildPhaseConversionOption.ts';
import { CHART_THEMES } from '../theme.ts';
import { PHASE_COLORS } from '../phases/palette.ts';

const rate = (customers: number, converted: number, low: number, high: number, base = 0.14) => ({
  customers,
  converted,
  rate: customers ? converted / customers : 0,
  low,
  high,
  lift: customers ? converted / customers / base : null,
});

const backtest: PhaseBacktest = {
  asOf: '2025-12-02',
  outcomeDays: 30,
  windowComplete: true,
  baseRate: rate(1000, 140, 0.12, 0.16),
  phases: {
    orientation: rate(700, 70, 0.08, 0.12),
    consideration: rate(200, 40, 0.15, 0.25),
    decision: rate(20, 10, 0.3, 0.7),
    retention: rate(0, 0, 0, 0),
  },
  ordered: true,
  warning: null,
};

type Series = { type: string; data: unknown[]; markLine?: { data: unknown[] } };

describe('buildPhaseConversionOption', () => {
  const o = buildPhaseConversionOption(backtest, { intervals: true }, CHART_THEMES.light);
  const [bars, caps] = o.series as Series[];

  it('draws one bar per phase in phase colours', () => {
    expect((o.xAxis as { data: string[] }).data).toEqual(['Orientation', 'Consideration', 'Decision', 'Retention']);
    expect(bars!.data).toHaveLength(4);
    expect(bars!.data[1]).toMatchObject({ value: 0.2, itemStyle: { color: PHASE_COLORS.light.consideration } });
  });

  it('adds the base rate line and an error bar per phase with customers', () => {
    const lines = bars!.markLine!.data;
    expect(lines[0]).toMatchObject({ yAxis: 0.14 });
    // three phases with customers -> three segments, six caps
    expect(lines.slice(1)).toEqual([
      [{ coord: ['Orientation', 0.08] }, { coord: ['Orientation', 0.12] }],
      [{ coord: ['Consideration', 0.15] }, { coord: ['Consideration', 0.25] }],
      [{ coord: ['Decision', 0.3] }, { coord: ['Decision', 0.7] }],
    ]);
    expect(caps!.data).toHaveLength(6);
  });

  it('lets the caps, which are data, stretch the axis to the highest interval', () => {
    expect((o.yAxis as { max?: number }).max).toBeUndefined();
    expect(caps!.data).toContainEqual(['Decision', 0.7]);
  });

  it('can leave the intervals out', () => {
    const plain = buildPhaseConversionOption(backtest, { intervals: false }, CHART_THEMES.dark);
    const [b, c] = plain.series as Series[];
    expect(b!.markLine!.data).toHaveLength(1);
    expect(c!.data).toEqual([]);
  });

  it('formats percentages', () => {
    expect(pct(0.13961)).toBe('14.0%');
    expect(pct(0.5, 0)).toBe('50%');
  });
});
