// The parts a cluster model is made of: scaling and missing values, identity matching, names.
import { describe, expect, it } from 'vitest';
import type { SignalInfo } from '../signals/types.ts';
import { matchCentroids } from './identity.ts';
import { clusterName, describeDeviation, uniqueNames } from './naming.ts';
import { fitScaling, scaleValue } from './scaling.ts';

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
