// Pareto/NBD (Schmittlein, Morrison & Colombo 1987), likelihood as derived in Fader & Hardie's
// note "Deriving an Expression for P(X(t) = x) Under the Pareto/NBD Model" (2005): purchases while
// alive ~ Poisson(lambda), lambda ~ Gamma(r, alpha); lifetime ~ Exponential(mu), mu ~ Gamma(s, beta).
// Computed in logs: (alpha + T)^(r+s+x) overflows for active customers.
import { gammaln, hyp2f1, logAddExp } from './special.ts';
import { nelderMead } from './optimise.ts';
import type { FitResult } from './bgnbd.ts';
import type { RfmData } from './rfm.ts';

export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/** log of A0, the difference of two 2F1 terms at tx and T (tx <= T, so the first is the larger). */
function logA0(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const rsx = r + s + x;
  const [big, small, second] = alpha >= beta ? [alpha, beta, s + 1] : [beta, alpha, r + x];
  const f1 = hyp2f1(rsx, second, rsx + 1, (big - small) / (big + tx));
  const f2 = hyp2f1(rsx, second, rsx + 1, (big - small) / (big + T));
  const log1 = Math.log(f1) - rsx * Math.log(big + tx);
  const log2 = Math.log(f2) - rsx * Math.log(big + T);
  const ratio = Math.exp(log2 - log1);
  // Equal times (tx = T, e.g. a purchase on the calibration end day) make the two terms equal.
  return ratio >= 1 ? -Infinity : log1 + Math.log1p(-ratio);
}

export function paretoNbdLogLikelihood(p: ParetoNbdParams, d: RfmData): number {
  const { r, alpha, s, beta } = p;
  const lgR = gammaln(r);
  const base = r * Math.log(alpha) + s * Math.log(beta);
  let total = 0;
  for (let g = 0; g < d.groups; g++) {
    const x = d.x[g]!;
    const T = d.T[g]!;
    const head = gammaln(r + x) - lgR + base;
    const alivePart = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
    const diedPart = Math.log(s / (r + s + x)) + logA0(p, x, d.tx[g]!, T);
    total += d.count[g]! * (head + logAddExp(alivePart, diedPart));
  }
  return total;
}

const toParams = (v: number[]): ParetoNbdParams => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), s: Math.exp(v[2]!), beta: Math.exp(v[3]!) });

export function fitParetoNbd(d: RfmData, start: ParetoNbdParams = { r: 1, alpha: 1, s: 1, beta: 1 }): FitResult<ParetoNbdParams> {
  const m = nelderMead((v) => -paretoNbdLogLikelihood(toParams(v), d), [start.r, start.alpha, start.s, start.beta].map(Math.log));
  return { params: toParams(m.x), logLikelihood: -m.fx, converged: m.converged, iterations: m.iterations, evaluations: m.evaluations };
}

/** P(alive at T | x, tx, T): the alive part's share of the likelihood. */
export function paretoNbdPAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const alivePart = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const diedPart = Math.log(s / (r + s + x)) + logA0(p, x, tx, T);
  return Math.exp(alivePart - logAddExp(alivePart, diedPart));
}

/** Expected purchases in (T, T + t] given (x, tx, T) (Schmittlein et al. 1987, eq. 22). */
export function paretoNbdConditionalExpected(p: ParetoNbdParams, t: number, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const alive = paretoNbdPAlive(p, x, tx, T);
  return alive * ((r + x) * (beta + T)) / ((alpha + T) * (s - 1)) * (1 - Math.pow((beta + T) / (beta + T + t), s - 1));
}
