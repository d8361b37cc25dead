// Agreement between two segmentations and how well each separates converters. Definitions follow
// scikit-learn (adjusted_rand_score; normalized_mutual_info_score with the arithmetic mean), so an
// analyst can check a figure in a notebook.
import { Rng } from '../sample/random.ts';
import type { Interval } from '../rules/types.ts';

export { adjustedRandFromTable } from '../clusters/agreement.ts';

/** Customers per (a, b) label pair; labels index the segments (0..ka-1, 0..kb-1). */
export function crossTable(a: Int32Array, b: Int32Array, ka: number, kb: number): number[][] {
  const flat = new Float64Array(ka * kb);
  for (let i = 0; i < a.length; i++) flat[a[i]! * kb + b[i]!]!++;
  return Array.from({ length: ka }, (_, r) => Array.from(flat.subarray(r * kb, r * kb + kb)));
}

const rowSums = (t: readonly (readonly number[])[]) => t.map((r) => r.reduce((s, v) => s + v, 0));
const colSums = (t: readonly (readonly number[])[]) => (t[0] ? t[0].map((_, j) => t.reduce((s, r) => s + r[j]!, 0)) : []);

function entropy(counts: readonly number[], n: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}

/**
 * Normalised mutual information, MI / mean(H(a), H(b)). As in scikit-learn: 1 when both sides
 * put everyone in one segment, 0 when the mutual information is 0.
 */
export function normalisedMutualInformation(table: readonly (readonly number[])[]): number {
  const rows = rowSums(table);
  const cols = colSums(table);
  const n = rows.reduce((s, v) => s + v, 0);
  const usedRows = rows.filter((v) => v > 0).length;
  const usedCols = cols.filter((v) => v > 0).length;
  if ((usedRows === 1 && usedCols === 1) || n === 0) return 1;
  let mi = 0;
  table.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v > 0) mi += (v / n) * Math.log((n * v) / (rows[i]! * cols[j]!));
    }),
  );
  if (mi <= 0) return 0;
  const normaliser = Math.max((entropy(rows, n) + entropy(cols, n)) / 2, Number.EPSILON);
  return mi / normaliser;
}

/** |A ∩ B| / |A ∪ B| for every pair of segments. */
export function jaccardTable(table: readonly (readonly number[])[]): number[][] {
  const rows = rowSums(table);
  const cols = colSums(table);
  return table.map((r, i) =>
    r.map((v, j) => {
      const union = rows[i]! + cols[j]! - v;
      return union > 0 ? v / union : 0;
    }),
  );
}

/**
 * AUC of the segment's conversion rate used as a score: the chance that a random converter sits
 * in a segment with a higher rate than a random non-converter's (same rate counts half).
 * positives[s], negatives[s]: converters and non-converters in segment s. NaN without both classes.
 * `scores` ranks the segments instead of their own rates (a bootstrap keeps the original ranking).
 */
export function segmentAuc(positives: ArrayLike<number>, negatives: ArrayLike<number>, scores?: ArrayLike<number>): number {
  const k = positives.length;
  const order: number[] = [];
  let P = 0;
  let Q = 0;
  for (let s = 0; s < k; s++) {
    P += positives[s]!;
    Q += negatives[s]!;
    if (positives[s]! + negatives[s]! > 0) order.push(s);
  }
  if (P === 0 || Q === 0) return NaN;
  const rate = scores ? (s: number) => scores[s]! : (s: number) => positives[s]! / (positives[s]! + negatives[s]!);
  order.sort((x, y) => rate(x) - rate(y));
  let below = 0;
  let wins = 0;
  for (let i = 0; i < order.length; ) {
    // Segments with the same rate form one tie block.
    let j = i;
    let pos = 0;
    let neg = 0;
    while (j < order.length && rate(order[j]!) === rate(order[i]!)) {
      pos += positives[order[j]!]!;
      neg += negatives[order[j]!]!;
      j++;
    }
    wins += pos * (below + 0.5 * neg);
    below += neg;
    i = j;
  }
  return wins / (P * Q);
}

export interface Separation {
  a: Interval;
  b: Interval;
  difference: Interval;
  combined: Interval;
  replicates: number;
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (pos - lo) * (sorted[hi]! - sorted[lo]!);
}

function interval(value: number, draws: Float64Array): Interval {
  const finite = Float64Array.from(draws.filter((v) => Number.isFinite(v))).sort();
  return { value, low: percentile(finite, 0.025), high: percentile(finite, 0.975) };
}

/**
 * AUCs of A, B and A×B (each segment's or cell's conversion rate as the score) with 95%
 * percentile intervals from a Poisson bootstrap over the
 * (a, b, converted) cells: each cell's count is redrawn as Poisson(count), which resamples
 * customers (Hanley & MacGibbon 2006) without touching 10^6 rows per replicate, and A and B
 * share every resample, so the interval of their difference is paired.
 * converters[i][j] / customers[i][j]: per (a segment, b segment) cell.
 */
export function separation(customers: readonly (readonly number[])[], converters: readonly (readonly number[])[], replicates: number, seed = 1): Separation {
  const ka = customers.length;
  const kb = customers[0]?.length ?? 0;
  const auc3 = (pos: Float64Array, neg: Float64Array, ranking?: { a: Float64Array; b: Float64Array; both: Float64Array }) => {
    const pa = new Float64Array(ka);
    const na = new Float64Array(ka);
    const pb = new Float64Array(kb);
    const nb = new Float64Array(kb);
    for (let i = 0; i < ka; i++) for (let j = 0; j < kb; j++) {
      const p = pos[i * kb + j]!;
      const q = neg[i * kb + j]!;
      pa[i]! += p;
      na[i]! += q;
      pb[j]! += p;
      nb[j]! += q;
    }
    return { a: segmentAuc(pa, na, ranking?.a), b: segmentAuc(pb, nb, ranking?.b), both: segmentAuc(pos, neg, ranking?.both), pa, na, pb, nb };
  };
  const rates = (p: Float64Array, q: Float64Array) => Float64Array.from(p, (v, i) => (v + q[i]! > 0 ? v / (v + q[i]!) : 0));
  const pos = new Float64Array(ka * kb);
  const neg = new Float64Array(ka * kb);
  for (let i = 0; i < ka; i++) for (let j = 0; j < kb; j++) {
    pos[i * kb + j] = converters[i]![j]!;
    neg[i * kb + j] = customers[i]![j]! - converters[i]![j]!;
  }
  const point = auc3(pos, neg);
  // Resamples keep the segments' original rates as the score: the interval is the sampling
  // uncertainty of this ranking's AUC, not of re-fitting rates on every resample (which is
  // optimistic and puts the point estimate at the interval's lower end).
  const ranking = { a: rates(point.pa, point.na), b: rates(point.pb, point.nb), both: rates(pos, neg) };
  const rng = new Rng(seed, 7);
  const draws = { a: new Float64Array(replicates), b: new Float64Array(replicates), d: new Float64Array(replicates), both: new Float64Array(replicates) };
  const p2 = new Float64Array(pos.length);
  const n2 = new Float64Array(neg.length);
  for (let r = 0; r < replicates; r++) {
    for (let c = 0; c < pos.length; c++) {
      p2[c] = rng.poisson(pos[c]!);
      n2[c] = rng.poisson(neg[c]!);
    }
    const x = auc3(p2, n2, ranking);
    draws.a[r] = x.a;
    draws.b[r] = x.b;
    draws.d[r] = x.a - x.b;
    draws.both[r] = x.both;
  }
  return {
    a: interval(point.a, draws.a),
    b: interval(point.b, draws.b),
    difference: interval(point.a - point.b, draws.d),
    combined: interval(point.both, draws.both),
    replicates,
  };
}
