// Special functions for the buy-till-you-die models. log-gamma and digamma come from stdlib (a
// maintained numerical library); the Gauss hypergeometric function 2F1 is not published there as
// a package, so it is summed here and tested against closed forms (special.test.ts).
import gammaln from '@stdlib/math-base-special-gammaln';
import digamma from '@stdlib/math-base-special-digamma';

export { gammaln, digamma };

/**
 * Enough for z up to about 0.998. Beyond that (a Pareto/NBD with beta hundreds of times alpha)
 * the series is too slow and the call fails; a fit then treats that parameter region as impossible.
 */
const MAX_TERMS = 20_000;
const EPSILON = 1e-15;

/** Sum of the series sum_k (a)_k (b)_k / ((c)_k k!) z^k, for 0 <= z < 1. */
function series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 0; k < MAX_TERMS; k++) {
    term *= ((a + k) * (b + k)) / ((c + k) * (k + 1)) * z;
    sum += term;
    if (Math.abs(term) <= EPSILON * Math.abs(sum)) return sum;
  }
  throw new Error(`2F1(${a}, ${b}; ${c}; ${z}) did not converge in ${MAX_TERMS} terms`);
}

/**
 * Gauss hypergeometric 2F1(a, b; c; z) for 0 <= z < 1 and c > 0. When c - a - b > 0 is not the
 * case and z is large, Euler's transformation 2F1(a,b;c;z) = (1-z)^(c-a-b) 2F1(c-a, c-b; c; z)
 * gives a series whose terms shrink faster (e.g. the Pareto/NBD's c = a + 1 with a large b).
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new Error(`hyp2f1 needs 0 <= z < 1, got ${z}`);
  if (z === 0) return 1;
  const euler = c - a - b < 0 && z > 0.5;
  return euler ? Math.pow(1 - z, c - a - b) * series(c - a, c - b, c, z) : series(a, b, c, z);
}

/** log(exp(x) + exp(y)) without overflow. */
export function logAddExp(x: number, y: number): number {
  if (x === -Infinity) return y;
  if (y === -Infinity) return x;
  const m = Math.max(x, y);
  return m + Math.log(Math.exp(x - m) + Math.exp(y - m));
}
