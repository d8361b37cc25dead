// One prediction run: summarise purchases up to the calibration end, fit BG/NBD and Pareto/NBD
// (log-likelihoods side by side) and Gamma-Gamma, score every customer (P(alive), expected
// purchases, CLV) with the chosen model, and backtest on the holdout when the data has one.
// Results of a model that did not converge are refused, with the reason.
import type { Db } from '../store/db.ts';
import { ApiError } from '../api/contract.ts';
import { CancelledError, type JobHandle } from '../api/jobs.ts';
import { formatDay, parseAsOf } from '../signals/as-of.ts';
import { DAY_MS } from '../signals/catalog.ts';
import { histogram } from '../scoring/normalise.ts';
import { quantileSorted, sortedPresent } from '../scoring/sorted-values.ts';
import { backtest } from './backtest.ts';
import { fitBgNbd, type BgNbdParams, type FitResult } from './bgnbd.ts';
import { fitGammaGamma, type GammaGammaParams } from './gammagamma.ts';
import { fitParetoNbd, type ParetoNbdParams } from './paretonbd.ts';
import { atLogBound, LOG_BOUND } from './optimise.ts';
import { fitInStages, type FitOn } from './two-stage.ts';
import { countingModel, scoreCustomers, type CountingModel } from './scoring.ts';
import { comparePropensity } from './propensity.ts';
import { groupRfm, type RfmData } from './rfm.ts';
import { summariseTransactions, type RfmSummary } from './summary.ts';
import type { ModelFit, PredictionSummary, PredictSettings } from './types.ts';

/** Gamma-Gamma needs some repeat buyers to say anything about spend. */
const MIN_REPEAT_BUYERS = 20;
const MATRIX_X = 20;
const MATRIX_TX_BINS = 16;

export interface PredictionScores {
  customerIds: string[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  pAlive: Float64Array;
  expected: Float64Array;
  clv: Float64Array | null;
  actual: Float64Array | null;
}

/**
 * The Pareto/NBD's likelihood integrates over each group's dropout time (about 2.3 µs per group
 * and evaluation, measured): 41k groups took 31 s, 326k would take minutes. Above this many it
 * is fitted only when chosen explicitly; BG/NBD answers in seconds at any size.
 */
const PARETO_AUTO_GROUPS = 20_000;

function twoStage<P>(n: number, fitOn: FitOn<P>, job: JobHandle): FitResult<P> {
  const { first, full } = fitInStages(n, fitOn, {
    onIteration: () => {
      if (job.isCancelled()) throw new CancelledError();
    },
  });
  return first ? { ...full, iterations: first.iterations + full.iterations, evaluations: first.evaluations + full.evaluations } : full;
}

const pick = (values: Float64Array, rows: Uint32Array) => Float64Array.from(rows, (i) => values[i]!);

function timed<P>(fit: () => FitResult<P>): { result: FitResult<P>; ms: number } {
  const started = performance.now();
  const result = fit();
  return { result, ms: Math.round(performance.now() - started) };
}

/**
 * @param checkEdge refuse a fit that ran to the bounds. Not for BG/NBD: its a -> 0, b -> infinity
 *   limit is a meaningful model (no dropout: the NBD), seen on data where nobody seems to churn.
 */
function modelFit<P extends object>(f: { result: FitResult<P>; ms: number }, problem: string | null, checkEdge = true): ModelFit {
  const r = f.result;
  const edge = checkEdge ? atLogBound(r.params as Record<string, number>) : [];
  const why =
    problem ??
    (!r.converged
      ? `The fit did not converge in ${r.iterations} iterations, so its results are not shown.`
      : edge.length
        ? `The fit ran to the edge of the parameter space (${edge.join(', ')} near ${Math.exp(-LOG_BOUND).toExponential(0)} or ${Math.exp(LOG_BOUND).toExponential(0)}): the model does not describe this data, so its results are not shown.`
        : null);
  return { params: { ...r.params } as Record<string, number>, logLikelihood: r.logLikelihood, converged: r.converged, iterations: r.iterations, fitMs: f.ms, problem: why };
}

function correlation(a: number[], b: number[]): number | null {
  const n = a.length;
  if (n < 3) return null;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    ab += (a[i]! - ma) * (b[i]! - mb);
    aa += (a[i]! - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : null;
}

function holdoutEndDay(db: Db, settings: PredictSettings, calibrationEndDay: number): number | null {
  if (settings.holdoutEnd) {
    const day = parseAsOf(settings.holdoutEnd) / DAY_MS;
    if (day <= calibrationEndDay) throw new ApiError({ code: 'invalid-args', message: `The holdout must end after the calibration end (${settings.calibrationEnd}); got ${settings.holdoutEnd}.` });
    return day;
  }
  const newest = db.get<{ m: number | null }>("SELECT max(ts) AS m FROM events WHERE type = 'purchase'")?.m ?? null;
  const day = newest === null ? null : Math.floor(newest / DAY_MS);
  return day !== null && day > calibrationEndDay ? day : null;
}

function aliveMatrix(model: CountingModel, s: RfmSummary): PredictionSummary['aliveMatrix'] {
  let maxT = 0;
  let maxX = 0;
  for (let i = 0; i < s.T.length; i++) {
    if (s.T[i]! > maxT) maxT = s.T[i]!;
    if (s.x[i]! > maxX) maxX = s.x[i]!;
  }
  if (maxT === 0) return null;
  const xs = Array.from({ length: Math.min(maxX, MATRIX_X) + 1 }, (_, x) => x);
  const txs = Array.from({ length: MATRIX_TX_BINS + 1 }, (_, k) => Math.round(((maxT * k) / MATRIX_TX_BINS) * 100) / 100);
  return { x: xs, tx: txs, T: maxT, pAlive: xs.map((x) => txs.map((tx) => (x === 0 && tx > 0 ? NaN : model.pAlive(x, x === 0 ? 0 : tx, maxT))).map((v) => (Number.isNaN(v) ? -1 : v))) };
}

/** @param paretoAutoGroups above this many distinct histories the Pareto/NBD is fitted only when chosen (a parameter for tests). */
export function runPrediction(db: Db, settings: PredictSettings, job: JobHandle, paretoAutoGroups = PARETO_AUTO_GROUPS): { summary: PredictionSummary; scores: PredictionScores } {
  const started = performance.now();
  const calibrationEndDay = parseAsOf(settings.calibrationEnd) / DAY_MS;
  const holdoutEnd = holdoutEndDay(db, settings, calibrationEndDay);
  job.progress({ phase: 'Summarising purchases', done: 0, total: null, unit: 'steps' });
  const s = summariseTransactions(db, calibrationEndDay, holdoutEnd, settings.timeUnit);
  const n = s.customerIds.length;
  if (n === 0) throw new ApiError({ code: 'no-purchases', message: `No customer made a purchase on or before ${settings.calibrationEnd}: there is nothing to fit. Choose a later calibration end.` });
  const data: RfmData = groupRfm(s.x, s.tx, s.T);
  let repeatBuyers = 0;
  for (const v of s.x) if (v > 0) repeatBuyers++;
  const noRepeats = repeatBuyers === 0 ? `No customer bought again before ${settings.calibrationEnd}: the models learn from repeat purchases.` : null;

  job.progress({ phase: 'Fitting BG/NBD', done: 1, total: 4, unit: 'steps' });
  const rfmOf = (rows: Uint32Array | null) => (rows ? groupRfm(pick(s.x, rows), pick(s.tx, rows), pick(s.T, rows)) : data);
  const bg = timed(() => twoStage<BgNbdParams>(n, (rows, start, options) => fitBgNbd(rfmOf(rows), start, options), job));
  if (job.isCancelled()) throw new CancelledError();
  const bgFit = modelFit(bg, noRepeats, false);
  let pnFit: ModelFit;
  if (settings.model !== 'pareto-nbd' && data.groups > paretoAutoGroups) {
    pnFit = {
      params: {},
      logLikelihood: 0,
      converged: false,
      iterations: 0,
      fitMs: 0,
      problem: `Not fitted: with ${data.groups.toLocaleString('en-US')} distinct purchase histories it takes minutes (${paretoAutoGroups.toLocaleString('en-US')} or fewer are fitted by default). Choose Pareto/NBD as the model to fit it.`,
    };
  } else {
    job.progress({ phase: 'Fitting Pareto/NBD', done: 2, total: 4, unit: 'steps' });
    // Starting from the BG/NBD's purchase-rate estimates saves the Pareto/NBD (the slower fit) many steps.
    const pnStart = { r: bg.result.params.r, alpha: bg.result.params.alpha, s: 1, beta: bg.result.params.alpha };
    const pn = timed(() => twoStage<ParetoNbdParams>(n, (rows, start, options) => fitParetoNbd(rfmOf(rows), start ?? pnStart, options), job));
    pnFit = modelFit(pn, noRepeats);
  }

  const usable = { bgnbd: bgFit.problem === null, 'pareto-nbd': pnFit.problem === null };
  let chosen: 'bgnbd' | 'pareto-nbd' | null;
  if (settings.model === 'auto') chosen = usable.bgnbd && (!usable['pareto-nbd'] || bgFit.logLikelihood >= pnFit.logLikelihood) ? 'bgnbd' : usable['pareto-nbd'] ? 'pareto-nbd' : null;
  else chosen = usable[settings.model] ? settings.model : null;
  const model: CountingModel | null = chosen === null ? null : countingModel(chosen, chosen === 'bgnbd' ? bgFit.params : pnFit.params);

  // Spend: repeat buyers with a positive mean repeat value.
  job.progress({ phase: 'Fitting Gamma-Gamma', done: 3, total: 4, unit: 'steps' });
  const spenders = [...s.x.keys()].filter((i) => s.x[i]! > 0 && s.monetary[i]! > 0);
  let gg: ModelFit | null = null;
  let ggParams: GammaGammaParams | null = null;
  if (spenders.length >= MIN_REPEAT_BUYERS) {
    const x = Float64Array.from(spenders, (i) => s.x[i]!);
    const m = Float64Array.from(spenders, (i) => s.monetary[i]!);
    const fit = timed(() =>
      twoStage<GammaGammaParams>(spenders.length, (rows, start, options) => fitGammaGamma(rows ? { x: pick(x, rows), m: pick(m, rows) } : { x, m }, start, options), job),
    );
    const q = fit.result.params.q;
    gg = modelFit(fit, q > 1 ? null : `q = ${q.toFixed(3)} is not above 1, so the expected spend is unbounded: lifetime values are not shown.`);
    if (gg.problem === null) ggParams = fit.result.params;
  } else {
    gg = null;
  }

  job.progress({ phase: 'Scoring customers', done: 4, total: 4, unit: 'steps' });
  const scored = model ? scoreCustomers(model, ggParams, s, data, settings, holdoutEnd === null ? 0 : holdoutEnd - calibrationEndDay) : null;
  const pAlive = scored?.pAlive ?? new Float64Array(n).fill(NaN);
  const expected = scored?.expected ?? new Float64Array(n).fill(NaN);
  const clv = scored?.clv ?? null;
  const predictedHoldout = scored?.holdout ?? null;

  const clvSummary = (() => {
    if (!clv) return null;
    const sorted = sortedPresent(clv);
    const total = clv.reduce((a, b) => a + b, 0);
    return { ...settings.clv, mean: total / n, median: quantileSorted(sorted, 0.5), total, histogram: histogram(clv, 30) };
  })();

  const summary: PredictionSummary = {
    calibrationEnd: settings.calibrationEnd,
    holdoutEnd: holdoutEnd === null ? null : formatDay(holdoutEnd * DAY_MS),
    timeUnit: settings.timeUnit,
    customers: n,
    repeatBuyers,
    models: { bgnbd: bgFit, paretoNbd: pnFit, gammaGamma: gg },
    chosen,
    frequencyValueCorrelation: correlation(spenders.map((i) => s.x[i]!), spenders.map((i) => s.monetary[i]!)),
    backtest: model && predictedHoldout ? backtest(s, predictedHoldout, model.fromBirth) : null,
    propensity: model && holdoutEnd !== null && holdoutEnd - calibrationEndDay >= settings.horizonDays ? comparePropensity(db, s, expected, settings.horizonDays, job) : null,
    aliveMatrix: model ? aliveMatrix(model, s) : null,
    clv: clvSummary,
    horizonDays: settings.horizonDays,
    computedMs: Math.round(performance.now() - started),
  };
  return { summary, scores: { customerIds: s.customerIds, x: s.x, tx: s.tx, T: s.T, pAlive, expected, clv, actual: s.holdout } };
}
