// Rules on a hand-built shop whose answers can be read off the event list: windows at their
// boundaries, "bought X but not Y", at most (including customers with nothing), attributes and
// NOT; every rule also compiled to one SQL statement and run on the same SQLite file, which must
// return the same customers. Values and names that try to inject SQL are bound or rejected.
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createWorkspace, type Workspace } from '../store/workspace.ts';
import { rebuildCustomerStats } from '../customers/stats.ts';
import { tempDir } from '../../test/support/temp.ts';
import { compileRuleSql } from './compile.ts';
import { inThreadEvaluator } from './in-thread.ts';
import { ruleGroupSchema, type RuleGroupIn } from './types.ts';
import { formatSegmentationRef } from './refs.ts';
import type { Evaluator } from './segmentations.ts';
import type { AsOfData } from './as-of-data.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
/** Rules are evaluated as of 2024-03-01 (day 60): events before that instant count. */
const AS_OF = T0 + 60 * DAY;

interface Ev {
  at: number;
  type: string;
  product?: string;
  amount?: number;
  channel?: string;
}
interface Cust {
  id: string;
  country: string | null;
  firstSeen: number;
  attributes?: Record<string, unknown>;
  events: Ev[];
}

const d = (day: number) => T0 + day * DAY;
const SHOP: Cust[] = [
  // Bought X (day 50) and Y (day 10).
  { id: 'P1', country: 'US', firstSeen: d(0), attributes: { state: 'CA' }, events: [{ at: d(10), type: 'purchase', product: 'Y', amount: 20 }, { at: d(50), type: 'purchase', product: 'X', amount: 30 }] },
  // Bought X 1 ms before the as-of instant, never Y.
  { id: 'P2', country: 'us', firstSeen: d(0), attributes: { state: 'NY' }, events: [{ at: AS_OF - 1, type: 'purchase', product: 'x', amount: 10 }] },
  // Bought X exactly 30 days before the as-of instant: inside "last 30 days" (the window starts there).
  { id: 'P3', country: 'DE', firstSeen: d(0), events: [{ at: AS_OF - 30 * DAY, type: 'purchase', product: 'X', amount: 15 }] },
  // One ms too early for the window, and a purchase at the as-of instant itself (not before it: ignored).
  { id: 'P4', country: 'DE', firstSeen: d(0), events: [{ at: AS_OF - 30 * DAY - 1, type: 'purchase', product: 'X', amount: 5 }, { at: AS_OF, type: 'purchase', product: 'Y', amount: 99 }] },
  // Three email opens in the last 30 days (two on one day), one older; no purchase.
  {
    id: 'P5',
    country: null,
    firstSeen: d(0),
    events: [
      { at: d(5), type: 'email_open', channel: 'email' },
      { at: d(40), type: 'email_open', channel: 'email' },
      { at: d(40) + 3600_000, type: 'email_open', channel: 'email' },
      { at: d(55), type: 'email_open', channel: 'email' },
    ],
  },
  // Known (first seen) but no events at all.
  { id: 'P6', country: 'FR', firstSeen: d(1), events: [] },
  // First seen after the date: not a customer yet.
  { id: 'P7', country: 'US', firstSeen: d(70), events: [{ at: d(71), type: 'purchase', product: 'X', amount: 1 }] },
  // Three purchases: at most 2 excludes them.
  { id: 'P8', country: 'GB', firstSeen: d(0), events: [1, 2, 3].map((k) => ({ at: d(20 + k), type: 'purchase', product: 'Z', amount: 100 })) },
];

const tmp = tempDir('segwb-rules-');
afterAll(() => tmp.cleanup());

function buildShop(path: string): Workspace {
  const ws = createWorkspace(path, { name: 'Rules shop' });
  const { db } = ws;
  db.transaction(() => {
    const importId = Number(db.run("INSERT INTO imports (kind, status, started_at) VALUES ('events', 'done', 0)").lastInsertRowid);
    const addCustomer = db.prepare('INSERT INTO customers (customer_id, country, first_seen, attributes, import_id) VALUES (?, ?, ?, ?, ?)');
    const addEvent = db.prepare('INSERT INTO events (customer_id, ts, type, channel, product, amount, order_id, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const c of SHOP) {
      addCustomer.run([c.id, c.country, c.firstSeen, c.attributes ? JSON.stringify(c.attributes) : null, importId]);
      c.events.forEach((e, i) => addEvent.run([c.id, e.at, e.type, e.channel ?? 'web', e.product ?? null, e.amount ?? null, e.type === 'purchase' ? `${c.id}-${i}` : null, importId]));
    }
  });
  rebuildCustomerStats(db);
  return ws;
}

const ws = buildShop(join(tmp.dir, 'shop.segwb'));
const { evaluator, data } = inThreadEvaluator(ws.db, AS_OF);

function idsOf(mask: Uint8Array, frame: AsOfData['frame']): string[] {
  return frame.customerIds.filter((_, i) => mask[i]);
}

/** The rule's customers in the app, after checking the compiled SQL returns exactly the same. */
function members(input: RuleGroupIn, e: Evaluator = evaluator, at: AsOfData = data): string[] {
  const rule = ruleGroupSchema.parse(input);
  const inApp = idsOf(e.rule(rule).mask, at.frame);
  expect(sqlMembers(rule, e, at)).toEqual(inApp);
  return inApp;
}

/** Runs the compiled statement against the workspace, with the signals and memberships it reads materialised as tables. */
function sqlMembers(rule: ReturnType<typeof ruleGroupSchema.parse>, e: Evaluator, at: AsOfData): string[] {
  const db = ws.db;
  db.exec('DROP TABLE IF EXISTS temp.signals; DROP TABLE IF EXISTS temp.segment_members');
  const frame = at.frame;
  const columns = frame.signals.map((s) => `"${s.id}" REAL`).join(', ');
  db.exec(`CREATE TEMP TABLE signals (customer_id TEXT PRIMARY KEY, ${columns}, intent_score REAL)`);
  const insert = db.prepare(`INSERT INTO temp.signals VALUES (${['?', ...frame.signals.map(() => '?'), '?'].join(', ')})`);
  const intent = e.intentScores();
  frame.customerIds.forEach((id, i) => insert.run([id, ...frame.values.map((v) => (Number.isNaN(v[i]!) ? null : v[i]!)), intent[i]!]));
  db.exec('CREATE TEMP TABLE segment_members (segmentation TEXT, segment TEXT, customer_id TEXT)');
  const addMember = db.prepare('INSERT INTO temp.segment_members VALUES (?, ?, ?)');
  const refs = JSON.stringify(rule).match(/"segmentation":\{[^}]*\}/g) ?? [];
  for (const text of new Set(refs)) {
    const ref = JSON.parse(`{${text}}`).segmentation;
    const { info, labels } = e.segmentation(ref);
    frame.customerIds.forEach((id, i) => addMember.run([formatSegmentationRef(ref), info.segments[labels[i]!]!.key, id]));
  }
  const compiled = compileRuleSql(rule, at.frame.asOf);
  return db.all<{ customer_id: string }>(compiled.text, compiled.params).map((r) => r.customer_id);
}

const group = (combine: 'and' | 'or', children: RuleGroupIn['children'], not = false): RuleGroupIn => ({ kind: 'group', combine, not, children });
const purchased = (extra: Record<string, unknown> = {}) => ({ kind: 'event' as const, types: ['purchase'], ...extra });

describe('rules on a hand-built shop as of 2024-03-01', () => {
  it('knows the customers of the date: first seen or active before it, not later ones', () => {
    expect(data.frame.customerIds).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P8']);
    expect(members(group('and', []))).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P8']);
    expect(members(group('or', []))).toEqual([]);
  });

  it('bought in the last 30 days: the window starts exactly 30 days before and ends before the date', () => {
    expect(members(group('and', [purchased({ window: { kind: 'last', days: 30 } })]))).toEqual(['P1', 'P2', 'P3']);
  });

  it('between dates is inclusive of both days and never reaches past the date', () => {
    // 2024-01-11 is day 10 (P1's Y); 2024-03-01 itself is the as-of day: P4's purchase on it does not count.
    expect(members(group('and', [purchased({ window: { kind: 'between', from: '2024-01-11', to: '2024-01-11' } })]))).toEqual(['P1']);
    expect(members(group('and', [purchased({ window: { kind: 'between', from: '2024-02-25', to: '2024-03-31' } })]))).toEqual(['P2']);
  });

  it('bought product X but not product Y (case-insensitive values)', () => {
    const boughtX = purchased({ filters: [{ field: 'product', op: 'is', value: 'X' }] });
    const boughtY = purchased({ filters: [{ field: 'product', op: 'is', value: 'Y' }] });
    expect(members(group('and', [boughtX]))).toEqual(['P1', 'P2', 'P3', 'P4']);
    // P4's Y is on the as-of day, so as of the date P4 has not bought Y.
    expect(members(group('and', [boughtX, { ...boughtY, not: true }]))).toEqual(['P2', 'P3', 'P4']);
    expect(members(group('and', [boughtX, { ...boughtY, did: false }]))).toEqual(['P2', 'P3', 'P4']);
  });

  it('opened 3+ emails this month / in the last 30 days', () => {
    const opens = (window: object) => ({ kind: 'event' as const, types: ['email_open'], atLeast: 3, window });
    expect(members(group('and', [opens({ kind: 'last', days: 30 })]))).toEqual(['P5']);
    // February 2024 so far (the date is 2024-03-01, so "this month" is February): days 40, 40 and 55 are in it.
    expect(members(group('and', [opens({ kind: 'month-to-date' })]))).toEqual(['P5']);
    expect(members(group('and', [{ kind: 'event', types: ['email_open'], measure: 'days', atLeast: 3, window: { kind: 'last', days: 30 } }]))).toEqual([]);
  });

  it('at most N includes customers with no such event; did not is the complement', () => {
    expect(members(group('and', [purchased({ atMost: 2 })]))).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
    expect(members(group('and', [purchased({ atLeast: 1, atMost: 2 })]))).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(members(group('and', [purchased({ did: false })]))).toEqual(['P5', 'P6']);
    expect(members(group('and', [purchased({ measure: 'amount', atLeast: 50 })]))).toEqual(['P1', 'P8']);
  });

  it('in California (an extra column) and country tests, including missing values', () => {
    expect(members(group('and', [{ kind: 'attribute', field: 'attribute', key: 'state', op: 'is', value: 'ca' }]))).toEqual(['P1']);
    expect(members(group('and', [{ kind: 'attribute', field: 'country', op: 'is', value: 'US' }]))).toEqual(['P1', 'P2']);
    // "is not" keeps customers without a country; "is present" does not.
    expect(members(group('and', [{ kind: 'attribute', field: 'country', op: 'is-not', value: 'us' }]))).toEqual(['P3', 'P4', 'P5', 'P6', 'P8']);
    expect(members(group('and', [{ kind: 'attribute', field: 'country', op: 'is-empty' }]))).toEqual(['P5']);
    expect(members(group('and', [{ kind: 'attribute', field: 'country', op: 'starts-with', value: 'd' }]))).toEqual(['P3', 'P4']);
  });

  it('signals, NOT on groups, nested OR, and counts per node', () => {
    const rule = group('and', [
      { kind: 'signal', signal: 'orders', op: 'gte', value: 1 },
      group('or', [{ kind: 'attribute', field: 'country', op: 'in', values: ['de', 'gb'] }, purchased({ window: { kind: 'last', days: 5 } })], true),
    ]);
    expect(members(rule)).toEqual(['P1']);
    const counts = evaluator.rule(ruleGroupSchema.parse(rule)).counts;
    expect(counts).toEqual({ count: 1, children: [{ count: 5 }, { count: 3, children: [{ count: 3 }, { count: 1 }] }] });
    expect(members(group('and', [{ kind: 'signal', signal: 'days_since_purchase', op: 'is-empty' }]))).toEqual(['P5', 'P6']);
  });

  it('membership of another segmentation (phases) compiles to segment_members', () => {
    const inPhases = members(group('and', [{ kind: 'segment', segmentation: { kind: 'phases' }, segments: ['retention'] }]));
    const { info, labels } = evaluator.segmentation({ kind: 'phases' });
    const retention = info.segments.findIndex((s) => s.key === 'retention');
    expect(inPhases).toEqual(data.frame.customerIds.filter((_, i) => labels[i] === retention));
  });

  it('binds values that try to inject SQL, and the schema refuses names that are not fields', () => {
    const evil = "X'); DROP TABLE events; --";
    expect(members(group('and', [purchased({ filters: [{ field: 'product', op: 'is', value: evil }] })]))).toEqual([]);
    expect(members(group('and', [{ kind: 'attribute', field: 'attribute', key: "state') OR ('1'='1", op: 'is-present' }]))).toEqual([]);
    expect(members(group('and', [{ kind: 'attribute', field: 'city', op: 'in', values: ["' OR 1=1 --", '"; DELETE FROM customers; --'] }]))).toEqual([]);
    expect(ws.db.get<{ n: number }>('SELECT count(*) AS n FROM events')!.n).toBe(SHOP.reduce((s, c) => s + c.events.length, 0));
    const refused = [
      group('and', [purchased({ filters: [{ field: 'product; DROP TABLE events', op: 'is', value: 'X' }] })]),
      group('and', [{ kind: 'signal', signal: 'orders" OR 1=1 --', op: 'gt', value: 0 }]),
      group('and', [{ kind: 'attribute', field: 'attribute', key: 'state"] OR 1=1 --', op: 'is', value: 'CA' }]),
      group('and', [{ kind: 'attribute', field: 'country) OR (1=1', op: 'is', value: 'US' } as never]),
    ];
    for (const rule of refused) expect(ruleGroupSchema.safeParse(rule).success).toBe(false);
  });

  it('refuses groups nested deeper than six levels', () => {
    const nest = (levels: number): RuleGroupIn => (levels === 1 ? group('and', [purchased()]) : group('or', [nest(levels - 1)]));
    expect(members(nest(6))).toEqual(['P1', 'P2', 'P3', 'P4', 'P8']);
    const deep = ruleGroupSchema.safeParse(nest(7));
    expect(deep.success).toBe(false);
    expect(deep.error!.issues[0]!.message).toBe('groups nest at most 6 deep');
  });
});
