// Scores from fitted models for customers summarised as of some date: P(alive), expected
// purchases over a horizon (and over the holdout), and discounted CLV with the spend model.
// Customers sharing (x, tx, T) are scored once.
import { bgnbdConditionalExpected, bgnbdExpected, bgnbdPAlive, type BgNbdParams } from './bgnbd.ts';
import { gammaGammaExpectedValue, type GammaGammaParams } from './gammagamma.ts';
import { paretoNbdConditionalExpected, paretoNbdExpected, paretoNbdPAlive, type ParetoNbdParams } from './paretonbd.ts';
import type { RfmData } from './rfm.ts';
import type { RfmSummary } from './summary.ts';
import { TIME_UNITS } from './summary.ts';
import type { PredictSettings } from './types.ts';

const DAYS_PER_MONTH = 365.25 / 12;

export interface CountingModel {
  pAlive(x: number, tx: number, T: number): number;
  conditional(t: number, x: number, tx: number, T: number): number;
  fromBirth(t: number): number;
}

export function countingModel(kind: 'bgnbd' | 'pareto-nbd', params: Record<string, number>): CountingModel {
  if (kind === 'bgnbd') {
    const p = params as unknown as BgNbdParams;
    return { pAlive: (x, tx, T) => bgnbdPAlive(p, x, tx, T), conditional: (t, x, tx, T) => bgnbdConditionalExpected(p, t, x, tx, T), fromBirth: (t) => bgnbdExpected(p, t) };
  }
  const p = params as unknown as ParetoNbdParams;
  return { pAlive: (x, tx, T) => paretoNbdPAlive(p, x, tx, T), conditional: (t, x, tx, T) => paretoNbdConditionalExpected(p, t, x, tx, T), fromBirth: (t) => paretoNbdExpected(p, t) };
}

export interface CustomerScores {
  pAlive: Float64Array;
  expected: Float64Array;
  /** Expected purchases over the holdout, when asked for. */
  holdout: Float64Array | null;
  clv: Float64Array | null;
}

export function scoreCustomers(
  model: CountingModel,
  spend: GammaGammaParams | null,
  s: RfmSummary,
  data: RfmData,
  settings: Pick<PredictSettings, 'horizonDays' | 'clv'>,
  holdoutDays: number,
): CustomerScores {
  const unitDays = TIME_UNITS[s.unit];
  const horizon = settings.horizonDays / unitDays;
  const holdoutLength = holdoutDays / unitDays;
  const groupAlive = new Float64Array(data.groups);
  const groupExpected = new Float64Array(data.groups);
  const groupHoldout = new Float64Array(data.groups);
  const groupDiscounted = new Float64Array(data.groups);
  for (let g = 0; g < data.groups; g++) {
    const [x, tx, T] = [data.x[g]!, data.tx[g]!, data.T[g]!];
    groupAlive[g] = model.pAlive(x, tx, T);
    groupExpected[g] = model.conditional(horizon, x, tx, T);
    if (holdoutLength > 0) groupHoldout[g] = model.conditional(holdoutLength, x, tx, T);
    if (spend) {
      // Expected purchases month by month, discounted to today.
      let previous = 0;
      let sum = 0;
      for (let h = 1; h <= settings.clv.months; h++) {
        const e = model.conditional((h * DAYS_PER_MONTH) / unitDays, x, tx, T);
        sum += (e - previous) / Math.pow(1 + settings.clv.monthlyDiscount, h);
        previous = e;
      }
      groupDiscounted[g] = sum;
    }
  }
  const of = data.groupOf;
  return {
    pAlive: Float64Array.from(of, (g) => groupAlive[g]!),
    expected: Float64Array.from(of, (g) => groupExpected[g]!),
    holdout: holdoutLength > 0 ? Float64Array.from(of, (g) => groupHoldout[g]!) : null,
    clv: spend
      ? Float64Array.from(of, (g, i) => Math.round(groupDiscounted[g]! * settings.clv.margin * gammaGammaExpectedValue(spend, s.x[i]!, s.monetary[i]!) * 100) / 100)
      : null,
  };
}
