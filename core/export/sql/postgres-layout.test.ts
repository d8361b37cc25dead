// The raw layout exported SQL runs on, on a real PostgreSQL server: a sample workspace's customers
// and events load unchanged, text sorts as in SQLite, and the summation helper gives SQLite's sums
// bit for bit (the plain sum need not: see POSTGRES_PRELUDE).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { generateSample } from '../../sample/generate.ts';
import { openWorkspace, type Workspace } from '../../store/workspace.ts';
import { tempDir } from '../../../test/support/temp.ts';
import { loadWorkspace, postgresMissing, startPostgres, type PostgresServer } from '../../../test/support/postgres.ts';
import { CUSTOMER_COLUMNS, EVENT_COLUMNS, POSTGRES_PRELUDE, rawTablesDdl } from './layout.ts';

const missing = postgresMissing();
const tmp = tempDir('segwb-pg-layout-');
let server: PostgresServer;
let ws: Workspace;

beforeAll(async () => {
  if (missing) return;
  const path = join(tmp.dir, 'sample.segwb');
  await generateSample({ path, customers: 600, seed: 4, months: 9 }, { isCancelled: () => false, progress: () => {} });
  ws = openWorkspace(path);
  server = await startPostgres();
  await server.client.query(rawTablesDdl('postgres'));
  await server.client.query(POSTGRES_PRELUDE);
  await loadWorkspace(server.client, ws.db, { customers: CUSTOMER_COLUMNS, events: EVENT_COLUMNS });
}, 180_000);
afterAll(async () => {
  ws?.db.close();
  await server?.stop();
  tmp.cleanup();
});

describe.skipIf(missing !== null)(`raw layout on PostgreSQL${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('holds the same customers and events, in the same text order', async () => {
    const pgIds = (await server.client.query<{ customer_id: string }>('SELECT customer_id FROM customers ORDER BY customer_id')).rows.map((r) => r.customer_id);
    expect(pgIds).toEqual(ws.db.all<{ customer_id: string }>('SELECT customer_id FROM customers ORDER BY customer_id').map((r) => r.customer_id));
    const byType = (rows: Array<{ type: string; n: string | number }>) => Object.fromEntries(rows.map((r) => [r.type, Number(r.n)]));
    expect(byType((await server.client.query('SELECT type, count(*) AS n FROM events GROUP BY type')).rows)).toEqual(byType(ws.db.all('SELECT type, count(*) AS n FROM events GROUP BY type')));
    expect(server.version).toMatch(/^\d+/);
  });

  it('sums money exactly as SQLite does with segwb_kbn_sum, whatever the row order', async () => {
    const sqlite = new Map(ws.db.all<{ customer_id: string; s: number }>("SELECT customer_id, sum(amount) AS s FROM events WHERE type = 'purchase' GROUP BY customer_id").map((r) => [r.customer_id, r.s]));
    for (const order of ['id', 'id DESC', 'amount']) {
      const rows = (await server.client.query<{ customer_id: string; s: number }>(
        `SELECT customer_id, segwb_kbn_sum(amount ORDER BY ${order}) AS s FROM events WHERE type = 'purchase' GROUP BY customer_id`,
      )).rows;
      expect(rows.length).toBe(sqlite.size);
      for (const r of rows) expect(Object.is(r.s, sqlite.get(r.customer_id)), `${r.customer_id}: ${r.s} vs ${sqlite.get(r.customer_id)} (order ${order})`).toBe(true);
    }
  });
});
