import { describe, expect, it } from 'vitest';
import type { MigrationSeries, SegmentationOption, TransitionMatrix } from '../../../core/api/contract.ts';
import {
  defaultRef,
  expectedMovers,
  filterText,
  findTransition,
  formatChange,
  keepFilter,
  keepPair,
  moversFileName,
  pairFacts,
  pairWithDay,
  summaryText,
  toChoices,
} from './migrationText.ts';

const days = ['2025-09-01', '2025-10-01', '2025-11-01', '2025-12-01', '2026-01-01'];
const segments = [
  { key: 'a', name: 'Active', colour: null },
  { key: 'r', name: 'At risk', colour: null },
];

const t: TransitionMatrix = {
  from: '2025-09-01',
  to: '2026-01-01',
  counts: [
    [40, 10],
    [5, 25],
    [12, 8],
  ],
  stayed: 65,
  moved: 15,
  entered: 20,
};

describe('migration text', () => {
  it('prefers clusters, then phases', () => {
    const o = (kind: string, available = true) => ({ ref: { kind }, label: kind, available, reason: null }) as SegmentationOption;
    expect(defaultRef([o('clusters', false), o('phases'), o('rfm')])).toEqual({ kind: 'phases' });
    expect(defaultRef([o('rfm'), o('clusters')])).toEqual({ kind: 'clusters' });
    expect(defaultRef([o('phases', false)])).toBeNull();
  });

  it('finds the transition of any pair and keeps a pair that still exists', () => {
    const r = { transitions: [t, { ...t, from: '2025-10-01' }] } as Pick<MigrationSeries, 'transitions'>;
    expect(findTransition(r, { from: '2025-10-01', to: '2026-01-01' })?.from).toBe('2025-10-01');
    expect(findTransition(r, { from: '2025-11-01', to: '2026-01-01' })).toBeNull();
    expect(keepPair({ from: '2025-10-01', to: '2025-11-01' }, days)).toEqual({ from: '2025-10-01', to: '2025-11-01' });
    expect(keepPair({ from: '2024-10-01', to: '2025-11-01' }, days)).toEqual({ from: '2025-09-01', to: '2026-01-01' });
    expect(toChoices(days, '2025-11-01')).toEqual(['2025-12-01', '2026-01-01']);
  });

  it('moves the nearer end of the pair to a clicked date', () => {
    const pair = { from: '2025-10-01', to: '2025-12-01' };
    expect(pairWithDay(pair, '2025-09-01', days)).toEqual({ from: '2025-09-01', to: '2025-12-01' });
    expect(pairWithDay(pair, '2026-01-01', days)).toEqual({ from: '2025-10-01', to: '2026-01-01' });
    // Between: as far from both ends, the end moves.
    expect(pairWithDay(pair, '2025-11-01', days)).toEqual({ from: '2025-10-01', to: '2025-11-01' });
    expect(pairWithDay({ from: '2025-09-01', to: '2026-01-01' }, '2025-10-01', days)).toEqual({ from: '2025-10-01', to: '2026-01-01' });
    expect(pairWithDay(pair, '2025-10-01', days)).toBe(pair);
    expect(pairWithDay(pair, '2030-01-01', days)).toBe(pair);
  });

  it('sums the pair’s figures into one line', () => {
    const r = { days, customers: [60, 70, 80, 90, 100], transitions: [t] } as MigrationSeries;
    const f = pairFacts(r, t);
    expect(f).toEqual({ dates: 5, customers: 100, moved: 15, stayed: 65, entered: 20 });
    expect(f.moved + f.stayed + f.entered).toBe(f.customers);
    expect(summaryText(f, { from: t.from, to: t.to })).toBe('5 dates, 100 customers on 2026-01-01; between 2025-09-01 and 2026-01-01 15 moved, 65 stayed, 20 new');
  });

  it('counts the movers a filter lists: never stayers or newcomers', () => {
    expect(expectedMovers(t, segments, { fromKey: null, toKey: null })).toBe(15);
    expect(expectedMovers(t, segments, { fromKey: 'a', toKey: 'r' })).toBe(10);
    expect(expectedMovers(t, segments, { fromKey: 'a', toKey: 'a' })).toBe(0);
    expect(expectedMovers(t, segments, { fromKey: null, toKey: 'a' })).toBe(5);
    expect(expectedMovers(t, segments, { fromKey: 'r', toKey: null })).toBe(5);
  });

  it('names flows and keeps a filter whose segments exist', () => {
    expect(filterText(segments, { fromKey: 'a', toKey: 'r' })).toBe('Active → At risk');
    expect(filterText(segments, { fromKey: 'a', toKey: null })).toBe('out of Active');
    expect(filterText(segments, { fromKey: null, toKey: 'r' })).toBe('into At risk');
    expect(filterText(segments, { fromKey: null, toKey: null })).toBe('every move');
    expect(keepFilter({ fromKey: 'a', toKey: 'x' }, segments)).toEqual({ fromKey: null, toKey: null });
    expect(keepFilter({ fromKey: 'a', toKey: null }, segments)).toEqual({ fromKey: 'a', toKey: null });
  });

  it('reads changes in standard deviations and proposes a file name', () => {
    expect(formatChange(1.26)).toBe('+1.3 SD');
    expect(formatChange(-0.44)).toBe('\u22120.4 SD');
    expect(formatChange(0.01)).toBe('0.0 SD');
    expect(moversFileName({ kind: 'clusters', modelId: 3 }, { from: '2025-09-01', to: '2026-01-01' }, { fromKey: 'at-risk', toKey: null })).toBe(
      'movers-clusters-3-2025-09-01-to-2026-01-01-from-at-risk.csv',
    );
    expect(moversFileName({ kind: 'phases' }, { from: '2025-09-01', to: '2026-01-01' }, { fromKey: null, toKey: null })).toBe('movers-phases-2025-09-01-to-2026-01-01.csv');
  });
});
