// Types and schemas of the purchase-prediction models (BG/NBD, Pareto/NBD, Gamma-Gamma). Part of
// the API contract (re-exported by core/api/contract.ts), so this file stays pure: zod and types.
import { z } from 'zod';

export const PREDICT_MODELS = ['auto', 'bgnbd', 'pareto-nbd'] as const;
export type PredictModelChoice = (typeof PREDICT_MODELS)[number];
export const PREDICT_TIME_UNITS = ['day', 'week'] as const;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const predictSettingsSchema = z
  .object({
    /** Last day of the calibration period (inclusive). */
    calibrationEnd: isoDay,
    /** Last day of the holdout; default: the last day with data. No holdout when the data ends at the calibration end. */
    holdoutEnd: isoDay.nullable().default(null),
    timeUnit: z.enum(PREDICT_TIME_UNITS).default('week'),
    /** auto: the counting model with the higher log-likelihood (both have four parameters). */
    model: z.enum(PREDICT_MODELS).default('auto'),
    /** Expected purchases are scored over this many days after the calibration end. */
    horizonDays: z.number().int().min(1).max(3650).default(90),
    clv: z
      .object({
        months: z.number().int().min(1).max(120).default(12),
        /** Discount rate per month, e.g. 0.01. */
        monthlyDiscount: z.number().min(0).max(1).default(0.01),
        /** Share of revenue that is margin. */
        margin: z.number().min(0).max(1).default(0.3),
      })
      .strict()
      .default({ months: 12, monthlyDiscount: 0.01, margin: 0.3 }),
  })
  .strict();
export type PredictSettings = z.output<typeof predictSettingsSchema>;
export type PredictSettingsIn = z.input<typeof predictSettingsSchema>;

export interface ModelFit {
  params: Record<string, number>;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  fitMs: number;
  /** Why the fit cannot be used (did not converge, too few repeat buyers); null when usable. */
  problem: string | null;
}

export interface Backtest {
  holdoutDays: number;
  actualTotal: number;
  predictedTotal: number;
  /** Mean absolute error of the expected holdout purchases per customer. */
  meanAbsoluteError: number;
  /** Cumulative repeat transactions week by week from the first customer's first purchase, actual vs expected. */
  tracking: { weekEnd: string[]; actual: number[]; predicted: number[]; calibrationWeeks: number };
  /** Mean holdout purchases by calibration repeat purchases (0..6, then 7+), actual vs expected. */
  byFrequency: { x: string; customers: number; actual: number; predicted: number }[];
  /** Customers in ten equal groups by expected purchases (1 = highest): actual mean and lift over the average. */
  deciles: { decile: number; customers: number; predicted: number; actual: number; lift: number }[];
}

/** Signals-based propensity (logistic) and the counting model, judged on who bought in the first `days` after the calibration end. */
export interface PropensityComparison {
  days: number;
  customers: number;
  buyers: number;
  /** The logistic model learned from signals as of this date and purchases in the `days` after it. */
  trainAsOf: string;
  auc: { countingModel: number; signals: number };
  /** Purchase rate per decile of each score (1 = highest), to compare lift. */
  decileRates: { countingModel: number[]; signals: number[] };
  converged: boolean;
}

export interface PredictionSummary {
  calibrationEnd: string;
  holdoutEnd: string | null;
  timeUnit: 'day' | 'week';
  customers: number;
  repeatBuyers: number;
  models: { bgnbd: ModelFit; paretoNbd: ModelFit; gammaGamma: ModelFit | null };
  /** The counting model the scores come from; null when neither converged. */
  chosen: 'bgnbd' | 'pareto-nbd' | null;
  /** Correlation of repeat frequency and mean repeat value; Gamma-Gamma assumes they are independent. */
  frequencyValueCorrelation: number | null;
  backtest: Backtest | null;
  /** Null without a holdout as long as the window, or when the window's outcome has only one class. */
  propensity: PropensityComparison | null;
  /** Mean P(alive) by repeat purchases (rows) and time of last purchase (columns) for a customer of the longest age. */
  aliveMatrix: { x: number[]; tx: number[]; T: number; pAlive: number[][] } | null;
  clv: { months: number; monthlyDiscount: number; margin: number; mean: number; median: number; total: number; histogram: { edges: number[]; counts: number[] } } | null;
  horizonDays: number;
  computedMs: number;
}

export interface CustomerPrediction {
  customerId: string;
  x: number;
  tx: number;
  T: number;
  pAlive: number;
  expectedPurchases: number;
  /** Predicted lifetime value over the CLV months (null without a usable spend model). */
  clv: number | null;
  /** Holdout purchases that actually happened (null without a holdout). */
  actual: number | null;
}

export interface CustomerPredictionPage {
  total: number;
  offset: number;
  rows: CustomerPrediction[];
}
