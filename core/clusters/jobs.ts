// Worker-job entries of the cluster workbench. The coordinates arrive in a SharedArrayBuffer
// (no copy); what goes back is transferred. The thread that answers the UI never runs a fit.
import { CancelledError, type JobHandle } from '../api/jobs.ts';
import { Rng } from '../sample/random.ts';
import { openDatabase } from '../store/db.ts';
import { adjustedRandIndex, meanSilhouette, pairwiseDistances } from './agreement.ts';
import { kmeans, sampleIndices, type KMeansResult } from './kmeans.ts';
import { recommendK } from './choose-k.ts';
import type { KCandidate, KRecommendation } from './types.ts';

export interface FitJobArgs {
  data: Float64Array;
  n: number;
  d: number;
  k: number;
  seed: number;
  maxIterations: number;
  workspacePath: string;
  /** Epoch ms; the outcome window is [asOf, asOf + outcomeDays). */
  asOf: number;
  outcomeMs: number;
}

export interface OutcomeRows {
  ids: string[];
  bought: Uint8Array;
  revenue: Float64Array;
  newestEvent: number | null;
}

export interface FitJobResult extends Omit<KMeansResult, 'initMs' | 'iterateMs'> {
  fitMs: number;
  outcome: OutcomeRows;
  transferList: ArrayBuffer[];
}

function readOutcome(workspacePath: string, from: number, to: number): OutcomeRows {
  const db = openDatabase(workspacePath, { readonly: true, fileMustExist: true });
  try {
    const newestEvent = db.get<{ m: number | null }>('SELECT max(last_seen) AS m FROM customer_stats')?.m ?? null;
    const rows = db.all<{ customer_id: string; bought: number; revenue: number }>(
      `SELECT customer_id, max(type = 'purchase') AS bought,
              coalesce(sum(CASE WHEN type = 'purchase' THEN amount END), 0) - coalesce(sum(CASE WHEN type = 'return' THEN abs(amount) END), 0) AS revenue
       FROM events WHERE type IN ('purchase', 'return') AND ts >= ? AND ts < ? GROUP BY customer_id`,
      [from, to],
    );
    return { ids: rows.map((r) => r.customer_id), bought: Uint8Array.from(rows, (r) => r.bought), revenue: Float64Array.from(rows, (r) => r.revenue), newestEvent };
  } finally {
    db.close();
  }
}

export function fitJob(args: FitJobArgs, job: JobHandle): FitJobResult {
  const started = performance.now();
  job.progress({ phase: `Fitting k-means (k = ${args.k})`, done: 0, total: args.maxIterations, unit: 'iterations' });
  const fit = kmeans(args.data, args.n, args.d, {
    k: args.k,
    seed: args.seed,
    maxIterations: args.maxIterations,
    onIteration: (iteration) => {
      if (job.isCancelled()) throw new CancelledError();
      job.progress({ phase: `Fitting k-means (k = ${args.k})`, done: iteration, total: args.maxIterations, unit: 'iterations' });
    },
  });
  const fitMs = Math.round(performance.now() - started);
  job.progress({ phase: 'Reading what customers did next', done: 0, total: null, unit: 'steps' });
  const outcome = readOutcome(args.workspacePath, args.asOf, args.asOf + args.outcomeMs);
  return {
    centroids: fit.centroids,
    labels: fit.labels,
    distances: fit.distances,
    inertia: fit.inertia,
    iterations: fit.iterations,
    converged: fit.converged,
    fitMs,
    outcome,
    transferList: [fit.centroids.buffer, fit.labels.buffer, fit.distances.buffer, outcome.bought.buffer, outcome.revenue.buffer] as ArrayBuffer[],
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
