// Customers in two dimensions: PCA (ml-pca) fitted on a seeded sample of the clustering
// coordinates, then every shown point placed on its first two axes.
import { PCA } from 'ml-pca';
import { Rng } from '../sample/random.ts';
import { sampleIndices } from './kmeans.ts';
import type { ClusterMatrix } from './scaling.ts';
import type { ClusterProjection } from './types.ts';

/** Points the fit projects right away (the contract's default for cluster-projection). */
export const DEFAULT_PROJECTION_POINTS = 100_000;

/** PCA is fitted on at most this many customers; the axes it finds then place every shown point. */
const PCA_FIT_SAMPLE = 20_000;
const LOADINGS_SHOWN = 3;

export function projectRows(
  matrix: ClusterMatrix,
  labels: Int32Array,
  keys: readonly number[],
  signalIds: readonly string[],
  seed: number,
  maxPoints: number,
): Omit<ClusterProjection, 'modelId'> {
  const { data, n, d } = matrix;
  const rng = new Rng(seed, 0x7063);
  const rowsOf = (count: number) => (count >= n ? Uint32Array.from({ length: n }, (_, i) => i) : sampleIndices(n, count, rng).sort());
  const toRows = (rows: Uint32Array) => Array.from(rows, (r) => Array.from(data.subarray(r * d, r * d + d)));
  const pca = new PCA(toRows(rowsOf(PCA_FIT_SAMPLE)), { center: true, scale: false });
  const shown = rowsOf(maxPoints);
  const coords = pca.predict(toRows(shown), { nComponents: 2 });
  const explained = pca.getExplainedVariance();
  const vectors = pca.getEigenvectors();
  const axis = (c: number) =>
    Array.from({ length: d }, (_, t) => ({ signal: signalIds[t]!, loading: Math.round(vectors.get(t, c) * 1000) / 1000 }))
      .sort((a, b) => Math.abs(b.loading) - Math.abs(a.loading))
      .slice(0, LOADINGS_SHOWN);
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  return {
    x: Array.from(shown, (_, i) => round(coords.get(i, 0))),
    y: Array.from(shown, (_, i) => round(d > 1 ? coords.get(i, 1) : 0)),
    key: Array.from(shown, (r) => keys[labels[r]!]!),
    row: Array.from(shown),
    sampled: shown.length < n,
    total: n,
    explained: [explained[0] ?? 0, explained[1] ?? 0],
    axes: [axis(0), d > 1 ? axis(1) : []],
  };
}

