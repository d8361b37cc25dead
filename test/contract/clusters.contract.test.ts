// The cluster workbench through the API, over every transport, on a seeded sample workspace with
// hidden behaviour types: fit, choose k, identity across re-fits and dates, rename, drill-down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ApiClient, ClusterModel, ClusterSettingsIn, Progress } from '../../core/api/contract.ts';
import { DEFAULT_CLUSTER_SIGNALS } from '../../core/api/contract.ts';
import { generateSample } from '../../core/sample/generate.ts';
import { tempDir } from '../support/temp.ts';
import { apiError, openCopy, transports, type Harness } from '../support/transports.ts';

const tmp = tempDir('segwb-clusters-');
const sample = join(tmp.dir, 'sample.segwb');

beforeAll(async () => {
  await generateSample({ path: sample, customers: 5000, seed: 11, months: 12 }, { isCancelled: () => false, progress: () => {} });
}, 120_000);
afterAll(() => tmp.cleanup());

const settings = (k: number, extra: Partial<ClusterSettingsIn> = {}): ClusterSettingsIn => ({ signals: [...DEFAULT_CLUSTER_SIGNALS], k, seed: 3, ...extra });

describe.each(transports)('clusters over %s', (name, start) => {
  let h: Harness & { path: string };
  let api: ApiClient;
  let ws: string;
  let first: ClusterModel;

  beforeAll(async () => {
    h = await openCopy(start, sample, tmp.dir, name);
    ws = h.path;
    api = h.client;
  });
  afterAll(async () => h.close());

  it('needs computed signals, then fits with progress and stores the model', async () => {
    expect((await apiError(api.send('cluster-fit', { settings: settings(4) }))).code).toBe('signals-not-computed');
    expect(await api.send('cluster-model', {})).toBeNull();
    await api.send('signals-compute', { asOf: '2025-11-01' });
    const progress: Progress[] = [];
    first = await api.send('cluster-fit', { settings: settings(4) }, { onProgress: (p) => progress.push(p) });
    expect(progress.some((p) => p.phase.startsWith('Fitting k-means'))).toBe(true);
    expect(first.clusters).toHaveLength(4);
    expect(first.live).toBe(true);
    expect(first.asOf).toBe('2025-11-01');
    expect(first.clusters.reduce((s, c) => s + c.size, 0)).toBe(first.clustered);
    expect(first.clustered + first.dropped).toBe(first.customers);
    // Largest first, distinct keys and colours, names generated from the members.
    const sizes = first.clusters.map((c) => c.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(new Set(first.clusters.map((c) => c.key)).size).toBe(4);
    expect(new Set(first.clusters.map((c) => c.name)).size).toBe(4);
    for (const c of first.clusters) {
      expect(c.name.length).toBeGreaterThan(3);
      expect(c.profile).toHaveLength(DEFAULT_CLUSTER_SIGNALS.length);
      expect(c.distinguishing.length).toBeGreaterThan(0);
    }
    // The sample's data runs past 2025-12-01, so the 30-day outcome is complete and adds up.
    expect(first.outcome?.complete).toBe(true);
    const converted = first.clusters.reduce((s, c) => s + c.outcome!.converted, 0);
    expect(converted / first.clustered).toBeCloseTo(first.outcome!.baseRate, 10);
    const db = new Database(ws, { readonly: true });
    const buyers = db
      .prepare(
        `SELECT count(DISTINCT customer_id) AS n FROM events WHERE type = 'purchase' AND ts >= :from AND ts < :to
           AND customer_id IN (SELECT customer_id FROM events WHERE ts < :from)`,
      )
      .get({ from: Date.UTC(2025, 10, 1), to: Date.UTC(2025, 11, 1) }) as { n: number };
    db.close();
    expect(converted).toBe(buyers.n);
    // Sample workspaces have hidden behaviour types: the evaluation compares against the month before.
    expect(first.evaluation?.month).toBe('2025-10');
    expect(first.evaluation!.adjustedRandIndex).toBeGreaterThan(0);
    expect(first.evaluation!.table.flatMap((r) => r.counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  }, 120_000);

  it('gives the same model for the same inputs and seed, and keeps identities across a re-fit', async () => {
    const again = await api.send('cluster-fit', { settings: settings(4) });
    expect(again.modelId).toBeGreaterThan(first.modelId);
    expect(again.previousModelId).toBe(first.modelId);
    expect(again.inertia).toBe(first.inertia);
    expect(again.clusters.map((c) => [c.key, c.size, c.name])).toEqual(first.clusters.map((c) => [c.key, c.size, c.name]));
    for (const c of again.clusters) expect(c.continues).toEqual({ modelId: first.modelId, key: c.key, name: c.name, overlap: 1 });
  }, 60_000);

  it('renames a cluster, and the name follows the cluster into the next fit and a later as-of date', async () => {
    const latest = (await api.send('cluster-model', {}))!;
    const target = latest.clusters[1]!;
    const renamed = await api.send('cluster-rename', { modelId: latest.modelId, key: target.key, name: 'Bargain hunters' });
    expect(renamed.clusters[1]!.name).toBe('Bargain hunters');
    expect(renamed.clusters[1]!.renamed).toBe(true);
    await api.send('signals-compute', { asOf: '2025-12-01' });
    const later = await api.send('cluster-fit', { settings: settings(4) });
    const carried = later.clusters.find((c) => c.key === target.key);
    expect(carried?.name).toBe('Bargain hunters');
    expect(carried!.continues!.overlap).toBeGreaterThan(0.5);
    // With one more cluster the old keys survive and the new one gets a key never used before.
    const five = await api.send('cluster-fit', { settings: settings(5) });
    const oldKeys = new Set(latest.clusters.map((c) => c.key));
    expect(five.clusters.filter((c) => oldKeys.has(c.key))).toHaveLength(4);
    expect(Math.max(...five.clusters.map((c) => c.key))).toBeGreaterThan(Math.max(...oldKeys));
    // Back to the generated name with an empty one.
    const back = await api.send('cluster-rename', { modelId: five.modelId, key: target.key, name: '' });
    expect(back.clusters.find((c) => c.key === target.key)!.renamed).toBe(false);
    const list = await api.send('cluster-models', {});
    expect(list[0]!.modelId).toBe(five.modelId);
    expect(list.map((m) => m.k)).toEqual([5, 4, 4, 4]);
  }, 120_000);

  it('projects, lists members of a cluster or a selection, and explains one customer', async () => {
    const model = (await api.send('cluster-model', {}))!;
    const proj = await api.send('cluster-projection', { modelId: model.modelId, maxPoints: 1000 });
    expect(proj.x).toHaveLength(1000);
    expect(proj.sampled).toBe(true);
    expect(proj.total).toBe(model.clustered);
    expect(proj.explained[0]).toBeGreaterThanOrEqual(proj.explained[1]);
    expect(proj.explained[0] + proj.explained[1]).toBeLessThanOrEqual(1 + 1e-9);
    const keys = new Set(model.clusters.map((c) => c.key));
    expect(proj.key.every((k) => keys.has(k))).toBe(true);
    // The default size comes from the fit's own worker: every customer here, the same axes.
    const all = await api.send('cluster-projection', { modelId: model.modelId });
    expect(all.sampled).toBe(false);
    expect(all.x).toHaveLength(model.clustered);
    expect(all.explained).toEqual(proj.explained);
    const sizes = new Map<number, number>();
    for (const k of all.key) sizes.set(k, (sizes.get(k) ?? 0) + 1);
    for (const c of model.clusters) expect(sizes.get(c.key)).toBe(c.size);

    const c0 = model.clusters[0]!;
    const page = await api.send('cluster-members', { modelId: model.modelId, key: c0.key, limit: 20 });
    expect(page.total).toBe(c0.size);
    const d = page.rows.map((r) => r.distance);
    expect(d).toEqual([...d].sort((a, b) => a - b));
    expect(page.rows.every((r) => r.key === c0.key && r.values.length === model.signals.length)).toBe(true);

    const picked = proj.row.slice(0, 7);
    const selection = await api.send('cluster-members', { modelId: model.modelId, rows: picked, limit: 100 });
    expect(selection.total).toBe(7);
    expect(selection.rows.map((r) => r.row)).toEqual(picked);
    expect(selection.rows.map((r) => r.key)).toEqual(proj.key.slice(0, 7));

    const who = page.rows[0]!.customerId;
    const why = await api.send('cluster-customer', { modelId: model.modelId, customerId: who });
    expect(why.key).toBe(c0.key);
    expect(why.distances[0]).toEqual({ key: c0.key, distance: why.distance });
    expect(why.text).toMatch(/^Closest to “/);
    expect(why.reasons.length).toBeGreaterThan(0);
    expect((await apiError(api.send('cluster-customer', { modelId: model.modelId, customerId: 'nobody' }))).code).toBe('customer-not-found');
    expect((await apiError(api.send('cluster-members', { modelId: model.modelId - 1, key: c0.key }))).code).toBe('cluster-not-live');
    expect((await apiError(api.send('cluster-projection', { modelId: 123456 }))).code).toBe('cluster-model-not-found');
    expect((await apiError(api.send('cluster-members', { modelId: model.modelId }))).code).toBe('invalid-args');
  }, 60_000);

  it('recommends k from silhouette, elbow and stability, with its reason', async () => {
    const rec = await api.send('cluster-choose-k', { settings: { signals: [...DEFAULT_CLUSTER_SIGNALS], kMin: 2, kMax: 6, seed: 1 } });
    expect(rec.candidates.map((c) => c.k)).toEqual([2, 3, 4, 5, 6]);
    const inertia = rec.candidates.map((c) => c.inertiaPerCustomer);
    expect(inertia[4]).toBeLessThan(inertia[0]!);
    for (const c of rec.candidates) {
      expect(c.silhouette).toBeGreaterThan(-1);
      expect(c.silhouette).toBeLessThanOrEqual(1);
      expect(c.stability).toBeLessThanOrEqual(1 + 1e-9);
    }
    expect(rec.candidates.map((c) => c.k)).toContain(rec.recommended);
    expect(rec.reason).toContain(`k = ${rec.recommended}`);
    expect(rec.seeds).toHaveLength(3);
  }, 120_000);

  it('says clearly what is wrong with impossible settings', async () => {
    const unknown = await apiError(api.send('cluster-fit', { settings: settings(3, { signals: ['no_such_signal'] }) }));
    expect(unknown.code).toBe('unknown-signal');
    expect(unknown.message).toContain('no_such_signal');
    const bad = await apiError(api.send('cluster-fit', { settings: settings(1) }));
    expect(bad.code).toBe('invalid-args');
    expect((await apiError(api.send('cluster-rename', { modelId: 999, key: 0, name: 'x' }))).code).toBe('cluster-model-not-found');
  });
});
