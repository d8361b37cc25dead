// The latest usable prediction, kept in the workspace (workbench_settings 'prediction'): its
// scores then become signals — P(alive), expected purchases and CLV as of any signals date — so
// phases, clusters, rules and economics can use them like any other signal.
import { readSetting, writeSetting } from '../store/settings.ts';
import type { Db } from '../store/db.ts';
import { DAY_MS } from '../signals/catalog.ts';
import type { SignalFrame } from '../signals/frame.ts';
import type { SignalInfo } from '../signals/types.ts';
import type { GammaGammaParams } from './gammagamma.ts';
import { groupRfm } from './rfm.ts';
import { countingModel, scoreCustomers } from './scoring.ts';
import { summariseTransactions, type TimeUnit } from './summary.ts';
import type { PredictionSummary, PredictSettings } from './types.ts';

const KEY = 'prediction';

export interface StoredPrediction {
  savedAt: number;
  calibrationEnd: string;
  timeUnit: TimeUnit;
  model: 'bgnbd' | 'pareto-nbd';
  params: Record<string, number>;
  spend: GammaGammaParams | null;
  horizonDays: number;
  clv: PredictSettings['clv'];
}

export function savePrediction(db: Db, summary: PredictionSummary, settings: PredictSettings): StoredPrediction | null {
  if (summary.chosen === null) return null;
  const gg = summary.models.gammaGamma;
  const stored: StoredPrediction = {
    savedAt: Date.now(),
    calibrationEnd: summary.calibrationEnd,
    timeUnit: summary.timeUnit,
    model: summary.chosen,
    params: summary.chosen === 'bgnbd' ? summary.models.bgnbd.params : summary.models.paretoNbd.params,
    spend: gg && gg.problem === null ? (gg.params as unknown as GammaGammaParams) : null,
    horizonDays: settings.horizonDays,
    clv: settings.clv,
  };
  writeSetting(db, KEY, stored, stored.savedAt);
  return stored;
}

export function loadPrediction(db: Db): StoredPrediction | null {
  return (readSetting(db, KEY)?.value as StoredPrediction | undefined) ?? null;
}

const MODEL_NAMES = { bgnbd: 'BG/NBD', 'pareto-nbd': 'Pareto/NBD' } as const;

export function predictionSignals(stored: StoredPrediction | null): SignalInfo[] {
  if (!stored) return [];
  const source = `${MODEL_NAMES[stored.model]} fitted on purchases up to ${stored.calibrationEnd}, applied to each customer's purchases before the signals date. Customers who never purchased have no value.`;
  const base = { group: 'value' as const, missing: 'exclude' as const, windowDays: null, builtIn: true, defaultWeight: 0 };
  const signals: SignalInfo[] = [
    { ...base, id: 'p_alive', label: 'P(alive)', description: `Probability the customer still buys. ${source}`, unit: 'share', direction: 1 },
    { ...base, id: 'expected_purchases', label: `Expected purchases (${stored.horizonDays} d)`, description: `Expected purchases in the next ${stored.horizonDays} days. ${source}`, unit: 'count', direction: 1 },
  ];
  if (stored.spend) {
    signals.push({
      ...base,
      id: 'predicted_clv',
      label: `Predicted CLV (${stored.clv.months} mo)`,
      description: `Discounted margin over ${stored.clv.months} months (Gamma-Gamma spend, margin ${stored.clv.margin}, ${stored.clv.monthlyDiscount} per month). ${source}`,
      unit: 'money',
      direction: 1,
    });
  }
  return signals;
}

/** The prediction signals for the frame's customers (rows in frame order; NaN = never purchased before the as-of date). */
export function predictionColumns(db: Db, stored: StoredPrediction, frame: Pick<SignalFrame, 'asOf' | 'customerIds'>): Float64Array[] {
  const n = frame.customerIds.length;
  const columns = predictionSignals(stored).map(() => new Float64Array(new SharedArrayBuffer(n * 8)).fill(NaN));
  // The as-of instant is the start of a day: the purchases counted are those of the days before it.
  const s = summariseTransactions(db, Math.floor(frame.asOf / DAY_MS) - 1, null, stored.timeUnit);
  if (s.customerIds.length === 0) return columns;
  const scores = scoreCustomers(countingModel(stored.model, stored.params), stored.spend, s, groupRfm(s.x, s.tx, s.T), stored, 0);
  const sources = [scores.pAlive, scores.expected, ...(scores.clv ? [scores.clv] : [])];
  const row = new Map(s.customerIds.map((id, j) => [id, j]));
  for (let i = 0; i < n; i++) {
    const j = row.get(frame.customerIds[i]!);
    if (j !== undefined) sources.forEach((source, c) => (columns[c]![i] = source[j]!));
  }
  return columns;
}
