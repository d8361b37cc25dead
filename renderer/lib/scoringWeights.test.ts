import { describe, expect, it } from 'vitest';
import type { SignalInfo } from '../../core/api/contract.ts';
import { blendWeights, clampWeight, defaultWeights, equalWeights, groupCatalog, matchesFilter, weightedCount, withWeight } from './scoringWeights.ts';

const info = (id: string, group: SignalInfo['group'], defaultWeight = 0, label = id): SignalInfo => ({
  id,
  label,
  description: `About ${label}`,
  group,
  unit: 'count',
  direction: 1,
  missing: 'worst',
  windowDays: 30,
  builtIn: group !== 'custom',
  defaultWeight,
});

const catalog = [
  info('orders', 'value', 0, 'Orders'),
  info('pricing_views_30d', 'intent', 25, 'Pricing page views (30 d)'),
  info('sessions_7d', 'engagement', 15, 'Sessions (7 d)'),
  info('my_signal', 'custom', 0, 'Gift card views'),
];

describe('weights', () => {
  it('clamps to whole numbers within -100..100', () => {
    expect(clampWeight(12.6)).toBe(13);
    expect(clampWeight(250)).toBe(100);
    expect(clampWeight(-101)).toBe(-100);
    expect(clampWeight(NaN)).toBe(0);
  });

  it('drops a signal set to 0', () => {
    expect(withWeight({ a: 10, b: 5 }, 'a', 0)).toEqual({ b: 5 });
    expect(withWeight({ b: 5 }, 'a', 33.3)).toEqual({ a: 33, b: 5 });
  });

  it('takes the defaults of the catalogue', () => {
    expect(defaultWeights(catalog)).toEqual({ pricing_views_30d: 25, sessions_7d: 15 });
  });

  it('equalises the signals in the score, keeping their sign', () => {
    expect(equalWeights({ pricing_views_30d: 25, sessions_7d: -5, gone: 10 }, catalog)).toEqual({ pricing_views_30d: 50, sessions_7d: -50 });
    expect(Object.keys(equalWeights({}, catalog))).toHaveLength(4);
  });

  it('blends current and suggested weights', () => {
    expect(blendWeights({ a: 20, b: 10 }, { a: 60, c: -40 })).toEqual({ a: 40, b: 5, c: -20 });
    expect(blendWeights({ a: 20 }, { a: -20 })).toEqual({});
    expect(blendWeights({ a: 20 }, { b: 80 }, 1)).toEqual({ b: 80 });
  });

  it('counts signals in the score', () => {
    expect(weightedCount({ a: 1, b: 0, c: -3 })).toBe(2);
  });
});

describe('groupCatalog', () => {
  it('orders groups as the contract does and hides empty ones', () => {
    expect(groupCatalog(catalog).map((g) => g.group)).toEqual(['value', 'engagement', 'intent', 'custom']);
    expect(groupCatalog(catalog).at(-1)!.label).toBe('Your signals');
  });

  it('filters on label, id, description and group', () => {
    expect(groupCatalog(catalog, 'PRICING').flatMap((g) => g.signals.map((s) => s.id))).toEqual(['pricing_views_30d']);
    expect(groupCatalog(catalog, 'engagement').flatMap((g) => g.signals.map((s) => s.id))).toEqual(['sessions_7d']);
    expect(matchesFilter(catalog[3]!, 'gift')).toBe(true);
    expect(groupCatalog(catalog, 'zzz')).toEqual([]);
  });

  it('can list only the signals in the score', () => {
    expect(groupCatalog(catalog, '', { sessions_7d: 15 }).flatMap((g) => g.signals.map((s) => s.id))).toEqual(['sessions_7d']);
  });
});
