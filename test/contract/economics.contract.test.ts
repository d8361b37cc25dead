// Segment economics and decisions through the API over every transport, on a seeded sample
// workspace: tables that add up, settings that change the figures, decisions stored with their
// definition's version and figures, decisions that follow clusters across re-fits, one identity for
// a saved segment, and the exclusion list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { ApiClient, ArgsIn, EconomicsTable } from '../../core/api/contract.ts';
import { DEFAULT_CLUSTER_SIGNALS } from '../../core/api/contract.ts';
import { generateSample } from '../../core/sample/generate.ts';
import { tempDir } from '../support/temp.ts';
import { apiError, openCopy, transports, type Harness } from '../support/transports.ts';

const tmp = tempDir('segwb-economics-contract-');
const sample = join(tmp.dir, 'sample.segwb');
const AS_OF = '2025-10-01';

beforeAll(async () => {
  await generateSample({ path: sample, customers: 1500, seed: 5, months: 12 }, { isCancelled: () => false, progress: () => {} });
}, 120_000);
afterAll(() => tmp.cleanup());

function checkAddsUp(t: EconomicsTable): void {
  expect(t.segments.reduce((s, r) => s + r.customers, 0)).toBe(t.all.customers);
  expect(t.segments.reduce((s, r) => s + r.orders, 0)).toBe(t.all.orders);
  const revenue = t.segments.reduce((s, r) => s + r.revenuePerCustomer * r.customers, 0);
  expect(revenue).toBeCloseTo(t.all.revenuePerCustomer * t.all.customers, 6);
}

describe.each(transports)('economics over %s', (name, start) => {
  let h: Harness;
  let api: ApiClient;

  beforeAll(async () => {
    h = await openCopy(start, sample, tmp.dir, name);
    api = h.client;
  });
  afterAll(async () => h.close());

  it('adds up per segment, judges conversion in the window after the date, and follows the margin setting', async () => {
    const t = await api.send('economics-table', { ref: { kind: 'rfm' }, asOf: AS_OF, outcomeDays: 30 });
    checkAddsUp(t);
    expect(t).toMatchObject({ asOf: AS_OF, family: 'rfm', likelihoodSource: 'observed', outcome: { complete: true, available: true, windowEnd: '2025-10-30' } });
    for (const r of t.segments) expect(r.likelihood).toBe(r.conversionRate);
    const champions = t.segments.find((r) => r.key === 'champions')!;
    expect(champions.buyers).toBe(champions.customers);
    expect(t.segments.find((r) => r.key === 'none')!.orders).toBe(0);

    expect(await api.send('economics-settings-get', {})).toEqual({ margin: 0.3, marginColumn: null, supportContactCost: 5, churnAfterDays: 90 });
    await api.send('economics-settings-save', { settings: { margin: 0.6, marginColumn: null, supportContactCost: 0, churnAfterDays: 90 } });
    const doubled = await api.send('economics-table', { ref: { kind: 'rfm' }, asOf: AS_OF });
    // No support cost: net value is margin x (paid - returned), so doubling the margin doubles it.
    const before = t.segments.find((r) => r.key === 'loyal')!;
    const after = doubled.segments.find((r) => r.key === 'loyal')!;
    expect(after.grossMarginPerCustomer).toBeCloseTo(before.grossMarginPerCustomer * 2, 9);
    expect(after.netValuePerCustomer).toBeCloseTo((before.netValuePerCustomer + before.supportCostPerCustomer) * 2, 9);
    await api.send('economics-settings-save', { settings: { margin: 0.3, marginColumn: null, supportContactCost: 5, churnAfterDays: 90 } });

    // At the newest data there is nothing after the date, and no prediction is fitted.
    const latest = await api.send('economics-table', { ref: { kind: 'phases' } });
    expect(latest.outcome.available).toBe(false);
    expect(latest.likelihoodSource).toBe('none');
    expect(latest.segments.every((r) => r.likelihood === null)).toBe(true);
  }, 120_000);

  it('stores a decision with its version, date and figures; a rationale is required for "don\'t compete"', async () => {
    const t = await api.send('economics-table', { ref: { kind: 'rfm' }, asOf: AS_OF });
    const lost = t.segments.find((r) => r.key === 'lost')!;
    const refused = await apiError(api.send('decision-save', { ref: { kind: 'rfm' }, segmentKey: 'lost', segmentName: lost.name, decision: 'dont-compete', rationale: '  ', asOf: AS_OF }));
    expect(refused.code).toBe('invalid-args');
    expect(refused.issues?.map((i) => i.path)).toContain('rationale');

    const d = await api.send('decision-save', { ref: { kind: 'rfm' }, segmentKey: 'lost', segmentName: lost.name, decision: 'dont-compete', rationale: 'They only come back for discounts.', asOf: AS_OF });
    expect(d).toMatchObject({ family: 'rfm', segmentKey: 'lost', decision: 'dont-compete', asOf: AS_OF, definitionVersion: 'default RFM settings', decidedBy: userInfo().username });
    expect(d.figures?.customers).toBe(lost.customers);
    expect(d.figures?.netValuePerCustomer).toBeCloseTo(lost.netValuePerCustomer, 9);
    const again = await api.send('economics-table', { ref: { kind: 'rfm' }, asOf: AS_OF });
    expect(again.segments.find((r) => r.key === 'lost')!.decision?.decisionId).toBe(d.decisionId);

    // Withdrawn: gone from the current decisions, both kept in the history.
    await api.send('decision-save', { ref: { kind: 'rfm' }, segmentKey: 'lost', segmentName: lost.name, decision: null, rationale: 'Re-test after the spring sale.', asOf: AS_OF });
    expect((await api.send('decisions-list', {})).some((x) => x.family === 'rfm' && x.segmentKey === 'lost')).toBe(false);
    const history = await api.send('decision-history', { family: 'rfm', segmentKey: 'lost' });
    expect(history.map((x) => x.decision)).toEqual([null, 'dont-compete']);
  }, 120_000);

  it('keeps a decision on a cluster through re-fits that match it, and exports its customers as the exclusion list', async () => {
    await api.send('signals-compute', { asOf: AS_OF });
    const first = await api.send('cluster-fit', { settings: { signals: [...DEFAULT_CLUSTER_SIGNALS], k: 4, seed: 1 } });
    const t1 = await api.send('economics-table', { ref: { kind: 'clusters', modelId: first.modelId }, asOf: AS_OF });
    checkAddsUp(t1);
    const chosen = t1.segments.filter((r) => r.key !== 'unclustered').sort((a, b) => b.customers - a.customers)[0]!;
    const decided = await api.send('decision-save', { ref: { kind: 'clusters', modelId: first.modelId }, segmentKey: chosen.key, segmentName: chosen.name, decision: 'dont-compete', rationale: 'Returns eat the margin.', asOf: AS_OF });
    expect(decided.definitionVersion).toBe(`model ${first.modelId} (as of ${AS_OF})`);

    // Another seed: the matched cluster inherits the key, and with it the decision.
    const refit = await api.send('cluster-fit', { settings: { signals: [...DEFAULT_CLUSTER_SIGNALS], k: 4, seed: 9 } });
    expect(refit.previousModelId).toBe(first.modelId);
    expect(refit.clusters.map((c) => String(c.key))).toContain(chosen.key);
    const cmp = await api.send('segments-compare', { a: { kind: 'clusters', modelId: first.modelId }, b: { kind: 'clusters', modelId: refit.modelId }, asOf: AS_OF, replicates: 50 });
    const row = cmp.a.segments.findIndex((s) => s.key === chosen.key);
    const best = cmp.contingency[row]!.indexOf(Math.max(...cmp.contingency[row]!));
    expect(cmp.b.segments[best]!.key).toBe(chosen.key);
    const t2 = await api.send('economics-table', { ref: { kind: 'clusters' }, asOf: AS_OF });
    const carried = t2.segments.find((r) => r.key === chosen.key)!;
    expect(carried.decision?.decisionId).toBe(decided.decisionId);
    expect(t2.segments.filter((r) => r.decision).map((r) => r.key)).toEqual([chosen.key]);

    const path = join(tmp.dir, `${name}-exclusions.csv`);
    const written = await api.send('decisions-exclusions-export', { asOf: AS_OF, path });
    expect(written.segments).toEqual([{ family: 'clusters', segmentKey: chosen.key, segmentName: chosen.name, segmentation: t2.label, customers: carried.customers }]);
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('customer_id,excluded_by,segment_ids');
    expect(lines).toHaveLength(carried.customers + 1);
    expect(lines[1]!.endsWith(`,clusters:${chosen.key}`)).toBe(true);
    expect((await apiError(api.send('decisions-exclusions-export', { asOf: AS_OF, path }))).code).toBe('file-exists');
  }, 240_000);

  it('gives a saved segment one identity alone and in the priority list', async () => {
    const rule: ArgsIn<'segment-save'>['rule'] = { kind: 'group', combine: 'and', children: [{ kind: 'event', types: ['purchase'], atLeast: 2 }] };
    const [saved] = await api.send('segment-save', { name: 'Repeat buyers', description: '', rule });
    const alone = await api.send('economics-table', { ref: { kind: 'segment', segmentId: saved!.segmentId }, asOf: AS_OF });
    const inside = alone.segments.find((r) => r.key === 'in')!;
    await api.send('decision-save', { ref: { kind: 'segment', segmentId: saved!.segmentId }, segmentKey: 'in', segmentName: 'Repeat buyers', decision: 'compete', rationale: '', asOf: AS_OF });
    const listed = await api.send('economics-table', { ref: { kind: 'rules' }, asOf: AS_OF });
    const row = listed.segments.find((r) => r.key === String(saved!.segmentId))!;
    expect(row.customers).toBe(inside.customers);
    expect(row.decision).toMatchObject({ family: 'rules', segmentKey: String(saved!.segmentId), decision: 'compete', definitionVersion: 'version 1' });
  }, 120_000);
});
