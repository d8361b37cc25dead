// Child of `npm run bench -- export-sql`: what re-evaluating the exported definitions costs in the
// engines the SQL export targets, against the app on the same data in the same run. A sample
// workspace with three saved segments (a signal and the intent score, events in a window, a
// segment of another segment) and a cluster model; the app computes signals, scores and every
// membership (what the membership CSV holds); the exported views compute the same in a fresh SQLite
// database in the documented layout and, when PostgreSQL is installed, on a throwaway server. Each
// engine's rows are compared with the app's, customer by customer. Prints one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { generateSample } from '../sample/generate.ts';
import { openWorkspace } from '../store/workspace.ts';
import { defaultAsOf } from '../signals/as-of.ts';
import { inThreadEvaluator } from '../rules/in-thread.ts';
import { saveSegment } from '../rules/segments-store.ts';
import { ruleGroupSchema } from '../rules/types.ts';
import { fitJobArgs } from '../clusters/fit-request.ts';
import { fitJob } from '../clusters/jobs.ts';
import { assembleModel } from '../clusters/fit.ts';
import { clusterSettingsSchema, DEFAULT_CLUSTER_SIGNALS } from '../clusters/types.ts';
import { CUSTOMER_COLUMNS, EVENT_COLUMNS, rawTablesDdl } from '../export/sql/layout.ts';
import { loadSqlDefinition } from '../export/sql/definition.ts';
import { refreshSql, sqlScript, VIEW } from '../export/sql/script.ts';
import { appMembershipRows, type MembershipRow } from '../export/sql/app-membership.ts';
import { loadWorkspace, postgresMissing, startPostgres } from '../../test/support/postgres.ts';

const customers = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'segwb-bench-sql-'));
const path = join(dir, 'bench.segwb');
const seconds = (started: number) => Math.round((performance.now() - started) / 10) / 100;
const job = { isCancelled: () => false, progress: () => {} };

type Row = MembershipRow;

function mismatches(rows: Row[], app: Row[]): number {
  if (rows.length !== app.length) return Math.abs(rows.length - app.length) + Math.min(rows.length, app.length);
  let n = 0;
  rows.forEach((r, i) => {
    const a = app[i]!;
    if (r.customer_id !== a.customer_id || r.primary_segment_id !== a.primary_segment_id || r.segment_ids !== a.segment_ids || r.phase !== a.phase || !Object.is(r.intent_score, a.intent_score) || r.rfm_group !== a.rfm_group || r.cluster_key !== a.cluster_key) n++;
  });
  return n;
}

try {
  process.stderr.write(`  generating a sample of ${customers.toLocaleString('en-US')} customers...\n`);
  await generateSample({ path, customers, seed: 42, months: 18 }, job);
  const ws = openWorkspace(path);
  const asOf = defaultAsOf(ws.db);
  const events = ws.db.get<{ n: number }>('SELECT count(*) AS n FROM events')!.n;
  process.stderr.write('  fitting a cluster model and saving three segments (not timed)...\n');
  const fitData = inThreadEvaluator(ws.db, asOf).data;
  const settings = clusterSettingsSchema.parse({ signals: [...DEFAULT_CLUSTER_SIGNALS], k: 6, seed: 1 });
  const args = fitJobArgs(ws.db, fitData.frame, settings, path);
  const fitted = fitJob(args, job);
  assembleModel(ws.db, fitData.frame, settings, fitted.description, fitted.outcome, null);
  const hot = saveSegment(ws.db, { name: 'Hot', description: '', rule: ruleGroupSchema.parse({ kind: 'group', combine: 'and', children: [{ kind: 'signal', signal: 'intent_score', op: 'gte', value: 35 }, { kind: 'signal', signal: 'orders', op: 'gte', value: 1 }] }) });
  saveSegment(ws.db, { name: 'Recent buyers', description: '', rule: ruleGroupSchema.parse({ kind: 'group', combine: 'and', children: [{ kind: 'event', types: ['purchase'], window: { kind: 'last', days: 30 } }] }) });
  saveSegment(ws.db, { name: 'Hot, not in decision', description: '', rule: ruleGroupSchema.parse({ kind: 'group', combine: 'and', children: [{ kind: 'segment', segmentation: { kind: 'segment', segmentId: hot }, segments: ['in'] }, { kind: 'segment', segmentation: { kind: 'phases' }, segments: ['decision'], not: true }] }) });

  process.stderr.write('  app: signals, score, RFM, clusters and every segment...\n');
  let t = performance.now();
  const { evaluator, data } = inThreadEvaluator(ws.db, asOf);
  const app = appMembershipRows(evaluator, data, true);
  const appSeconds = seconds(t);
  const info = { asOf, workbenchVersion: 'bench', workspaceName: 'bench', createdAt: new Date() };
  const def = loadSqlDefinition(ws.db);

  process.stderr.write('  SQLite: loading the documented layout (not timed), then the membership view...\n');
  const lite = new Database(join(dir, 'raw.sqlite'));
  lite.exec(rawTablesDdl('sqlite'));
  for (const [table, columns] of [['customers', CUSTOMER_COLUMNS], ['events', EVENT_COLUMNS]] as const) {
    const insert = lite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    lite.transaction(() => {
      for (const row of ws.db.iterateArrays(`SELECT ${columns.join(', ')} FROM ${table}`)) insert.run(row);
    })();
  }
  lite.exec('CREATE INDEX events_customer_ts ON events (customer_id, ts)');
  lite.exec(sqlScript(def, 'sqlite', info));
  // Timed: a refresh at the date (the snapshots of signals and scores) and reading every membership.
  t = performance.now();
  lite.exec(refreshSql('sqlite', asOf));
  const sqliteRefresh = seconds(t);
  t = performance.now();
  const liteRows = lite.prepare(`SELECT * FROM ${VIEW.membership} ORDER BY customer_id`).all() as Row[];
  const sqliteRead = seconds(t);
  lite.close();

  let postgres: { refreshSeconds: number; readSeconds: number; mismatches: number; version: string } | { skipped: string };
  const missing = postgresMissing();
  if (missing) postgres = { skipped: missing };
  else {
    process.stderr.write('  PostgreSQL: loading (not timed), then the membership view...\n');
    const server = await startPostgres();
    try {
      await server.client.query(rawTablesDdl('postgres'));
      await server.client.query('CREATE INDEX events_customer_ts ON events (customer_id, ts)');
      await loadWorkspace(server.client, ws.db, { customers: CUSTOMER_COLUMNS, events: EVENT_COLUMNS });
      await server.client.query(sqlScript(def, 'postgres', info));
      await server.client.query('SET jit = off');
      t = performance.now();
      await server.client.query(refreshSql('postgres', asOf));
      const refreshSeconds = seconds(t);
      t = performance.now();
      const rows = (await server.client.query<Row>(`SELECT * FROM ${VIEW.membership} ORDER BY customer_id`)).rows;
      postgres = { refreshSeconds, readSeconds: seconds(t), mismatches: mismatches(rows, app), version: server.version };
    } finally {
      await server.stop();
    }
  }
  ws.db.close();
  process.stdout.write(
    `${JSON.stringify({
      benchmark: 'export-sql',
      customers: app.length,
      events,
      clusterModels: def.models.size,
      segments: def.segments.length,
      app: { seconds: appSeconds, what: 'signals + score + RFM + clusters + segments in one thread' },
      sqlite: { refreshSeconds: sqliteRefresh, readSeconds: sqliteRead, mismatches: mismatches(liteRows, app) },
      postgres,
    })}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
