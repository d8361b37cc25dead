// Rules compiled for PostgreSQL and run on a real server against the documented raw layout, the
// signals of the date and the other segmentations' members: the same customers as the app's
// evaluator, rule by rule, for every kind of condition (windows, filters with negation, amounts,
// distinct days, "at most" that includes customers with nothing, JSON attributes, signals with
// the intent score, memberships, NOT groups, text with accents and quotes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { generateSample } from '../sample/generate.ts';
import { openWorkspace, type Workspace } from '../store/workspace.ts';
import { tempDir } from '../../test/support/temp.ts';
import { loadWorkspace, postgresMissing, startPostgres, type PostgresServer } from '../../test/support/postgres.ts';
import { CUSTOMER_COLUMNS, EVENT_COLUMNS, POSTGRES_PRELUDE, rawTablesDdl } from '../export/sql/layout.ts';
import { compileRuleSql } from './compile.ts';
import { inThreadEvaluator } from './in-thread.ts';
import { formatSegmentationRef } from './refs.ts';
import { ruleGroupSchema, type RuleGroupIn, type SegmentationRef } from './types.ts';

const AS_OF = Date.UTC(2025, 10, 17);
const missing = postgresMissing();
const tmp = tempDir('segwb-rules-pg-');
let server: PostgresServer;
let ws: Workspace;
let app: ReturnType<typeof inThreadEvaluator>;

const RULES: Array<[string, RuleGroupIn]> = [
  ['two purchases in 90 days', { kind: 'group', combine: 'and', children: [{ kind: 'event', types: ['purchase'], atLeast: 2, window: { kind: 'last', days: 90 } }] }],
  ['not 3+ opens in 30 days', { kind: 'group', combine: 'and', children: [{ kind: 'event', types: ['email_open'], atLeast: 3, window: { kind: 'last', days: 30 }, not: true }] }],
  ['spent 150+ on categories with an "a"', { kind: 'group', combine: 'and', children: [{ kind: 'event', types: ['purchase'], measure: 'amount', atLeast: 150, filters: [{ field: 'category', op: 'contains', value: 'A' }] }] }],
  ['pricing or returns pages on 2+ days this month', { kind: 'group', combine: 'and', children: [{ kind: 'event', types: ['page_view'], measure: 'days', atLeast: 2, window: { kind: 'month-to-date' }, filters: [{ field: 'page_category', op: 'in', values: ['pricing', 'RETURNS'] }] }] }],
  ['opted in to email', { kind: 'group', combine: 'and', children: [{ kind: 'attribute', field: 'attribute', key: 'email_opt_in', op: 'is', value: '1' }] }],
  ['not from DE (customers without a country too)', { kind: 'group', combine: 'and', children: [{ kind: 'attribute', field: 'country', op: 'is-not', value: 'de' }] }],
  ['one to three orders and intent 30+', { kind: 'group', combine: 'and', children: [{ kind: 'signal', signal: 'orders', op: 'between', value: 1, max: 3 }, { kind: 'signal', signal: 'intent_score', op: 'gte', value: 30 }] }],
  ['champions or loyal, or in decision', { kind: 'group', combine: 'or', children: [{ kind: 'segment', segmentation: { kind: 'rfm' }, segments: ['champions', 'loyal'] }, { kind: 'segment', segmentation: { kind: 'phases' }, segments: ['decision'] }] }],
  ['product pages outside email, between dates', { kind: 'group', combine: 'and', children: [{ kind: 'event', types: ['page_view'], window: { kind: 'between', from: '2025-06-01', to: '2025-09-30' }, filters: [{ field: 'url', op: 'starts-with', value: '/PRODUCT/' }, { field: 'channel', op: 'not-in', values: ['email'] }] }] }],
  ['no email click in 60 days (at most 0)', { kind: 'group', combine: 'and', children: [{ kind: 'event', types: ['email_click'], atMost: 0, window: { kind: 'last', days: 60 } }] }],
  ['accents and quotes match nobody the same way', { kind: 'group', combine: 'or', children: [{ kind: 'event', types: ['purchase'], filters: [{ field: 'product', op: 'is', value: "Café 'Crème'" }] }, { kind: 'attribute', field: 'city', op: 'starts-with', value: 'É' }] }],
  ['NOT (bought, or viewed a cart)', { kind: 'group', combine: 'or', not: true, children: [{ kind: 'event', types: ['purchase'] }, { kind: 'event', types: ['add_to_cart'], atLeast: 1, window: { kind: 'last', days: 30 } }] }],
];

const SEGMENTATIONS: SegmentationRef[] = [{ kind: 'rfm' }, { kind: 'phases' }];

beforeAll(async () => {
  if (missing) return;
  const path = join(tmp.dir, 'sample.segwb');
  await generateSample({ path, customers: 1000, seed: 12, months: 12 }, { isCancelled: () => false, progress: () => {} });
  ws = openWorkspace(path);
  app = inThreadEvaluator(ws.db, AS_OF);
  server = await startPostgres();
  const pg = server.client;
  await pg.query(rawTablesDdl('postgres'));
  await pg.query(POSTGRES_PRELUDE);
  await loadWorkspace(pg, ws.db, { customers: CUSTOMER_COLUMNS, events: EVENT_COLUMNS });
  // The signals of the date and the other segmentations' members, as the exported views will provide them.
  const frame = app.data.frame;
  const ids = frame.signals.map((s) => s.id);
  await pg.query(`CREATE TABLE signals (customer_id text PRIMARY KEY, ${ids.map((id) => `"${id}" double precision`).join(', ')}, intent_score double precision)`);
  const intent = app.evaluator.intentScores();
  const width = ids.length + 2;
  for (let start = 0; start < frame.customerIds.length; start += 200) {
    const rows = frame.customerIds.slice(start, start + 200).map((id, k) => {
      const i = start + k;
      return [id, ...frame.values.map((v) => (Number.isNaN(v[i]!) ? null : v[i]!)), intent[i]!];
    });
    await pg.query(`INSERT INTO signals VALUES ${rows.map((_, r) => `(${Array.from({ length: width }, (__, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ')}`, rows.flat());
  }
  await pg.query('CREATE TABLE segment_members (segmentation text, segment text, customer_id text)');
  for (const ref of SEGMENTATIONS) {
    const { info, labels } = app.evaluator.segmentation(ref);
    const rows = frame.customerIds.map((id, i) => [formatSegmentationRef(ref), info.segments[labels[i]!]!.key, id]);
    for (let start = 0; start < rows.length; start += 2000) {
      const chunk = rows.slice(start, start + 2000);
      await pg.query(`INSERT INTO segment_members VALUES ${chunk.map((_, r) => `($${3 * r + 1}, $${3 * r + 2}, $${3 * r + 3})`).join(', ')}`, chunk.flat());
    }
  }
}, 240_000);
afterAll(async () => {
  ws?.db.close();
  await server?.stop();
  tmp.cleanup();
});

describe.skipIf(missing !== null)(`rule SQL on PostgreSQL${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it.each(RULES)('%s: the same customers as the app', async (_name, input) => {
    const rule = ruleGroupSchema.parse(input);
    const inApp = app.data.frame.customerIds.filter((_, i) => app.evaluator.rule(rule).mask[i]);
    const sql = compileRuleSql(rule, AS_OF, 'postgres');
    const inPg = (await server.client.query<{ customer_id: string }>(sql.text, sql.params)).rows.map((r) => r.customer_id);
    expect(inPg).toEqual(inApp);
  });

  it('covers rules that match many, few and no customers', async () => {
    const sizes = RULES.map(([, input]) => app.evaluator.rule(ruleGroupSchema.parse(input)).mask.reduce((s, v) => s + v, 0));
    expect(sizes.some((n) => n === 0)).toBe(true);
    expect(sizes.filter((n) => n > 20 && n < app.data.frame.customerIds.length - 20).length).toBeGreaterThanOrEqual(6);
  });
});
