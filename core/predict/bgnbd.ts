// BG/NBD (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way"): purchases while
// alive follow a Poisson process with rate ~ Gamma(r, alpha); after each purchase the customer
// drops out with probability p ~ Beta(a, b). Fitted by maximum likelihood on log-parameters.
import { gammaln, hyp2f1 } from './special.ts';
import { nelderMead, withinLogBounds, type MinimiseOptions } from './optimise.ts';
import type { RfmData } from './rfm.ts';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Sum over customers of the log-likelihood (equation 6 of the paper). */
export function bgnbdLogLikelihood(p: BgNbdParams, d: RfmData): number {
  const { r, alpha, a, b } = p;
  // Terms that depend on x only: once per distinct x.
  const byX = new Float64Array(d.maxX + 1);
  const lgR = gammaln(r);
  const lgAB = gammaln(a + b);
  const lgB = gammaln(b);
  const rLogAlpha = r * Math.log(alpha);
  for (let x = 0; x <= d.maxX; x++) byX[x] = gammaln(r + x) - lgR + rLogAlpha + lgAB + gammaln(b + x) - lgB - gammaln(a + b + x);
  // log(alpha + t) once per distinct time, log(a / (b + x - 1)) once per x: measured at 10^6
  // customers (326k groups) this takes an evaluation from 43 to about 16 ms.
  const logTime = Float64Array.from(d.times, (t) => Math.log(alpha + t));
  const logA = Math.log(a);
  const dropX = Float64Array.from({ length: d.maxX + 1 }, (_, x) => (x > 0 ? logA - Math.log(b + x - 1) : 0));
  let total = 0;
  for (let g = 0; g < d.groups; g++) {
    const x = d.x[g]!;
    const A3 = -(r + x) * logTime[d.TIndex[g]!]!;
    let tail = A3;
    if (x > 0) {
      // log(exp(A3) + exp(A4)) with one exp.
      const A4 = dropX[x]! - (r + x) * logTime[d.txIndex[g]!]!;
      tail = Math.max(A3, A4) + Math.log1p(Math.exp(-Math.abs(A3 - A4)));
    }
    total += d.count[g]! * (byX[x]! + tail);
  }
  return total;
}

export interface FitResult<P> {
  params: P;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  evaluations: number;
}

const toParams = (v: number[]): BgNbdParams => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), a: Math.exp(v[2]!), b: Math.exp(v[3]!) });

export function fitBgNbd(d: RfmData, start: BgNbdParams = { r: 1, alpha: 1, a: 1, b: 1 }, options: MinimiseOptions = {}): FitResult<BgNbdParams> {
  const m = nelderMead(withinLogBounds((v) => -bgnbdLogLikelihood(toParams(v), d)), [start.r, start.alpha, start.a, start.b].map(Math.log), options);
  return { params: toParams(m.x), logLikelihood: -m.fx, converged: m.converged, iterations: m.iterations, evaluations: m.evaluations };
}

/** P(alive at T | x, tx, T) (equation 11). */
export function bgnbdPAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  return 1 / (1 + (p.a / (p.b + x - 1)) * Math.pow((p.alpha + T) / (p.alpha + tx), p.r + x));
}

/** Expected purchases in (T, T + t] of a customer with history (x, tx, T) (equation 10). */
export function bgnbdConditionalExpected(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const head = (a + b + x - 1) / (a - 1);
  const body = 1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z);
  const alive = x > 0 ? 1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x) : 1;
  return (head * body) / alive;
}

/** Expected repeat purchases in (0, t] of a new customer (equation 9). */
export function bgnbdExpected(p: BgNbdParams, t: number): number {
  const { r, alpha, a, b } = p;
  if (t <= 0) return 0;
  return ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
}
