// Checks of the SQL export on real engines, shared by the tests on generated and on real data: the
// app's answer as of a date, the documented layout loaded into a fresh SQLite database (rows
// shuffled, so nothing depends on the order they were imported in), and one comparison per engine
// — every signal bit for bit, every membership row, every segmentation's members.
import { expect } from 'vitest';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { loadWorkspace, startPostgres, type PostgresServer } from './postgres.ts';
import type { Db } from '../../core/store/db.ts';
import { inThreadEvaluator } from '../../core/rules/in-thread.ts';
import { formatSegmentationRef } from '../../core/rules/refs.ts';
import type { SegmentationRef } from '../../core/rules/types.ts';
import { appMembershipRows, segmentKeys, type MembershipRow } from '../../core/export/sql/app-membership.ts';
import { loadSqlDefinition } from '../../core/export/sql/definition.ts';
import { CUSTOMER_COLUMNS, EVENT_COLUMNS, rawTablesDdl } from '../../core/export/sql/layout.ts';
import { refreshSql, sqlScript, VIEW } from '../../core/export/sql/script.ts';
import type { SqlDialectName } from '../../core/signals/sql-dialect.ts';

export interface Expected {
  ids: string[];
  signalIds: string[];
  signals: Array<Array<number | null>>;
  membership: MembershipRow[];
  /** Formatted segmentation ref -> customer -> segment key. */
  members: Map<string, Map<string, string>>;
}

/** What the app says as of `asOf`, with a fresh evaluator (no session, no slider history). */
export function appExpectation(db: Db, asOf: number, refs: readonly SegmentationRef[], withClusters: boolean): Expected {
  const { evaluator, data } = inThreadEvaluator(db, asOf);
  const { frame } = data;
  const members = new Map(
    refs.map((ref) => {
      const key = segmentKeys(evaluator, ref);
      return [formatSegmentationRef(ref), new Map(frame.customerIds.map((id, i) => [id, key(i)]))] as const;
    }),
  );
  return {
    ids: frame.customerIds,
    signalIds: frame.signals.map((s) => s.id),
    signals: frame.customerIds.map((_, i) => frame.values.map((column) => (column[i] !== column[i] ? null : column[i]!))),
    membership: appMembershipRows(evaluator, data, withClusters),
    members,
  };
}

export function exportScript(db: Db, dialect: SqlDialectName, asOf: number): string {
  return sqlScript(loadSqlDefinition(db), dialect, { asOf, workbenchVersion: 'test', workspaceName: 'test', createdAt: new Date(0) });
}

function shuffled<T>(rows: T[], seed: number): T[] {
  let s = seed;
  const out = [...rows];
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A fresh in-memory SQLite database with the workspace's customers and events in the documented layout. */
export function sqliteWithLayout(db: Db, seed = 7): Database.Database {
  const lite = new Database(':memory:');
  lite.exec(rawTablesDdl('sqlite'));
  for (const [table, columns] of [['customers', CUSTOMER_COLUMNS], ['events', EVENT_COLUMNS]] as const) {
    const rows = db.all<Record<string, unknown>>(`SELECT ${columns.join(', ')} FROM ${table}`);
    const insert = lite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    lite.transaction(() => {
      for (const row of shuffled(rows, seed)) insert.run(columns.map((c) => row[c]));
    })();
  }
  return lite;
}

/** A throwaway PostgreSQL server with the workspace in the documented layout and the exported script run as of `asOf`. */
export async function postgresWithExport(db: Db, asOf: number): Promise<PostgresServer> {
  const server = await startPostgres();
  await server.client.query(rawTablesDdl('postgres'));
  await loadWorkspace(server.client, db, { customers: CUSTOMER_COLUMNS, events: EVENT_COLUMNS });
  await server.client.query(exportScript(db, 'postgres', asOf));
  // As the script's header advises when reads are slow: JIT compiling the wide plans can cost more than running them.
  await server.client.query('SET jit = off');
  return server;
}

/** The same on a fresh SQLite database. */
export function sqliteWithExport(db: Db, asOf: number, seed = 7): Database.Database {
  const lite = sqliteWithLayout(db, seed);
  lite.exec(exportScript(db, 'sqlite', asOf));
  return lite;
}

/** Bit-for-bit equality of the signal rows (Object.is tells -0 from 0 too), with the first differences named. */
function compareSignals(rows: unknown[][], want: Expected): void {
  expect(rows.map((r) => r[0])).toEqual(want.ids);
  const diffs: string[] = [];
  want.signals.forEach((row, i) =>
    row.forEach((v, j) => {
      const got = rows[i]![j + 1];
      // node-pg returns 64-bit integers as text.
      const value = got === null ? null : Number(got);
      if (!Object.is(value, v)) diffs.push(`${want.ids[i]} ${want.signalIds[j]}: ${String(got)} vs ${String(v)}`);
    }),
  );
  expect(diffs.slice(0, 10)).toEqual([]);
}

function compareMembers(rows: Array<{ segmentation: string; segment: string; customer_id: string }>, want: Expected): void {
  const got = new Map<string, Map<string, string>>();
  for (const r of rows) {
    let m = got.get(r.segmentation);
    if (!m) got.set(r.segmentation, (m = new Map()));
    m.set(r.customer_id, r.segment);
  }
  for (const [ref, byCustomer] of want.members) {
    const mine = got.get(ref);
    expect(mine, `segmentation ${ref}`).toBeDefined();
    const wrong = [...byCustomer].filter(([id, key]) => mine!.get(id) !== key).map(([id, key]) => `${ref} ${id}: ${mine!.get(id)} vs ${key}`);
    expect(wrong.slice(0, 10), `segmentation ${ref}`).toEqual([]);
    expect(mine!.size).toBe(byCustomer.size);
  }
}

/** Refreshes the exported views at `asOf` in SQLite and compares everything with the app. */
export function checkSqlite(lite: Database.Database, asOf: number, want: Expected): void {
  lite.exec(refreshSql('sqlite', asOf));
  compareSignals(lite.prepare(`SELECT * FROM ${VIEW.signals} ORDER BY customer_id`).raw().all() as unknown[][], want);
  expect(lite.prepare(`SELECT * FROM ${VIEW.membership} ORDER BY customer_id`).all()).toEqual(want.membership);
  compareMembers(lite.prepare(`SELECT segmentation, segment, customer_id FROM ${VIEW.members}`).all() as never, want);
}

/** The same on PostgreSQL; the signal columns must be doubles and 64-bit integers (NUMERIC would be decimal arithmetic, not the app's). */
export async function checkPostgres(client: pg.Client, asOf: number, want: Expected): Promise<void> {
  await client.query(refreshSql('postgres', asOf));
  const result = await client.query({ text: `SELECT * FROM ${VIEW.signals} ORDER BY customer_id`, rowMode: 'array' });
  const types = new Set(result.fields.slice(1).map((f) => (f.dataTypeID === 701 ? 'double precision' : f.dataTypeID === 20 ? 'bigint' : `type ${f.dataTypeID}`)));
  expect([...types].every((t) => t === 'double precision' || t === 'bigint'), [...types].join(', ')).toBe(true);
  compareSignals(result.rows as unknown[][], want);
  expect((await client.query(`SELECT * FROM ${VIEW.membership} ORDER BY customer_id`)).rows).toEqual(want.membership);
  compareMembers((await client.query(`SELECT segmentation, segment, customer_id FROM ${VIEW.members}`)).rows, want);
}
