import { describe, expect, it } from 'vitest';
import type { SegmentOutcome } from '../../../core/api/contract.ts';
import { visibleContingency } from './fromComparison.ts';

const seg = (key: string, customers: number) => ({ key, name: key.toUpperCase(), colour: null, customers });
const o = (key: string): SegmentOutcome => ({ key, customers: 1, converters: 0, rate: 0, low: 0, high: 0.5, lift: 0, revenuePerCustomer: 0 });

describe('the heatmap’s data from a comparison', () => {
  it('leaves out segments nobody is in, keeping the cells aligned', () => {
    const v = visibleContingency({
      a: { ref: { kind: 'clusters' }, label: 'Clusters', segments: [seg('0', 3), seg('unclustered', 0), seg('1', 4)] },
      b: { ref: { kind: 'rfm' }, label: 'RFM', segments: [seg('champions', 5), seg('other', 0), seg('none', 2)] },
      contingency: [
        [2, 0, 1],
        [0, 0, 0],
        [3, 0, 1],
      ],
      jaccard: [
        [0.3, 0, 0.2],
        [0, 0, 0],
        [0.4, 0, 0.1],
      ],
      outcome: {
        windowEnd: '2025-12-31',
        complete: true,
        baseRate: 0,
        converters: 0,
        revenuePerCustomer: 0,
        a: [],
        b: [],
        cells: [
          [o('a'), o('b'), o('c')],
          [o('d'), o('e'), o('f')],
          [o('g'), o('h'), o('i')],
        ],
        separation: null as never,
      },
    });
    expect(v.data.rows.map((s) => s.key)).toEqual(['0', '1']);
    expect(v.data.columns.map((s) => s.key)).toEqual(['champions', 'none']);
    expect(v.data.counts).toEqual([
      [2, 1],
      [3, 1],
    ]);
    expect(v.data.jaccard).toEqual([
      [0.3, 0.2],
      [0.4, 0.1],
    ]);
    expect(v.data.cells!.map((r) => r.map((c) => c.key))).toEqual([
      ['a', 'c'],
      ['g', 'i'],
    ]);
    expect(v.emptyRows.map((s) => s.key)).toEqual(['unclustered']);
    expect(v.emptyColumns.map((s) => s.key)).toEqual(['other']);
  });

  it('has no cells without an outcome', () => {
    const v = visibleContingency({
      a: { ref: { kind: 'phases' }, label: 'P', segments: [seg('x', 1)] },
      b: { ref: { kind: 'rfm' }, label: 'R', segments: [seg('y', 1)] },
      contingency: [[1]],
      jaccard: [[1]],
      outcome: null,
    });
    expect(v.data.cells).toBeNull();
    expect(v.emptyRows).toEqual([]);
  });
});
