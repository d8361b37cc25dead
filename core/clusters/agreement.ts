// How good and how stable a clustering is: silhouette (on a sample; it is O(n^2)) and the
// adjusted Rand index between two labelings (stability across seeds, agreement with ground truth).

/** Counts per (a, b) label pair; labels are small non-negative integers. */
export function contingency(a: ArrayLike<number>, b: ArrayLike<number>): { table: number[][]; rows: number; cols: number } {
  if (a.length !== b.length) throw new Error(`labelings differ in length: ${a.length} vs ${b.length}`);
  let rows = 0;
  let cols = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i]! + 1 > rows) rows = a[i]! + 1;
    if (b[i]! + 1 > cols) cols = b[i]! + 1;
  }
  const table = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  for (let i = 0; i < a.length; i++) table[a[i]!]![b[i]!]!++;
  return { table, rows, cols };
}

const pairs = (x: number) => (x * (x - 1)) / 2;

/**
 * Adjusted Rand index (Hubert & Arabie): 1 for identical partitions (whatever the label numbers),
 * about 0 for chance agreement. Two partitions that each put everything in one group are identical: 1.
 */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return adjustedRandFromTable(contingency(a, b).table);
}

/** The adjusted Rand index of a contingency table (rows: one partition, columns: the other). */
export function adjustedRandFromTable(table: readonly (readonly number[])[]): number {
  let index = 0;
  let n = 0;
  const rowSums = table.map((r) => r.reduce((s, v) => s + v, 0));
  const colSums = table[0] ? table[0].map((_, j) => table.reduce((s, r) => s + r[j]!, 0)) : [];
  for (const r of table) for (const v of r) {
    index += pairs(v);
    n += v;
  }
  const sumRows = rowSums.reduce((s, v) => s + pairs(v), 0);
  const sumCols = colSums.reduce((s, v) => s + pairs(v), 0);
  const expected = n > 1 ? (sumRows * sumCols) / pairs(n) : 0;
  const max = (sumRows + sumCols) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}

/** Pairwise Euclidean distances between the given rows (upper triangle kept in a full m x m Float32Array). */
export function pairwiseDistances(data: Float64Array, d: number, rows: ArrayLike<number>): Float32Array {
  const m = rows.length;
  const out = new Float32Array(m * m);
  for (let i = 0; i < m; i++) {
    const p = rows[i]! * d;
    for (let j = i + 1; j < m; j++) {
      const q = rows[j]! * d;
      let s = 0;
      for (let t = 0; t < d; t++) {
        const diff = data[p + t]! - data[q + t]!;
        s += diff * diff;
      }
      const dist = Math.sqrt(s);
      out[i * m + j] = dist;
      out[j * m + i] = dist;
    }
  }
  return out;
}

/**
 * Mean silhouette of m points with the given labels (0..k-1) and pairwise distances. A point alone
 * in its cluster scores 0 (as in scikit-learn); with fewer than 2 clusters present the result is 0.
 */
export function meanSilhouette(distances: Float32Array, labels: ArrayLike<number>, k: number): number {
  const m = labels.length;
  const sizes = new Float64Array(k);
  for (let i = 0; i < m; i++) sizes[labels[i]!]!++;
  if (sizes.filter((s) => s > 0).length < 2) return 0;
  const sumTo = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < m; i++) {
    const own = labels[i]!;
    if (sizes[own]! < 2) continue;
    sumTo.fill(0);
    const row = i * m;
    for (let j = 0; j < m; j++) sumTo[labels[j]!]! += distances[row + j]!;
    const a = sumTo[own]! / (sizes[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      if (c === own || sizes[c] === 0) continue;
      const mean = sumTo[c]! / sizes[c]!;
      if (mean < b) b = mean;
    }
    const denom = Math.max(a, b);
    total += denom > 0 ? (b - a) / denom : 0;
  }
  return total / m;
}
