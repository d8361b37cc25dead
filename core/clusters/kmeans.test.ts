// k-means, silhouette and adjusted Rand index: determinism, recovery of known structure,
// agreement with ml-kmeans from the same start, and hand-computed values.
import { describe, expect, it } from 'vitest';
import { kmeans as mlKmeans } from 'ml-kmeans';
import { makeBlobs } from '../bench/blobs.ts';
import { adjustedRandIndex, meanSilhouette, pairwiseDistances } from './agreement.ts';
import { assignNearest, kmeans } from './kmeans.ts';

describe('kmeans', () => {
  const blobs = makeBlobs({ n: 6000, d: 5, centers: 4, std: 0.6, seed: 7 });

  it('gives the same result for the same seed, every time', () => {
    const a = kmeans(blobs.data, 6000, 5, { k: 4, seed: 3 });
    const b = kmeans(blobs.data, 6000, 5, { k: 4, seed: 3 });
    expect(Array.from(b.labels)).toEqual(Array.from(a.labels));
    expect(Array.from(b.centroids)).toEqual(Array.from(a.centroids));
    expect(b.inertia).toBe(a.inertia);
  });

  it('recovers well-separated blobs (ARI >= 0.99) and converges', () => {
    const fit = kmeans(blobs.data, 6000, 5, { k: 4, seed: 11 });
    expect(fit.converged).toBe(true);
    expect(adjustedRandIndex(fit.labels, blobs.labels)).toBeGreaterThanOrEqual(0.99);
  });

  it('ends with every point at its nearest centroid and every centroid at its members’ mean', () => {
    const overlapping = makeBlobs({ n: 5000, d: 4, centers: 6, std: 4, seed: 2 });
    const fit = kmeans(overlapping.data, 5000, 4, { k: 6, seed: 5, tolerance: 0 });
    expect(fit.converged).toBe(true);
    const nearest = assignNearest(overlapping.data, 5000, 4, fit.centroids, 6);
    expect(Array.from(nearest.labels)).toEqual(Array.from(fit.labels));
    for (let j = 0; j < 6; j++) {
      for (let t = 0; t < 4; t++) {
        let sum = 0;
        let count = 0;
        for (let i = 0; i < 5000; i++) {
          if (fit.labels[i] !== j) continue;
          sum += overlapping.data[i * 4 + t]!;
          count++;
        }
        expect(fit.centroids[j * 4 + t]).toBeCloseTo(sum / count, 9);
      }
    }
    let inertia = 0;
    for (let i = 0; i < 5000; i++) inertia += nearest.distances[i]! ** 2;
    expect(fit.inertia).toBeCloseTo(inertia, 6);
  });

  it('arrives at the same clusters as ml-kmeans from the same initial centroids', () => {
    const overlapping = makeBlobs({ n: 3000, d: 3, centers: 5, std: 3, seed: 9 });
    const initial = Float64Array.from([0, 1, 2, 3, 4].flatMap((c) => Array.from(overlapping.data.subarray(c * 97 * 3, c * 97 * 3 + 3))));
    const ours = kmeans(overlapping.data, 3000, 3, { k: 5, seed: 1, initialCentroids: initial, tolerance: 0, maxIterations: 500 });
    const rows = Array.from({ length: 3000 }, (_, i) => Array.from(overlapping.data.subarray(i * 3, i * 3 + 3)));
    const theirs = mlKmeans(rows, 5, {
      initialization: Array.from({ length: 5 }, (_, j) => Array.from(initial.subarray(j * 3, j * 3 + 3))),
      maxIterations: 500,
      tolerance: 0,
    });
    expect(Array.from(ours.labels)).toEqual(theirs.clusters);
    theirs.centroids.forEach((c, j) => c.forEach((v, t) => expect(ours.centroids[j * 3 + t]).toBeCloseTo(v, 9)));
  });

  it('keeps k clusters when points coincide, and refuses fewer points than k', () => {
    const same = new Float64Array(20).fill(1);
    const fit = kmeans(same, 10, 2, { k: 3, seed: 1 });
    expect(fit.converged).toBe(true);
    expect(fit.inertia).toBe(0);
    expect(new Set(fit.labels).size).toBeLessThanOrEqual(3);
    expect(() => kmeans(new Float64Array(4), 2, 2, { k: 3, seed: 1 })).toThrow(/at least k = 3 points/);
  });

  it('stops when onIteration throws (cancellation)', () => {
    expect(() =>
      kmeans(blobs.data, 6000, 5, {
        k: 4,
        seed: 1,
        onIteration: () => {
          throw new Error('stop');
        },
      }),
    ).toThrow('stop');
  });
});

describe('adjusted Rand index', () => {
  it('is 1 for the same partition under other label numbers', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], [2, 2, 0, 0, 1])).toBe(1);
  });
  it('matches the hand-computed value', () => {
    // Contingency [[2,1,0],[0,1,2]]: index 2, row pairs 6, column pairs 3, expected 6*3/15 = 1.2, max 4.5.
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo((2 - 1.2) / (4.5 - 1.2), 12);
  });
});

describe('silhouette', () => {
  it('matches the hand-computed value for two pairs on a line', () => {
    const data = Float64Array.from([0, 1, 10, 11]);
    const dist = pairwiseDistances(data, 1, [0, 1, 2, 3]);
    // a = 1 for every point; b = 10.5, 9.5, 9.5, 10.5.
    const expected = (2 * (9.5 / 10.5) + 2 * (8.5 / 9.5)) / 4;
    expect(meanSilhouette(dist, [0, 0, 1, 1], 2)).toBeCloseTo(expected, 6);
  });
  it('scores a point alone in its cluster 0, and one cluster 0', () => {
    const data = Float64Array.from([0, 1, 10]);
    const dist = pairwiseDistances(data, 1, [0, 1, 2]);
    // Points 0 and 1: a = 1, b = 10 and 9; point 2 alone: 0.
    expect(meanSilhouette(dist, [0, 0, 1], 2)).toBeCloseTo((9 / 10 + 8 / 9) / 3, 6);
    expect(meanSilhouette(dist, [0, 0, 0], 1)).toBe(0);
  });
});
