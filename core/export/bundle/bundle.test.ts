// The bundle's published JSON Schema: the committed file is what the zod schema generates, a real
// bundle passes it under an independent validator (Ajv, draft 2020-12), broken ones do not; the
// integrity hash ignores key order and whitespace but not content; the data fingerprint ignores
// import order but not data.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { createWorkspace, type Workspace } from '../../store/workspace.ts';
import { rebuildCustomerStats } from '../../customers/stats.ts';
import { inThreadEvaluator } from '../../rules/in-thread.ts';
import { saveSegment } from '../../rules/segments-store.ts';
import { ruleGroupSchema } from '../../rules/types.ts';
import { tempDir } from '../../../test/support/temp.ts';
import { buildBundle, bundledSegmentations, segmentationSizes } from './build.ts';
import { dataFingerprint } from './fingerprint.ts';
import { canonicalJson, integrityOf } from './integrity.ts';
import { BUNDLE_SCHEMA_FILE, bundleJsonSchema, bundleJsonSchemaText } from './json-schema.ts';
import { parseBundleText } from './read.ts';
import { diffBundles } from './diff.ts';
import type { Bundle } from './schema.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const EVENTS: Array<[string, number, string, number | null]> = [
  ['A', 1, 'purchase', 20.1],
  ['A', 30, 'purchase', 35.5],
  ['B', 3, 'page_view', null],
  ['B', 40, 'purchase', 12],
  ['C', 7, 'email_open', null],
];

const tmp = tempDir('segwb-bundle-');
afterAll(() => tmp.cleanup());

function shop(name: string, events: typeof EVENTS): Workspace {
  const ws = createWorkspace(join(tmp.dir, `${name}.segwb`), { name });
  ws.db.transaction(() => {
    const importId = Number(ws.db.run("INSERT INTO imports (kind, status, started_at) VALUES ('events', 'done', 0)").lastInsertRowid);
    for (const id of ['A', 'B', 'C']) ws.db.run('INSERT INTO customers (customer_id, first_seen, import_id) VALUES (?, ?, ?)', [id, T0, importId]);
    events.forEach(([c, d, type, amount], k) => ws.db.run('INSERT INTO events (customer_id, ts, type, amount, order_id, import_id) VALUES (?, ?, ?, ?, ?, ?)', [c, T0 + d * DAY, type, amount, type === 'purchase' ? `o${k}` : null, importId]));
  });
  rebuildCustomerStats(ws.db);
  return ws;
}

const ws = shop('shop', EVENTS);
saveSegment(ws.db, { name: 'Buyers', description: '', rule: ruleGroupSchema.parse({ kind: 'group', combine: 'and', children: [{ kind: 'event', types: ['purchase'] }] }) });
const asOf = T0 + 60 * DAY;
const { evaluator } = inThreadEvaluator(ws.db, asOf);
const bundle = buildBundle(ws.db, { workbenchVersion: '1.2.3', asOf: '2024-03-01', data: dataFingerprint(ws.db), sizes: segmentationSizes(evaluator, bundledSegmentations(ws.db)) });
const text = JSON.stringify(bundle, null, 2);

describe('bundle JSON Schema', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(fileURLToPath(new URL(`../../../${BUNDLE_SCHEMA_FILE}`, import.meta.url)), 'utf8')));

  it('is published as the zod schema generates it (run `npm run schema` after changing the bundle)', () => {
    const committed = readFileSync(fileURLToPath(new URL(`../../../${BUNDLE_SCHEMA_FILE}`, import.meta.url)), 'utf8');
    expect(committed).toBe(bundleJsonSchemaText());
    expect(bundleJsonSchema().title).toBe('Segment Workbench bundle, version 1');
  });

  it('accepts an exported bundle and rejects broken ones under an independent validator', () => {
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
    const { segments: _s, ...missing } = JSON.parse(text);
    expect(validate(missing)).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === 'required' && (e.params as { missingProperty?: string }).missingProperty === 'segments')).toBe(true);
    expect(validate({ ...JSON.parse(text), version: 2 })).toBe(false);
    expect(validate({ ...JSON.parse(text), data: { ...bundle.data, sha256: 'not-hex' } })).toBe(false);
    expect(validate({ ...JSON.parse(text), extra: true })).toBe(false);
  });
});

describe('bundle integrity and fingerprint', () => {
  it('reads back what it wrote; the hash ignores key order and whitespace but not content', () => {
    expect(parseBundleText(text, 'b.json')).toEqual(bundle);
    const reordered = Object.fromEntries(Object.entries(JSON.parse(text)).reverse());
    expect(integrityOf(reordered)).toBe(bundle.integrity);
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    const edited = { ...JSON.parse(text), asOf: '2024-03-02' };
    expect(() => parseBundleText(JSON.stringify(edited), 'b.json')).toThrow(/changed after it was exported/);
  });

  it('gives the same fingerprint whatever the import order, and another for other data', () => {
    const reversed = shop('reversed', [...EVENTS].reverse());
    expect(dataFingerprint(reversed.db)).toEqual(bundle.data);
    const cent = shop('cent', EVENTS.map((e, i) => (i === 0 ? [e[0], e[1], e[2], 20.11] : e)));
    expect(dataFingerprint(cent.db).sha256).not.toBe(bundle.data.sha256);
    expect(bundle.data).toMatchObject({ customers: 3, events: 5, firstEventAt: T0 + DAY, lastEventAt: T0 + 40 * DAY });
  });
});

describe('bundle diff', () => {
  const centroids = [[0, 0], [3, 4]];
  const model = (over: Partial<NonNullable<Bundle['clusterModel']>> = {}): NonNullable<Bundle['clusterModel']> => ({
    modelId: 1,
    asOf: '2024-03-01',
    settings: { signals: ['a', 'b'], weights: {}, scaling: 'robust', missing: 'signal-policy', k: 2, seed: 1, maxIterations: 100, outcomeDays: 30 },
    scaling: ['a', 'b'].map((id) => ({ id, method: 'robust' as const, centre: 0, scale: 1, clip: 4, impute: null, weight: 1, breakpoints: null })),
    centroids,
    clusters: [
      { key: 0, name: 'Quiet', colour: '#000' },
      { key: 1, name: 'Busy', colour: '#111' },
    ],
    summary: {},
    ...over,
  });

  it('finds nothing between a bundle and itself', () => {
    expect(diffBundles(bundle, bundle)).toMatchObject({ sameData: true, changes: [] });
  });

  it('lists weights, thresholds, segments, priority and how far each centroid moved', () => {
    const before: Bundle = { ...bundle, clusterModel: model() };
    const renamed = { ...bundle.segments[0]!, name: 'All buyers' };
    const added = { segmentId: 9, name: 'New one', description: '', version: 1, rule: bundle.segments[0]!.rule };
    const after: Bundle = {
      ...bundle,
      scoring: { ...bundle.scoring, weights: { ...bundle.scoring.weights, orders: (bundle.scoring.weights.orders ?? 0) + 5 }, thresholds: { consideration: 30, decision: 80 } },
      segments: [renamed, added],
      priority: [9, renamed.segmentId],
      clusterModel: model({ modelId: 2, centroids: [[0, 0], [0, 0]], clusters: [{ key: 0, name: 'Quiet', colour: '#000' }, { key: 1, name: 'Busy', colour: '#111' }] }),
    };
    const changes = diffBundles(before, after).changes;
    expect(changes.find((c) => c.area === 'weights')).toMatchObject({ item: 'orders', kind: 'changed', amount: 5 });
    expect(changes.find((c) => c.area === 'thresholds')).toMatchObject({ item: 'thresholds', before: JSON.stringify(bundle.scoring.thresholds), after: '{"consideration":30,"decision":80}' });
    expect(changes.filter((c) => c.area === 'segments').map((c) => [c.item, c.kind])).toEqual([['All buyers', 'changed'], ['New one', 'added']]);
    expect(changes.find((c) => c.area === 'priority')).toMatchObject({ before: 'Buyers', after: 'New one > All buyers' });
    const costly: Bundle = { ...bundle, economics: { ...bundle.economics, supportContactCost: 9 } };
    expect(diffBundles(bundle, costly).changes).toEqual([{ area: 'settings', item: 'economics', kind: 'changed', before: canonicalJson(bundle.economics), after: canonicalJson(costly.economics) }]);
    // Cluster 1 moved from (3, 4) to the origin: 5 scaled units; cluster 0 did not move.
    expect(changes.filter((c) => c.area === 'clusters')).toEqual([{ area: 'clusters', item: 'centroid of cluster 1 (Busy)', kind: 'changed', before: null, after: null, amount: 5 }]);
  });
});
