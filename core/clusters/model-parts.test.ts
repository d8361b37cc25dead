// The parts a cluster model is made of: scaling and missing values, identity matching, names.
import { describe, expect, it } from 'vitest';
import type { SignalInfo } from '../signals/types.ts';
import { recommendK } from './choose-k.ts';
import { formatInUnit } from './drill-down.ts';
import { matchCentroids } from './identity.ts';
import { clusterName, describeDeviation, uniqueNames } from './naming.ts';
import { fitScaling, scaleValue, unscaleValue } from './scaling.ts';

const info = (over: Partial<SignalInfo> = {}): SignalInfo => ({
  id: 'x',
  label: 'Orders',
  description: '',
  group: 'value',
  unit: 'count',
  direction: 1,
  missing: 'exclude',
  windowDays: null,
  builtIn: true,
  defaultWeight: 0,
  ...over,
});

describe('scaling', () => {
  const values = Float64Array.from([1, 2, 3, 4, 100, NaN]);

  it('z-score centres on the mean and divides by the standard deviation, times the weight', () => {
    const s = fitScaling(info(), values, 'z-score', 'median', 2);
    const present = [1, 2, 3, 4, 100];
    const mean = present.reduce((a, b) => a + b, 0) / 5;
    const sd = Math.sqrt(present.reduce((a, b) => a + (b - mean) ** 2, 0) / 5);
    expect(scaleValue(s, 4)).toBeCloseTo(((4 - mean) / sd) * 2, 12);
    // Missing -> the median (3).
    expect(scaleValue(s, NaN)).toBeCloseTo(((3 - mean) / sd) * 2, 12);
  });

  it('robust scaling uses median and MAD and clips outliers at 4', () => {
    const s = fitScaling(info(), values, 'robust', 'median', 1);
    // median 3; deviations 2,1,0,1,97 -> MAD 1 -> scale 1.4826.
    expect(scaleValue(s, 4)).toBeCloseTo(1 / 1.4826, 12);
    expect(scaleValue(s, 100)).toBe(4);
  });

  it('percentile scaling places values by rank on 0..1, ties in the middle of their run', () => {
    const s = fitScaling(info(), Float64Array.from([0, 0, 0, 0, 5, 10]), 'percentile', 'median', 1);
    expect(scaleValue(s, -1)).toBe(0);
    expect(scaleValue(s, 11)).toBe(1);
    const zero = scaleValue(s, 0);
    expect(zero).toBeGreaterThan(0.2);
    expect(zero).toBeLessThan(0.45);
    expect(scaleValue(s, 5)).toBeGreaterThan(zero);
    expect(scaleValue(s, 10)).toBeGreaterThan(scaleValue(s, 5));
  });

  it("fills missing values by the signal's policy, or leaves the customer out", () => {
    const recency = info({ id: 'days_since_purchase', unit: 'days', direction: -1, missing: 'worst' });
    const worst = fitScaling(recency, values, 'z-score', 'signal-policy', 1);
    expect(worst.impute).toBe(100);
    expect(fitScaling(info(), values, 'z-score', 'signal-policy', 1).impute).toBe(3);
    const dropped = fitScaling(info(), values, 'z-score', 'drop', 1);
    expect(scaleValue(dropped, NaN)).toBeNaN();
  });
});

describe('identity matching', () => {
  it('pairs each new centroid with the old one it is closest to overall', () => {
    const old = Float64Array.from([0, 0, 10, 0, 0, 10]);
    const fresh = Float64Array.from([0.5, 9.5, 0.2, 0.1, 9.8, 0.3]);
    expect(matchCentroids(fresh, old, 2)).toEqual([
      [0, 2],
      [1, 0],
      [2, 1],
    ]);
  });
  it('leaves the surplus unmatched when k changes', () => {
    const old = Float64Array.from([0, 0, 10, 10]);
    const fresh = Float64Array.from([10, 9, 5, 5, 0, 1]);
    const pairs = matchCentroids(fresh, old, 2);
    expect(pairs).toEqual([
      [0, 1],
      [2, 0],
    ]);
  });
});

describe('names', () => {
  it('words deviations by kind of signal', () => {
    expect(describeDeviation({ label: 'Days since last purchase', unit: 'days' }, 1.2)).toBe('long since last purchase');
    expect(describeDeviation({ label: 'Days since last visit', unit: 'days' }, -0.8)).toBe('recent visit');
    expect(describeDeviation({ label: 'Sessions (30 d)', unit: 'count' }, -1)).toBe('few sessions');
    expect(describeDeviation({ label: 'Email open rate (90 d)', unit: 'share' }, 0.9)).toBe('high email open rate');
  });

  it('builds habit adjectives, a purchase noun and the two strongest deviations', () => {
    const signals = [info({ id: 'orders', label: 'Orders' }), info({ id: 'pricing', label: 'Days with pricing views (30 d)' }), info({ id: 'sms', label: 'SMS reply rate (90 d)', unit: 'share' })];
    const name = clusterName(
      { buyerShare: 0.1, medianOrders: null, medianDaysSincePurchase: null, medianDaysSinceActive: 5, habitZ: { evening_share_90d: 0.9, mobile_share_90d: 0.7 } },
      signals,
      [-0.4, 1.5, 0.1],
    );
    expect(name).toBe('Evening mobile prospects — many days with pricing views, few orders');
    const loyal = clusterName({ buyerShare: 0.9, medianOrders: 5, medianDaysSincePurchase: 20, medianDaysSinceActive: 3, habitZ: {} }, signals, [0.1, 0.1, 0.1]);
    expect(loyal).toBe('Loyal buyers');
  });

  it('numbers repeated names', () => {
    expect(uniqueNames(['A', 'B', 'A', 'A'])).toEqual(['A', 'B', 'A (2)', 'A (3)']);
  });
});

describe('recommended k', () => {
  const candidate = (k: number, inertiaPerCustomer: number, silhouette: number, stability = 0.95) => ({ k, inertiaPerCustomer, silhouette, stability });

  it('takes the stable elbow when it separates nearly as well as the best silhouette', () => {
    const flat = [candidate(2, 10, 0.33), candidate(3, 7, 0.31), candidate(4, 4, 0.3), candidate(5, 3.6, 0.3), candidate(6, 3.3, 0.29)];
    const rec = recommendK(flat, 3);
    expect(rec.recommended).toBe(4);
    expect(rec.reason).toContain('k = 4 is where the inertia curve bends');
    expect(rec.reason).toContain('best (0.33 at k = 2)');
  });

  it('keeps the best silhouette when the elbow separates clearly worse, and skips unstable k', () => {
    const peaked = [candidate(2, 10, 0.2), candidate(3, 7, 0.6, 0.5), candidate(4, 4, 0.3), candidate(5, 3.6, 0.45), candidate(6, 3.3, 0.2)];
    const rec = recommendK(peaked, 3);
    expect(rec.recommended).toBe(5);
    expect(rec.reason).toMatch(/^k = 5 has the highest silhouette \(0\.45\) of the k that give the same clusters whatever the seed; the inertia curve bends at k = 4/);
  });

  it('says so when no k is stable', () => {
    const shaky = [candidate(2, 10, 0.2, 0.3), candidate(3, 5, 0.22, 0.4), candidate(4, 4, 0.21, 0.5)];
    expect(recommendK(shaky, 3).reason).toContain('no k gave the same clusters across 3 seeds');
  });
});

describe('values in explanations', () => {
  it('are written in their unit', () => {
    expect(formatInUnit(12.4, 'days')).toBe('12 days');
    expect(formatInUnit(2.25, 'days')).toBe('2.3 days');
    expect(formatInUnit(0.347, 'share')).toBe('35%');
    expect(formatInUnit(285.678, 'money')).toBe('285.68');
    expect(formatInUnit(3, 'count')).toBe('3');
    expect(formatInUnit(null, 'count')).toBe('no value');
  });
});

describe('unscaling', () => {
  it('turns a coordinate back into the raw value it stands for', () => {
    const values = Float64Array.from([1, 2, 3, 4, 10, 20, NaN]);
    for (const method of ['z-score', 'robust', 'percentile'] as const) {
      const s = fitScaling(info(), values, method, 'median', 2);
      for (const raw of [2, 3.5, 10]) expect(unscaleValue(s, scaleValue(s, raw))).toBeCloseTo(raw, 6);
    }
  });
});
