// The SQL export on real purchases: the UCI Online Retail invoice lines (../shared/data), imported as
// an analyst would (lines without a customer skipped, cancellations as returns), with segments an
// analyst of that shop would write, re-evaluated by the exported SQL on SQLite and PostgreSQL and
// compared with the app customer by customer at two dates. Real amounts (unit price x quantity,
// many cents) and heavy ties (most intent signals are 0 for an orders-only shop) are what make
// the compensated sums, rank-based percentiles and RFM cut-offs matter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { createWorkspace, type Workspace } from '../../store/workspace.ts';
import { tempDir } from '../../../test/support/temp.ts';
import { importInto } from '../../../test/support/import.ts';
import { sharedDataFile } from '../../../test/support/shared-data.ts';
import { postgresMissing, type PostgresServer } from '../../../test/support/postgres.ts';
import { appExpectation, checkPostgres, checkSqlite, postgresWithExport, sqliteWithExport, type Expected } from '../../../test/support/sql-export-check.ts';
import { saveSegment } from '../../rules/segments-store.ts';
import { ruleGroupSchema, type RuleGroupIn, type SegmentationRef } from '../../rules/types.ts';

const AS_OF = Date.UTC(2011, 9, 1);
const LATER = Date.UTC(2011, 11, 10);
const tmp = tempDir('segwb-sql-retail-');
let ws: Workspace;
const segmentIds: number[] = [];

const SEGMENTS: Array<[string, RuleGroupIn]> = [
  ['Spent 1,000+ in 90 days', { kind: 'group', combine: 'and', children: [{ kind: 'event', types: ['purchase'], measure: 'amount', atLeast: 1000, window: { kind: 'last', days: 90 } }] }],
  ['Returners', { kind: 'group', combine: 'and', children: [{ kind: 'event', types: ['return'], atLeast: 2 }] }],
  ['Champions outside the UK', { kind: 'group', combine: 'and', children: [{ kind: 'segment', segmentation: { kind: 'rfm' }, segments: ['champions', 'loyal'] }, { kind: 'attribute', field: 'country', op: 'is-not', value: 'United Kingdom' }] }],
  ['Bought this month, at most 3 orders', { kind: 'group', combine: 'and', children: [{ kind: 'event', types: ['purchase'], window: { kind: 'month-to-date' } }, { kind: 'signal', signal: 'orders', op: 'lte', value: 3 }] }],
];

const refs = (): SegmentationRef[] => [{ kind: 'phases' }, { kind: 'rfm' }, { kind: 'rules' }, ...segmentIds.map((segmentId) => ({ kind: 'segment' as const, segmentId }))];

beforeAll(async () => {
  ws = createWorkspace(tmp.file('retail.segwb'));
  await importInto(ws, sharedDataFile('online_retail/online_retail.csv'), { skipBadRows: true });
  for (const [name, rule] of SEGMENTS) segmentIds.push(saveSegment(ws.db, { name, description: '', rule: ruleGroupSchema.parse(rule) }));
}, 300_000);
afterAll(() => {
  ws?.db.close();
  tmp.cleanup();
});

const wanted = new Map<number, Expected>();
const want = (asOf: number) => {
  let e = wanted.get(asOf);
  if (!e) wanted.set(asOf, (e = appExpectation(ws.db, asOf, refs(), false)));
  return e;
};

describe('the segments of the shop', () => {
  it('each hold some customers but not all, at both dates', () => {
    for (const asOf of [AS_OF, LATER]) {
      const e = want(asOf);
      for (const id of segmentIds) {
        const inside = [...e.members.get(`segment:${id}`)!.values()].filter((k) => k === 'in').length;
        expect(inside, `segment ${id}`).toBeGreaterThan(0);
        expect(inside, `segment ${id}`).toBeLessThan(e.ids.length);
      }
      expect(new Set(e.members.get('rfm')!.values()).size).toBeGreaterThanOrEqual(6);
    }
  }, 300_000);
});

describe('UCI Online Retail on SQLite', () => {
  let lite: Database.Database;
  beforeAll(() => {
    lite = sqliteWithExport(ws.db, AS_OF, 11);
  }, 300_000);
  afterAll(() => lite?.close());

  for (const [name, asOf] of [['2011-10-01', AS_OF], ['2011-12-10', LATER]] as const) {
    it(`equals the app as of ${name}`, () => checkSqlite(lite, asOf, want(asOf)), 300_000);
  }
});

const missing = postgresMissing();
describe.skipIf(missing !== null)(`UCI Online Retail on PostgreSQL${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await postgresWithExport(ws.db, AS_OF);
  }, 300_000);
  afterAll(async () => server?.stop());

  for (const [name, asOf] of [['2011-10-01', AS_OF], ['2011-12-10', LATER]] as const) {
    it(`equals the app as of ${name}`, () => checkPostgres(server.client, asOf, want(asOf)), 300_000);
  }
});
