// Customers drawn from the models themselves, for recovery tests and the fit benchmark: with
// enough of them, a correct fit must give back the parameters they were drawn with.
import { Rng } from '../sample/random.ts';
import type { BgNbdParams } from './bgnbd.ts';
import type { GammaGammaParams } from './gammagamma.ts';
import type { ParetoNbdParams } from './paretonbd.ts';

export interface SimulatedRfm {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
}

/** Ages T: whole numbers between minT and maxT (purchase times are continuous). */
function ages(n: number, rng: Rng, minT: number, maxT: number): Float64Array {
  return Float64Array.from({ length: n }, () => rng.intBetween(minT, maxT));
}

export function simulateBgNbd(p: BgNbdParams, n: number, seed: number, minT = 200, maxT = 400): SimulatedRfm {
  const rng = new Rng(seed, 0xb6);
  const T = ages(n, rng, minT, maxT);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lambda = rng.gamma(p.r, 1 / p.alpha);
    const ga = rng.gamma(p.a);
    const dropout = ga / (ga + rng.gamma(p.b));
    let t = 0;
    for (;;) {
      t += rng.exponential(1 / lambda);
      if (t > T[i]!) break;
      x[i]!++;
      tx[i] = t;
      if (rng.uniform() < dropout) break;
    }
  }
  return { x, tx, T };
}

export function simulateParetoNbd(p: ParetoNbdParams, n: number, seed: number, minT = 200, maxT = 400): SimulatedRfm {
  const rng = new Rng(seed, 0x9b);
  const T = ages(n, rng, minT, maxT);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lambda = rng.gamma(p.r, 1 / p.alpha);
    const lifetime = rng.exponential(1 / rng.gamma(p.s, 1 / p.beta));
    const end = Math.min(lifetime, T[i]!);
    let t = 0;
    for (;;) {
      t += rng.exponential(1 / lambda);
      if (t > end) break;
      x[i]!++;
      tx[i] = t;
    }
  }
  return { x, tx, T };
}

/** Mean of x transaction values for each customer, values ~ Gamma(p, scale 1/nu), nu ~ Gamma(q, scale 1/gamma). */
export function simulateSpend(params: GammaGammaParams, x: Float64Array, seed: number): Float64Array {
  const rng = new Rng(seed, 0x66);
  return Float64Array.from(x, (count) => {
    const nu = rng.gamma(params.q, 1 / params.gamma);
    let sum = 0;
    for (let j = 0; j < count; j++) sum += rng.gamma(params.p, 1 / nu);
    return count > 0 ? sum / count : NaN;
  });
}
