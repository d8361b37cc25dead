import { describe, expect, it } from 'vitest';
import { fitLogistic } from './logistic.ts';
import { mulberry32 } from './test-random.ts';

const sigmoid = (t: number): number => 1 / (1 + Math.exp(-t));

/** n rows of uniform 0..1 features and outcomes drawn from the logistic model with these betas. */
function simulate(seed: number, n: number, intercept: number, betas: number[]): { columns: Float32Array[]; y: Uint8Array } {
  const random = mulberry32(seed);
  const columns = betas.map(() => new Float32Array(n));
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let eta = intercept;
    betas.forEach((b, k) => {
      const x = random();
      columns[k]![i] = x;
      eta += b * columns[k]![i]!;
    });
    y[i] = random() < sigmoid(eta) ? 1 : 0;
  }
  return { columns, y };
}

/** Root of a decreasing function on [lo, hi] by bisection. */
function bisect(f: (x: number) => number, lo: number, hi: number): number {
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('fitLogistic', () => {
  it('recovers the coefficients the data was simulated with', () => {
    const truth = { intercept: -1, betas: [2, -1.5, 0.5] };
    const { columns, y } = simulate(1, 40_000, truth.intercept, truth.betas);
    const fit = fitLogistic(columns, y, { l2: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeLessThan(15);
    expect(Math.abs(fit.intercept - truth.intercept)).toBeLessThan(0.15);
    fit.coefficients.forEach((c, k) => expect(Math.abs(c - truth.betas[k]!), `coefficient ${k}`).toBeLessThan(0.15));
    // the default penalty is negligible at this size
    const penalised = fitLogistic(columns, y);
    penalised.coefficients.forEach((c, k) => expect(Math.abs(c - fit.coefficients[k]!)).toBeLessThan(0.01));
  });

  it('matches the closed form for one binary feature: the log-odds of each group', () => {
    // x = 0: 3 of 10 converted; x = 1: 8 of 10
    const x = Float32Array.from({ length: 20 }, (_, i) => (i < 10 ? 0 : 1));
    const y = Uint8Array.from({ length: 20 }, (_, i) => (i < 3 || (i >= 10 && i < 18) ? 1 : 0));
    const fit = fitLogistic([x], y, { l2: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(Math.log(3 / 7), 8);
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(8 / 2) - Math.log(3 / 7), 8);
  });

  it('matches a one-dimensional penalised optimum on symmetric data', () => {
    // x = +1: 35 of 50 converted; x = -1: 15 of 50. Swapping x -> -x and y -> 1 - y maps the data
    // onto itself, so the intercept is 0 and beta solves
    // d/dbeta = (2k - m) - m (sigmoid(beta) - sigmoid(-beta)) - l2 beta = 0.
    const m = 50;
    const k = 35;
    const l2 = 5;
    const x = Float32Array.from({ length: 2 * m }, (_, i) => (i < m ? 1 : -1));
    const y = Uint8Array.from({ length: 2 * m }, (_, i) => (i < k || (i >= m && i < m + (m - k)) ? 1 : 0));
    const beta = bisect((b) => 2 * k - m - m * (sigmoid(b) - sigmoid(-b)) - l2 * b, 0, 10);
    const fit = fitLogistic([x], y, { l2 });
    expect(fit.intercept).toBeCloseTo(0, 8);
    expect(fit.coefficients[0]).toBeCloseTo(beta, 8);
    // without the penalty: beta = logit(35 / 50)
    expect(fitLogistic([x], y, { l2: 0 }).coefficients[0]).toBeCloseTo(Math.log(35 / 15), 8);
  });

  it('shrinks coefficients as l2 grows, but never the intercept', () => {
    const { columns, y } = simulate(2, 2000, -0.5, [3, -2]);
    const norms = [0, 10, 100, 1000].map((l2) => Math.hypot(...fitLogistic(columns, y, { l2 }).coefficients));
    for (let i = 1; i < norms.length; i++) expect(norms[i]).toBeLessThan(norms[i - 1]!);
    const flat = fitLogistic(columns, y, { l2: 1e9 });
    const rate = y.reduce((s, v) => s + v, 0) / y.length;
    flat.coefficients.forEach((c) => expect(Math.abs(c)).toBeLessThan(1e-4));
    expect(flat.intercept).toBeCloseTo(Math.log(rate / (1 - rate)), 3);
  });

  it('imputes missing values with the column mean and returns the means', () => {
    const { columns, y } = simulate(3, 3000, 0, [1.5, -1]);
    const withGaps = Float32Array.from(columns[0]!, (v, i) => (i % 7 === 0 ? NaN : v));
    const present = Array.from(withGaps).filter((v) => !Number.isNaN(v));
    const mean = present.reduce((s, v) => s + v, 0) / present.length;
    const fit = fitLogistic([withGaps, columns[1]!], y);
    expect(fit.means[0]).toBeCloseTo(mean, 12);
    expect(fit.means[1]).toBeCloseTo(columns[1]!.reduce((s, v) => s + v, 0) / 3000, 12);
    const filled = Float32Array.from(withGaps, (v) => (Number.isNaN(v) ? mean : v));
    const reference = fitLogistic([filled, columns[1]!], y);
    expect(fit.intercept).toBeCloseTo(reference.intercept, 5);
    fit.coefficients.forEach((c, k) => expect(c).toBeCloseTo(reference.coefficients[k]!, 5));
  });

  it('keeps separable data finite with a penalty and reports no convergence without one', () => {
    const x = Float32Array.from([0, 0, 0, 1, 1, 1]);
    const y = Uint8Array.from([0, 0, 0, 1, 1, 1]);
    const penalised = fitLogistic([x], y);
    expect(penalised.converged).toBe(true);
    expect(penalised.coefficients[0]).toBeGreaterThan(0);
    expect(Number.isFinite(penalised.coefficients[0])).toBe(true);
    const free = fitLogistic([x], y, { l2: 0, maxIterations: 20 });
    expect(free.converged).toBe(false);
    expect(free.iterations).toBe(20);
    expect(free.coefficients[0]).toBeGreaterThan(penalised.coefficients[0]!);
  });

  it('fits an intercept-only model when there are no columns', () => {
    const fit = fitLogistic([], Uint8Array.from([1, 0, 0, 0]), { l2: 0 });
    expect(fit.intercept).toBeCloseTo(Math.log(1 / 3), 10);
    expect(fit.coefficients).toEqual([]);
  });

  it('refuses an outcome with only one class, and mismatched lengths', () => {
    const x = Float32Array.from([0.1, 0.2, 0.3]);
    expect(() => fitLogistic([x], Uint8Array.from([0, 0, 0]))).toThrow(/only one class \(no row converted, 3 rows\)/);
    expect(() => fitLogistic([x], Uint8Array.from([1, 1, 1]))).toThrow(/only one class \(every row converted/);
    expect(() => fitLogistic([x], Uint8Array.from([1, 0]))).toThrow(/column 0 has 3 rows, the outcome 2/);
    expect(() => fitLogistic([x], Uint8Array.from([1, 0, 1]), { l2: -1 })).toThrow(/l2/);
  });
});
