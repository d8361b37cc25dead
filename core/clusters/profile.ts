// What each cluster looks like: sizes, the centroid profile in population z-scores, the members'
// mean of each signal in its own unit, their purchase portrait (for the generated name) and
// what they did after the as-of date.
import { quantileSorted, sortedPresent } from '../scoring/sorted-values.ts';
import { columnOf, type SignalFrame } from '../signals/frame.ts';
import type { MemberPortrait } from './naming.ts';
import type { SignalScaling } from './scaling.ts';
import type { ClusterOutcome } from './types.ts';

export interface Assignment {
  frame: SignalFrame;
  /** Frame row of each clustered customer. */
  frameRows: Int32Array;
  /** Cluster index of each clustered customer. */
  labels: Int32Array;
  k: number;
}

export function clusterSizes(a: Assignment): Float64Array {
  const sizes = new Float64Array(a.k);
  for (const l of a.labels) sizes[l]!++;
  return sizes;
}

/** Per cluster: z of the members' mean against all clustered customers, and the mean of present values. */
export function profiles(a: Assignment, scalings: readonly SignalScaling[]): { z: number[][]; means: (number | null)[][] } {
  const z = Array.from({ length: a.k }, () => new Array<number>(scalings.length).fill(0));
  const means = Array.from({ length: a.k }, () => new Array<number | null>(scalings.length).fill(null));
  scalings.forEach((s, t) => {
    const column = columnOf(a.frame, s.id)!;
    const imputedSum = new Float64Array(a.k);
    const presentSum = new Float64Array(a.k);
    const presentCount = new Float64Array(a.k);
    const count = new Float64Array(a.k);
    let total = 0;
    let totalSq = 0;
    for (let i = 0; i < a.labels.length; i++) {
      const raw = column[a.frameRows[i]!]!;
      const v = raw === raw ? raw : (s.impute ?? 0);
      const l = a.labels[i]!;
      imputedSum[l]! += v;
      count[l]!++;
      total += v;
      totalSq += v * v;
      if (raw === raw) {
        presentSum[l]! += raw;
        presentCount[l]!++;
      }
    }
    const n = a.labels.length;
    const mean = total / n;
    const sd = Math.sqrt(Math.max(0, totalSq / n - mean * mean));
    for (let j = 0; j < a.k; j++) {
      z[j]![t] = sd > 0 && count[j]! > 0 ? (imputedSum[j]! / count[j]! - mean) / sd : 0;
      means[j]![t] = presentCount[j]! > 0 ? presentSum[j]! / presentCount[j]! : null;
    }
  });
  return { z, means };
}

function valuesByCluster(a: Assignment, column: Float64Array | null, keep: (v: number) => boolean): Float64Array[] {
  const lists: number[][] = Array.from({ length: a.k }, () => []);
  if (column) {
    for (let i = 0; i < a.labels.length; i++) {
      const v = column[a.frameRows[i]!]!;
      if (v === v && keep(v)) lists[a.labels[i]!]!.push(v);
    }
  }
  return lists.map((l) => Float64Array.from(l));
}

/** Per cluster: z of the members' mean against all clustered customers with a value (0 without values). */
function memberMeanZ(a: Assignment, column: Float64Array | null): Float64Array {
  const z = new Float64Array(a.k);
  if (!column) return z;
  const sum = new Float64Array(a.k);
  const count = new Float64Array(a.k);
  let total = 0;
  let totalSq = 0;
  let n = 0;
  for (let i = 0; i < a.labels.length; i++) {
    const v = column[a.frameRows[i]!]!;
    if (v !== v) continue;
    sum[a.labels[i]!]! += v;
    count[a.labels[i]!]!++;
    total += v;
    totalSq += v * v;
    n++;
  }
  const mean = n ? total / n : 0;
  const sd = n ? Math.sqrt(Math.max(0, totalSq / n - mean * mean)) : 0;
  for (let j = 0; j < a.k; j++) z[j] = sd > 0 && count[j]! > 0 ? (sum[j]! / count[j]! - mean) / sd : 0;
  return z;
}

const medianOf = (values: Float64Array) => (values.length ? quantileSorted(sortedPresent(values), 0.5) : null);

const HABITS = ['evening_share_90d', 'mobile_share_90d', 'weekend_share_90d', 'desktop_shift_30d'] as const;

/** Built-in signals the portraits (and so the generated names) read. */
export const PORTRAIT_SIGNALS: readonly string[] = ['orders', 'days_since_purchase', 'days_since_active', ...HABITS];

/** Purchase portrait of every cluster from the built-in signals (present in every frame). */
export function portraits(a: Assignment, sizes: Float64Array): MemberPortrait[] {
  const orders = columnOf(a.frame, 'orders');
  const buyers = valuesByCluster(a, orders, (v) => v > 0);
  const recency = valuesByCluster(a, columnOf(a.frame, 'days_since_purchase'), () => true);
  const active = valuesByCluster(a, columnOf(a.frame, 'days_since_active'), () => true);
  const habitZ = HABITS.map((id) => memberMeanZ(a, columnOf(a.frame, id)));
  return Array.from({ length: a.k }, (_, j) => ({
    buyerShare: sizes[j]! > 0 ? buyers[j]!.length / sizes[j]! : 0,
    medianOrders: medianOf(buyers[j]!),
    medianDaysSincePurchase: medianOf(recency[j]!),
    medianDaysSinceActive: medianOf(active[j]!),
    habitZ: Object.fromEntries(HABITS.map((id, h) => [id, habitZ[h]![j]!])),
  }));
}

/** Conversion and revenue per cluster in the outcome window, from per-frame-row outcomes. */
export function outcomes(a: Assignment, sizes: Float64Array, bought: Uint8Array, revenue: Float64Array): ClusterOutcome[] {
  const converted = new Float64Array(a.k);
  const money = new Float64Array(a.k);
  for (let i = 0; i < a.labels.length; i++) {
    const row = a.frameRows[i]!;
    converted[a.labels[i]!]! += bought[row]!;
    money[a.labels[i]!]! += revenue[row]!;
  }
  return Array.from({ length: a.k }, (_, j) => ({
    converted: converted[j]!,
    conversionRate: sizes[j]! > 0 ? converted[j]! / sizes[j]! : 0,
    revenuePerCustomer: sizes[j]! > 0 ? Math.round((money[j]! / sizes[j]!) * 100) / 100 : 0,
  }));
}
