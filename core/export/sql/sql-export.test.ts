// The SQL export run on real engines against the documented raw layout, compared with the app
// customer by customer: a sample workspace's customers and events are loaded (in shuffled order)
// into a fresh SQLite database and into a throwaway PostgreSQL server, the exported script runs
// there, and every signal must equal the app's bit for bit, and the intent score, phase, RFM group,
// cluster, every saved segment, the primary segment and each segmentation's members must be the
// app's, at the export date and, after a refresh (refreshSql), at a later date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { generateSample } from '../../sample/generate.ts';
import { openWorkspace, type Workspace } from '../../store/workspace.ts';
import { tempDir } from '../../../test/support/temp.ts';
import { postgresMissing, type PostgresServer } from '../../../test/support/postgres.ts';
import { inThreadEvaluator } from '../../rules/in-thread.ts';
import { fitJobArgs } from '../../clusters/fit-request.ts';
import { fitJob } from '../../clusters/jobs.ts';
import { assembleModel } from '../../clusters/fit.ts';
import { clusterSettingsSchema, DEFAULT_CLUSTER_SIGNALS, type ClusterSettingsIn } from '../../clusters/types.ts';
import { saveSegment, savePriority } from '../../rules/segments-store.ts';
import { saveRfmSettings, loadRfmSettings } from '../../rules/rfm.ts';
import { ruleGroupSchema, type RuleGroupIn, type SegmentationRef } from '../../rules/types.ts';
import { loadSettings, saveSettings } from '../../signals/settings.ts';
import { signalCatalog } from '../../signals/handlers.ts';
import { customSignalSchema, type CustomSignal } from '../../signals/types.ts';
import { loadSqlDefinition } from './definition.ts';
import { appExpectation, checkPostgres, checkSqlite, postgresWithExport, sqliteWithExport, type Expected } from '../../../test/support/sql-export-check.ts';

const AS_OF = Date.UTC(2025, 10, 17);
const LATER = Date.UTC(2026, 0, 1);
const tmp = tempDir('segwb-sql-export-');
let ws: Workspace;
let modelIds: number[] = [];
const segmentIds: Record<string, number> = {};

const CUSTOM: unknown[] = [
  { id: 'pricing_or_faq_30d', label: 'Pricing or FAQ', aggregation: 'count', windowDays: 30, filter: { types: ['page_view'], pageCategories: ['pricing', 'faq'] } },
  { id: 'email_spend', label: "Spend from 'email'", aggregation: 'sum-amount', windowDays: null, filter: { types: ['purchase'], channels: ['email'] } },
  { id: 'units_60d', label: 'Units', aggregation: 'sum-quantity', windowDays: 60, filter: { types: ['purchase'] } },
  { id: 'any_days_45d', label: 'Active days', aggregation: 'distinct-days', windowDays: 45, filter: {} },
  { id: 'since_click', label: 'Since click', aggregation: 'days-since-last', windowDays: null, filter: { types: ['email_click'] } },
  { id: 'since_first_cart', label: 'Since first cart', aggregation: 'days-since-first', windowDays: 120, filter: { types: ['add_to_cart'] } },
  { id: 'checkouts_per_session', label: 'Checkouts per session', aggregation: 'rate', windowDays: 30, per: 'sessions_30d', filter: { types: ['checkout_start'] } },
  { id: 'product_url_views', label: 'Product URLs', aggregation: 'count', windowDays: 90, filter: { types: ['page_view'], urlContains: '/product' } },
];

const SEGMENTS: Array<[string, (ids: Record<string, number>, models: number[]) => RuleGroupIn]> = [
  ['Hot', () => ({ kind: 'group', combine: 'and', children: [{ kind: 'signal', signal: 'intent_score', op: 'gte', value: 35 }, { kind: 'event', types: ['page_view'], atLeast: 2, window: { kind: 'last', days: 14 } }] })],
  ['Month shoppers', () => ({ kind: 'group', combine: 'or', children: [{ kind: 'event', types: ['purchase'], window: { kind: 'month-to-date' } }, { kind: 'event', types: ['add_to_cart'], measure: 'days', atLeast: 2, window: { kind: 'month-to-date' } }] })],
  ['Summer big spenders', () => ({ kind: 'group', combine: 'and', children: [{ kind: 'event', types: ['purchase'], measure: 'amount', atLeast: 120.5, window: { kind: 'between', from: '2025-06-01', to: '2025-12-31' } }] })],
  ['Loyal but quiet', () => ({ kind: 'group', combine: 'and', children: [{ kind: 'segment', segmentation: { kind: 'rfm' }, segments: ['champions', 'loyal'] }, { kind: 'event', types: ['email_open'], atLeast: 1, window: { kind: 'last', days: 30 }, not: true }] })],
  ['Opted in, not DE', () => ({ kind: 'group', combine: 'and', children: [{ kind: 'attribute', field: 'attribute', key: 'email_opt_in', op: 'is', value: '1' }, { kind: 'attribute', field: 'country', op: 'is-not', value: 'de' }] })],
  ['Cluster pick', (_ids, models) => ({ kind: 'group', combine: 'or', children: [{ kind: 'segment', segmentation: { kind: 'clusters', modelId: models[0]! }, segments: ['1', '3'] }, { kind: 'segment', segmentation: { kind: 'clusters' }, segments: ['8'] }] })],
  ['Decision or custom', () => ({ kind: 'group', combine: 'or', children: [{ kind: 'segment', segmentation: { kind: 'phases' }, segments: ['decision'] }, { kind: 'signal', signal: 'checkouts_per_session', op: 'gt', value: 0.25 }] })],
  ['Hot but not loyal', (ids) => ({ kind: 'group', combine: 'and', children: [{ kind: 'segment', segmentation: { kind: 'segment', segmentId: ids['Hot']! }, segments: ['in'] }, { kind: 'group', combine: 'or', not: true, children: [{ kind: 'segment', segmentation: { kind: 'segment', segmentId: ids['Loyal but quiet']! }, segments: ['in'] }, { kind: 'event', types: ['page_view'], filters: [{ field: 'product', op: 'is', value: "Café 'Crème'" }] }] }] })],
];

function addCustomSignals(): void {
  for (const raw of CUSTOM) {
    const s: CustomSignal = customSignalSchema.parse(raw);
    ws.db.run('INSERT INTO signal_definitions (signal_id, definition, saved_at) VALUES (?, ?, ?)', [s.id, JSON.stringify(s), 0]);
  }
}

function fitModel(over: Omit<ClusterSettingsIn, 'signals'>, signals: string[]): number {
  const app = inThreadEvaluator(ws.db, AS_OF);
  const settings = clusterSettingsSchema.parse({ signals, ...over });
  const args = fitJobArgs(ws.db, app.data.frame, settings, ws.path);
  const { description, outcome } = fitJob(args, { isCancelled: () => false, progress: () => {} });
  return assembleModel(ws.db, app.data.frame, settings, description, outcome, args.previous?.summary.modelId ?? null).model.modelId;
}

beforeAll(async () => {
  const path = join(tmp.dir, 'sample.segwb');
  await generateSample({ path, customers: 1500, seed: 33, months: 12 }, { isCancelled: () => false, progress: () => {} });
  ws = openWorkspace(path);
  addCustomSignals();
  const catalog = signalCatalog(ws);
  const settings = loadSettings(ws.db, catalog);
  saveSettings(ws.db, { ...settings, weights: { ...settings.weights, pricing_or_faq_30d: 12, since_click: 7, return_rate: -8, support_contacts_90d: -4 }, thresholds: { consideration: 25, decision: 40 } }, catalog);
  modelIds = [
    fitModel({ k: 5, seed: 4, scaling: 'percentile', missing: 'drop', weights: { orders: 2, sessions_30d: 0.5 } }, [...DEFAULT_CLUSTER_SIGNALS, 'any_days_45d']),
    fitModel({ k: 6, seed: 2 }, [...DEFAULT_CLUSTER_SIGNALS]),
  ];
  const rfm = loadRfmSettings(ws.db);
  saveRfmSettings(ws.db, { ...rfm, groups: rfm.groups.map((g, i) => (i === 0 ? { ...g, name: "Champions 'A'" } : g)) });
  for (const [name, rule] of SEGMENTS) segmentIds[name] = saveSegment(ws.db, { name, description: '', rule: ruleGroupSchema.parse(rule(segmentIds, modelIds)) });
  // Priority differs from creation order.
  savePriority(ws.db, Object.values(segmentIds).reverse());
}, 300_000);
afterAll(() => {
  ws?.db.close();
  tmp.cleanup();
});

// ---------- what the app says ----------

const REFS = (): SegmentationRef[] => [
  { kind: 'phases' },
  { kind: 'rfm' },
  { kind: 'clusters' },
  ...modelIds.map((modelId) => ({ kind: 'clusters' as const, modelId })),
  { kind: 'rules' },
  ...Object.values(segmentIds).map((segmentId) => ({ kind: 'segment' as const, segmentId })),
];

const wanted = new Map<number, Expected>();
const want = (asOf: number) => {
  let e = wanted.get(asOf);
  if (!e) wanted.set(asOf, (e = appExpectation(ws.db, asOf, REFS(), true)));
  return e;
};

describe('the fixture', () => {
  it('puts customers on both sides of every decision the SQL makes', () => {
    const e = want(AS_OF);
    const count = (ref: string) => {
      const counts = new Map<string, number>();
      for (const key of e.members.get(ref)!.values()) counts.set(key, (counts.get(key) ?? 0) + 1);
      return counts;
    };
    expect([...count('phases').keys()].sort()).toEqual(['consideration', 'decision', 'orientation', 'retention']);
    expect(count('rfm').size).toBeGreaterThanOrEqual(6);
    expect(count(`clusters:${modelIds[0]}`).get('unclustered')).toBeGreaterThan(0);
    for (const id of Object.values(segmentIds)) {
      const inside = count(`segment:${id}`).get('in') ?? 0;
      expect(inside, `segment ${id}`).toBeGreaterThan(0);
      expect(inside, `segment ${id}`).toBeLessThan(e.ids.length);
    }
    expect(count('rules').size).toBeGreaterThanOrEqual(5);
  });
});

describe('SQLite: a fresh database in the documented layout', () => {
  let lite: Database.Database;
  beforeAll(() => {
    lite = sqliteWithExport(ws.db, AS_OF);
  }, 120_000);
  afterAll(() => lite?.close());

  for (const [name, asOf] of [['the export date', AS_OF], ['a later date', LATER]] as const) {
    it(`equals the app at ${name}`, () => checkSqlite(lite, asOf, want(asOf)), 120_000);
  }
});

const missing = postgresMissing();
describe.skipIf(missing !== null)(`PostgreSQL: a throwaway server${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await postgresWithExport(ws.db, AS_OF);
  }, 180_000);
  afterAll(async () => server?.stop());

  for (const [name, asOf] of [['the export date', AS_OF], ['a later date', LATER]] as const) {
    it(`equals the app at ${name}`, () => checkPostgres(server.client, asOf, want(asOf)), 180_000);
  }
});

describe('what SQL cannot carry', () => {
  it('refuses a segment on propensity bands, naming the segment and the reason', () => {
    const id = saveSegment(ws.db, { name: 'Likely buyers', description: '', rule: ruleGroupSchema.parse({ kind: 'group', combine: 'and', children: [{ kind: 'segment', segmentation: { kind: 'propensity' }, segments: ['high'] }] }) });
    try {
      expect(() => loadSqlDefinition(ws.db)).toThrow(/"Likely buyers" refers to propensity bands, and it is scored by the fitted purchase prediction/);
    } finally {
      ws.db.run('DELETE FROM segments WHERE segment_id = ?', [id]);
    }
  });

  it('refuses a rule on a prediction score', () => {
    const id = saveSegment(ws.db, { name: 'Alive', description: '', rule: ruleGroupSchema.parse({ kind: 'group', combine: 'and', children: [{ kind: 'signal', signal: 'p_alive', op: 'gte', value: 0.5 }] }) });
    try {
      expect(() => loadSqlDefinition(ws.db)).toThrow(expect.objectContaining({ code: 'export-unsupported', message: expect.stringContaining('"Alive" tests the signal "p_alive"') }));
    } finally {
      ws.db.run('DELETE FROM segments WHERE segment_id = ?', [id]);
    }
  });
});
