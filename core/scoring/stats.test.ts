import { describe, expect, it } from 'vitest';
import { auc, decileRates, wilson } from './stats.ts';
import { mulberry32 } from './test-random.ts';

const flags = (values: number[]): Uint8Array => Uint8Array.from(values);

describe('wilson', () => {
  it('matches the textbook 95% intervals', () => {
    // 0 of 10: high = z^2 / (n + z^2) = 3.8415 / 13.8415
    const none = wilson(0, 10);
    expect(none.rate).toBe(0);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.27753, 5);
    const half = wilson(5, 10);
    expect(half.rate).toBe(0.5);
    expect(half.low).toBeCloseTo(0.23659, 5);
    expect(half.high).toBeCloseTo(0.76341, 5);
    const all = wilson(10, 10);
    expect(all.low).toBeCloseTo(1 - 0.27753, 5);
    expect(all.high).toBe(1);
  });

  it('narrows with more customers and takes another z', () => {
    const small = wilson(20, 100);
    const large = wilson(2000, 10000);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    const z1 = wilson(20, 100, 1);
    expect(z1.high - z1.low).toBeLessThan(small.high - small.low);
  });

  it('is 0..1 for an empty group', () => {
    expect(wilson(0, 0)).toEqual({ rate: 0, low: 0, high: 1 });
  });
});

/** P(positive scores above negative), ties half, by comparing every pair. */
function pairwiseAuc(score: number[], positive: Uint8Array): number {
  let wins = 0;
  let pairs = 0;
  score.forEach((s, i) => {
    if (!positive[i]) return;
    score.forEach((t, j) => {
      if (positive[j]) return;
      pairs++;
      wins += s > t ? 1 : s === t ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

describe('auc', () => {
  it('is 1 for a perfect ranking, 0 for a reversed one, 0.5 when all scores tie', () => {
    expect(auc([1, 2, 3, 4], flags([0, 0, 1, 1]))).toBe(1);
    expect(auc([4, 3, 2, 1], flags([0, 0, 1, 1]))).toBe(0);
    expect(auc([5, 5, 5, 5], flags([0, 1, 0, 1]))).toBe(0.5);
  });

  it('counts pairs by hand', () => {
    // positives 0.35 and 0.8 against negatives 0.1 and 0.4: 3 of 4 pairs ordered right
    expect(auc([0.1, 0.4, 0.35, 0.8], flags([0, 0, 1, 1]))).toBe(0.75);
    // positive 1 against negatives 1 (tie, half) and 2 (lost)
    expect(auc([1, 1, 2], flags([1, 0, 0]))).toBe(0.25);
  });

  it('agrees with the pairwise definition on random scores with ties', () => {
    const random = mulberry32(5);
    const score = Array.from({ length: 600 }, () => Math.floor(random() * 40));
    const positive = Uint8Array.from(score, (s) => (random() < 0.1 + s / 60 ? 1 : 0));
    expect(auc(Float32Array.from(score), positive)).toBeCloseTo(pairwiseAuc(score, positive), 12);
  });

  it('is NaN when one class is empty', () => {
    expect(auc([1, 2], flags([0, 0]))).toBeNaN();
    expect(auc([1, 2], flags([1, 1]))).toBeNaN();
    expect(auc([], flags([]))).toBeNaN();
  });

  it('ranks NaN scores lowest', () => {
    expect(auc([NaN, 1], flags([0, 1]))).toBe(1);
  });
});

describe('decileRates', () => {
  it('puts the highest scores in decile 1', () => {
    const score = Array.from({ length: 20 }, (_, i) => i);
    const positive = Uint8Array.from(score, (s) => (s >= 10 ? 1 : 0));
    expect(decileRates(score, positive)).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
  });

  it('breaks ties by index, so deciles stay equal-sized even when every score is the same', () => {
    const positive = new Uint8Array(10);
    positive[0] = 1;
    expect(decileRates(new Array<number>(10).fill(3), positive)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('gives every decile floor(n/10) or ceil(n/10) customers', () => {
    // 25 customers ranked by index: deciles hold 3, 2, 3, 2, ... customers
    const score = Array.from({ length: 25 }, (_, i) => -i);
    const firstOf = (index: number): number[] => {
      const positive = new Uint8Array(25);
      positive[index] = 1;
      return decileRates(score, positive);
    };
    expect(firstOf(0)[0]).toBeCloseTo(1 / 3, 12);
    expect(firstOf(3)[1]).toBe(1 / 2);
    expect(firstOf(24)[9]).toBe(1 / 2);
    const sizes = firstOf(0).map(() => 0);
    for (let i = 0; i < 25; i++) {
      const rates = firstOf(i);
      const decile = rates.findIndex((r) => r > 0);
      sizes[decile]!++;
    }
    expect(sizes).toEqual([3, 2, 3, 2, 3, 2, 3, 2, 3, 2]);
  });

  it('agrees with a comparator sort on random scores with ties', () => {
    const random = mulberry32(9);
    const n = 997;
    const score = Float32Array.from({ length: n }, () => Math.floor(random() * 30));
    const positive = Uint8Array.from(score, (s) => (random() < s / 40 ? 1 : 0));
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b]! - score[a]! || a - b);
    const expected = Array.from({ length: 10 }, (_, d) => {
      const members = order.filter((_, rank) => Math.floor((rank * 10) / n) === d);
      return members.filter((i) => positive[i]).length / members.length;
    });
    const rates = decileRates(score, positive);
    rates.forEach((rate, d) => expect(rate).toBeCloseTo(expected[d]!, 12));
  });

  it('leaves empty deciles NaN when there are fewer than 10 customers', () => {
    const rates = decileRates([3, 1], flags([1, 0]));
    expect(rates[0]).toBe(1);
    expect(rates.filter(Number.isNaN)).toHaveLength(8);
    expect(rates.filter((r) => r === 0)).toHaveLength(1);
  });
});
