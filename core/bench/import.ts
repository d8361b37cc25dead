// Child of `npm run bench -- import`: the app's CSV import against the sqlite3 shell's
// `.import --csv` of the same file into an equivalent table, measured in the same run.
// The equivalent table has the same columns, types and (customer_id, ts) index, because the
// app must maintain that index too; the shell does no validation, type conversion or mapping.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeEventsCsv } from './events-csv.ts';

const rows = Number(process.argv[2] ?? 5_000_000);
const dir = mkdtempSync(join(tmpdir(), 'segwb-bench-import-'));
try {
  const csv = join(dir, 'events.csv');
  process.stderr.write(`  writing ${rows.toLocaleString('en-US')} rows of events CSV...\n`);
  await writeEventsCsv(csv, rows);
  const sizeMB = Math.round(statSync(csv).size / 1024 / 1024);

  process.stderr.write('  sqlite3 shell .import --csv...\n');
  const cliDb = join(dir, 'cli.sqlite');
  execFileSync('sqlite3', [cliDb], {
    input: `CREATE TABLE events (customer_id TEXT NOT NULL, ts TEXT NOT NULL, type TEXT NOT NULL, channel TEXT, device TEXT, url TEXT, product TEXT, amount REAL);
CREATE INDEX events_customer_ts ON events (customer_id, ts);
PRAGMA journal_mode = WAL;`,
  });
  const c0 = performance.now();
  execFileSync('sqlite3', [cliDb, '.import --csv --skip 1 ' + csv + ' events'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const cliSeconds = (performance.now() - c0) / 1000;

  process.stderr.write('  sqlite3 shell .import --csv into a table without the index...\n');
  const plainDb = join(dir, 'cli-plain.sqlite');
  execFileSync('sqlite3', [plainDb], {
    input: 'CREATE TABLE events (customer_id TEXT NOT NULL, ts TEXT NOT NULL, type TEXT NOT NULL, channel TEXT, device TEXT, url TEXT, product TEXT, amount REAL);',
  });
  const p0 = performance.now();
  execFileSync('sqlite3', [plainDb, '.import --csv --skip 1 ' + csv + ' events'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const plainSeconds = (performance.now() - p0) / 1000;
  rmSync(plainDb, { force: true });

  process.stderr.write('  Segment Workbench import...\n');
  const child = fileURLToPath(new URL('./import-app.ts', import.meta.url));
  const app = spawnSync(process.execPath, ['--import', 'tsx', child, csv, join(dir, 'app.segwb')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (app.status !== 0) throw new Error(`app import failed (exit ${app.status})`);
  const measured = JSON.parse(app.stdout.trim()) as { previewSeconds: number; importSeconds: number; rows: number; peakRssMB: number };
  process.stdout.write(
    JSON.stringify({
      benchmark: 'import',
      rows,
      fileMB: sizeMB,
      sqliteCliSeconds: Number(cliSeconds.toFixed(2)),
      appImportSeconds: measured.importSeconds,
      appPreviewSeconds: measured.previewSeconds,
      ratio: Number((measured.importSeconds / cliSeconds).toFixed(2)),
      sqliteCliNoIndexSeconds: Number(plainSeconds.toFixed(2)),
      ratioNoIndex: Number((measured.importSeconds / plainSeconds).toFixed(2)),
      target: 1.3,
      appPeakRssMB: measured.peakRssMB,
      rssTargetMB: 500,
      appRowsImported: measured.rows,
    }) + '\n',
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
