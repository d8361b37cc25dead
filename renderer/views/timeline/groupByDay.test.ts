import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../core/api/contract.ts';
import { attributeText, behaviourRuns, groupByDay } from './groupByDay.ts';

const ev = (id: number, ts: number): TimelineEvent => ({
  id,
  ts,
  type: 'page_view',
  channel: null,
  device: null,
  sessionId: null,
  url: null,
  pageCategory: null,
  product: null,
  category: null,
  campaign: null,
  orderId: null,
  amount: null,
  discount: null,
  quantity: null,
});

describe('groupByDay', () => {
  it('groups newest-first events by UTC day, keeping order', () => {
    const groups = groupByDay([ev(3, Date.UTC(2024, 2, 6, 1)), ev(2, Date.UTC(2024, 2, 5, 23, 59)), ev(1, Date.UTC(2024, 2, 5, 0, 0))]);
    expect(groups.map((g) => g.day)).toEqual([Date.UTC(2024, 2, 6), Date.UTC(2024, 2, 5)]);
    expect(groups[1]!.events.map((e) => e.id)).toEqual([2, 1]);
  });

  it('is empty for no events', () => {
    expect(groupByDay([])).toEqual([]);
  });
});

describe('behaviourRuns', () => {
  it('merges consecutive months with the same type', () => {
    const runs = behaviourRuns([
      { month: '2023-03', behaviourType: 'loyal' },
      { month: '2023-01', behaviourType: 'browser' },
      { month: '2023-02', behaviourType: 'loyal' },
      { month: '2023-04', behaviourType: 'browser' },
    ]);
    expect(runs).toEqual([
      { from: '2023-01', to: '2023-01', behaviourType: 'browser', months: 1 },
      { from: '2023-02', to: '2023-03', behaviourType: 'loyal', months: 2 },
      { from: '2023-04', to: '2023-04', behaviourType: 'browser', months: 1 },
    ]);
  });
});

describe('attributeText', () => {
  it('shows any JSON value', () => {
    expect(attributeText('gold')).toBe('gold');
    expect(attributeText(3)).toBe('3');
    expect(attributeText(false)).toBe('false');
    expect(attributeText(null)).toBe('—');
    expect(attributeText({ a: 1 })).toBe('{"a":1}');
  });
});
