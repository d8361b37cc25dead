import { describe, expect, it } from 'vitest';
import { IncrementalScorer } from './incremental.ts';
import { scoreCustomers } from './score.ts';
import { mulberry32 } from './test-random.ts';

function columns(n: number, k: number, seed: number): Float32Array[] {
  const rnd = mulberry32(seed);
  return Array.from({ length: k }, (_, j) => Float32Array.from({ length: n }, () => (j % 3 === 0 && rnd() < 0.3 ? NaN : rnd())));
}

describe('IncrementalScorer', () => {
  it('agrees with the full computation through a long series of single and multiple weight changes', () => {
    const cols = columns(2000, 9, 11);
    const scorer = new IncrementalScorer(cols);
    const rnd = mulberry32(5);
    const weights = Float64Array.from({ length: 9 }, () => Math.round(rnd() * 200 - 100));
    for (let step = 0; step < 200; step++) {
      if (step % 17 === 0) for (let j = 0; j < 9; j++) weights[j] = Math.round(rnd() * 200 - 100);
      else weights[step % 9] = step % 5 === 0 ? 0 : Math.round(rnd() * 200 - 100);
      const got = scorer.scoreWith(weights);
      const want = scoreCustomers(cols, weights);
      let worst = 0;
      for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i]! - want[i]!));
      expect(worst, `step ${step}`).toBeLessThan(1e-3);
    }
  });

  it('scores 0 when every weight goes back to 0, and handles a NaN weight as 0', () => {
    const cols = columns(50, 3, 2);
    const scorer = new IncrementalScorer(cols);
    scorer.scoreWith(Float64Array.of(10, -20, 30));
    expect(Array.from(scorer.scoreWith(Float64Array.of(0, 0, 0)))).toEqual(new Array(50).fill(0));
    const withNaN = scorer.scoreWith(Float64Array.of(NaN, 40, 0));
    const want = scoreCustomers(cols, Float64Array.of(0, 40, 0));
    for (let i = 0; i < 50; i++) expect(withNaN[i]).toBeCloseTo(want[i]!, 4);
  });

  it('gives exactly the fresh scores on request, whatever moves came before', () => {
    const cols = columns(20_000, 9, 21);
    const scorer = new IncrementalScorer(cols);
    const weights = Float64Array.of(10, -20, 30, 5, 15, 0, 25, -5, 10);
    scorer.scoreWith(weights);
    expect(scorer.exact).toBe(true);
    const rnd = mulberry32(8);
    // The increments leave last-bit differences now and then (which is why exact exists).
    let differed = 0;
    for (let step = 0; step < 60; step++) {
      weights[step % 9] = Math.round(rnd() * 200 - 100) / 7;
      const incremental = scorer.scoreWith(weights);
      const fresh = new IncrementalScorer(cols).scoreWith(weights);
      if (incremental.some((v, i) => !Object.is(v, fresh[i]))) differed++;
    }
    expect(differed).toBeGreaterThan(0);
    expect(scorer.exact).toBe(false);
    const fresh = new IncrementalScorer(cols).scoreWith(weights);
    // ...and the exact request settles them.
    const settled = scorer.scoreWith(weights, true);
    expect(scorer.exact).toBe(true);
    expect(Array.from(settled)).toEqual(Array.from(fresh));
    expect(Array.from(settled)).toEqual(Array.from(scoreCustomers(cols, weights)));
  });

  it('refuses a weight vector of the wrong length', () => {
    expect(() => new IncrementalScorer(columns(5, 2, 1)).scoreWith(Float64Array.of(1))).toThrow(/2 columns but 1 weights/);
  });
});
