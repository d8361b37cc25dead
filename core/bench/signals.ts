// Child of `npm run bench -- signals`: every built-in signal for a sample workspace of ~100k
// customers / ~5M events, computed the way the app does (one statement, rows read into typed
// columns), against the sqlite3 shell running (a) the very same statement and (b) a plain
// hand-written GROUP BY with 15 aggregates, in the same run. Prints one JSON line.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSample } from '../sample/generate.ts';
import { openDatabase } from '../store/db.ts';
import { defaultAsOf, formatDay } from '../signals/as-of.ts';
import { computeSignals } from '../signals/compute.ts';
import { buildSignalQuery } from '../signals/sql.ts';

const customers = Number(process.argv[2] ?? 100_000);
/** 30 months of the sample's behaviour give ~5M events for 100k customers (26 gave 4.36M). */
const months = Number(process.argv[3] ?? 30);
const dir = mkdtempSync(join(tmpdir(), 'segwb-bench-signals-'));
const path = join(dir, 'bench.segwb');

const HAND_WRITTEN = (asOf: number) => `SELECT customer_id, count(*), min(ts), max(ts),
  sum(type = 'purchase'), sum(CASE WHEN type = 'purchase' THEN amount END), max(CASE WHEN type = 'purchase' THEN ts END),
  sum(type = 'session_start'), sum(type = 'page_view'), sum(page_category = 'pricing'), sum(page_category = 'faq'),
  sum(type = 'email_open'), sum(type = 'email_click'), sum(type = 'add_to_cart'), sum(type = 'return'), sum(device = 'mobile')
FROM events WHERE ts < ${asOf} GROUP BY customer_id`;

/** Seconds the sqlite3 shell takes to run `sql` over the workspace, output discarded. */
function shellSeconds(sql: string): number {
  const script = join(dir, 'query.sql');
  writeFileSync(script, `PRAGMA temp_store = MEMORY;\nPRAGMA cache_size = -131072;\n${sql};\n`);
  const started = performance.now();
  execFileSync('sqlite3', ['-readonly', path, `.read ${script}`], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
  return (performance.now() - started) / 1000;
}

try {
  process.stderr.write(`  generating a sample of ${customers.toLocaleString('en-US')} customers over ${months} months...\n`);
  const sample = await generateSample({ path, customers, seed: 42, months }, { isCancelled: () => false, progress: () => {} });
  const db = openDatabase(path, { readonly: true });
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -131072');
  const asOf = defaultAsOf(db);
  const query = buildSignalQuery({ asOf, utcOffsetMs: 0 }, []);

  process.stderr.write('  app: signals into typed columns...\n');
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const frame = computeSignals(db, { asOf, custom: [] });
  const appSeconds = (performance.now() - started) / 1000;
  db.close();

  process.stderr.write('  sqlite3 shell: the same statement...\n');
  const sameSeconds = shellSeconds(query.sql);
  process.stderr.write('  sqlite3 shell: a hand-written GROUP BY with 15 aggregates...\n');
  const plainSeconds = shellSeconds(HAND_WRITTEN(asOf));

  process.stdout.write(
    JSON.stringify({
      benchmark: 'signals',
      customers: frame.customerIds.length,
      events: sample.events,
      signals: frame.signals.length,
      asOf: formatDay(asOf),
      appSeconds: Number(appSeconds.toFixed(2)),
      sqliteCliSameStatementSeconds: Number(sameSeconds.toFixed(2)),
      ratio: Number((appSeconds / sameSeconds).toFixed(2)),
      sqliteCliPlainGroupBySeconds: Number(plainSeconds.toFixed(2)),
      ratioToPlainGroupBy: Number((appSeconds / plainSeconds).toFixed(2)),
      target: 1.5,
      appRssGrowthMB: Math.round((process.memoryUsage().rss - rssBefore) / 1024 / 1024),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    }) + '\n',
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
