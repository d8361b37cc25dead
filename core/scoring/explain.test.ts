import { describe, expect, it } from 'vitest';
import { columnMeans, contributions } from './explain.ts';
import { scoreCustomers } from './score.ts';
import { mulberry32 } from './test-random.ts';

const f32 = (values: number[]): Float32Array => Float32Array.from(values);

describe('columnMeans', () => {
  it('averages the values that are present, NaN for an empty column', () => {
    const means = columnMeans([f32([1, NaN, 0]), f32([NaN, NaN]), f32([0.25])]);
    expect(Array.from(means)).toEqual([0.5, NaN, 0.25]);
  });
});

describe('contributions', () => {
  const columns = [f32([1, 0]), f32([0.5, NaN]), f32([0.2, 0.8])];
  const means = columnMeans(columns); // 0.5, 0.5, 0.5

  it('gives each weighted signal 100 w (value - mean) / S, largest first, skipping weight 0', () => {
    // customer 0: S = 2 + 1 = 3; A: 100 * 2 * 0.5 / 3, B: 100 * 1 * 0 / 3; C has weight 0
    const first = contributions({ index: 0, columns, weights: Float64Array.from([2, 1, 0]), means });
    expect(first.map((c) => c.signal)).toEqual([0, 1]);
    expect(first[0]!.points).toBeCloseTo(100 / 3, 10);
    expect(first[1]!.points).toBe(0);
  });

  it('leaves out signals without a value and divides by the customer own S', () => {
    // customer 1 has no B: S = 2; A: 100 * 2 * -0.5 / 2
    expect(contributions({ index: 1, columns, weights: Float64Array.from([2, 1, 0]), means })).toEqual([{ signal: 0, points: -50 }]);
  });

  it('turns the sign around for a negative weight', () => {
    // S = 2 + 4; A: 100 * 2 * 0.5 / 6; C: 100 * -4 * (0.2 - 0.5) / 6 (below-average on a "bad" signal lifts)
    const result = contributions({ index: 0, columns, weights: Float64Array.from([2, 0, -4]), means });
    expect(result.map((c) => c.signal)).toEqual([2, 0]);
    expect(result[0]!.points).toBeCloseTo(20, 5);
    expect(result[1]!.points).toBeCloseTo(100 / 6, 5);
  });

  it('is empty for a customer without any weighted value', () => {
    expect(contributions({ index: 1, columns: [f32([0, NaN])], weights: Float64Array.from([1]), means: Float64Array.from([0]) })).toEqual([]);
  });

  it("adds up to the score minus an average customer's score from the same signals", () => {
    const random = mulberry32(21);
    const customers = 200;
    const signals = 6;
    const cols = Array.from({ length: signals }, () => Float32Array.from({ length: customers }, () => (random() < 0.25 ? NaN : random())));
    const weights = Float64Array.from([40, -20, 0, 10, 75, -5]);
    const avg = columnMeans(cols);
    const score = scoreCustomers(cols, weights);
    for (let i = 0; i < customers; i++) {
      let weighted = 0;
      let total = 0;
      for (let j = 0; j < signals; j++) {
        const w = weights[j]!;
        if (w === 0 || Number.isNaN(cols[j]![i])) continue;
        weighted += w * avg[j]! + (w < 0 ? -w : 0);
        total += Math.abs(w);
      }
      const averageScore = total === 0 ? 0 : (100 * weighted) / total;
      const points = contributions({ index: i, columns: cols, weights, means: avg });
      const sum = points.reduce((s, c) => s + c.points, 0);
      expect(sum).toBeCloseTo(score[i]! - averageScore, 3);
      for (let k = 1; k < points.length; k++) expect(Math.abs(points[k - 1]!.points)).toBeGreaterThanOrEqual(Math.abs(points[k]!.points));
    }
  });

  it('rejects a customer outside the columns', () => {
    expect(() => contributions({ index: 5, columns, weights: Float64Array.from([1, 1, 1]), means })).toThrow(/outside/);
  });
});
