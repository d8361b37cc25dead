// One clustering from start to stored model: scale the chosen signals, fit in a worker, then
// describe the clusters (sizes, profile, names, outcome), carry identities over from the previous
// model, evaluate against ground truth where it exists, and store the model.
import { ApiError } from '../api/contract.ts';
import type { Db } from '../store/db.ts';
import { formatDay } from '../signals/as-of.ts';
import { DAY_MS } from '../signals/catalog.ts';
import { columnOf, indexOfCustomer, type SignalFrame } from '../signals/frame.ts';
import { evaluateAgainstGroundTruth } from './evaluation.ts';
import { carriedCentroids, colourOfKey, matchCentroids } from './identity.ts';
import { assignNearest } from './kmeans.ts';
import type { FitJobResult } from './jobs.ts';
import { loadModel, maxKey, saveModel, type StoredModel } from './models.ts';
import { clusterName, uniqueNames } from './naming.ts';
import { clusterSizes, outcomes, portraits, profiles, type Assignment } from './profile.ts';
import { buildMatrix, fitScaling, scaleValue, type ClusterMatrix, type SignalScaling } from './scaling.ts';
import type { ClusterInfo, ClusterModel, ClusterSettings } from './types.ts';

/** What the session keeps of a fitted model for drill-down: assignments and coordinates. */
export interface LiveClusters {
  modelId: number;
  frame: SignalFrame;
  matrix: ClusterMatrix;
  labels: Int32Array;
  distances: Float64Array;
  centroids: Float64Array;
  keys: number[];
  signalIds: string[];
  /** Raw frame columns of the model's signals, in model order. */
  signalColumns: Float64Array[];
}

export function prepareMatrix(frame: SignalFrame, settings: Pick<ClusterSettings, 'signals' | 'weights' | 'scaling' | 'missing'>): { scalings: SignalScaling[]; matrix: ClusterMatrix } {
  const unknown = settings.signals.filter((id) => !frame.signals.some((s) => s.id === id));
  if (unknown.length) {
    throw new ApiError({ code: 'unknown-signal', message: `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not among the computed signals. Compute signals again, or choose others.` });
  }
  const scalings = settings.signals.map((id) => {
    const j = frame.signals.findIndex((s) => s.id === id);
    return fitScaling(frame.signals[j]!, frame.values[j]!, settings.scaling, settings.missing, settings.weights[id] ?? 1);
  });
  return { scalings, matrix: buildMatrix(frame, scalings) };
}

/** The previous model's cluster (index) of each clustered customer today, or -1 when its signals are missing. */
function previousLabels(previous: StoredModel, frame: SignalFrame, frameRows: Int32Array): Int32Array | null {
  const columns = previous.scaling.map((s) => frame.values[frame.signals.findIndex((info) => info.id === s.id)] ?? null);
  if (columns.some((c) => c === null)) return null;
  const d = previous.scaling.length;
  const coords = new Float64Array(frameRows.length * d);
  frameRows.forEach((row, i) => previous.scaling.forEach((s, t) => (coords[i * d + t] = scaleValue(s, columns[t]![row]!))));
  const { labels } = assignNearest(coords, frameRows.length, d, previous.centroids, previous.centroids.length / d);
  for (let i = 0; i < frameRows.length; i++) if (coords[i * d] !== coords[i * d]) labels[i] = -1;
  return labels;
}

interface Identity {
  key: number;
  continues: ClusterInfo['continues'];
  inherited: ClusterInfo | null;
}

function identities(db: Db, previous: StoredModel | null, frame: SignalFrame, matrix: ClusterMatrix, fit: { centroids: Float64Array; labels: Int32Array }, k: number): Identity[] {
  let next = maxKey(db) + 1;
  const fresh = (): Identity => ({ key: next++, continues: null, inherited: null });
  const old = previous ? previousLabels(previous, frame, matrix.frameRows) : null;
  if (!previous || !old) return Array.from({ length: k }, fresh);
  const kOld = previous.summary.clusters.length;
  const known = old.map((l) => (l < 0 ? 0 : l));
  const { centroids: carried, sizes } = carriedCentroids(matrix.data, matrix.n, matrix.d, Int32Array.from(known), kOld);
  const pairs = new Map(matchCentroids(fit.centroids, carried, matrix.d).filter(([, j]) => sizes[j]! > 0));
  const sizesNew = new Float64Array(k);
  const stayed = new Float64Array(k);
  for (let i = 0; i < matrix.n; i++) {
    const j = fit.labels[i]!;
    sizesNew[j]!++;
    if (pairs.get(j) === old[i]) stayed[j]!++;
  }
  return Array.from({ length: k }, (_, j) => {
    const o = pairs.get(j);
    if (o === undefined) return fresh();
    const before = previous.summary.clusters[o]!;
    return { key: before.key, continues: { modelId: previous.summary.modelId, key: before.key, overlap: sizesNew[j]! > 0 ? stayed[j]! / sizesNew[j]! : 0 }, inherited: before };
  });
}

/** Reorders clusters by size (largest first): centroids, labels and everything per cluster follow. */
function bySize(fit: FitJobResult, k: number, d: number, n: number): { centroids: Float64Array; labels: Int32Array } {
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) sizes[fit.labels[i]!]!++;
  const order = Array.from({ length: k }, (_, j) => j).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const rank = new Int32Array(k);
  order.forEach((j, r) => (rank[j] = r));
  const centroids = new Float64Array(k * d);
  order.forEach((j, r) => centroids.set(fit.centroids.subarray(j * d, j * d + d), r * d));
  return { centroids, labels: Int32Array.from(fit.labels, (l) => rank[l]!) };
}

export function buildModel(
  db: Db,
  frame: SignalFrame,
  settings: ClusterSettings,
  prepared: { scalings: SignalScaling[]; matrix: ClusterMatrix },
  fit: FitJobResult,
): { model: ClusterModel; live: LiveClusters } {
  const { scalings, matrix } = prepared;
  const k = settings.k;
  const { centroids, labels } = bySize(fit, k, matrix.d, matrix.n);
  const assignment: Assignment = { frame, frameRows: matrix.frameRows, labels, k };
  const sizes = clusterSizes(assignment);
  const { z, means } = profiles(assignment, scalings);
  const portrait = portraits(assignment, sizes);
  const infos = scalings.map((s) => frame.signals.find((x) => x.id === s.id)!);

  // Outcome: what members did in the window after the as-of date, when the data reaches into it.
  const outcomeMs = settings.outcomeDays * DAY_MS;
  const newest = fit.outcome.newestEvent;
  let clusterOutcomes: ReturnType<typeof outcomes> | null = null;
  let outcome: ClusterModel['outcome'] = null;
  if (newest !== null && newest >= frame.asOf) {
    const bought = new Uint8Array(frame.customerIds.length);
    const revenue = new Float64Array(frame.customerIds.length);
    fit.outcome.ids.forEach((id, r) => {
      const row = indexOfCustomer(frame, id);
      if (row < 0) return;
      bought[row] = fit.outcome.bought[r]!;
      revenue[row] = fit.outcome.revenue[r]!;
    });
    clusterOutcomes = outcomes(assignment, sizes, bought, revenue);
    const all = outcomes({ ...assignment, labels: new Int32Array(matrix.n), k: 1 }, Float64Array.of(matrix.n), bought, revenue)[0]!;
    outcome = { days: settings.outcomeDays, complete: newest >= frame.asOf + outcomeMs - DAY_MS, baseRate: all.conversionRate, revenuePerCustomer: all.revenuePerCustomer };
  }

  const previous = loadModel(db);
  const ids = identities(db, previous, frame, matrix, { centroids, labels }, k);
  const generated = uniqueNames(Array.from({ length: k }, (_, j) => clusterName(portrait[j]!, infos, z[j]!)));
  const clusters: ClusterInfo[] = Array.from({ length: k }, (_, j) => {
    const id = ids[j]!;
    const renamed = id.inherited?.renamed ?? false;
    return {
      key: id.key,
      name: renamed ? id.inherited!.name : generated[j]!,
      generatedName: generated[j]!,
      renamed,
      colour: colourOfKey(id.key),
      size: sizes[j]!,
      share: matrix.n > 0 ? sizes[j]! / matrix.n : 0,
      profile: z[j]!.map((v) => Math.round(v * 1000) / 1000),
      means: means[j]!,
      distinguishing: z[j]!
        .map((v, t) => ({ signal: scalings[t]!.id, z: Math.round(v * 100) / 100 }))
        .sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
        .slice(0, 3),
      outcome: clusterOutcomes?.[j] ?? null,
      clvPerCustomer: null,
      continues: id.continues,
    };
  });

  const summary: Omit<ClusterModel, 'live'> = {
    modelId: 0,
    createdAt: Date.now(),
    asOf: formatDay(frame.asOf),
    settings,
    signals: infos.map((s) => ({ id: s.id, label: s.label, unit: s.unit })),
    customers: frame.customerIds.length,
    clustered: matrix.n,
    dropped: matrix.dropped,
    iterations: fit.iterations,
    converged: fit.converged,
    inertia: fit.inertia,
    fitMs: fit.fitMs,
    outcome,
    clusters,
    previousModelId: previous?.summary.modelId ?? null,
    evaluation: evaluateAgainstGroundTruth(db, assignment, clusters.map((c) => c.key)),
  };
  const modelId = saveModel(db, { summary, scaling: scalings, centroids });
  summary.modelId = modelId;
  return {
    model: { ...summary, live: true },
    // Reordering by size renames clusters, it moves no point: the fit's distances still hold.
    live: {
      modelId,
      frame,
      matrix,
      labels,
      distances: fit.distances,
      centroids,
      keys: clusters.map((c) => c.key),
      signalIds: scalings.map((s) => s.id),
      signalColumns: scalings.map((s) => columnOf(frame, s.id)!),
    },
  };
}
