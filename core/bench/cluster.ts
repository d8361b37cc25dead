// Child of `npm run bench -- cluster`: k-means on 1M x 16 and 100k x 16 seeded Gaussian blobs
// (8 blobs, std 5), k = 8, at most 100 iterations. The points are written as raw float64 so that
// every contender loads exactly the same numbers: our k-means and ml-kmeans (100k only) each in a
// fresh Node process, scikit-learn (lloyd, n_init=1, one thread) via Debian's /usr/bin/python3.
// Prints one JSON line. Optional argv[2]: comma-separated point counts (default 1000000,100000).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeBlobs, writeRawFloat64 } from './blobs.ts';

const SIZES = (process.argv[2] ?? '1000000,100000').split(',').map(Number);
const D = 16;
const BLOBS = 8;
const STD = 5;
const K = 8;
const SEED = 42;
const MAX_ITERATIONS = 100;
const ML_KMEANS_UP_TO = 100_000;
const PYTHON = '/usr/bin/python3';
const SKLEARN_MISSING = { missing: 'apt install python3-sklearn' };

type Measured = Record<string, unknown> & { seconds?: number; inertia?: number; peakRssMB?: number };

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** Runs one contender and parses the single JSON line it prints; failures become { error }. */
function runChild(command: string, args: string[], env?: NodeJS.ProcessEnv): Measured {
  const res = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: env ?? process.env });
  if (res.error) return { error: res.error.message };
  if (res.status !== 0) return { error: `exit ${res.status ?? res.signal}` };
  try {
    return JSON.parse(res.stdout.trim().split('\n').at(-1) ?? '') as Measured;
  } catch {
    return { error: `unreadable output: ${res.stdout.slice(0, 200)}` };
  }
}

function nodeChild(script: string, path: string, n: number): Measured {
  return runChild(process.execPath, ['--import', 'tsx', here(script), path, String(n), String(D), String(K), String(SEED), String(MAX_ITERATIONS)]);
}

function sklearn(path: string, n: number): Measured {
  if (!existsSync(PYTHON)) return SKLEARN_MISSING;
  const threads = { OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const out = runChild(PYTHON, [here('./cluster-sklearn.py'), path, String(n), String(D), String(K), String(SEED), String(MAX_ITERATIONS)], { ...process.env, ...threads });
  return 'missing' in out ? SKLEARN_MISSING : out;
}

function mlKmeans(path: string, n: number): Measured {
  if (!existsSync(here('../../node_modules/ml-kmeans/package.json'))) return { skipped: 'ml-kmeans not installed' };
  return nodeChild('./cluster-mlkmeans.ts', path, n);
}

const dir = mkdtempSync(join(tmpdir(), 'segwb-bench-cluster-'));
try {
  const results = [];
  for (const n of SIZES) {
    const label = `${n.toLocaleString('en-US')} x ${D}`;
    const path = join(dir, `blobs-${n}x${D}.f64`);
    process.stderr.write(`  ${label}: generating ${BLOBS} blobs (std ${STD}, seed ${SEED}) into ${path}...\n`);
    writeRawFloat64(path, makeBlobs({ n, d: D, centers: BLOBS, std: STD, seed: SEED }).data);

    process.stderr.write(`  ${label}: Segment Workbench k-means...\n`);
    const app = nodeChild('./cluster-app.ts', path, n);
    process.stderr.write(`  ${label}: scikit-learn KMeans (lloyd, n_init=1, one thread)...\n`);
    const sk = sklearn(path, n);
    const result: Record<string, unknown> = { n, d: D, k: K, blobs: BLOBS, std: STD, seed: SEED, maxIterations: MAX_ITERATIONS, app, sklearn: sk };
    if (typeof app.seconds === 'number' && typeof sk.seconds === 'number') result.ratio = round(app.seconds / sk.seconds, 2);
    if (typeof app.inertia === 'number' && typeof sk.inertia === 'number') {
      result.inertiaDiffPercent = round(((app.inertia - sk.inertia) / sk.inertia) * 100, 4);
    }
    result.targetRatio = 1.5;
    result.inertiaTolerancePercent = 0.5;
    result.rssTargetMB = 600;
    if (typeof result.ratio === 'number' && typeof result.inertiaDiffPercent === 'number' && typeof app.peakRssMB === 'number') {
      result.meetsTargets = result.ratio <= 1.5 && Math.abs(result.inertiaDiffPercent) <= 0.5 && app.peakRssMB < 600;
    }
    if (n <= ML_KMEANS_UP_TO) {
      process.stderr.write(`  ${label}: ml-kmeans as-is...\n`);
      result.mlKmeans = mlKmeans(path, n);
    }
    rmSync(path, { force: true });
    results.push(result);
  }
  process.stdout.write(JSON.stringify({ benchmark: 'cluster', results }) + '\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
