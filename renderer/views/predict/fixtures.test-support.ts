// A small prediction summary for the Predict view's unit tests.
import type { ModelFit, PredictionSummary } from '../../../core/api/contract.ts';

export function fit(params: Record<string, number>, over: Partial<ModelFit> = {}): ModelFit {
  return { params, logLikelihood: -1000, converged: true, iterations: 40, fitMs: 12, problem: null, ...over };
}

export function summary(over: Partial<PredictionSummary> = {}): PredictionSummary {
  return {
    calibrationEnd: '2025-06-30',
    holdoutEnd: '2025-12-31',
    timeUnit: 'week',
    customers: 100,
    repeatBuyers: 40,
    models: {
      bgnbd: fit({ r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 }, { logLikelihood: -9582.4 }),
      paretoNbd: fit({ r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 }, { logLikelihood: -9595.0 }),
      gammaGamma: fit({ p: 6.25, q: 3.74, gamma: 15.4 }),
    },
    chosen: 'bgnbd',
    frequencyValueCorrelation: 0.11,
    propensity: null,
    backtest: {
      holdoutDays: 184,
      actualTotal: 100,
      predictedTotal: 110,
      meanAbsoluteError: 0.9,
      tracking: { weekEnd: ['2025-06-22', '2025-06-29', '2025-07-06'], actual: [1, 2, 4], predicted: [1, 2.5, 3.5], calibrationWeeks: 2 },
      byFrequency: [
        { x: '0', customers: 60, actual: 0.5, predicted: 0.6 },
        { x: '7+', customers: 40, actual: 1.75, predicted: 1.85 },
      ],
      deciles: [
        { decile: 1, customers: 50, predicted: 1.6, actual: 1.5, lift: 1.5 },
        { decile: 2, customers: 50, predicted: 0.6, actual: 0.5, lift: 0.5 },
      ],
    },
    aliveMatrix: { x: [0, 1], tx: [0, 10, 20], T: 20, pAlive: [[1, -1, -1], [0.2, 0.6, 0.95]] },
    clv: { months: 12, monthlyDiscount: 0.01, margin: 0.3, mean: 30, median: 20, total: 3000, histogram: { edges: [0, 10, 20, 40], counts: [10, 60, 30] } },
    horizonDays: 90,
    computedMs: 500,
    ...over,
  };
}
