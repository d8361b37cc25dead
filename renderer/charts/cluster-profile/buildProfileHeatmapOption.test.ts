import { describe, expect, it } from 'vitest';
import { CHART_THEMES } from '../theme.ts';
import { buildProfileHeatmapOption, profileCells, signedZ, truncate } from './buildProfileHeatmapOption.ts';
import { clipZ, divergingColor, divergingGradient, textOn } from './divergingColor.ts';
import { escapeHtml, shortName } from './text.ts';

const data = {
  signals: [
    { id: 'orders', label: 'Orders', unit: 'count' },
    { id: 'days_since_purchase', label: 'Days since purchase', unit: 'days' },
  ],
  clusters: [
    { key: 0, name: 'Loyal <b>repeaters</b>', colour: '#f00', size: 10, profile: [3.4, -1.2], means: [8, 20] },
    { key: 1, name: 'Dormant', colour: '#00f', size: 20, profile: [-0.5, 2.1], means: [1, null] },
  ],
};

type Option = ReturnType<typeof buildProfileHeatmapOption> & {
  xAxis: { data: string[]; axisLabel: { width: number; overflow: string } };
  yAxis: { data: string[]; inverse: boolean };
  series: Array<{ data: Array<{ value: number[]; z: number }>; label: { show: boolean; formatter: (p: unknown) => string } }>;
  tooltip: { formatter: (p: unknown) => string };
};

describe('diverging colours', () => {
  it('clip z for the colour only and run from blue through neutral to red', () => {
    expect(clipZ(3.4)).toBe(2);
    expect(clipZ(-9)).toBe(-2);
    expect(clipZ(NaN)).toBe(0);
    expect(divergingColor(0, 'light')).toBe('#f6f6f4');
    expect(divergingColor(5, 'light')).toBe(divergingColor(2, 'light'));
    expect(divergingColor(2, 'light')).toBe('#be2d28');
    expect(divergingColor(-2, 'dark')).toBe('#5696e6');
    expect(divergingGradient('light')).toContain('#f6f6f4');
  });

  it('pick readable text on each cell', () => {
    expect(textOn([246, 246, 244])).toBe('#1c2128');
    expect(textOn([33, 102, 172])).toBe('#f4f6f8');
  });

  it('shorten long names at a word', () => {
    expect(shortName('Prospects — long since last purchase, few orders', 22)).toBe('Prospects — long…');
    expect(shortName('Short', 22)).toBe('Short');
    expect(shortName('Abcdefghijklmnopqrstuvwxyz', 10)).toBe('Abcdefghi…');
  });

  it('escape names for HTML tooltips', () => {
    expect(escapeHtml('<a href="x">Tom & Jerry\'s</a>')).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
  });
});

describe('buildProfileHeatmapOption', () => {
  it('lays out signals as rows and clusters as columns, first signal on top', () => {
    const o = buildProfileHeatmapOption(data, { labels: true, formatValue: (v) => String(v), columnLabelWidth: 90 }, CHART_THEMES.light) as Option;
    expect(o.xAxis.data).toEqual(['Loyal <b>repeaters</b>', 'Dormant']);
    expect(o.xAxis.axisLabel).toMatchObject({ width: 90, overflow: 'break' });
    const narrow = buildProfileHeatmapOption(data, { labels: true, formatValue: String, columnLabelWidth: 40 }, CHART_THEMES.light) as Option;
    expect(narrow.xAxis.data[0]).toBe(shortName('Loyal <b>repeaters</b>', 12));
    expect(o.yAxis.data).toEqual(['Orders', 'Days since purchase']);
    expect(o.yAxis.inverse).toBe(true);
    expect(o.series[0]!.data.map((c) => c.value)).toEqual([
      [0, 0, 2],
      [0, 1, -1.2],
      [1, 0, -0.5],
      [1, 1, 2],
    ]);
  });

  it('keeps the real z for labels and tooltips, and says when the colour is capped', () => {
    const o = buildProfileHeatmapOption(data, { labels: true, formatValue: (v, unit) => `${v ?? '—'} ${unit}` }, CHART_THEMES.dark) as Option;
    const cell = o.series[0]!.data[0]!;
    expect(cell.z).toBe(3.4);
    expect(o.series[0]!.label.formatter({ data: cell })).toBe('+3.4');
    const tip = o.tooltip.formatter({ data: cell });
    expect(tip).toContain('+3.40 standard deviations');
    expect(tip).toContain('colour capped at ±2');
    expect(tip).toContain('Loyal &lt;b&gt;repeaters&lt;/b&gt;');
    expect(tip).toContain('8 count');
    const missing = o.tooltip.formatter({ data: o.series[0]!.data[3] });
    expect(missing).toContain('— days');
  });

  it('hides labels when asked, and colours every cell', () => {
    const o = buildProfileHeatmapOption(data, { labels: false, formatValue: String }, CHART_THEMES.light) as Option;
    expect(o.series[0]!.label.show).toBe(false);
    expect(profileCells(data, 'light').every((c) => /^rgb\(/.test(c.itemStyle.color))).toBe(true);
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(signedZ(-0.04, 1)).toBe('0.0');
    expect(signedZ(-0.46, 1)).toBe('\u22120.5');
    expect(signedZ(1.25, 2)).toBe('+1.25');
  });
});
