// Raw signal columns -> intent on 0..1 (1 = most intent), plus the summaries the signal view shows.
// Input columns are Float64Array with NaN for "no value"; values are expected to be finite otherwise.
import { compensatedSum, countAbove, countBelow, quantileSorted, sortedPresent } from './sorted-values.ts';

export type Normalisation = 'percentile' | 'robust-z';

/** 1.4826 * MAD estimates the standard deviation of normally distributed data. */
const MAD_TO_SD = 1.4826;
/** sqrt(pi/2) * mean absolute deviation estimates the standard deviation of normal data too. */
const MEAN_ABS_DEV_TO_SD = Math.sqrt(Math.PI / 2);
const Z_CLIP = 3;

export function normaliseColumn(values: Float64Array, direction: 1 | -1, method: Normalisation, missing: 'worst' | 'exclude'): Float32Array {
  const out = new Float32Array(values.length);
  const sorted = sortedPresent(values);
  if (method === 'percentile') fillPercentile(values, sorted, direction, out);
  else fillRobustZ(values, sorted, direction, out);
  const missingValue = missing === 'worst' ? 0 : NaN;
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) out[i] = missingValue;
  return out;
}

/**
 * Share of customers (with a value) whose value shows strictly less intent. Ties share one value,
 * so the most common "nothing" (zero page views) maps to 0 rather than to the middle of its tie.
 */
function fillPercentile(values: Float64Array, sorted: Float64Array, direction: 1 | -1, out: Float32Array): void {
  const n = sorted.length;
  if (n === 0) return;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    out[i] = (direction === 1 ? countBelow(sorted, v) : countAbove(sorted, v)) / n;
  }
}

/**
 * The centre and spread robust-z uses, from the ascending non-missing values of a column. The
 * mean absolute deviation is a compensated sum (SQLite's), so the exported SQL reproduces it
 * exactly in any row order.
 */
export function robustZScale(sorted: Float64Array): { median: number; scale: number } {
  const n = sorted.length;
  const median = quantileSorted(sorted, 0.5);
  const deviations = new Float64Array(n);
  for (let k = 0; k < n; k++) deviations[k] = Math.abs(sorted[k]! - median);
  const absoluteSum = compensatedSum(deviations);
  deviations.sort();
  let scale = MAD_TO_SD * quantileSorted(deviations, 0.5);
  if (scale === 0) scale = MEAN_ABS_DEV_TO_SD * (absoluteSum / n);
  return { median, scale };
}

/**
 * z = (x - median) / (1.4826 * MAD), clipped to [-3, 3] and mapped to 0..1.
 * Counts are mostly zero, so the MAD is often 0 (more than half the customers share the median).
 * Then the scale falls back to the mean absolute deviation around the median (times sqrt(pi/2),
 * so it estimates the same standard deviation for normal data): it is non-zero as soon as any
 * customer differs from the median, and the rare active customers land above 0.5. When that is
 * also 0 every customer has the same value, and all map to 0.5: the signal says nothing.
 */
function fillRobustZ(values: Float64Array, sorted: Float64Array, direction: 1 | -1, out: Float32Array): void {
  if (sorted.length === 0) return;
  const { median, scale } = robustZScale(sorted);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    if (scale === 0) {
      out[i] = 0.5;
      continue;
    }
    const z = Math.min(Z_CLIP, Math.max(-Z_CLIP, (v - median) / scale));
    const unit = (z + Z_CLIP) / (2 * Z_CLIP);
    out[i] = direction === 1 ? unit : 1 - unit;
  }
}

export interface ColumnStats {
  missing: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  median: number | null;
  /** Share of the customers with a value whose value is not 0 (0 when nobody has a value). */
  nonZeroShare: number;
}

export function columnStats(values: Float64Array): ColumnStats {
  const sorted = sortedPresent(values);
  const n = sorted.length;
  if (n === 0) return { missing: values.length, min: null, max: null, mean: null, median: null, nonZeroShare: 0 };
  let sum = 0;
  let nonZero = 0;
  for (let k = 0; k < n; k++) {
    const v = sorted[k]!;
    sum += v;
    if (v !== 0) nonZero++;
  }
  return {
    missing: values.length - n,
    min: sorted[0]!,
    max: sorted[n - 1]!,
    mean: sum / n,
    median: quantileSorted(sorted, 0.5),
    nonZeroShare: nonZero / n,
  };
}

/** The span beyond the 99th percentile that makes a column "very skewed" (see histogram). */
const SKEW_FACTOR = 20;

/**
 * Equal-width histogram of the finite values (NaN and infinities are ignored).
 *
 * Edges span min..max, except for very skewed data (one customer with 5,000 page views among
 * thousands with 0..20), where that would squeeze almost everyone into the first bin: when the
 * range beyond the minimum is more than 20 times that of the 99th percentile, the edges span
 * min..p99 and the last bin also counts everything above p99 (so it is open-ended). Measuring from
 * the minimum equals the rule "max > 20 x p99" for the usual columns starting at 0, and still makes
 * sense for columns with negative values. All values equal: one bin. No values: no bins, no edges.
 */
export function histogram(values: Float64Array, bins: number): { edges: number[]; counts: number[] } {
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`histogram: bins must be a positive integer, got ${bins}`);
  const all = sortedPresent(values);
  const finite = all.subarray(all.length - countAbove(all, -Infinity), countBelow(all, Infinity));
  const n = finite.length;
  if (n === 0) return { edges: [], counts: [] };
  const min = finite[0]!;
  const max = finite[n - 1]!;
  if (min === max) return { edges: [min, max], counts: [n] };

  const p99 = quantileSorted(finite, 0.99);
  const skewed = p99 > min && max - min > SKEW_FACTOR * (p99 - min);
  const top = skewed ? p99 : max;
  const width = (top - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let k = 0; k < n; k++) {
    const bin = Math.floor((finite[k]! - min) / width);
    counts[bin >= bins ? bins - 1 : bin]!++;
  }
  const edges: number[] = [];
  for (let b = 0; b < bins; b++) edges.push(min + b * width);
  edges.push(top);
  return { edges, counts };
}
