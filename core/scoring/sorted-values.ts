// Helpers on sorted copies of a column. Sorting a Float64Array uses the engine's numeric sort
// (no comparator callback), which is what keeps 1M-value columns well under a second.

/** The non-missing (non-NaN) values of a column, sorted ascending, in a new array. */
export function sortedPresent(values: Float64Array): Float64Array {
  let present = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) present++;
  const sorted = new Float64Array(present);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === v) sorted[k++] = v;
  }
  return sorted.sort();
}

/** Number of entries strictly below x in an ascending array. */
export function countBelow(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of entries strictly above x in an ascending array. */
export function countAbove(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}

/**
 * Quantile q (0..1) of an ascending, non-empty array, interpolating linearly between the two
 * nearest ranks (the usual "type 7" definition, so the median of [1, 2, 3, 4] is 2.5).
 */
export function quantileSorted(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) throw new Error('quantileSorted: the array is empty');
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const fraction = position - below;
  const a = sorted[below]!;
  const b = sorted[above]!;
  return fraction === 0 ? a : a + (b - a) * fraction;
}

/**
 * The sum of the values the way SQLite's sum() adds doubles (Kahan-Babuska-Neumaier, 3.43+), so
 * a statistic the app computes from a sum is the same double the exported SQL computes from the
 * same values, whatever order the engine reads them in (the PostgreSQL export defines the same
 * aggregate, core/export/sql/layout.ts). SQLite also skips the correction when it is infinite;
 * that cannot happen with finite values of the sizes summed here.
 */
export function compensatedSum(values: ArrayLike<number>): number {
  let sum = 0;
  let error = 0;
  for (let i = 0; i < values.length; i++) {
    const r = values[i]!;
    const t = sum + r;
    error += Math.abs(sum) > Math.abs(r) ? sum - t + r : r - t + sum;
    sum = t;
  }
  return sum + error;
}
