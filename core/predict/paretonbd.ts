// Pareto/NBD (Schmittlein, Morrison & Colombo 1987), likelihood as derived in Fader & Hardie's
// note "Deriving an Expression for P(X(t) = x) Under the Pareto/NBD Model" (2005): purchases while
// alive ~ Poisson(lambda), lambda ~ Gamma(r, alpha); lifetime ~ Exponential(mu), mu ~ Gamma(s, beta).
// Computed in logs: (alpha + T)^(r+s+x) overflows for active customers.
import { gammaln, logAddExp } from './special.ts';
import { logIntegral } from './quadrature.ts';
import { nelderMead, withinLogBounds, type MinimiseOptions } from './optimise.ts';
import type { FitResult } from './bgnbd.ts';
import type { RfmData } from './rfm.ts';

export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/**
 * log of the "died between tx and T" part, the integral over the dropout time tau in (tx, T] of
 * s (alpha + tau)^-(r+x) (beta + tau)^-(s+1) (the constants are outside). The closed form needs
 * 2F1 at arguments near 1 whenever beta is many times alpha (common with days as the unit), where
 * its series needs millions of terms; the integrand is smooth, so Gauss-Legendre on a log-time
 * scale gives it to ~1e-12 (checked against the 2F1 form in paretonbd.test.ts).
 */
export function logDiedPart(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  if (!(T > tx)) return -Infinity;
  // tau = (m + tx) e^u - m: dtau = (m + tau) du, and the integrand is close to exponential in u.
  const m = Math.min(alpha, beta);
  const base = m + tx;
  const logS = Math.log(s);
  return logIntegral(
    (u) => {
      const tau = base * Math.exp(u) - m;
      return logS - (r + x) * Math.log(alpha + tau) - (s + 1) * Math.log(beta + tau) + Math.log(m + tau);
    },
    0,
    Math.log((m + T) / base),
  );
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
    const diedPart = logDiedPart(p, x, d.tx[g]!, T);
    total += d.count[g]! * (head + logAddExp(alivePart, diedPart));
  }
  return total;
}

const toParams = (v: number[]): ParetoNbdParams => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), s: Math.exp(v[2]!), beta: Math.exp(v[3]!) });

export function fitParetoNbd(d: RfmData, start: ParetoNbdParams = { r: 1, alpha: 1, s: 1, beta: 1 }, options: MinimiseOptions = {}): FitResult<ParetoNbdParams> {
  const m = nelderMead(withinLogBounds((v) => -paretoNbdLogLikelihood(toParams(v), d)), [start.r, start.alpha, start.s, start.beta].map(Math.log), options);
  return { params: toParams(m.x), logLikelihood: -m.fx, converged: m.converged, iterations: m.iterations, evaluations: m.evaluations };
}

/** P(alive at T | x, tx, T): the alive part's share of the likelihood. */
export function paretoNbdPAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const alivePart = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const diedPart = logDiedPart(p, x, tx, T);
  return Math.exp(alivePart - logAddExp(alivePart, diedPart));
}

/** Expected purchases in (T, T + t] given (x, tx, T) (Schmittlein et al. 1987, eq. 22). */
export function paretoNbdConditionalExpected(p: ParetoNbdParams, t: number, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const alive = paretoNbdPAlive(p, x, tx, T);
  return alive * ((r + x) * (beta + T)) / ((alpha + T) * (s - 1)) * (1 - Math.pow((beta + T) / (beta + T + t), s - 1));
}

/** Expected repeat purchases in (0, t] of a new customer (Schmittlein et al. 1987, eq. 17). */
export function paretoNbdExpected(p: ParetoNbdParams, t: number): number {
  const { r, alpha, s, beta } = p;
  if (t <= 0) return 0;
  return ((r * beta) / (alpha * (s - 1))) * (1 - Math.pow(beta / (beta + t), s - 1));
}
