// Child of `npm run bench -- cluster`: loads the raw float64 points and fits our k-means, in a
// process of its own so the peak RSS it reports is the fit's (plus Node and the data).
import { kmeans } from '../clusters/kmeans.ts';
import { readRawFloat64 } from './blobs.ts';

const [path, n, d, k, seed, maxIterations] = [process.argv[2]!, ...process.argv.slice(3, 8).map(Number)] as [string, number, number, number, number, number];
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

const baselineRssMB = mb(process.memoryUsage().rss);
const data = readRawFloat64(path, n * d);
const loadedRssMB = mb(process.memoryUsage().rss);
const started = performance.now();
const result = kmeans(data, n, d, { k, seed, maxIterations });
const seconds = (performance.now() - started) / 1000;

process.stdout.write(
  JSON.stringify({
    seconds: Number(seconds.toFixed(3)),
    initSeconds: Number((result.initMs / 1000).toFixed(3)),
    iterateSeconds: Number((result.iterateMs / 1000).toFixed(3)),
    iterations: result.iterations,
    converged: result.converged,
    inertia: result.inertia,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    baselineRssMB,
    loadedRssMB,
  }) + '\n',
);
