// Child process of `npm run bench -- sample`: generates a sample workspace of N customers into a
// temp folder and prints one JSON line with rates and this process's peak RSS.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSample } from '../sample/generate.ts';

const customers = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'segwb-bench-'));
const path = join(dir, 'bench.segwb');
try {
  const started = performance.now();
  let lastPhase = '';
  const summary = await generateSample(
    { path, customers, seed: 42, months: 18 },
    {
      isCancelled: () => false,
      progress: (p) => {
        if (p.phase !== lastPhase) process.stderr.write(`  ${p.phase}...\n`);
        lastPhase = p.phase;
      },
    },
  );
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    JSON.stringify({
      benchmark: 'sample',
      customers: summary.customers,
      events: summary.events,
      seconds: Number(seconds.toFixed(2)),
      customersPerSecond: Math.round(summary.customers / seconds),
      eventsPerSecond: Math.round(summary.events / seconds),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      fileMB: Math.round(statSync(path).size / 1024 / 1024),
      node: process.version,
    }) + '\n',
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
