// The Pareto/NBD "died between tx and T" term by quadrature equals the closed form with 2F1
// (Fader & Hardie's A0) wherever that series converges, for both orderings of alpha and beta.
import { describe, expect, it } from 'vitest';
import { logDiedPart, paretoNbdPAlive } from './paretonbd.ts';
import { hyp2f1 } from './special.ts';

function closedForm(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number): number {
  const rsx = r + s + x;
  const [big, small, second] = alpha >= beta ? [alpha, beta, s + 1] : [beta, alpha, r + x];
  const a0 =
    hyp2f1(rsx, second, rsx + 1, (big - small) / (big + tx)) / Math.pow(big + tx, rsx) - hyp2f1(rsx, second, rsx + 1, (big - small) / (big + T)) / Math.pow(big + T, rsx);
  return Math.log(s / rsx) + Math.log(a0);
}

describe('Pareto/NBD died part', () => {
  it.each([
    [0.553, 10.578, 0.606, 11.669, 3, 20, 38],
    [0.553, 10.578, 0.606, 11.669, 0, 0, 30],
    [1.2, 30, 0.4, 8, 5, 100, 300],
    [0.3, 2, 1.5, 40, 12, 150, 200],
  ])('r=%s alpha=%s s=%s beta=%s x=%s tx=%s T=%s', (r, alpha, s, beta, x, tx, T) => {
    expect(logDiedPart({ r, alpha, s, beta }, x, tx, T)).toBeCloseTo(closedForm(r, alpha, s, beta, x, tx, T), 9);
  });

  it('stays finite where the 2F1 series would need millions of terms (beta thousands of times alpha)', () => {
    const p = { r: 0.8, alpha: 0.5, s: 0.3, beta: 5000 };
    const v = logDiedPart(p, 4, 3, 700);
    expect(Number.isFinite(v)).toBe(true);
    const alive = paretoNbdPAlive(p, 4, 3, 700);
    expect(alive).toBeGreaterThan(0);
    expect(alive).toBeLessThan(1);
    expect(logDiedPart(p, 4, 700, 700)).toBe(-Infinity);
  });
});
