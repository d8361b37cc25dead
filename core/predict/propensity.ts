// Propensity to buy from signals (the logistic model of the signals view) next to the counting
// model's expected purchases, judged on the same customers and the same outcome: who bought in
// the first N days after the calibration end. Trained N days earlier, so nothing from the
// holdout leaks into it.
import type { Db } from '../store/db.ts';
import type { JobHandle } from '../api/jobs.ts';
import { fitLogistic } from '../scoring/logistic.ts';
import { normaliseColumn } from '../scoring/normalise.ts';
import { auc, decileRates } from '../scoring/stats.ts';
import { DAY_MS } from '../signals/catalog.ts';
import { computeSignals, purchasedBetween } from '../signals/compute.ts';
import type { SignalFrame } from '../signals/frame.ts';
import type { RfmSummary } from './summary.ts';
import type { PropensityComparison } from './types.ts';

/** The logistic fit looks at this many customers at most (a fixed, evenly spread subset beyond that). */
const MAX_FIT_ROWS = 200_000;

function features(frame: SignalFrame): Float32Array[] {
  return frame.signals.map((s, j) => normaliseColumn(frame.values[j]!, s.direction, 'percentile', s.missing));
}

function every(n: number, max: number): Uint32Array {
  const step = Math.max(1, n / max);
  return Uint32Array.from({ length: Math.min(n, max) }, (_, i) => Math.floor(i * step));
}

/**
 * @param expectedInWindow the counting model's expected purchases in the window, per summary customer
 */
export function comparePropensity(db: Db, s: RfmSummary, expectedInWindow: Float64Array, days: number, job: JobHandle): PropensityComparison | null {
  const testAsOf = (s.calibrationEndDay + 1) * DAY_MS;
  const trainAsOf = testAsOf - days * DAY_MS;
  job.progress({ phase: 'Signals for the propensity model', done: 0, total: 2, unit: 'steps' });
  const train = computeSignals(db, { asOf: trainAsOf, withPrediction: false }, job);
  const trainY = purchasedBetween(db, train, trainAsOf, testAsOf);
  const positives = trainY.reduce((a, b) => a + b, 0);
  if (positives === 0 || positives === trainY.length) return null;
  const rows = every(train.customerIds.length, MAX_FIT_ROWS);
  const trainColumns = features(train).map((c) => Float32Array.from(rows, (i) => c[i]!));
  const fit = fitLogistic(trainColumns, Uint8Array.from(rows, (i) => trainY[i]!));

  job.progress({ phase: 'Signals for the propensity model', done: 1, total: 2, unit: 'steps' });
  const test = computeSignals(db, { asOf: testAsOf, withPrediction: false }, job);
  const testY = purchasedBetween(db, test, testAsOf, testAsOf + days * DAY_MS);
  const testColumns = features(test);
  const rowOf = new Map(test.customerIds.map((id, i) => [id, i]));
  // The counting model only knows customers who had bought by the calibration end: compare on those.
  const n = s.customerIds.length;
  const outcome = new Uint8Array(n);
  const logistic = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = rowOf.get(s.customerIds[k]!);
    if (i === undefined) continue;
    outcome[k] = testY[i]!;
    let z = fit.intercept;
    testColumns.forEach((c, j) => {
      const v = c[i]!;
      z += fit.coefficients[j]! * (v === v ? v : fit.means[j]!);
    });
    logistic[k] = z;
  }
  const buyers = outcome.reduce((a, b) => a + b, 0);
  return {
    days,
    customers: n,
    buyers,
    trainAsOf: new Date(trainAsOf).toISOString().slice(0, 10),
    auc: { countingModel: auc(expectedInWindow, outcome), signals: auc(logistic, outcome) },
    decileRates: { countingModel: decileRates(expectedInWindow, outcome), signals: decileRates(logistic, outcome) },
    converged: fit.converged,
  };
}
