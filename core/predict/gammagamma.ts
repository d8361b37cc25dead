// Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"): a customer's transaction
// values ~ Gamma(p, nu), nu ~ Gamma(q, gamma). Fitted on repeat buyers' mean repeat-transaction
// value m over x repeat transactions.
import { gammaln } from './special.ts';
import { nelderMead, withinLogBounds, type MinimiseOptions } from './optimise.ts';
import type { FitResult } from './bgnbd.ts';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface SpendData {
  /** Repeat transactions (> 0). */
  x: Float64Array;
  /** Mean value of those transactions (> 0). */
  m: Float64Array;
}

export function gammaGammaLogLikelihood(params: GammaGammaParams, d: SpendData): number {
  const { p, q, gamma } = params;
  const lgQ = gammaln(q);
  const qLogGamma = q * Math.log(gamma);
  // The log-gamma terms depend on x alone (a small whole number): once per distinct x, not per
  // customer (at 10^6 repeat buyers that is the difference between minutes and seconds).
  const byX = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < d.x.length; i++) {
    const x = d.x[i]!;
    const m = d.m[i]!;
    const px = p * x;
    let gammas = byX.get(x);
    if (gammas === undefined) {
      gammas = gammaln(px + q) - gammaln(px) + px * Math.log(x);
      byX.set(x, gammas);
    }
    total += gammas - lgQ + qLogGamma + (px - 1) * Math.log(m) - (px + q) * Math.log(gamma + m * x);
  }
  return total;
}

const toParams = (v: number[]): GammaGammaParams => ({ p: Math.exp(v[0]!), q: Math.exp(v[1]!), gamma: Math.exp(v[2]!) });

export function fitGammaGamma(d: SpendData, start: GammaGammaParams = { p: 1, q: 1, gamma: 1 }, options: MinimiseOptions = {}): FitResult<GammaGammaParams> {
  const m = nelderMead(withinLogBounds((v) => -gammaGammaLogLikelihood(toParams(v), d)), [start.p, start.q, start.gamma].map(Math.log), options);
  return { params: toParams(m.x), logLikelihood: -m.fx, converged: m.converged, iterations: m.iterations, evaluations: m.evaluations };
}

/** Expected mean transaction value of a customer with x repeat transactions of mean m (eq. 5). */
export function gammaGammaExpectedValue(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, gamma } = params;
  if (x === 0 || !(m > 0)) return (p * gamma) / (q - 1);
  return ((gamma + m * x) * p) / (p * x + q - 1);
}
