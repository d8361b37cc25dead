// Validation statistics: conversion rates with intervals, ranking quality (AUC) and lift by decile.
// Scores are ranked high = more likely to convert; a NaN score ranks below every other score.
import { countBelow } from './sorted-values.ts';

/** z for a two-sided 95% interval. */
const Z_95 = 1.959963984540054;

/**
 * Wilson score interval: unlike rate +- z * se it stays inside 0..1 and is honest for small groups
 * and rates near 0 (a segment with 0 of 10 converted gets 0..0.28, not 0..0).
 */
export function wilson(successes: number, n: number, z = Z_95): { rate: number; low: number; high: number } {
  if (n === 0) return { rate: 0, low: 0, high: 1 };
  const rate = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (rate + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((rate * (1 - rate)) / n + z2 / (4 * n * n))) / denominator;
  // At 0 or n successes the bound is exactly 0 or 1; rounding would leave 1e-17 or 0.9999999999999999.
  const low = successes <= 0 ? 0 : Math.max(0, centre - half);
  const high = successes >= n ? 1 : Math.min(1, centre + half);
  return { rate, low, high };
}

function rankable(score: ArrayLike<number>, i: number): number {
  const s = score[i]!;
  return s === s ? s : -Infinity;
}

/**
 * Area under the ROC curve = P(a random converter scores above a random non-converter), ties
 * counted half (Mann-Whitney U). Sorting the two classes' scores separately and merging them keeps
 * it O(n log n) with the engine's numeric sort. NaN when either class is empty.
 */
export function auc(score: ArrayLike<number>, positive: Uint8Array): number {
  const n = score.length;
  if (positive.length !== n) throw new Error(`auc: ${n} scores but ${positive.length} outcomes`);
  let positives = 0;
  for (let i = 0; i < n; i++) if (positive[i]) positives++;
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return NaN;

  const pos = new Float64Array(positives);
  const neg = new Float64Array(negatives);
  for (let i = 0, p = 0, q = 0; i < n; i++) {
    if (positive[i]) pos[p++] = rankable(score, i);
    else neg[q++] = rankable(score, i);
  }
  pos.sort();
  neg.sort();
  let below = 0; // negatives scoring strictly below the current positive
  let notAbove = 0; // negatives scoring at most the current positive
  let wins = 0;
  for (let p = 0; p < positives; p++) {
    const s = pos[p]!;
    while (below < negatives && neg[below]! < s) below++;
    while (notAbove < negatives && neg[notAbove]! <= s) notAbove++;
    wins += below + 0.5 * (notAbove - below);
  }
  return wins / (positives * negatives);
}

/**
 * Conversion rate in each score decile, decile 1 (index 0) = the highest scores. Customers are
 * ranked by score, ties by index (lower index first), and rank r goes to decile floor(10 r / n),
 * so every decile holds floor(n/10) or ceil(n/10) customers. An empty decile (n < 10) has rate NaN.
 */
export function decileRates(score: ArrayLike<number>, positive: Uint8Array): number[] {
  const n = score.length;
  if (positive.length !== n) throw new Error(`decileRates: ${n} scores but ${positive.length} outcomes`);
  // Rank without a comparator sort: sort the negated scores, then a customer's rank is the number
  // of higher scores plus the number of earlier customers with the same score. Equal scores share
  // one lower-bound position, so a counter per position hands out the tie ranks in index order.
  const descending = new Float64Array(n);
  for (let i = 0; i < n; i++) descending[i] = -rankable(score, i);
  descending.sort();
  const tiesTaken = new Uint32Array(n);
  const customers = new Array<number>(10).fill(0);
  const converted = new Array<number>(10).fill(0);
  for (let i = 0; i < n; i++) {
    const first = countBelow(descending, -rankable(score, i));
    const rank = first + tiesTaken[first]!++;
    const decile = Math.floor((rank * 10) / n);
    customers[decile]!++;
    if (positive[i]) converted[decile]!++;
  }
  return customers.map((c, d) => (c === 0 ? NaN : converted[d]! / c));
}
