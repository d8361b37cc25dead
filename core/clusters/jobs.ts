// Worker-job entries of the cluster workbench. The coordinates arrive in a SharedArrayBuffer
// (no copy); what goes back is transferred. The thread that answers the UI never runs a fit.
import { CancelledError, type JobHandle } from '../api/jobs.ts';
import { Rng } from '../sample/random.ts';
import { readOutcomeRows, type OutcomeRows } from '../signals/outcome.ts';
import { openDatabase } from '../store/db.ts';
import { adjustedRandIndex, meanSilhouette, pairwiseDistances } from './agreement.ts';
import { kmeans, sampleIndices } from './kmeans.ts';
import { describeFit, type FitDescription, type PreviousModel } from './fit.ts';
import { DAY_MS } from '../signals/catalog.ts';
import type { SignalFrame } from '../signals/frame.ts';
import type { SignalInfo } from '../signals/types.ts';
import { recommendK } from './choose-k.ts';
import type { ClusterSettings, KCandidate, KRecommendation } from './types.ts';

export interface FitJobArgs {
  workspacePath: string;
  /** Epoch ms; the outcome window is [asOf, asOf + outcomeDays). */
  asOf: number;
  /** The signal columns the fit reads (see columnsForFit), in shared memory. */
  signals: SignalInfo[];
  values: Float64Array[];
  settings: ClusterSettings;
  previous: PreviousModel | null;
  /** The first key a cluster without a predecessor gets. */
  nextKey: number;
}

export interface FitJobResult {
  description: FitDescription;
  outcome: OutcomeRows;
  transferList: ArrayBuffer[];
}

function readOutcome(workspacePath: string, from: number, to: number): OutcomeRows {
  const db = openDatabase(workspacePath, { readonly: true, fileMustExist: true });
  try {
    return readOutcomeRows(db, from, to);
  } finally {
    db.close();
  }
}

export function fitJob(args: FitJobArgs, job: JobHandle): FitJobResult {
  const { settings } = args;
  const phase = `Fitting k-means (k = ${settings.k})`;
  job.progress({ phase, done: 0, total: settings.maxIterations, unit: 'iterations' });
  // The columns' rows are the session frame's rows; the ids stay with the session (not needed here).
  const frame: SignalFrame = { asOf: args.asOf, customerIds: [], signals: args.signals, values: args.values, computedMs: 0 };
  const description = describeFit(frame, settings, args.previous, args.nextKey, (iteration) => {
    if (job.isCancelled()) throw new CancelledError();
    job.progress({ phase, done: iteration, total: settings.maxIterations, unit: 'iterations' });
  });
  job.progress({ phase: 'Reading what customers did next', done: 0, total: null, unit: 'steps' });
  const outcome = readOutcome(args.workspacePath, args.asOf, args.asOf + settings.outcomeDays * DAY_MS);
  const { labels, distances, centroids, matrix } = description;
  return {
    description,
    outcome,
    // The coordinates are shared memory already; the rest is moved, not copied.
    transferList: [labels.buffer, distances.buffer, centroids.buffer, matrix.frameRows.buffer, outcome.bought.buffer, outcome.revenue.buffer] as ArrayBuffer[],
  };
}

export interface ChooseKJobArgs {
  data: Float64Array;
  n: number;
  d: number;
  kMin: number;
  kMax: number;
  seed: number;
}

/** Customers the k candidates are fitted on, and how many of those the silhouette compares pairwise. */
export const CHOOSE_K_SAMPLE = 50_000;
export const SILHOUETTE_SAMPLE = 3_000;
const STABILITY_SEEDS = 3;

export function chooseKJob(args: ChooseKJobArgs, job: JobHandle): KRecommendation {
  const { n, d, seed } = args;
  const rng = new Rng(seed, 0x636b);
  const rows = sampleIndices(n, CHOOSE_K_SAMPLE, rng);
  rows.sort();
  const m = rows.length;
  const sample = new Float64Array(m * d);
  rows.forEach((row, i) => sample.set(args.data.subarray(row * d, row * d + d), i * d));
  const silhouetteRows = sampleIndices(m, SILHOUETTE_SAMPLE, rng);
  const distances = pairwiseDistances(sample, d, silhouetteRows);
  const seeds = Array.from({ length: STABILITY_SEEDS }, (_, s) => seed + s);
  const kMax = Math.min(args.kMax, m - 1);
  const candidates: KCandidate[] = [];
  for (let k = args.kMin; k <= kMax; k++) {
    if (job.isCancelled()) throw new CancelledError();
    job.progress({ phase: `Trying k = ${k}`, done: k - args.kMin, total: kMax - args.kMin + 1, unit: 'steps' });
    const fits = seeds.map((s) => kmeans(sample, m, d, { k, seed: s }));
    let stability = 0;
    let pairs = 0;
    for (let a = 0; a < fits.length; a++) {
      for (let b = a + 1; b < fits.length; b++) {
        stability += adjustedRandIndex(fits[a]!.labels, fits[b]!.labels);
        pairs++;
      }
    }
    const labels = Int32Array.from(silhouetteRows, (r) => fits[0]!.labels[r]!);
    candidates.push({ k, inertiaPerCustomer: fits[0]!.inertia / m, silhouette: meanSilhouette(distances, labels, k), stability: pairs ? stability / pairs : 1 });
  }
  return { sampleSize: m, silhouetteSampleSize: silhouetteRows.length, seeds, ...recommendK(candidates, seeds.length) };
}
