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
import { assignNearest, kmeans } from './kmeans.ts';
import type { OutcomeRows } from '../signals/outcome.ts';
import { saveModel, type StoredModel } from './models.ts';
import { clusterName, uniqueNames } from './naming.ts';
import { clusterSizes, outcomes, PORTRAIT_SIGNALS, portraits, profiles, type Assignment } from './profile.ts';
import { buildMatrix, fitScaling, scaleValue, type ClusterMatrix, type SignalScaling } from './scaling.ts';
import { DEFAULT_PROJECTION_POINTS, projectRows } from './projection.ts';
import type { ClusterInfo, ClusterModel, ClusterProjection, ClusterSettings } from './types.ts';

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
  scalings: SignalScaling[];
  /** Each cluster's rows, nearest to the centroid first: computed on the first request for them, since the table pages through them. */
  membersByKey?: Map<number, Int32Array>;
  /** The projection the fit made, for that many points; other sizes are computed on request. */
  projection: { maxPoints: number; seed: number; view: Omit<ClusterProjection, 'modelId'> };
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
function previousLabels(previous: PreviousModel, frame: SignalFrame, frameRows: Int32Array): Int32Array | null {
  const columns = previous.scaling.map((s) => frame.values[frame.signals.findIndex((info) => info.id === s.id)] ?? null);
  if (columns.some((c) => c === null)) return null;
  const d = previous.scaling.length;
  const coords = new Float64Array(frameRows.length * d);
  frameRows.forEach((row, i) => previous.scaling.forEach((s, t) => (coords[i * d + t] = scaleValue(s, columns[t]![row]!))));
  const { labels } = assignNearest(coords, frameRows.length, d, previous.centroids, previous.centroids.length / d);
  for (let i = 0; i < frameRows.length; i++) if (coords[i * d] !== coords[i * d]) labels[i] = -1;
  return labels;
}

export interface Identity {
  key: number;
  continues: ClusterInfo['continues'];
  inherited: ClusterInfo | null;
}

function identities(nextKey: number, previous: PreviousModel | null, frame: SignalFrame, matrix: ClusterMatrix, fit: { centroids: Float64Array; labels: Int32Array }, k: number): Identity[] {
  let next = nextKey;
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
    return { key: before.key, continues: { modelId: previous.summary.modelId, key: before.key, name: before.name, overlap: sizesNew[j]! > 0 ? stayed[j]! / sizesNew[j]! : 0 }, inherited: before };
  });
}

/** Reorders clusters by size (largest first): centroids, labels and everything per cluster follow. */
function bySize(fit: { centroids: Float64Array; labels: Int32Array }, k: number, d: number, n: number): { centroids: Float64Array; labels: Int32Array } {
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) sizes[fit.labels[i]!]!++;
  const order = Array.from({ length: k }, (_, j) => j).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const rank = new Int32Array(k);
  order.forEach((j, r) => (rank[j] = r));
  const centroids = new Float64Array(k * d);
  order.forEach((j, r) => centroids.set(fit.centroids.subarray(j * d, j * d + d), r * d));
  return { centroids, labels: Int32Array.from(fit.labels, (l) => rank[l]!) };
}

/** What the worker tells about a fit: everything but what needs the customer ids or the database. */
export interface FitDescription {
  scalings: SignalScaling[];
  matrix: ClusterMatrix;
  /** Clusters by size, largest first; labels index into this order. */
  centroids: Float64Array;
  labels: Int32Array;
  distances: Float64Array;
  inertia: number;
  iterations: number;
  converged: boolean;
  fitMs: number;
  sizes: Float64Array;
  z: number[][];
  means: (number | null)[][];
  generatedNames: string[];
  identities: Identity[];
  projection: Omit<ClusterProjection, 'modelId'>;
}

/** The previous model as identity matching needs it. */
export type PreviousModel = Pick<StoredModel, 'scaling' | 'centroids'> & { summary: Pick<StoredModel['summary'], 'modelId' | 'clusters'> };

/**
 * Fit and describe, without customer ids or database: runs in the worker, so scaling, k-means,
 * profiles and identity matching (seconds at 10^6 customers) never hold up the thread that answers the UI.
 */
export function describeFit(
  frame: SignalFrame,
  settings: ClusterSettings,
  previous: PreviousModel | null,
  nextKey: number,
  onIteration?: (iteration: number) => void,
): FitDescription {
  const { scalings, matrix } = prepareMatrix(frame, settings);
  if (matrix.n < settings.k) {
    throw new ApiError({
      code: 'too-few-customers',
      message: `${matrix.n.toLocaleString('en-US')} customers can be clustered${matrix.dropped ? ` (${matrix.dropped.toLocaleString('en-US')} left out for missing values)` : ''}, fewer than the ${settings.k} clusters asked for.`,
    });
  }
  const started = performance.now();
  const fit = kmeans(matrix.data, matrix.n, matrix.d, { k: settings.k, seed: settings.seed, maxIterations: settings.maxIterations, ...(onIteration ? { onIteration } : {}) });
  const fitMs = Math.round(performance.now() - started);
  const k = settings.k;
  const { centroids, labels } = bySize(fit, k, matrix.d, matrix.n);
  const assignment: Assignment = { frame, frameRows: matrix.frameRows, labels, k };
  const sizes = clusterSizes(assignment);
  const { z, means } = profiles(assignment, scalings);
  const portrait = portraits(assignment, sizes);
  const infos = scalings.map((s) => frame.signals.find((x) => x.id === s.id)!);
  const ids = identities(nextKey, previous, frame, matrix, { centroids, labels }, k);
  return {
    scalings,
    matrix,
    centroids,
    labels,
    // Reordering by size renames clusters, it moves no point: the fit's distances still hold.
    distances: fit.distances,
    inertia: fit.inertia,
    iterations: fit.iterations,
    converged: fit.converged,
    fitMs,
    sizes,
    z,
    means,
    generatedNames: uniqueNames(Array.from({ length: k }, (_, j) => clusterName(portrait[j]!, infos, z[j]!))),
    identities: ids,
    projection: projectRows(matrix, labels, ids.map((id) => id.key), scalings.map((s) => s.id), settings.seed, DEFAULT_PROJECTION_POINTS),
  };
}

/** The signal columns a fit reads: the chosen ones, the previous model's, and those the names are made of. */
export function columnsForFit(settings: Pick<ClusterSettings, 'signals'>, previous: PreviousModel | null): string[] {
  return [...new Set([...settings.signals, ...(previous?.scaling.map((s) => s.id) ?? []), ...PORTRAIT_SIGNALS])];
}

/** Mean predicted CLV of each cluster's members with one, when a prediction's signals were computed. */
function clvPerCluster(a: Assignment): (number | null)[] | null {
  const column = columnOf(a.frame, 'predicted_clv');
  if (!column) return null;
  const sum = new Float64Array(a.k);
  const count = new Float64Array(a.k);
  for (let i = 0; i < a.labels.length; i++) {
    const v = column[a.frameRows[i]!]!;
    if (v !== v) continue;
    sum[a.labels[i]!]! += v;
    count[a.labels[i]!]!++;
  }
  return Array.from({ length: a.k }, (_, j) => (count[j]! > 0 ? Math.round((sum[j]! / count[j]!) * 100) / 100 : null));
}

/** Outcomes, ground truth, the stored model and the session's live state: on the thread that owns the database. */
export function assembleModel(
  db: Db,
  frame: SignalFrame,
  settings: ClusterSettings,
  fit: FitDescription,
  outcomeRows: OutcomeRows,
  previousModelId: number | null,
): { model: ClusterModel; live: LiveClusters } {
  const { scalings, matrix, centroids, labels, sizes, z, means } = fit;
  const k = settings.k;
  const assignment: Assignment = { frame, frameRows: matrix.frameRows, labels, k };
  const infos = scalings.map((s) => frame.signals.find((x) => x.id === s.id)!);

  // Outcome: what members did in the window after the as-of date, when the data reaches into it.
  const outcomeMs = settings.outcomeDays * DAY_MS;
  const newest = outcomeRows.newestEvent;
  let clusterOutcomes: ReturnType<typeof outcomes> | null = null;
  let outcome: ClusterModel['outcome'] = null;
  if (newest !== null && newest >= frame.asOf) {
    const bought = new Uint8Array(frame.customerIds.length);
    const revenue = new Float64Array(frame.customerIds.length);
    outcomeRows.ids.forEach((id, r) => {
      const row = indexOfCustomer(frame, id);
      if (row < 0) return;
      bought[row] = outcomeRows.bought[r]!;
      revenue[row] = outcomeRows.revenue[r]!;
    });
    clusterOutcomes = outcomes(assignment, sizes, bought, revenue);
    const all = outcomes({ ...assignment, labels: new Int32Array(matrix.n), k: 1 }, Float64Array.of(matrix.n), bought, revenue)[0]!;
    outcome = { days: settings.outcomeDays, complete: newest >= frame.asOf + outcomeMs - DAY_MS, baseRate: all.conversionRate, revenuePerCustomer: all.revenuePerCustomer };
  }

  const clv = clvPerCluster(assignment);
  const clusters: ClusterInfo[] = Array.from({ length: k }, (_, j) => {
    const id = fit.identities[j]!;
    const renamed = id.inherited?.renamed ?? false;
    return {
      key: id.key,
      name: renamed ? id.inherited!.name : fit.generatedNames[j]!,
      generatedName: fit.generatedNames[j]!,
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
      clvPerCustomer: clv?.[j] ?? null,
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
    previousModelId,
    evaluation: evaluateAgainstGroundTruth(db, assignment, clusters.map((c) => c.key)),
  };
  const modelId = saveModel(db, { summary, scaling: scalings, centroids });
  summary.modelId = modelId;
  return {
    model: { ...summary, live: true },
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
      scalings,
      projection: { maxPoints: DEFAULT_PROJECTION_POINTS, seed: settings.seed, view: fit.projection },
    },
  };
}
