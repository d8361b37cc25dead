import { describe, expect, it } from 'vitest';
import type { SegmentationOption } from '../../../../core/api/contract.ts';
import {
  agreementSentence,
  asOfHint,
  barPosition,
  barScale,
  cellDescription,
  cellName,
  cellRule,
  compareProblem,
  defaultCompareAsOf,
  defaultPair,
  describeAri,
  describeNmi,
  formatAuc,
  formatAucDifference,
  nextSort,
  sameRef,
  sortOutcomeRows,
  windowEnd,
  type OutcomeRow,
} from './compareText.ts';

const last = Date.parse('2025-12-31T20:00:00Z');
const first = Date.parse('2024-07-01T06:00:00Z');

const options: SegmentationOption[] = [
  { ref: { kind: 'phases' }, label: 'Funnel phases', available: true, reason: null },
  { ref: { kind: 'rfm' }, label: 'RFM groups', available: true, reason: null },
  { ref: { kind: 'clusters', modelId: 3 }, label: 'Clusters #3', available: true, reason: null },
  { ref: { kind: 'propensity' }, label: 'Propensity bands', available: false, reason: 'No prediction fitted.' },
];

describe('segmentation references', () => {
  it('compare references by their key', () => {
    expect(sameRef({ kind: 'rfm' }, { kind: 'rfm' })).toBe(true);
    expect(sameRef({ kind: 'clusters', modelId: 1 }, { kind: 'clusters', modelId: 2 })).toBe(false);
    expect(sameRef(null, { kind: 'rfm' })).toBe(false);
  });

  it('offer clusters against RFM first, else the first two available', () => {
    expect(defaultPair(options)).toEqual({ a: { kind: 'clusters', modelId: 3 }, b: { kind: 'rfm' } });
    expect(defaultPair(options.filter((o) => o.ref.kind !== 'clusters'))).toEqual({ a: { kind: 'phases' }, b: { kind: 'rfm' } });
    expect(defaultPair([options[3]!])).toEqual({ a: null, b: null });
  });
});

describe('the as-of date', () => {
  it('defaults to the outcome window ending on the newest day with data', () => {
    expect(defaultCompareAsOf(last, 30)).toBe('2025-12-02');
    expect(windowEnd('2025-12-02', 30)).toBe('2025-12-31');
    expect(defaultCompareAsOf(last, 1)).toBe('2025-12-31');
    expect(defaultCompareAsOf(null, 30)).toBeNull();
  });

  it('says when the window is complete, and warns when it runs past the data', () => {
    const ok = asOfHint('2025-12-02', 30, last)!;
    expect(ok.tone).toBe('info');
    expect(ok.text).toContain('to 2025-12-31, the newest day with data, so the outcome window is complete');
    const early = asOfHint('2025-06-01', 30, last)!;
    expect(early.tone).toBe('info');
    expect(early.text).not.toContain('newest');
    const late = asOfHint('2025-12-20', 30, last)!;
    expect(late.tone).toBe('warning');
    expect(late.text).toContain('past the newest data (2025-12-31)');
    expect(late.text).toContain('2025-12-02 or earlier');
    expect(asOfHint('2026-02-01', 30, last)!.text).toContain('No data after 2025-12-31');
    expect(asOfHint('not a day', 30, last)).toBeNull();
  });

  it('names what blocks a comparison', () => {
    const d = { a: { kind: 'rfm' as const }, b: { kind: 'phases' as const }, asOf: '2025-12-02', outcomeDays: 30 };
    expect(compareProblem(d, first)).toBeNull();
    expect(compareProblem({ ...d, b: null }, first)).toContain('Choose two');
    expect(compareProblem({ ...d, b: { kind: 'rfm' } }, first)).toContain('the same');
    expect(compareProblem({ ...d, asOf: '2025-02-30' }, first)).toContain('must be a date');
    expect(compareProblem({ ...d, asOf: '2024-06-01' }, first)).toContain('before the first day');
    expect(compareProblem({ ...d, outcomeDays: 0 }, first)).toContain('1 to 365');
  });
});

describe('agreement in words', () => {
  it('read ARI from independent to the same grouping', () => {
    expect(agreementSentence(0.08, describeAri)).toBe('0.08: the two segmentations group customers almost independently.');
    expect(describeAri(0.95)).toContain('almost the same way');
    expect(describeAri(0.7)).toContain('largely agree');
    expect(describeAri(0.4)).toContain('partly agree');
    expect(describeAri(0.15)).toContain('loosely');
    expect(describeAri(-0.2)).toContain('disagree more than chance');
    expect(describeAri(NaN)).toContain('could not be measured');
  });

  it('read NMI as how much one tells about the other', () => {
    expect(describeNmi(0.9)).toContain('almost tells');
    expect(describeNmi(0.6)).toContain('tells much');
    expect(describeNmi(0.3)).toContain('a little');
    expect(describeNmi(0.05)).toContain('almost nothing');
  });

  it('write AUCs with their bootstrap intervals', () => {
    expect(formatAuc({ value: 0.7123, low: 0.69, high: 0.7341 })).toBe('0.712 (0.690–0.734)');
    expect(formatAuc(null)).toBe('—');
    expect(formatAucDifference({ value: 0.042, low: 0.01, high: 0.071 })).toBe('+0.042 (+0.010 to +0.071)');
    expect(formatAucDifference({ value: -0.02, low: -0.05, high: 0.01 })).toBe('\u22120.020 (\u22120.050 to +0.010)');
  });
});

describe('a cell as a segment', () => {
  it('is the AND of both segment conditions', () => {
    expect(cellRule({ kind: 'clusters', modelId: 3 }, '2', { kind: 'rfm' }, 'champions')).toEqual({
      kind: 'group',
      combine: 'and',
      not: false,
      children: [
        { kind: 'segment', segmentation: { kind: 'clusters', modelId: 3 }, segments: ['2'], not: false },
        { kind: 'segment', segmentation: { kind: 'rfm' }, segments: ['champions'], not: false },
      ],
    });
  });

  it('is named after both segments, within the name limit', () => {
    expect(cellName('Champions', 'Cluster 3')).toBe('Champions ∩ Cluster 3');
    const long = cellName('A'.repeat(100), 'B'.repeat(100));
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long).toContain(' ∩ ');
    expect(long).toMatch(/^A+… ∩ B+…$/);
    expect(cellDescription({ aLabel: 'RFM', aName: 'Champions', bLabel: 'Clusters', bName: 'C3', asOf: '2025-12-02', customers: 1234 })).toBe(
      'Customers in “Champions” (RFM) and in “C3” (Clusters); 1,234 as of 2025-12-02, from the comparison.',
    );
  });
});

describe('outcome tables', () => {
  const row = (key: string, order: number, rate: number, customers: number, lift: number | null): OutcomeRow => ({
    key,
    name: key,
    order,
    customers,
    converters: Math.round(customers * rate),
    rate,
    low: rate * 0.8,
    high: rate * 1.2,
    lift,
    revenuePerCustomer: rate * 100,
  });
  const rows = [row('x', 0, 0.1, 50, 1), row('y', 1, 0.3, 10, 3), row('z', 2, 0.1, 200, null)];

  it('sort by a column, ties in the segmentation order', () => {
    expect(sortOutcomeRows(rows, { column: 'rate', desc: true }).map((r) => r.key)).toEqual(['y', 'x', 'z']);
    expect(sortOutcomeRows(rows, { column: 'rate', desc: false }).map((r) => r.key)).toEqual(['x', 'z', 'y']);
    expect(sortOutcomeRows(rows, { column: 'customers', desc: true }).map((r) => r.key)).toEqual(['z', 'x', 'y']);
    expect(sortOutcomeRows(rows, { column: 'lift', desc: true }).map((r) => r.key)).toEqual(['y', 'x', 'z']);
    expect(sortOutcomeRows(rows, { column: 'segment', desc: true }).map((r) => r.key)).toEqual(['z', 'y', 'x']);
  });

  it('flip the same column, start another descending (the segment ascending)', () => {
    expect(nextSort({ column: 'rate', desc: true }, 'rate')).toEqual({ column: 'rate', desc: false });
    expect(nextSort({ column: 'segment', desc: false }, 'lift')).toEqual({ column: 'lift', desc: true });
    expect(nextSort({ column: 'lift', desc: true }, 'segment')).toEqual({ column: 'segment', desc: false });
  });

  it('share one bar scale a little above the highest bound', () => {
    expect(barScale(rows, 0.05)).toBeCloseTo(0.36 * 1.08);
    expect(barScale([], 0)).toBe(1);
    expect(barScale([{ high: 0.99 }], 0.5)).toBe(1);
    expect(barPosition(0.2, 0.4)).toBe(0.5);
    expect(barPosition(0.8, 0.4)).toBe(1);
    expect(barPosition(0.2, 0)).toBe(0);
  });
});
