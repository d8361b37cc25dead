// Clusters keep their identity across re-fits and as-of dates. The previous model's clusters are
// carried into the new fit's space (the members the old model would assign today, averaged in the
// new coordinates), and new centroids are matched to them by the Hungarian method on distance.
// A matched cluster inherits the old key — and with it its name, colour and decisions.
import { munkres } from 'munkres';

/** Stable colours by key: Tableau 10 plus two, distinct in light and dark themes. */
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac', '#17becf', '#8c564b'];

export function colourOfKey(key: number): string {
  return PALETTE[key % PALETTE.length]!;
}

/**
 * Pairs of (new index, old index) minimising the total distance between matched centroids
 * (both k x d, row-major, in the same space). With different k, the surplus stays unmatched.
 */
export function matchCentroids(fresh: Float64Array, old: Float64Array, d: number): [number, number][] {
  const kNew = fresh.length / d;
  const kOld = old.length / d;
  if (kNew === 0 || kOld === 0) return [];
  const cost = Array.from({ length: kNew }, (_, i) =>
    Array.from({ length: kOld }, (_, j) => {
      let s = 0;
      for (let t = 0; t < d; t++) s += (fresh[i * d + t]! - old[j * d + t]!) ** 2;
      return Math.sqrt(s);
    }),
  );
  return munkres(cost)
    .map(([i, j]) => [i, j] as [number, number])
    .sort((a, b) => a[0] - b[0]);
}

/**
 * Centroids of the old clusters in the new space: the mean new coordinates of the rows each old
 * cluster holds. An old cluster that holds nobody now has no centroid (NaN) and matches last.
 */
export function carriedCentroids(data: Float64Array, n: number, d: number, oldLabels: Int32Array, kOld: number): { centroids: Float64Array; sizes: Float64Array } {
  const centroids = new Float64Array(kOld * d);
  const sizes = new Float64Array(kOld);
  for (let i = 0; i < n; i++) {
    const j = oldLabels[i]!;
    sizes[j]!++;
    for (let t = 0; t < d; t++) centroids[j * d + t]! += data[i * d + t]!;
  }
  for (let j = 0; j < kOld; j++) for (let t = 0; t < d; t++) centroids[j * d + t] = sizes[j]! > 0 ? centroids[j * d + t]! / sizes[j]! : 1e6;
  return { centroids, sizes };
}
