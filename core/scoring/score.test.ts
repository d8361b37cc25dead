import { describe, expect, it } from 'vitest';
import { scoreCustomers, scoreHistogram } from './score.ts';
import { mulberry32 } from './test-random.ts';

const f32 = (values: number[]): Float32Array => Float32Array.from(values);
const weightsOf = (values: number[]): Float64Array => Float64Array.from(values);

/** The definition, written the obvious way (customer by customer, in doubles). */
function referenceScore(columns: Float32Array[], weights: Float64Array, customers: number): number[] {
  const scores: number[] = [];
  for (let i = 0; i < customers; i++) {
    let weighted = 0;
    let negative = 0;
    let total = 0;
    columns.forEach((column, j) => {
      const w = weights[j]!;
      const v = column[i]!;
      if (w === 0 || Number.isNaN(v)) return;
      weighted += w * v;
      if (w < 0) negative += w;
      total += Math.abs(w);
    });
    scores.push(total === 0 ? 0 : (100 * (weighted - negative)) / total);
  }
  return scores;
}

describe('scoreCustomers', () => {
  it('is the weighted mean of the signals a customer has, on 0..100', () => {
    // customer 0: (3 * 1 + 1 * 0) / 4; customer 1 has no value for B: (3 * 0.5) / 3
    const score = scoreCustomers([f32([1, 0.5]), f32([0, NaN])], weightsOf([3, 1]));
    expect(Array.from(score)).toEqual([75, 50]);
  });

  it('counts a negative weight against intent and stays within 0..100', () => {
    // w = [2, -1]: customer 0 has A = 1, B = 0 (best on both); customer 1 the opposite
    const score = scoreCustomers([f32([1, 0, 0.5]), f32([0, 1, 0.5])], weightsOf([2, -1]));
    expect(score[0]).toBe(100);
    expect(score[1]).toBe(0);
    expect(score[2]).toBeCloseTo((100 * (2 * 0.5 - 0.5 + 1)) / 3, 4);
  });

  it('gives 0 to customers without any weighted value, and to everyone when all weights are 0', () => {
    const columns = [f32([NaN, 0.4]), f32([NaN, 0.8])];
    expect(Array.from(scoreCustomers(columns, weightsOf([1, 1])))).toEqual([0, expect.closeTo(60, 4)]);
    expect(Array.from(scoreCustomers(columns, weightsOf([0, 0])))).toEqual([0, 0]);
  });

  it('skips weight-0 signals entirely: a NaN column or even a column of the wrong length', () => {
    const used = f32([0.2, 0.9, 0.5]);
    const expected = Array.from(scoreCustomers([used], weightsOf([5])));
    expect(Array.from(scoreCustomers([f32([NaN, NaN, NaN]), used], weightsOf([0, 5])))).toEqual(expected);
    expect(Array.from(scoreCustomers([used, new Float32Array(0)], weightsOf([5, 0])))).toEqual(expected);
    expect(Array.from(scoreCustomers([new Float32Array(0), used], weightsOf([0, 5])))).toEqual(expected);
  });

  it('agrees with the straightforward definition on random data (NaN, negative and zero weights)', () => {
    const random = mulberry32(7);
    const customers = 5003; // several blocks and a partial one
    for (const signals of [1, 3, 4, 7, 30]) {
      const columns = Array.from({ length: signals }, () =>
        Float32Array.from({ length: customers }, () => (random() < 0.2 ? NaN : random())),
      );
      const weights = Float64Array.from({ length: signals }, () => (random() < 0.2 ? 0 : Math.round(random() * 200 - 80)));
      const score = scoreCustomers(columns, weights);
      const expected = referenceScore(columns, weights, customers);
      for (let i = 0; i < customers; i++) {
        expect(score[i]).toBeCloseTo(expected[i]!, 3);
        expect(score[i]).toBeGreaterThanOrEqual(0);
        expect(score[i]).toBeLessThanOrEqual(100);
      }
    }
  });

  it('writes into the output buffer it is given', () => {
    const out = new Float32Array(2);
    expect(scoreCustomers([f32([1, 0])], weightsOf([1]), out)).toBe(out);
    expect(Array.from(out)).toEqual([100, 0]);
    expect(scoreCustomers([], weightsOf([]), new Float32Array(3))).toEqual(new Float32Array(3));
  });

  it('rejects mismatched columns, weights and output', () => {
    expect(() => scoreCustomers([f32([1])], weightsOf([1, 2]))).toThrow(/1 columns but 2 weights/);
    expect(() => scoreCustomers([f32([1, 2]), f32([1])], weightsOf([1, 1]))).toThrow(/column 1/);
    expect(() => scoreCustomers([f32([1, 2])], weightsOf([1]), new Float32Array(3))).toThrow(/output/);
  });
});

describe('scoreHistogram', () => {
  it('counts scores per point, with 100 in the last bin', () => {
    const counts = scoreHistogram(f32([0, 0.5, 1, 50, 99.9, 100]));
    expect(counts).toHaveLength(100);
    expect(counts[0]).toBe(2);
    expect(counts[1]).toBe(1);
    expect(counts[50]).toBe(1);
    expect(counts[99]).toBe(2);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(6);
  });

  it('is all zeros for no customers', () => {
    expect(scoreHistogram(new Float32Array(0))).toEqual(new Array(100).fill(0));
  });
});
