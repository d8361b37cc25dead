// Honest validation of phases and weights: signals as of a past date (nothing after it is used),
// outcomes from the purchases that followed. Suggested weights are fitted on one date and judged
// on a later, time-separated one, never on the rows they were fitted on.
import { fitLogistic } from '../scoring/logistic.ts';
import { PHASE_CODE } from '../scoring/phases.ts';
import { auc, decileRates, wilson } from '../scoring/stats.ts';
import { formatDay } from './as-of.ts';
import { DAY_MS } from './catalog.ts';
import type { FrameWithOutcome } from './compute.ts';
import { ScoringState } from './scoring-state.ts';
import { PHASES, type Phase, type PhaseBacktest, type RateWithInterval, type ScoringSettings, type WeightSuggestion } from './types.ts';

/** Rows used to fit the model; a seeded sample above this (Newton steps cost rows x signals^2). */
const MAX_FIT_ROWS = 200_000;

function rate(converted: number, customers: number, baseRate: number | null): RateWithInterval {
  const w = wilson(converted, customers);
  return { customers, converted, rate: w.rate, low: w.low, high: w.high, lift: baseRate ? w.rate / baseRate : null };
}

export function backtestPhases(frame: FrameWithOutcome, settings: ScoringSettings): PhaseBacktest {
  const converted = frame.converted!;
  const scored = new ScoringState(frame).score(settings);
  const customers = new Array<number>(PHASES.length).fill(0);
  const conversions = new Array<number>(PHASES.length).fill(0);
  let total = 0;
  for (let i = 0; i < scored.phase.length; i++) {
    const p = scored.phase[i]!;
    customers[p]!++;
    conversions[p]! += converted[i]!;
    total += converted[i]!;
  }
  const base = rate(total, scored.phase.length, null);
  const phases = Object.fromEntries(PHASES.map((p) => [p, rate(conversions[PHASE_CODE[p]]!, customers[PHASE_CODE[p]]!, base.rate)])) as Record<Phase, RateWithInterval>;
  base.lift = 1;
  const funnel = (['orientation', 'consideration', 'decision'] as const).filter((p) => phases[p].customers > 0);
  const disordered: string[] = [];
  for (let k = 1; k < funnel.length; k++) {
    const lower = funnel[k - 1]!;
    const higher = funnel[k]!;
    if (phases[higher].rate <= phases[lower].rate) {
      disordered.push(`${higher} converts ${pct(phases[higher].rate)} but ${lower} ${pct(phases[lower].rate)}`);
    }
  }
  const end = frame.asOf + settings.outcomeDays * DAY_MS;
  const windowComplete = frame.newestEvent !== null && frame.newestEvent >= end - DAY_MS;
  const warnings = [
    disordered.length ? `Phases are not ordered: ${disordered.join('; ')}. Adjust the weights or thresholds (or suggest weights).` : null,
    windowComplete ? null : `The data ends before ${formatDay(end)}: conversions after that are not known yet, so these rates are too low.`,
  ].filter(Boolean);
  return {
    asOf: formatDay(frame.asOf),
    outcomeDays: settings.outcomeDays,
    windowComplete,
    baseRate: base,
    phases,
    ordered: disordered.length === 0,
    warning: warnings.length ? warnings.join(' ') : null,
  };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** Seeded choice of row indices (a fixed seed: the same workspace gives the same suggestion). */
function sampleRows(n: number, max: number): Uint32Array {
  const all = Uint32Array.from({ length: n }, (_, i) => i);
  if (n <= max) return all;
  let seed = 0x9e3779b9;
  for (let i = 0; i < max; i++) {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    const j = i + (seed % (n - i));
    const t = all[i]!;
    all[i] = all[j]!;
    all[j] = t;
  }
  return all.slice(0, max).sort();
}

/** Thresholds under which `score` puts as many non-retained customers in each phase as `phases` did. */
function matchingThresholds(score: Float32Array, phases: Uint8Array): { consideration: number; decision: number } {
  const funnel: number[] = [];
  let decision = 0;
  let consideration = 0;
  for (let i = 0; i < score.length; i++) {
    const p = phases[i]!;
    if (p === PHASE_CODE.retention) continue;
    funnel.push(score[i]!);
    if (p === PHASE_CODE.decision) decision++;
    else if (p === PHASE_CODE.consideration) consideration++;
  }
  if (funnel.length === 0) return { consideration: 0, decision: 0 };
  funnel.sort((a, b) => b - a);
  const at = (k: number) => (k <= 0 ? 100 : Math.round(funnel[Math.min(k, funnel.length) - 1]! * 10) / 10);
  const d = at(decision);
  return { consideration: Math.min(d, at(decision + consideration)), decision: d };
}

function scaleToSliders(coefficients: number[]): number[] {
  const biggest = Math.max(...coefficients.map(Math.abs));
  if (!(biggest > 0)) return coefficients.map(() => 0);
  return coefficients.map((c) => Math.round((100 * c) / biggest));
}

export function suggestWeights(train: FrameWithOutcome, holdout: FrameWithOutcome, settings: ScoringSettings): WeightSuggestion {
  const trainState = new ScoringState(train);
  const features = trainState.normalised(settings.normalisation).columns;
  const rows = sampleRows(train.customerIds.length, MAX_FIT_ROWS);
  const pick = (column: Float32Array) => Float32Array.from(rows, (i) => column[i]!);
  const y = Uint8Array.from(rows, (i) => train.converted![i]!);
  const fit = fitLogistic(
    features.map((c) => pick(c)),
    y,
  );
  const sliders = scaleToSliders(fit.coefficients);
  const weights = Object.fromEntries(train.signals.map((s, j) => [s.id, sliders[j]!]).filter(([, w]) => w !== 0));
  const current = Object.fromEntries(Object.entries(settings.weights).filter(([, w]) => w !== 0));
  // The same signals with the same signs, all equally strong (as the view's "Equal weights" button).
  const equal = Object.fromEntries(Object.entries(current).map(([id, w]) => [id, Math.sign(w)]));

  const holdoutState = new ScoringState(holdout);
  const holdoutScore = (w: Record<string, number>) => holdoutState.score({ ...settings, weights: w }).score.slice();
  const currentPhases = holdoutState.score({ ...settings, weights: current }).phase.slice();
  const suggested = holdoutScore(weights);
  const currentScore = holdoutScore(current);
  const equalScore = holdoutScore(equal);
  const trainScore = trainState.score({ ...settings, weights }).score;
  const positives = (y: Uint8Array) => y.reduce((a, b) => a + b, 0);
  const holdoutPositives = positives(holdout.converted!);
  return {
    trainAsOf: formatDay(train.asOf),
    holdoutAsOf: formatDay(holdout.asOf),
    outcomeDays: settings.outcomeDays,
    trainCustomers: train.customerIds.length,
    holdoutCustomers: holdout.customerIds.length,
    trainPositives: positives(train.converted!),
    holdoutPositives,
    intercept: fit.intercept,
    coefficients: train.signals.map((s, j) => ({ signalId: s.id, label: s.label, coefficient: fit.coefficients[j]!, weight: sliders[j]! })),
    weights,
    thresholds: matchingThresholds(suggested, currentPhases),
    auc: {
      trainSuggested: auc(trainScore, train.converted!),
      holdoutSuggested: auc(suggested, holdout.converted!),
      holdoutCurrent: auc(currentScore, holdout.converted!),
      holdoutEqual: auc(equalScore, holdout.converted!),
    },
    lift: {
      suggested: decileRates(suggested, holdout.converted!),
      current: decileRates(currentScore, holdout.converted!),
      equal: decileRates(equalScore, holdout.converted!),
      baseRate: holdout.customerIds.length ? holdoutPositives / holdout.customerIds.length : 0,
    },
  };
}
