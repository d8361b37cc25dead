// The JSON bundle through the API over every transport: a workspace with its own definitions (a
// custom signal that carries weight, changed thresholds, a cluster model on it, edited RFM groups,
// two saved segments — one built on the other — in priority order, a decision) exports a bundle;
// a second workspace holding the same data imports it and writes the identical membership CSV,
// customer by customer. Bundles that were edited, are of another version, lack fields, or were
// built on other data are refused with messages that say so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiClient, ArgsIn } from '../../core/api/contract.ts';
import { DEFAULT_CLUSTER_SIGNALS } from '../../core/api/contract.ts';
import { generateSample } from '../../core/sample/generate.ts';
import { tempDir } from '../support/temp.ts';
import { apiError, transports, type Harness } from '../support/transports.ts';

const tmp = tempDir('segwb-bundle-contract-');
const sample = join(tmp.dir, 'sample.segwb');
const other = join(tmp.dir, 'other.segwb');
const AS_OF = '2025-11-01';

beforeAll(async () => {
  await generateSample({ path: sample, customers: 1200, seed: 21, months: 12 }, { isCancelled: () => false, progress: () => {} });
  await generateSample({ path: other, customers: 800, seed: 22, months: 12 }, { isCancelled: () => false, progress: () => {} });
}, 180_000);
afterAll(() => tmp.cleanup());

async function define(api: ApiClient): Promise<void> {
  await api.send('signal-save', { signal: { id: 'pricing_visits_60d', label: 'Pricing visits (60 d)', aggregation: 'count', filter: { types: ['page_view'], pageCategories: ['pricing'] }, windowDays: 60 } });
  const scoring = await api.send('scoring-settings-get', {});
  await api.send('scoring-settings-save', { settings: { ...scoring, weights: { ...scoring.weights, pricing_visits_60d: 35 }, thresholds: { consideration: 35, decision: 62 } } });
  await api.send('signals-compute', { asOf: AS_OF });
  await api.send('cluster-fit', { settings: { signals: [...DEFAULT_CLUSTER_SIGNALS, 'pricing_visits_60d'], k: 5, seed: 3 } });
  const rfm = await api.send('rfm-settings-get', {});
  await api.send('rfm-settings-save', { settings: { ...rfm, groups: rfm.groups.map((g) => (g.id === 'loyal' ? { ...g, name: 'Regulars' } : g)) } });
  const buyers: ArgsIn<'segment-save'>['rule'] = { kind: 'group', combine: 'and', children: [{ kind: 'event', types: ['purchase'], atLeast: 2, window: { kind: 'last', days: 120 } }] };
  const [first] = await api.send('segment-save', { name: 'Repeat buyers', description: '', rule: buyers });
  const curious: ArgsIn<'segment-save'>['rule'] = {
    kind: 'group',
    combine: 'and',
    children: [
      { kind: 'signal', signal: 'pricing_visits_60d', op: 'gte', value: 1 },
      { kind: 'segment', segmentation: { kind: 'segment', segmentId: first!.segmentId }, segments: ['in'], not: true },
    ],
  };
  const saved = await api.send('segment-save', { name: 'Curious, not repeat', description: 'Looked at prices, not a repeat buyer', rule: curious });
  const second = saved.find((s) => s.name === 'Curious, not repeat')!;
  await api.send('segments-priority-save', { order: [second.segmentId, first!.segmentId] });
  await api.send('economics-table', { ref: { kind: 'rfm' }, asOf: AS_OF });
  await api.send('decision-save', { ref: { kind: 'rfm' }, segmentKey: 'hibernating', segmentName: 'Hibernating', decision: 'dont-compete', rationale: 'Only buy on discount.', asOf: AS_OF });
}

describe.each(transports)('bundle over %s', (name, start) => {
  let h: Harness;
  let api: ApiClient;
  const source = join(tmp.dir, `${name}-source.segwb`);
  const target = join(tmp.dir, `${name}-target.segwb`);
  const bundlePath = join(tmp.dir, `${name}-bundle.json`);

  beforeAll(async () => {
    copyFileSync(sample, source);
    copyFileSync(sample, target);
    h = await start(join(tmp.dir, name));
    api = h.client;
    await api.send('workspace-open', { path: source });
    await define(api);
  }, 240_000);
  afterAll(async () => h.close());

  it('reproduces the same membership, customer by customer, in a workspace with the same data', async () => {
    const exported = await api.send('export-bundle', { asOf: AS_OF, path: bundlePath });
    expect(exported).toMatchObject({ asOf: AS_OF, segments: 2 });
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
    expect(bundle).toMatchObject({ format: 'segment-workbench-bundle', version: 1, workbenchVersion: '9.9.9-test', asOf: AS_OF });
    expect(bundle.customSignals.map((s: { id: string }) => s.id)).toEqual(['pricing_visits_60d']);
    expect(bundle.scoring.thresholds).toEqual({ consideration: 35, decision: 62 });
    expect(bundle.clusterModel.centroids).toHaveLength(5);
    expect(bundle.decisions).toHaveLength(1);
    const pmmlPath = join(tmp.dir, `${name}-clusters.pmml`);
    const pmml = await api.send('export-pmml', { path: pmmlPath });
    expect(pmml).toMatchObject({ clusters: 5, signals: bundle.clusterModel.scaling.length });
    expect(readFileSync(pmmlPath, 'utf8')).toContain('numberOfClusters="5"');
    expect((await apiError(api.send('export-pmml', { path: pmmlPath }))).code).toBe('file-exists');
    const sourceCsv = join(tmp.dir, `${name}-source.csv`);
    await api.send('export-membership', { asOf: AS_OF, path: sourceCsv });

    await api.send('workspace-open', { path: target });
    const imported = await api.send('bundle-import', { path: bundlePath });
    expect(imported).toMatchObject({ segments: 2, replacedSegments: 0, customSignals: 1, decisions: 1, sameData: true, differences: [] });
    const targetCsv = join(tmp.dir, `${name}-target.csv`);
    await api.send('export-membership', { asOf: AS_OF, path: targetCsv });
    const a = readFileSync(sourceCsv, 'utf8');
    expect(a.split('\n').length).toBeGreaterThan(900);
    expect(readFileSync(targetCsv, 'utf8')).toBe(a);
    // The decision came along, on the same segment.
    expect((await api.send('decisions-list', {})).map((d) => [d.family, d.segmentKey, d.decision])).toEqual([['rfm', 'hibernating', 'dont-compete']]);

    // Nothing differs between the bundle and what the workspace now holds; one weight moved is one change.
    expect((await api.send('bundle-diff', { from: { path: bundlePath }, to: { current: true } })).changes).toEqual([]);
    const scoring = await api.send('scoring-settings-get', {});
    await api.send('scoring-settings-save', { settings: { ...scoring, weights: { ...scoring.weights, pricing_visits_60d: 10 } } });
    const diff = await api.send('bundle-diff', { from: { path: bundlePath }, to: { current: true } });
    expect(diff.sameData).toBe(true);
    expect(diff.changes).toEqual([{ area: 'weights', item: 'pricing_visits_60d', kind: 'changed', before: '35', after: '10', amount: -25 }]);
    const preview = await api.send('bundle-preview', { asOf: AS_OF });
    expect(preview.scoring.weights.pricing_visits_60d).toBe(10);
    expect(preview.sizes.phases).toBeDefined();
    const rows = await api.send('export-membership-preview', { asOf: AS_OF, limit: 5 });
    expect(rows.rows).toHaveLength(5);
    expect(rows.header[0]).toBe('customer_id');
    expect(rows.customers).toBe(a.trim().split('\n').length - 1);

    // Importing again replaces only when told to.
    const refused = await apiError(api.send('bundle-import', { path: bundlePath }));
    expect(refused.code).toBe('bundle-would-replace');
    expect(refused.message).toContain('2 saved segments');
    expect((await api.send('bundle-import', { path: bundlePath, replace: true })).differences).toEqual([]);
  }, 240_000);

  it('refuses bundles that were edited, are of another version, lack fields, or come from other data', async () => {
    const good = JSON.parse(readFileSync(bundlePath, 'utf8'));
    const write = (label: string, content: unknown) => {
      const p = join(tmp.dir, `${name}-${label}.json`);
      writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
      return p;
    };
    const tampered = await apiError(api.send('bundle-import', { path: write('tampered', { ...good, data: { ...good.data, customers: good.data.customers + 1 } }), replace: true }));
    expect(tampered.code).toBe('bundle-tampered');
    expect(tampered.message).toContain('changed after it was exported');
    const weights = await apiError(api.send('bundle-import', { path: write('weights', { ...good, scoring: { ...good.scoring, thresholds: { consideration: 10, decision: 20 } } }), replace: true }));
    expect(weights.code).toBe('bundle-tampered');

    const newer = await apiError(api.send('bundle-import', { path: write('v2', { ...good, version: 2 }) }));
    expect(newer.code).toBe('bundle-version');
    expect(newer.message).toMatch(/version 2; this workbench reads version 1/);

    const { segments: _s, ...missing } = good;
    const lacking = await apiError(api.send('bundle-import', { path: write('missing', missing) }));
    expect(lacking.code).toBe('bundle-invalid');
    expect(lacking.issues?.map((i) => i.path)).toContain('segments');

    const broken = await apiError(api.send('bundle-import', { path: write('syntax', '{\n  "format": "segment-workbench-bundle",\n  "version": 1,\n  oops\n}') }));
    expect(broken.code).toBe('bundle-invalid');
    expect(broken.message).toMatch(/line 4, column 3/);

    const copy = join(tmp.dir, `${name}-other.segwb`);
    copyFileSync(other, copy);
    await api.send('workspace-open', { path: copy });
    const mismatch = await apiError(api.send('bundle-import', { path: bundlePath }));
    expect(mismatch.code).toBe('bundle-data-mismatch');
    expect(mismatch.message).toContain('1,200 customers');
    const anyway = await api.send('bundle-import', { path: bundlePath, acceptDifferentData: true });
    expect(anyway.sameData).toBe(false);
    expect(anyway.differences.length).toBeGreaterThan(0);
  }, 240_000);
});
