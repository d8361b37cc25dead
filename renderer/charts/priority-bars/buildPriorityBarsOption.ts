// Option builder for the priority bars: one horizontal bar per saved segment in priority order
// (first at the top), split into the members it keeps as their primary segment and the members
// segments higher in the list claimed first. Pure.
import type { EChartsOption } from 'echarts';
import type { PriorityRow } from '../../../core/api/contract.ts';
import type { ChartTheme } from '../theme.ts';
import { axisLabel, chartBase, legendBase, splitLines, tooltipBase } from '../common.ts';

export interface PriorityBarColours {
  primary: string;
  claimed: string;
}

export function priorityBarColours(theme: ChartTheme): PriorityBarColours {
  return theme.mode === 'dark' ? { primary: theme.accent, claimed: '#5b6573' } : { primary: theme.accent, claimed: '#b9c1cc' };
}

/** "1. Name", shortened so long names do not eat the chart. */
export function barLabel(row: Pick<PriorityRow, 'name'>, index: number, max = 22): string {
  const name = row.name.length > max ? `${row.name.slice(0, max - 1)}…` : row.name;
  return `${index + 1}. ${name}`;
}

export function priorityTooltip(row: PriorityRow, index: number): string {
  const share = row.members > 0 ? ` (${((row.primary / row.members) * 100).toFixed(0)}% of its members)` : '';
  return [
    `<b>${index + 1}. ${escapeHtml(row.name)}</b>`,
    `Members: ${row.members.toLocaleString('en-US')}`,
    `Primary: ${row.primary.toLocaleString('en-US')}${share}`,
    `Claimed above: ${row.claimedAbove.toLocaleString('en-US')}`,
  ].join('<br/>');
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function buildPriorityBarsOption(rows: readonly PriorityRow[], theme: ChartTheme): EChartsOption {
  const colours = priorityBarColours(theme);
  return {
    ...chartBase(theme),
    legend: { ...legendBase(theme), top: 0, left: 0, right: 'auto', data: ['Primary', 'Claimed above'] },
    grid: { left: 8, right: 16, top: 26, bottom: 4, containLabel: true },
    tooltip: {
      ...tooltipBase(theme),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (p: unknown) => {
        const first = (Array.isArray(p) ? p[0] : p) as { dataIndex?: number } | undefined;
        const i = first?.dataIndex ?? -1;
        const row = rows[i];
        return row ? priorityTooltip(row, i) : '';
      },
    },
    xAxis: {
      type: 'value',
      axisLabel: { ...axisLabel(theme), hideOverlap: true },
      splitLine: splitLines(theme),
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r, i) => barLabel(r, i)),
      axisLabel: { ...axisLabel(theme), fontSize: 11, color: theme.text },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.axisLine } },
    },
    series: [
      { type: 'bar', name: 'Primary', stack: 'members', data: rows.map((r) => r.primary), itemStyle: { color: colours.primary }, barMaxWidth: 22 },
      { type: 'bar', name: 'Claimed above', stack: 'members', data: rows.map((r) => r.claimedAbove), itemStyle: { color: colours.claimed }, barMaxWidth: 22 },
    ],
  };
}
