import { describe, expect, it } from 'vitest';
import type { SegmentOutcome } from '../../../core/api/contract.ts';
import { CHART_THEMES } from '../theme.ts';
import {
  buildContingencyOption,
  cellText,
  cellTooltip,
  colourPosition,
  contingencyCells,
  contingencyTotals,
  measureValue,
  scaleGradient,
  scaleRgb,
  textOn,
  type ContingencyData,
  type ContingencySettings,
} from './buildContingencyOption.ts';

const outcome = (customers: number, converters: number): SegmentOutcome => ({
  key: 'x',
  customers,
  converters,
  rate: customers ? converters / customers : 0,
  low: 0.05,
  high: 0.2,
  lift: 1.5,
  revenuePerCustomer: 12.5,
});

const data: ContingencyData = {
  rows: [
    { key: 'champions', name: 'Champions <VIP>' },
    { key: 'none', name: 'No purchase' },
  ],
  columns: [
    { key: '0', name: 'Cluster 0' },
    { key: '1', name: 'Cluster 1' },
    { key: '2', name: 'Cluster 2' },
  ],
  counts: [
    [30, 10, 0],
    [20, 0, 40],
  ],
  jaccard: [
    [0.3, 0.1, 0],
    [0.2, 0, 0.5],
  ],
  cells: [
    [outcome(30, 3), outcome(10, 1), outcome(0, 0)],
    [outcome(20, 2), outcome(0, 0), outcome(40, 4)],
  ],
};

const settings: ContingencySettings = { measure: 'counts', selected: null, labels: true, outcomeWindow: 'in the 30 days after 2025-12-02', outcomeNote: null };

type Option = ReturnType<typeof buildContingencyOption> & {
  grid: { left: number; top: number };
  xAxis: { data: string[]; axisLabel: { show: boolean } };
  yAxis: { data: string[]; inverse: boolean };
  series: Array<{ type: string; data: Array<{ value: number[]; itemStyle: { color: string; borderWidth?: number } }>; label: { show: boolean; formatter: (p: unknown) => string } }>;
  tooltip: { formatter: (p: unknown) => string; confine: boolean };
};

describe('contingency measures', () => {
  const totals = contingencyTotals(data);

  it('total rows and columns and find the scales’ tops', () => {
    expect(totals).toEqual({ rows: [40, 60], columns: [50, 10, 40], total: 100, maxCount: 40, maxJaccard: 0.5 });
  });

  it('give counts, shares of the row, of the column, and Jaccard', () => {
    expect(measureValue('counts', data, totals, 0, 0)).toBe(30);
    expect(measureValue('row', data, totals, 0, 0)).toBeCloseTo(0.75);
    expect(measureValue('column', data, totals, 0, 0)).toBeCloseTo(0.6);
    expect(measureValue('jaccard', data, totals, 1, 2)).toBe(0.5);
    const empty = contingencyTotals({ counts: [[0]], jaccard: [[0]] });
    expect(measureValue('row', { counts: [[0]], jaccard: [[0]] }, empty, 0, 0)).toBe(0);
  });

  it('shade counts by the square root, shares as they are, Jaccard against the largest', () => {
    expect(colourPosition('counts', 10, totals)).toBeCloseTo(0.5);
    expect(colourPosition('counts', 40, totals)).toBe(1);
    expect(colourPosition('row', 0.25, totals)).toBe(0.25);
    expect(colourPosition('jaccard', 0.25, totals)).toBe(0.5);
    expect(colourPosition('counts', 0, totals)).toBe(0);
  });

  it('write compact values and leave empty cells blank', () => {
    expect(cellText('counts', 12_345)).toBe('12.3k');
    expect(cellText('counts', 950)).toBe('950');
    expect(cellText('counts', 0)).toBe('');
    expect(cellText('row', 0.234)).toBe('23%');
    expect(cellText('column', 0.003)).toBe('<1%');
    expect(cellText('jaccard', 0.123)).toBe('.12');
    expect(cellText('jaccard', 0.001)).toBe('<.01');
  });
});

describe('colours', () => {
  it('run from the surface to a saturated blue in each theme', () => {
    expect(scaleRgb(0, 'light')).toEqual([244, 246, 249]);
    expect(scaleRgb(1, 'light')).toEqual([28, 76, 170]);
    expect(scaleRgb(2, 'dark')).toEqual(scaleRgb(1, 'dark'));
    expect(scaleGradient('dark')).toContain('rgb(38,44,52)');
  });

  it('put readable text on light and dark cells', () => {
    expect(textOn([244, 246, 249])).toBe('#1c2128');
    expect(textOn([28, 76, 170])).toBe('#f4f6f8');
  });
});

describe('contingency heatmap option', () => {
  it('has one cell per pair, rows top-down, and outlines the selected one', () => {
    const cells = contingencyCells(data, { measure: 'row', selected: { row: 1, column: 2 } }, 'light');
    expect(cells).toHaveLength(6);
    expect(cells[0]!.value).toEqual([0, 0, 0.75]);
    expect(cells[5]!.value[0]).toBe(2);
    expect(cells[5]!.value[1]).toBe(1);
    expect(cells[5]!.itemStyle.borderWidth).toBe(3);
    expect(cells[0]!.itemStyle.borderWidth).toBeUndefined();
  });

  it('fills the canvas and leaves the names to the view, in both themes', () => {
    for (const theme of [CHART_THEMES.light, CHART_THEMES.dark]) {
      const o = buildContingencyOption(data, settings, theme) as Option;
      expect(o.grid).toMatchObject({ left: 0, top: 0 });
      expect(o.xAxis.data).toEqual(['Cluster 0', 'Cluster 1', 'Cluster 2']);
      expect(o.xAxis.axisLabel.show).toBe(false);
      expect(o.yAxis.data).toEqual(['Champions <VIP>', 'No purchase']);
      expect(o.yAxis.inverse).toBe(true);
      expect(o.series[0]!.type).toBe('heatmap');
      expect(o.series[0]!.data).toHaveLength(6);
      expect(o.tooltip.confine).toBe(true);
    }
    const dark = buildContingencyOption(data, settings, CHART_THEMES.dark) as Option;
    const light = buildContingencyOption(data, settings, CHART_THEMES.light) as Option;
    expect(dark.series[0]!.data[0]!.itemStyle.color).not.toBe(light.series[0]!.data[0]!.itemStyle.color);
  });

  it('labels cells in the chosen measure', () => {
    const o = buildContingencyOption(data, { ...settings, measure: 'column' }, CHART_THEMES.light) as Option;
    const cell = o.series[0]!.data[0]!;
    expect(o.series[0]!.label.formatter({ data: cell })).toBe('60%');
    expect(o.series[0]!.label.show).toBe(true);
  });

  it('tells the count, both shares, Jaccard and the conversion on hover, escaped', () => {
    const o = buildContingencyOption(data, settings, CHART_THEMES.light) as Option;
    const html = o.tooltip.formatter({ data: o.series[0]!.data[0] });
    expect(html).toContain('Champions &lt;VIP&gt;</strong> ∩ <strong>Cluster 0');
    expect(html).toContain('Customers: <b>30</b>');
    expect(html).toContain('75.0% of Champions &lt;VIP&gt; · 60.0% of Cluster 0');
    expect(html).toContain('Jaccard: 0.300');
    expect(html).toContain('Conversion in the 30 days after 2025-12-02: <b>10.0% (5.0–20.0%)</b>, lift ×1.50');
    expect(html).toContain('Revenue per customer: 12.50');
  });

  it('says why there is no conversion', () => {
    const totals = contingencyTotals(data);
    const none = cellTooltip({ ...data, cells: null }, { ...settings, outcomeNote: 'The data ends on the as-of date.' }, totals, 0, 1);
    expect(none).toContain('Conversion: The data ends on the as-of date.');
    expect(cellTooltip(data, settings, totals, 0, 2)).toContain('no customers in this cell');
    expect(cellTooltip(data, settings, totals, 5, 0)).toBe('');
  });
});
