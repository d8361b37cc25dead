// 2F1 against closed forms, and the minimiser on functions with known minima.
import { describe, expect, it } from 'vitest';
import { atLogBound, LOG_BOUND, nelderMead, withinLogBounds } from './optimise.ts';
import { gammaln, hyp2f1, logAddExp } from './special.ts';

describe('hyp2f1', () => {
  it.each([0.1, 0.5, 0.9, 0.99])('matches closed forms at z = %s', (z) => {
    // 2F1(1, 1; 2; z) = -ln(1 - z) / z
    expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 12);
    // 2F1(a, b; b; z) = (1 - z)^-a
    expect(hyp2f1(2.5, 1.7, 1.7, z)).toBeCloseTo(Math.pow(1 - z, -2.5), 9);
    // 2F1(1/2, 1; 3/2; z^2) = atanh(z) / z
    expect(hyp2f1(0.5, 1, 1.5, z * z)).toBeCloseTo(Math.atanh(z) / z, 12);
  });
  it('uses Euler’s transformation consistently (the Pareto/NBD shape c = a + 1)', () => {
    // For c = a + 1: 2F1(a, b; a + 1; z) = a z^-a B_z(a, 1 - b); with b = 2, a = 3 the integral is elementary:
    // 3 * integral_0^1 t^2 (1 - z t)^-2 dt.
    const z = 0.8;
    const exact = (3 / z ** 3) * (z / (1 - z) + 2 * Math.log(1 - z) + z);
    expect(hyp2f1(3, 2, 4, z)).toBeCloseTo(exact, 10);
  });
  it('is 1 at z = 0 and refuses z outside [0, 1)', () => {
    expect(hyp2f1(3, 4, 5, 0)).toBe(1);
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(/0 <= z < 1/);
  });
  it('log-gamma and logAddExp', () => {
    expect(gammaln(5)).toBeCloseTo(Math.log(24), 12);
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 10);
    expect(logAddExp(-Infinity, 3)).toBe(3);
  });
});

describe('nelderMead', () => {
  it('finds the minimum of the Rosenbrock function', () => {
    const m = nelderMead(([x, y]) => (1 - x!) ** 2 + 100 * (y! - x! ** 2) ** 2, [-1.2, 1]);
    expect(m.converged).toBe(true);
    expect(m.x[0]).toBeCloseTo(1, 4);
    expect(m.x[1]).toBeCloseTo(1, 4);
  });
  it('treats points where the function fails as +Infinity and reports non-convergence', () => {
    const m = nelderMead(([x]) => (x! < 0 ? Number.NaN : (x! - 2) ** 2), [1]);
    expect(m.x[0]).toBeCloseTo(2, 4);
    const capped = nelderMead(([x, y]) => x! ** 2 + y! ** 2, [5, 5], { maxIterations: 3 });
    expect(capped.converged).toBe(false);
  });
});

describe('parameter bounds', () => {
  it('keeps fits inside 1e-7 .. 1e7 and names parameters that ended at the edge', () => {
    const f = withinLogBounds(([x]) => x!);
    expect(f([LOG_BOUND + 0.1])).toBe(Infinity);
    expect(f([3])).toBe(3);
    // Minimising x alone would run to -Infinity; the bound stops it there.
    const m = nelderMead(withinLogBounds(([x]) => x!), [0]);
    expect(m.x[0]).toBeGreaterThanOrEqual(-LOG_BOUND);
    expect(atLogBound({ s: Math.exp(m.x[0]!), r: 0.5 })).toEqual(['s']);
  });
});
