import { describe, expect, it } from 'vitest';
import { columnStats, histogram, normaliseColumn } from './normalise.ts';
import { mulberry32 } from './test-random.ts';

const f64 = (values: number[]): Float64Array => Float64Array.from(values);

/** Float32 output compared at float32 precision; NaN must match NaN. */
function expectValues(actual: Float32Array, expected: number[]): void {
  expect(actual).toBeInstanceOf(Float32Array);
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => {
    if (Number.isNaN(e)) expect(actual[i], `index ${i}`).toBeNaN();
    else expect(actual[i], `index ${i}`).toBeCloseTo(e, 6);
  });
}

describe('normaliseColumn: percentile', () => {
  it('maps the share of customers with strictly less intent (more is better)', () => {
    expectValues(normaliseColumn(f64([0, 0, 0, 5, 7]), 1, 'percentile', 'worst'), [0, 0, 0, 0.6, 0.8]);
  });

  it('counts larger raw values as less intent when less is better', () => {
    expectValues(normaliseColumn(f64([0, 0, 0, 5, 7]), -1, 'percentile', 'worst'), [0.4, 0.4, 0.4, 0.2, 0]);
  });

  it('gives tied customers one value, the best ones (n - ties at best) / n', () => {
    expectValues(normaliseColumn(f64([2, 1, 2]), 1, 'percentile', 'worst'), [1 / 3, 0, 1 / 3]);
    expectValues(normaliseColumn(f64([4, 4, 9, 4]), -1, 'percentile', 'worst'), [0.25, 0.25, 0, 0.25]);
  });

  it('scores missing values as 0 (worst) or NaN (exclude) and leaves them out of the denominator', () => {
    expectValues(normaliseColumn(f64([NaN, 1, 2, NaN]), 1, 'percentile', 'worst'), [0, 0, 0.5, 0]);
    expectValues(normaliseColumn(f64([NaN, 1, 2, NaN]), 1, 'percentile', 'exclude'), [NaN, 0, 0.5, NaN]);
  });

  it('handles all missing, a single value, all equal and an empty column', () => {
    expectValues(normaliseColumn(f64([NaN, NaN]), 1, 'percentile', 'worst'), [0, 0]);
    expectValues(normaliseColumn(f64([NaN, NaN]), 1, 'percentile', 'exclude'), [NaN, NaN]);
    expectValues(normaliseColumn(f64([42]), -1, 'percentile', 'worst'), [0]);
    expectValues(normaliseColumn(f64([3, 3, 3]), 1, 'percentile', 'worst'), [0, 0, 0]);
    expectValues(normaliseColumn(f64([]), 1, 'percentile', 'worst'), []);
  });

  it('agrees with a brute-force count on random data with ties and gaps', () => {
    const random = mulberry32(11);
    const values = Float64Array.from({ length: 400 }, () => (random() < 0.1 ? NaN : Math.floor(random() * 25)));
    const present = Array.from(values).filter((v) => !Number.isNaN(v));
    for (const direction of [1, -1] as const) {
      const expected = Array.from(values, (v) =>
        Number.isNaN(v) ? NaN : present.filter((o) => (direction === 1 ? o < v : o > v)).length / present.length,
      );
      expectValues(normaliseColumn(values, direction, 'percentile', 'exclude'), expected);
    }
  });
});

describe('normaliseColumn: robust-z', () => {
  it('maps (x - median) / (1.4826 MAD), clipped to +-3, onto 0..1', () => {
    // median 3, MAD 1
    const z = (x: number): number => (x - 3) / 1.4826;
    const expected = [1, 2, 3, 4, 5].map((x) => (z(x) + 3) / 6);
    expectValues(normaliseColumn(f64([1, 2, 3, 4, 5]), 1, 'robust-z', 'worst'), expected);
    expect(expected[0]).toBeCloseTo(0.2752, 4);
    expectValues(
      normaliseColumn(f64([1, 2, 3, 4, 5]), -1, 'robust-z', 'worst'),
      expected.map((e) => 1 - e),
    );
  });

  it('clips outliers at z = 3', () => {
    // median 1, MAD 1: 100 would be z = 66.8
    const out = normaliseColumn(f64([0, 0, 0, 1, 1, 1, 100]), 1, 'robust-z', 'worst');
    expect(out[6]).toBe(1);
    expect(out[0]).toBeCloseTo((-1 / 1.4826 + 3) / 6, 6);
  });

  it('falls back to the mean absolute deviation when the MAD is 0 (mostly-zero counts)', () => {
    // median 0, MAD 0; mean |x - 0| = 0.8, scale = 0.8 * sqrt(pi / 2)
    const values = f64([0, 0, 0, 0, 0, 0, 0, 0, 2, 6]);
    const scale = 0.8 * Math.sqrt(Math.PI / 2);
    const two = (2 / scale + 3) / 6;
    expect(two).toBeCloseTo(0.8325, 4);
    expectValues(normaliseColumn(values, 1, 'robust-z', 'worst'), [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, two, 1]);
    expectValues(normaliseColumn(values, -1, 'robust-z', 'worst'), [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1 - two, 0]);
  });

  it('maps every value to 0.5 when all are equal, and missing to 0 or NaN', () => {
    expectValues(normaliseColumn(f64([7, NaN, 7, 7]), 1, 'robust-z', 'worst'), [0.5, 0, 0.5, 0.5]);
    expectValues(normaliseColumn(f64([7, NaN, 7, 7]), -1, 'robust-z', 'exclude'), [0.5, NaN, 0.5, 0.5]);
    expectValues(normaliseColumn(f64([7]), 1, 'robust-z', 'worst'), [0.5]);
    expectValues(normaliseColumn(f64([NaN, NaN]), 1, 'robust-z', 'worst'), [0, 0]);
    expectValues(normaliseColumn(f64([NaN, NaN]), 1, 'robust-z', 'exclude'), [NaN, NaN]);
  });

  it('stays within 0..1 on random data', () => {
    const random = mulberry32(3);
    const values = Float64Array.from({ length: 1000 }, () => (random() < 0.05 ? NaN : random() ** 4 * 1000));
    for (const v of normaliseColumn(values, 1, 'robust-z', 'worst')) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });
});

describe('columnStats', () => {
  it('summarises the values that are present', () => {
    expect(columnStats(f64([0, 2, NaN, 4, 0]))).toEqual({ missing: 1, min: 0, max: 4, mean: 1.5, median: 1, nonZeroShare: 0.5 });
    expect(columnStats(f64([5, 1, 3]))).toEqual({ missing: 0, min: 1, max: 5, mean: 3, median: 3, nonZeroShare: 1 });
  });

  it('gives nulls when every value is missing', () => {
    expect(columnStats(f64([NaN, NaN]))).toEqual({ missing: 2, min: null, max: null, mean: null, median: null, nonZeroShare: 0 });
    expect(columnStats(f64([]))).toEqual({ missing: 0, min: null, max: null, mean: null, median: null, nonZeroShare: 0 });
  });
});

describe('histogram', () => {
  it('splits min..max into equal bins, the maximum in the last one', () => {
    const values = f64([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, NaN]);
    expect(histogram(values, 5)).toEqual({ edges: [0, 2, 4, 6, 8, 10], counts: [2, 2, 2, 2, 3] });
  });

  it('spans min..p99 for very skewed data and puts the rest in the last bin', () => {
    // 0..9 a hundred times each, plus one 10,000: p99 = 9, and 10,000 > 20 x 9
    const values = f64([...Array.from({ length: 1000 }, (_, i) => i % 10), 10_000]);
    expect(histogram(values, 3)).toEqual({ edges: [0, 3, 6, 9], counts: [300, 300, 401] });
  });

  it('keeps min..max when the tail is within 20 x p99', () => {
    const values = f64([...Array.from({ length: 1000 }, (_, i) => i % 10), 150]);
    const { edges, counts } = histogram(values, 3);
    expect(edges).toEqual([0, 50, 100, 150]);
    expect(counts).toEqual([1000, 0, 1]);
  });

  it('keeps min..max when p99 equals the minimum (99% zeros)', () => {
    const values = f64([...new Array<number>(999).fill(0), 50]);
    expect(histogram(values, 2)).toEqual({ edges: [0, 25, 50], counts: [999, 1] });
  });

  it('uses one bin when all values are equal, none when there are none', () => {
    expect(histogram(f64([3, 3, NaN, 3]), 10)).toEqual({ edges: [3, 3], counts: [3] });
    expect(histogram(f64([7]), 10)).toEqual({ edges: [7, 7], counts: [1] });
    expect(histogram(f64([NaN]), 10)).toEqual({ edges: [], counts: [] });
  });

  it('rejects a bin count that is not a positive integer', () => {
    expect(() => histogram(f64([1, 2]), 0)).toThrow(/bins/);
    expect(() => histogram(f64([1, 2]), 2.5)).toThrow(/bins/);
  });
});
