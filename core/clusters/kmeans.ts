// k-means on a flat, row-major Float64Array: greedy k-means++ seeding on a seeded sample, then
// Lloyd's iterations with Hamerly's bounds. Same data + options = same result, always.
//
// Why not ml-kmeans (the project's chosen library) for the fit itself: measured at 1M x 16
// (issue 5, `npm run bench -- cluster`), ml-kmeans 7 needs number[][] (1.27 GB at 1M x 16) and
// its k-means++ seeding over every point takes 12.7 s of its 14.5 s; its iterations are a plain
// loop. Seeding on a sample and skipping distance computations that Hamerly's bounds prove
// unnecessary is what closes the gap to scikit-learn. ml-kmeans stays the reference: the tests
// check that from the same initial centroids both arrive at the same clusters.
import { Rng } from '../sample/random.ts';

export interface KMeansOptions {
  k: number;
  seed: number;
  maxIterations?: number;
  /** scikit-learn's tol: stop when the centroids' total squared shift is below tol x the mean feature variance. */
  tolerance?: number;
  /** Start from these centroids (k*d) instead of k-means++ seeding. */
  initialCentroids?: Float64Array;
  /** Points the seeding looks at (a seeded sample; all points when n is smaller). */
  initSampleSize?: number;
  /** Seedings tried on the sample; the one whose k-means on the sample ends with the least inertia starts the full fit. */
  initTrials?: number;
  /** Called after every iteration; throw from it to stop (cancellation). */
  onIteration?: (iteration: number, changed: number) => void;
}

export interface KMeansResult {
  centroids: Float64Array;
  labels: Int32Array;
  /** Euclidean distance of each point to its centroid. */
  distances: Float64Array;
  inertia: number;
  iterations: number;
  converged: boolean;
  initMs: number;
  iterateMs: number;
}

/**
 * The seeding sample: 256 points per cluster, at least 4,096. Measured on 8 blobs at 1M and 100k
 * x 16: 4,096 starts as well as 16,384 (same final inertia in 2-3 iterations) and seeds 3x faster.
 */
const initSampleSize = (n: number, k: number) => Math.min(n, Math.max(4_096, 256 * k));
const DEFAULT_INIT_TRIALS = 4;

function squaredDistance(data: Float64Array, p: number, centroids: Float64Array, q: number, d: number): number {
  let s = 0;
  for (let t = 0; t < d; t++) {
    const diff = data[p + t]! - centroids[q + t]!;
    s += diff * diff;
  }
  return s;
}

/** `count` distinct indices out of 0..n-1 in a seeded random order (all of them when count >= n). */
export function sampleIndices(n: number, count: number, rng: Rng): Uint32Array {
  const all = new Uint32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const m = Math.min(n, count);
  for (let i = 0; i < m; i++) {
    const j = i + Math.floor(rng.uniform() * (n - i));
    const t = all[i]!;
    all[i] = all[j]!;
    all[j] = t;
  }
  return all.slice(0, m);
}

/**
 * Greedy k-means++ (as scikit-learn does it): each new centre is the best of 2 + ln k candidates
 * drawn with probability proportional to the squared distance to the nearest centre so far.
 */
export function kmeansPlusPlus(data: Float64Array, rows: Uint32Array, d: number, k: number, rng: Rng): Float64Array {
  const m = rows.length;
  if (m < k) throw new Error(`k-means needs at least k = ${k} points, got ${m}`);
  const centroids = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const closest = new Float64Array(m);
  const candidateClosest = new Float64Array(m);
  const bestClosest = new Float64Array(m);
  const setCentre = (c: number, row: number) => centroids.set(data.subarray(row * d, row * d + d), c * d);

  setCentre(0, rows[Math.floor(rng.uniform() * m)]!);
  let potential = 0;
  for (let i = 0; i < m; i++) {
    closest[i] = squaredDistance(data, rows[i]! * d, centroids, 0, d);
    potential += closest[i]!;
  }
  for (let c = 1; c < k; c++) {
    let bestPotential = Infinity;
    let bestRow = -1;
    for (let t = 0; t < trials; t++) {
      const row = rows[drawProportional(closest, potential, rng)]!;
      let candidatePotential = 0;
      for (let i = 0; i < m; i++) {
        const dist = squaredDistance(data, rows[i]! * d, data, row * d, d);
        const v = dist < closest[i]! ? dist : closest[i]!;
        candidateClosest[i] = v;
        candidatePotential += v;
      }
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential;
        bestRow = row;
        bestClosest.set(candidateClosest);
      }
    }
    setCentre(c, bestRow);
    closest.set(bestClosest);
    potential = bestPotential;
  }
  return centroids;
}

function drawProportional(weights: Float64Array, total: number, rng: Rng): number {
  // All points coincide with centres already (duplicates): any point will do.
  if (!(total > 0)) return Math.floor(rng.uniform() * weights.length);
  let target = rng.uniform() * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i]!;
    if (target < 0) return i;
  }
  return weights.length - 1;
}

function meanFeatureVariance(data: Float64Array, n: number, d: number): number {
  const mean = new Float64Array(d);
  const sq = new Float64Array(d);
  for (let i = 0, p = 0; i < n; i++, p += d) {
    for (let t = 0; t < d; t++) {
      const v = data[p + t]!;
      mean[t]! += v;
      sq[t]! += v * v;
    }
  }
  let total = 0;
  for (let t = 0; t < d; t++) {
    const mu = mean[t]! / n;
    total += Math.max(0, sq[t]! / n - mu * mu);
  }
  return total / d;
}

/** Nearest centroid of every point, with the distance to it. */
export function assignNearest(data: Float64Array, n: number, d: number, centroids: Float64Array, k: number): { labels: Int32Array; distances: Float64Array } {
  const labels = new Int32Array(n);
  const distances = new Float64Array(n);
  for (let i = 0, p = 0; i < n; i++, p += d) {
    let best = Infinity;
    let bestJ = 0;
    for (let j = 0; j < k; j++) {
      const s = squaredDistance(data, p, centroids, j * d, d);
      if (s < best) {
        best = s;
        bestJ = j;
      }
    }
    labels[i] = bestJ;
    distances[i] = Math.sqrt(best);
  }
  return { labels, distances };
}

/**
 * Starting centroids: k-means++ alone lands in a poor local optimum now and then (measured on
 * 8 overlapping blobs, 1M x 16: 2 of 3 seeds ended 5-10% above the best inertia). So several
 * seedings each run k-means to the end on a seeded sample, and the best of those solutions
 * starts the full fit, which then needs only a few iterations.
 */
function seedCentroids(data: Float64Array, n: number, d: number, k: number, options: KMeansOptions): Float64Array {
  const rng = new Rng(options.seed, 0x6b6d);
  const rows = sampleIndices(n, options.initSampleSize ?? initSampleSize(n, k), rng);
  const trials = options.initTrials ?? DEFAULT_INIT_TRIALS;
  if (rows.length === n && trials === 1) return kmeansPlusPlus(data, rows, d, k, rng);
  const sample = new Float64Array(rows.length * d);
  rows.forEach((row, i) => sample.set(data.subarray(row * d, row * d + d), i * d));
  const all = Uint32Array.from({ length: rows.length }, (_, i) => i);
  let best: KMeansResult | null = null;
  for (let t = 0; t < trials; t++) {
    const fit = kmeans(sample, rows.length, d, { k, seed: 0, initialCentroids: kmeansPlusPlus(sample, all, d, k, rng), maxIterations: options.maxIterations ?? 100, tolerance: options.tolerance ?? 1e-4 });
    if (!best || fit.inertia < best.inertia) best = fit;
  }
  return best!.centroids;
}

export function kmeans(data: Float64Array, n: number, d: number, options: KMeansOptions): KMeansResult {
  const { k } = options;
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a positive integer, got ${k}`);
  if (data.length < n * d) throw new Error(`data holds ${data.length} values, fewer than n x d = ${n * d}`);
  if (n < k) throw new Error(`k-means needs at least k = ${k} points, got ${n}`);
  const maxIterations = options.maxIterations ?? 100;
  const started = performance.now();

  const centroids = options.initialCentroids ? Float64Array.from(options.initialCentroids) : seedCentroids(data, n, d, k, options);
  const initMs = performance.now() - started;

  const toleranceAbs = (options.tolerance ?? 1e-4) * meanFeatureVariance(data, n, d);
  const labels = new Int32Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  const previous = new Float64Array(k * d);
  const shift = new Float64Array(k);
  const halfGap = new Float64Array(k);

  /** Full scan for point i: nearest and second-nearest centroid. Returns 1 when its label changed. */
  const scan = (i: number): number => {
    const p = i * d;
    let best = Infinity;
    let second = Infinity;
    let bestJ = 0;
    for (let j = 0; j < k; j++) {
      const s = squaredDistance(data, p, centroids, j * d, d);
      if (s < best) {
        second = best;
        best = s;
        bestJ = j;
      } else if (s < second) second = s;
    }
    upper[i] = Math.sqrt(best);
    lower[i] = Math.sqrt(second);
    if (labels[i] === bestJ) return 0;
    labels[i] = bestJ;
    return 1;
  };

  for (let i = 0; i < n; i++) {
    labels[i] = -1;
    scan(i);
  }

  /** Means of the members; an empty cluster takes the point farthest from its own centroid. */
  const updateCentroids = (): boolean => {
    sums.fill(0);
    counts.fill(0);
    for (let i = 0, p = 0; i < n; i++, p += d) {
      const q = labels[i]! * d;
      counts[labels[i]!]!++;
      for (let t = 0; t < d; t++) sums[q + t]! += data[p + t]!;
    }
    let relocated = false;
    for (let j = 0; j < k; j++) {
      if (counts[j]! > 0) continue;
      let far = -1;
      for (let i = 0; i < n; i++) if (counts[labels[i]!]! > 1 && (far < 0 || upper[i]! > upper[far]!)) far = i;
      const from = labels[far]!;
      for (let t = 0; t < d; t++) {
        const v = data[far * d + t]!;
        sums[from * d + t]! -= v;
        sums[j * d + t] = v;
      }
      counts[from]!--;
      counts[j] = 1;
      labels[far] = j;
      relocated = true;
    }
    for (let j = 0; j < k; j++) for (let t = 0; t < d; t++) centroids[j * d + t] = sums[j * d + t]! / counts[j]!;
    return relocated;
  };

  /** One assignment pass with Hamerly's bounds; returns how many points changed cluster. */
  const assignPass = (): number => {
    for (let j = 0; j < k; j++) {
      let nearest = Infinity;
      for (let o = 0; o < k; o++) {
        if (o === j) continue;
        const s = squaredDistance(centroids, j * d, centroids, o * d, d);
        if (s < nearest) nearest = s;
      }
      halfGap[j] = Math.sqrt(nearest) / 2;
    }
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const a = labels[i]!;
      const bound = halfGap[a]! > lower[i]! ? halfGap[a]! : lower[i]!;
      if (upper[i]! <= bound) continue;
      upper[i] = Math.sqrt(squaredDistance(data, i * d, centroids, a * d, d));
      if (upper[i]! <= bound) continue;
      changed += scan(i);
    }
    return changed;
  };

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    previous.set(centroids);
    const relocated = updateCentroids();
    let shiftSquared = 0;
    let maxShift = 0;
    let secondShift = 0;
    let maxShiftJ = -1;
    for (let j = 0; j < k; j++) {
      const s = squaredDistance(centroids, j * d, previous, j * d, d);
      shiftSquared += s;
      shift[j] = Math.sqrt(s);
      if (shift[j]! > maxShift) {
        secondShift = maxShift;
        maxShift = shift[j]!;
        maxShiftJ = j;
      } else if (shift[j]! > secondShift) secondShift = shift[j]!;
    }
    if (relocated) {
      // Bounds mean nothing after a relocation: every point gets a full scan.
      upper.fill(Infinity);
      lower.fill(0);
    } else {
      for (let i = 0; i < n; i++) {
        const a = labels[i]!;
        upper[i]! += shift[a]!;
        lower[i]! -= a === maxShiftJ ? secondShift : maxShift;
      }
    }
    const tolerable = !relocated && shiftSquared <= toleranceAbs;
    const changed = assignPass();
    options.onIteration?.(iterations, changed);
    // Like scikit-learn: stop when no point moved, or when the centroids barely moved (the pass
    // just made has then brought the labels in line with the final centroids).
    if (changed === 0 || tolerable) {
      converged = true;
      break;
    }
  }

  let inertia = 0;
  const distances = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = squaredDistance(data, i * d, centroids, labels[i]! * d, d);
    inertia += s;
    distances[i] = Math.sqrt(s);
  }
  return { centroids, labels, distances, inertia, iterations, converged, initMs, iterateMs: performance.now() - started - initMs };
}
