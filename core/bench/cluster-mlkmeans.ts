// Child of `npm run bench -- cluster`: the ml-kmeans package as-is (number[][] input, its own
// k-means++ init), in a process of its own so the peak RSS it reports is its own. Inertia is
// computed here, sklearn-style: squared distance of every point to its nearest final centroid.
import { readRawFloat64 } from './blobs.ts';

interface MlKMeans {
  kmeans(data: number[][], k: number, options: { seed?: number; maxIterations?: number }): {
    centroids: number[][];
    clusters: number[];
    converged: boolean;
    iterations: number;
  };
}

const [path, n, d, k, seed, maxIterations] = [process.argv[2]!, ...process.argv.slice(3, 8).map(Number)] as [string, number, number, number, number, number];

// A variable specifier, so type-checking does not depend on the optional package being installed.
const packageName = 'ml-kmeans';
const { kmeans } = (await import(packageName)) as MlKMeans;

const flat = readRawFloat64(path, n * d);
const c0 = performance.now();
const rows: number[][] = new Array(n);
for (let i = 0; i < n; i++) rows[i] = Array.from(flat.subarray(i * d, (i + 1) * d));
const convertSeconds = (performance.now() - c0) / 1000;

const started = performance.now();
const result = kmeans(rows, k, { seed, maxIterations });
const seconds = (performance.now() - started) / 1000;

let inertia = 0;
for (let i = 0; i < n; i++) {
  let best = Infinity;
  for (const centroid of result.centroids) {
    let sum = 0;
    for (let j = 0; j < d; j++) {
      const diff = flat[i * d + j]! - centroid[j]!;
      sum += diff * diff;
    }
    if (sum < best) best = sum;
  }
  inertia += best;
}

process.stdout.write(
  JSON.stringify({
    seconds: Number(seconds.toFixed(3)),
    convertSeconds: Number(convertSeconds.toFixed(3)),
    iterations: result.iterations,
    converged: result.converged,
    inertia,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }) + '\n',
);
