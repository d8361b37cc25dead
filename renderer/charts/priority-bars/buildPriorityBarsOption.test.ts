import { describe, expect, it } from 'vitest';
import { CHART_THEMES } from '../theme.ts';
import { barLabel, buildPriorityBarsOption, escapeHtml, priorityTooltip } from './buildPriorityBarsOption.ts';

const rows = [
  { segmentId: 3, name: 'Recent buyers', members: 40, primary: 40, claimedAbove: 0 },
  { segmentId: 1, name: 'Email <openers> & clickers of the spring campaign', members: 50, primary: 30, claimedAbove: 20 },
];

describe('priority bars', () => {
  it('stacks primary and claimed above per segment, first at the top', () => {
    const o = buildPriorityBarsOption(rows, CHART_THEMES.light) as unknown as {
      yAxis: { inverse: boolean; data: string[] };
      series: Array<{ name: string; stack: string; data: number[] }>;
    };
    expect(o.yAxis.inverse).toBe(true);
    expect(o.yAxis.data).toEqual(['1. Recent buyers', '2. Email <openers> & cli…']);
    expect(o.series.map((s) => [s.name, s.stack, s.data])).toEqual([
      ['Primary', 'members', [40, 30]],
      ['Claimed above', 'members', [0, 20]],
    ]);
  });

  it('tooltips escape names and give the share kept', () => {
    expect(priorityTooltip(rows[1]!, 1)).toBe('<b>2. Email &lt;openers&gt; &amp; clickers of the spring campaign</b><br/>Members: 50<br/>Primary: 30 (60% of its members)<br/>Claimed above: 20');
    expect(escapeHtml(`"a" 'b'`)).toBe('&quot;a&quot; &#39;b&#39;');
    expect(barLabel({ name: 'Short' }, 0)).toBe('1. Short');
  });
});
