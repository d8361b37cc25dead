// Option builder for the RFM grid: buyers by R score (rows, 5 = most recent at the top) and FM score
// (columns), each cell in the colour of the group it falls in, with the number of buyers written in
// it. A highlighted group fades the other cells. Pure.
import type { EChartsOption } from 'echarts';
import type { ChartTheme } from '../theme.ts';
import { axisLabel, chartBase, tooltipBase } from '../common.ts';
import { textOn } from './palette.ts';

export interface RfmGridData {
  /** Buyers per cell: counts[r - 1][fm - 1]; null while no summary has arrived. */
  counts: number[][] | null;
  /** Group id per cell: cells[r - 1][fm - 1] ("other" when no group matches). */
  cells: string[][];
  names: Record<string, string>;
  colours: Record<string, string>;
  buyers: number;
}

export interface RfmGridSettings {
  /** A group id whose cells stay strong while the others fade; null for none. */
  highlight: string | null;
}

export interface RfmCell {
  value: [number, number, number];
  groupId: string;
  itemStyle: { color: string; opacity: number };
  label: { color: string };
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** value = [fm index, r index, buyers]; r index 0 is R 1 (the bottom row). */
export function rfmCells(data: RfmGridData, settings: RfmGridSettings): RfmCell[] {
  const out: RfmCell[] = [];
  for (let r = 0; r < 5; r++) {
    for (let fm = 0; fm < 5; fm++) {
      const groupId = data.cells[r]?.[fm] ?? 'other';
      const colour = data.colours[groupId] ?? data.colours.other ?? '#999999';
      const faded = settings.highlight !== null && settings.highlight !== groupId;
      out.push({
        value: [fm, r, data.counts?.[r]?.[fm] ?? 0],
        groupId,
        itemStyle: { color: colour, opacity: faded ? 0.22 : 1 },
        label: { color: faded ? 'transparent' : textOn(colour) },
      });
    }
  }
  return out;
}

export function rfmCellTooltip(cell: { value: [number, number, number]; groupId: string }, data: RfmGridData): string {
  const [fm, r, n] = cell.value;
  const name = data.names[cell.groupId] ?? cell.groupId;
  const counts = data.counts ? `<b>${n.toLocaleString('en-US')}</b> buyers${data.buyers > 0 ? ` (${pct(n / data.buyers)} of buyers)` : ''}` : 'counting…';
  return `R ${r + 1} · FM ${fm + 1}<br/>${name}<br/>${counts}`;
}

export function buildRfmGridOption(data: RfmGridData, settings: RfmGridSettings, theme: ChartTheme): EChartsOption {
  const scores = ['1', '2', '3', '4', '5'];
  const axisCommon = {
    type: 'category' as const,
    data: scores,
    nameLocation: 'middle' as const,
    nameTextStyle: axisLabel(theme),
    axisLabel: { ...axisLabel(theme), fontSize: 11 },
    axisTick: { show: false },
    axisLine: { show: false },
    splitArea: { show: false },
  };
  return {
    ...chartBase(theme),
    grid: { left: 36, right: 6, top: 6, bottom: 36 },
    tooltip: {
      ...tooltipBase(theme),
      formatter: (p: unknown) => {
        const d = (p as { data?: RfmCell }).data;
        return d ? rfmCellTooltip(d, data) : '';
      },
    },
    xAxis: { ...axisCommon, name: 'FM score (frequency and money) →', nameGap: 22 },
    yAxis: { ...axisCommon, name: 'R score (recency) →', nameGap: 22 },
    series: [
      {
        type: 'heatmap',
        id: 'rfm-grid',
        data: rfmCells(data, settings) as never,
        label: {
          show: true,
          fontSize: 12,
          fontWeight: 600,
          formatter: (p: { value?: unknown }) => {
            if (!data.counts) return '…';
            const n = Number((p.value as number[] | undefined)?.[2] ?? 0);
            return n >= 10_000 ? `${(n / 1000).toFixed(n >= 100_000 ? 0 : 1)}k` : n.toLocaleString('en-US');
          },
        },
        itemStyle: { borderColor: theme.mode === 'dark' ? '#1b1f24' : '#ffffff', borderWidth: 2, borderRadius: 3 },
        emphasis: { itemStyle: { borderColor: theme.text, borderWidth: 2 } },
      },
    ],
  };
}
