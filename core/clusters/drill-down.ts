// Exploring a live model: customers in two dimensions (PCA), members of a cluster or of a brushed
// selection, and why one customer sits where it does.
import { ApiError } from '../api/contract.ts';
import { indexOfCustomer } from '../signals/frame.ts';
import type { LiveClusters } from './fit.ts';
import { projectRows } from './projection.ts';
import { unscaleValue } from './scaling.ts';
import type { ClusterExplanation, ClusterMember, ClusterMemberPage, ClusterModel, ClusterProjection } from './types.ts';

export function projection(live: LiveClusters, maxPoints: number): ClusterProjection {
  // The fit already projected the default number of points in its worker.
  const view = live.projection.maxPoints === maxPoints ? live.projection.view : projectRows(live.matrix, live.labels, live.keys, live.signalIds, live.projection.seed, maxPoints);
  return { modelId: live.modelId, ...view };
}

function member(live: LiveClusters, row: number): ClusterMember {
  const frameRow = live.matrix.frameRows[row]!;
  return {
    row,
    customerId: live.frame.customerIds[frameRow]!,
    key: live.keys[live.labels[row]!]!,
    distance: Math.round(live.distances[row]! * 1e4) / 1e4,
    values: live.signalColumns.map((c) => {
      const v = c[frameRow]!;
      return v === v ? v : null;
    }),
  };
}

export function members(live: LiveClusters, args: { key?: number | undefined; rows?: number[] | undefined; offset: number; limit: number }): ClusterMemberPage {
  let rows: ArrayLike<number>;
  if (args.rows) {
    const bad = args.rows.find((r) => r >= live.matrix.n);
    if (bad !== undefined) throw new ApiError({ code: 'invalid-args', message: `Row ${bad} is not in this model (it has ${live.matrix.n} customers).` });
    rows = args.rows;
  } else if (args.key !== undefined) {
    const index = live.keys.indexOf(args.key);
    if (index < 0) throw new ApiError({ code: 'cluster-not-found', message: `Model ${live.modelId} has no cluster with key ${args.key}.` });
    live.membersByKey ??= new Map();
    let inCluster = live.membersByKey.get(args.key);
    if (!inCluster) {
      const list: number[] = [];
      for (let i = 0; i < live.labels.length; i++) if (live.labels[i] === index) list.push(i);
      // Nearest to the centroid first: the most typical members lead.
      list.sort((a, b) => live.distances[a]! - live.distances[b]! || a - b);
      inCluster = Int32Array.from(list);
      live.membersByKey.set(args.key, inCluster);
    }
    rows = inCluster;
  } else {
    throw new ApiError({ code: 'invalid-args', message: 'Give a cluster key or rows.' });
  }
  const page: ClusterMember[] = [];
  for (let i = args.offset; i < Math.min(rows.length, args.offset + args.limit); i++) page.push(member(live, rows[i]!));
  return { total: rows.length, offset: args.offset, rows: page };
}

/** A value in its signal's unit, as a sentence shows it ("12 days", "35%", "84.20"). */
export function formatInUnit(v: number | null, unit: string): string {
  if (v === null) return 'no value';
  const trim = (x: number, digits: number) => String(Number(x.toFixed(digits)));
  switch (unit) {
    case 'days':
      return `${trim(v, v >= 10 ? 0 : 1)} days`;
    case 'share':
      return `${trim(v * 100, 0)}%`;
    case 'money':
      return v.toFixed(2);
    case 'hour':
      return `${trim(v, 0)}h`;
    case 'count':
      return trim(v, 1);
    default:
      return trim(v, 2);
  }
}

function centroidValue(live: LiveClusters, cluster: number, t: number): number | null {
  const v = unscaleValue(live.scalings[t]!, live.centroids[cluster * live.matrix.d + t]!);
  return v === v ? Math.round(v * 1e4) / 1e4 : null;
}

export function explainCustomer(live: LiveClusters, model: ClusterModel, customerId: string): ClusterExplanation {
  const frameRow = indexOfCustomer(live.frame, customerId);
  const row = frameRow < 0 ? -1 : live.matrix.frameRows.indexOf(frameRow);
  if (row < 0) {
    throw new ApiError({
      code: 'customer-not-found',
      message: frameRow < 0 ? `There is no customer "${customerId}" as of ${model.asOf}.` : `Customer "${customerId}" was left out of this clustering: a chosen signal has no value for them.`,
    });
  }
  const { data, d } = live.matrix;
  const k = live.keys.length;
  const dist = Array.from({ length: k }, (_, j) => {
    let s = 0;
    for (let t = 0; t < d; t++) s += (data[row * d + t]! - live.centroids[j * d + t]!) ** 2;
    return { j, distance: Math.sqrt(s) };
  }).sort((a, b) => a.distance - b.distance);
  const own = dist[0]!.j;
  const other = dist[1]?.j ?? own;
  // A signal pulls towards the own centroid by how much closer the customer is to it there.
  const pulls = Array.from({ length: d }, (_, t) => {
    const x = data[row * d + t]!;
    return (x - live.centroids[other * d + t]!) ** 2 - (x - live.centroids[own * d + t]!) ** 2;
  });
  const positive = pulls.reduce((s, p) => s + Math.max(0, p), 0);
  const clusters = model.clusters;
  const reasons = pulls
    .map((p, t) => ({
      signal: live.signalIds[t]!,
      value: member(live, row).values[t] ?? null,
      // Where the centroids lie in the signal's unit: what the distance compares (a mean of the
      // members' raw values can disagree, as missing values are filled and outliers clipped).
      clusterMean: centroidValue(live, own, t),
      otherMean: centroidValue(live, other, t),
      pull: positive > 0 ? Math.round((Math.max(0, p) / positive) * 1000) / 1000 : 0,
    }))
    .filter((r) => r.pull > 0)
    .sort((a, b) => b.pull - a.pull)
    .slice(0, 4);
  const signalOf = (id: string) => model.signals.find((s) => s.id === id);
  const because = reasons
    .slice(0, 3)
    .map((r) => {
      const s = signalOf(r.signal);
      const f = (v: number | null) => formatInUnit(v, s?.unit ?? '');
      return `${s?.label ?? r.signal} (${f(r.value)}; the centre of “${clusters[own]!.name}” is at ${f(r.clusterMean)}, of “${clusters[other]!.name}” at ${f(r.otherMean)})`;
    })
    .join(', ');
  const text =
    k < 2
      ? `In “${clusters[own]!.name}”, the only cluster.`
      : `Closest to “${clusters[own]!.name}” (distance ${dist[0]!.distance.toFixed(2)}) rather than “${clusters[other]!.name}” (${dist[1]!.distance.toFixed(2)})` +
        (because ? `, mostly because of ${because}.` : '.');
  return {
    customerId,
    key: live.keys[own]!,
    distance: Math.round(dist[0]!.distance * 1e4) / 1e4,
    distances: dist.map((x) => ({ key: live.keys[x.j]!, distance: Math.round(x.distance * 1e4) / 1e4 })),
    reasons,
    text,
  };
}
