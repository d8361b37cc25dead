// `npm run bench [-- NAME ...] [--customers N]`: runs benchmarks and prints one JSON object per
// benchmark on stdout (progress goes to stderr). Each benchmark runs in a child process so its
// peak RSS is its own.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

interface Benchmark {
  name: string;
  describe: string;
  child: string;
  args(options: Record<string, string | undefined>): string[];
}

const BENCHMARKS: Benchmark[] = [
  {
    name: 'sample',
    describe: 'sample workspace generation: customers/s, events/s, peak RSS',
    child: fileURLToPath(new URL('./sample-generation.ts', import.meta.url)),
    args: (o) => [o.customers ?? '100000'],
  },
  {
    name: 'import',
    describe: "CSV import of a seeded events file vs the sqlite3 shell's .import --csv (same run), peak RSS",
    child: fileURLToPath(new URL('./import.ts', import.meta.url)),
    args: (o) => [o.rows ?? '5000000'],
  },
  {
    name: 'signals',
    describe: 'every built-in signal for ~100k customers / ~5M events vs the sqlite3 shell (same run)',
    child: fileURLToPath(new URL('./signals.ts', import.meta.url)),
    args: (o) => [o.customers ?? '100000'],
  },
  {
    name: 'rescore',
    describe: 'intent score + phases + histogram for 1M customers after a weight change (p50/p95)',
    child: fileURLToPath(new URL('./rescore.ts', import.meta.url)),
    args: (o) => [o.customers ?? '1000000'],
  },
  {
    name: 'cluster',
    describe: 'k-means k=8 on 1M and 100k x 16 seeded Gaussian blobs vs scikit-learn (lloyd, one thread) and ml-kmeans (100k), same data, peak RSS',
    child: fileURLToPath(new URL('./cluster.ts', import.meta.url)),
    args: () => [],
  },
  {
    name: 'predict',
    describe: 'BG/NBD, Pareto/NBD and Gamma-Gamma fit times for 100k and 1M simulated customers (BG/NBD target under 5 s at 1M), peak RSS',
    child: fileURLToPath(new URL('./predict.ts', import.meta.url)),
    args: (o) => [o.customers ?? '100000,1000000', o['pareto-cap'] ?? '120'],
  },
  {
    name: 'rules',
    describe: 'a four-condition rule cold, after one edit and after a signal edit vs the sqlite3 shell running the compiled statement (same run); RFM x phases comparison',
    child: fileURLToPath(new URL('./rules.ts', import.meta.url)),
    args: (o) => [o.customers ?? '100000', ...(o.workspace ? [o.workspace] : [])],
  },
  {
    name: 'export-sql',
    describe: 'the SQL export re-evaluating every membership on SQLite and PostgreSQL vs the app on the same data (same run), with mismatches counted',
    child: fileURLToPath(new URL('./export-sql.ts', import.meta.url)),
    args: (o) => [o.customers ?? '100000'],
  },
];

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: { customers: { type: 'string' }, rows: { type: 'string' }, 'pareto-cap': { type: 'string' }, workspace: { type: 'string' } },
});

const chosen = positionals.length ? BENCHMARKS.filter((b) => positionals.includes(b.name)) : BENCHMARKS;
const unknown = positionals.filter((p) => !BENCHMARKS.some((b) => b.name === p));
if (unknown.length) {
  process.stderr.write(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${BENCHMARKS.map((b) => `${b.name} (${b.describe})`).join('; ')}\n`);
  process.exit(2);
}

let failed = false;
for (const b of chosen) {
  process.stderr.write(`bench ${b.name}: ${b.describe}\n`);
  const res = spawnSync(process.execPath, ['--import', 'tsx', b.child, ...b.args(values)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (res.status !== 0) {
    failed = true;
    process.stdout.write(`${JSON.stringify({ benchmark: b.name, error: `exit ${res.status ?? res.signal}` })}\n`);
    continue;
  }
  process.stdout.write(res.stdout.trim() + '\n');
}
process.exitCode = failed ? 1 : 0;
