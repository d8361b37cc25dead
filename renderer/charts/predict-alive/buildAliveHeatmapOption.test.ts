import { describe, expect, it } from 'vitest';
import { CHART_THEMES } from '../theme.ts';
import { summary } from '../../views/predict/fixtures.test-support.ts';
import { aliveCells, aliveRgb, buildAliveHeatmapOption } from './buildAliveHeatmapOption.ts';

const m = summary().aliveMatrix!;

describe('P(alive) heatmap', () => {
  it('leaves the cells that cannot happen blank', () => {
    const cells = aliveCells(m, 'light');
    expect(cells.map((c) => c.value)).toEqual([
      [0, 0, 1],
      [0, 1, 0.2],
      [1, 1, 0.6],
      [2, 1, 0.95],
    ]);
  });

  it('colours from gone to alive', () => {
    expect(aliveRgb(0, 'light')).toEqual([214, 96, 77]);
    expect(aliveRgb(1, 'light')).toEqual([33, 102, 172]);
    expect(aliveRgb(2, 'dark')).toEqual(aliveRgb(1, 'dark'));
  });

  it('labels axes by recency and frequency and explains a cell', () => {
    const o = buildAliveHeatmapOption(m, { unit: 'week', labels: true }, CHART_THEMES.light) as unknown as {
      xAxis: { data: string[] };
      yAxis: { data: string[] };
      tooltip: { formatter: (p: unknown) => string };
    };
    expect(o.xAxis.data).toEqual(['0', '10', '20']);
    expect(o.yAxis.data).toEqual(['0', '1']);
    expect(o.tooltip.formatter({ value: [1, 1, 0.6] })).toBe('1 repeat purchase, the last at 10 weeks (age 20 weeks)<br/>P(alive): <b>0.600</b>');
  });
});
