// Rule segments, RFM, comparisons and priorities through the API, over every transport, on a
// seeded sample workspace: live counts, saved segments with versions, refusals, the priority list
// and its CSV, and a comparison with clusters whose cells become segments with the same members.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiClient, Progress, RuleGroupIn, SavedSegment } from '../../core/api/contract.ts';
import { DEFAULT_CLUSTER_SIGNALS } from '../../core/api/contract.ts';
import { generateSample } from '../../core/sample/generate.ts';
import { tempDir } from '../support/temp.ts';
import { apiError, openCopy, transports, type Harness } from '../support/transports.ts';

const tmp = tempDir('segwb-rules-contract-');
const sample = join(tmp.dir, 'sample.segwb');

beforeAll(async () => {
  await generateSample({ path: sample, customers: 3000, seed: 5, months: 12 }, { isCancelled: () => false, progress: () => {} });
}, 120_000);
afterAll(() => tmp.cleanup());

const boughtRecently: RuleGroupIn = { kind: 'group', combine: 'and', children: [{ kind: 'event', types: ['purchase'], window: { kind: 'last', days: 30 } }] };
const notOpening: RuleGroupIn = {
  kind: 'group',
  combine: 'and',
  children: [
    { kind: 'event', types: ['purchase'], window: { kind: 'last', days: 90 } },
    { kind: 'event', types: ['email_open'], atLeast: 3, window: { kind: 'last', days: 30 }, not: true },
  ],
};

describe.each(transports)('rules over %s', (name, start) => {
  let h: Harness;
  let api: ApiClient;

  beforeAll(async () => {
    h = await openCopy(start, sample, tmp.dir, name);
    api = h.client;
  });
  afterAll(async () => h.close());

  it('evaluates a rule with counts per node, computing the signals first when there are none', async () => {
    expect(await api.send('signals-snapshot', {})).toBeNull();
    const progress: Progress[] = [];
    const ev = await api.send('rule-evaluate', { rule: notOpening }, { onProgress: (p) => progress.push(p) });
    expect(progress.some((p) => p.phase.startsWith('Finding customers who'))).toBe(true);
    expect((await api.send('signals-snapshot', {}))?.asOf).toBe(ev.asOf);
    const [bought, notOpened] = ev.counts.children!;
    expect(ev.matched).toBe(ev.counts.count);
    expect(ev.matched).toBeLessThanOrEqual(Math.min(bought!.count, notOpened!.count));
    expect(ev.matched).toBeGreaterThan(0);
    expect(bought!.count + notOpened!.count - ev.matched).toBeLessThanOrEqual(ev.customers);
    expect(ev.sql.text).toContain('EXCEPT');
    expect(ev.sql.params).toContain('email_open');
    const page = await api.send('rule-members', { rule: notOpening, offset: 0, limit: 5 });
    expect(page.total).toBe(ev.matched);
    expect(page.rows).toHaveLength(5);
    expect(page.rows.every((r) => (r.daysSincePurchase ?? Infinity) < 90)).toBe(true);
  });

  it('suggests event values and customer attribute keys for the pickers', async () => {
    const types = await api.send('event-field-values', { field: 'type' });
    expect(types.values.map((v) => v.value)).toContain('purchase');
    expect(types.values.reduce((s, v) => s + v.events, 0)).toBe(types.scanned);
    const products = await api.send('event-field-values', { field: 'product', types: ['purchase'], limit: 3 });
    expect(products.values.length).toBeGreaterThan(0);
    expect(products.values.length).toBeLessThanOrEqual(3);
    expect(products.values[0]!.events).toBeGreaterThanOrEqual(products.values.at(-1)!.events);
    const keys = await api.send('customer-attribute-keys', {});
    expect(keys.map((k) => k.key)).toContain('acquisition_channel');
    expect((await apiError(api.send('event-field-values', { field: 'amount' as never }))).code).toBe('invalid-args');
  });

  it('says which field is wrong', async () => {
    const bad = { kind: 'group', combine: 'and', children: [{ kind: 'event', types: ['purchase'], atLeast: 5, atMost: 2 }] } as never;
    const err = await apiError(api.send('rule-evaluate', { rule: bad }));
    expect(err.code).toBe('invalid-args');
    expect(err.issues?.some((i) => i.path.includes('atMost'))).toBe(true);
    const unknown = await apiError(api.send('rule-evaluate', { rule: { kind: 'group', combine: 'and', children: [{ kind: 'signal', signal: 'no_such_signal', op: 'gt', value: 1 }] } }));
    expect(unknown.code).toBe('unknown-signal');
  });

  let segments: SavedSegment[] = [];

  it('saves segments with versions, refuses taken names, cycles and deleting what others use', async () => {
    segments = await api.send('segment-save', { name: 'Bought recently', rule: boughtRecently });
    segments = await api.send('segment-save', { name: 'Buyers not opening', description: 'Bought in 90 days, fewer than 3 opens in 30', rule: notOpening });
    expect(segments.map((s) => [s.name, s.priority, s.version])).toEqual([
      ['Bought recently', 0, 1],
      ['Buyers not opening', 1, 1],
    ]);
    const first = segments[0]!;
    // Saving the same definition is not a new version; a change is.
    segments = await api.send('segment-save', { segmentId: first.segmentId, name: first.name, rule: boughtRecently });
    expect(segments[0]!.version).toBe(1);
    const retention = { kind: 'group' as const, combine: 'and' as const, children: [{ kind: 'segment' as const, segmentation: { kind: 'phases' as const }, segments: ['retention'] }] };
    segments = await api.send('segment-save', { name: 'Retained', rule: retention });
    expect((await apiError(api.send('segment-save', { name: 'bought RECENTLY', rule: boughtRecently }))).code).toBe('segment-name-taken');
    const retained = segments.find((s) => s.name === 'Retained')!;
    const usesFirst = { kind: 'group' as const, combine: 'or' as const, children: [{ kind: 'segment' as const, segmentation: { kind: 'segment' as const, segmentId: first.segmentId }, segments: ['in'] }] };
    segments = await api.send('segment-save', { segmentId: retained.segmentId, name: 'Retained', rule: usesFirst });
    expect(segments.find((s) => s.segmentId === retained.segmentId)!.version).toBe(2);
    // First -> Retained -> First would be a cycle.
    const cycle = { kind: 'group' as const, combine: 'or' as const, children: [{ kind: 'segment' as const, segmentation: { kind: 'segment' as const, segmentId: retained.segmentId }, segments: ['in'] }] };
    expect((await apiError(api.send('segment-save', { segmentId: first.segmentId, name: first.name, rule: cycle }))).code).toBe('segment-cycle');
    const inUse = await apiError(api.send('segment-delete', { segmentId: first.segmentId }));
    expect(inUse.code).toBe('segment-in-use');
    expect(inUse.message).toContain('Retained');
  });

  it('gives every customer one primary segment by priority, and reorders', async () => {
    const ids = segments.map((s) => s.segmentId);
    const before = await api.send('segments-priority', {});
    expect(before.rows.map((r) => r.segmentId)).toEqual(ids);
    const sum = (a: typeof before) => a.rows.reduce((s, r) => s + r.primary, 0) + a.unassigned;
    expect(sum(before)).toBe(before.customers);
    // "Retained" is "Bought recently" by reference: below it, it gets no one of its own.
    expect(before.rows[2]!.primary).toBe(0);
    expect(before.rows[2]!.members).toBe(before.rows[0]!.members);
    expect(before.takes[0]![2]).toBe(before.rows[0]!.members);
    for (const r of before.rows) expect(r.primary + r.claimedAbove).toBe(r.members);

    expect((await apiError(api.send('segments-priority-save', { order: [ids[0]!, ids[0]!, ids[1]!] }))).code).toBe('invalid-priority');
    segments = await api.send('segments-priority-save', { order: [ids[2]!, ids[1]!, ids[0]!] });
    expect(segments.map((s) => s.segmentId)).toEqual([ids[2], ids[1], ids[0]]);
    const after = await api.send('segments-priority', {});
    expect(sum(after)).toBe(after.customers);
    expect(after.rows[0]!.primary).toBe(before.rows[0]!.members);
    expect(after.rows[2]!.primary).toBe(0);
  });

  it('exports the primary assignment as CSV, refusing to overwrite without asking and neutralising formulas', async () => {
    const evil = segments.find((s) => s.name === 'Buyers not opening')!;
    segments = await api.send('segment-save', { segmentId: evil.segmentId, name: '=HYPERLINK("http://x")', rule: evil.rule });
    const path = join(tmp.dir, `${name}-primary.csv`);
    writeFileSync(path, 'keep me');
    const refused = await apiError(api.send('segments-primary-export', { path }));
    expect(refused.code).toBe('file-exists');
    expect(readFileSync(path, 'utf8')).toBe('keep me');
    expect((await apiError(api.send('segments-primary-export', { path: join(tmp.dir, 'missing-folder', 'x.csv') }))).code).toBe('folder-not-found');
    const written = await api.send('segments-primary-export', { path, overwrite: true });
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('customer_id,primary_segment,primary_segment_id,all_segments,as_of');
    expect(lines.length - 1).toBe(written.rows);
    const analysis = await api.send('segments-priority', {});
    expect(written.rows).toBe(analysis.customers);
    const evilLines = lines.filter((l) => l.includes('HYPERLINK'));
    expect(evilLines.length).toBeGreaterThan(0);
    expect(evilLines.some((l) => l.includes(`,"'=HYPERLINK(""http://x"")",`))).toBe(true);
    // No cell starts a formula.
    expect(lines.filter((l) => /(^|,)"?[=+\-@]/.test(l))).toEqual([]);
    expect(existsSync(`${path}.partial`)).toBe(false);
  });

  it('compares clusters with RFM as of a past date; a saved cell has the cell\'s customers', async () => {
    const asOf = '2025-10-01';
    await api.send('signals-compute', { asOf: '2025-12-01' });
    await api.send('cluster-fit', { settings: { signals: [...DEFAULT_CLUSTER_SIGNALS], k: 4, seed: 2 } });
    const options = await api.send('segmentations-list', {});
    const clusters = options.find((o) => o.ref.kind === 'clusters')!;
    expect(clusters.available).toBe(true);
    expect(options.find((o) => o.ref.kind === 'propensity')!.available).toBe(false);
    const cmp = await api.send('segments-compare', { a: clusters.ref, b: { kind: 'rfm' }, asOf, outcomeDays: 30, replicates: 100 });
    expect(cmp.asOf).toBe(asOf);
    const total = cmp.contingency.flat().reduce((s, v) => s + v, 0);
    expect(total).toBe(cmp.customers);
    cmp.a.segments.forEach((s, i) => expect(cmp.contingency[i]!.reduce((x, v) => x + v, 0)).toBe(s.customers));
    expect(cmp.ari).toBeGreaterThan(-0.5);
    expect(cmp.ari).toBeLessThanOrEqual(1);
    expect(cmp.nmi).toBeGreaterThanOrEqual(0);
    expect(cmp.outcome).not.toBeNull();
    const o = cmp.outcome!;
    expect(o.complete).toBe(true);
    expect(o.a.reduce((s, x) => s + x.converters, 0)).toBe(o.converters);
    for (const seg of [...o.a, ...o.b]) {
      expect(seg.low).toBeLessThanOrEqual(seg.rate);
      expect(seg.high).toBeGreaterThanOrEqual(seg.rate);
    }
    expect(o.separation.a.low).toBeLessThanOrEqual(o.separation.a.high);
    expect(o.separation.text.length).toBeGreaterThan(20);

    // The largest cell as a segment, as of the same date: the same customers.
    let best = [0, 0];
    cmp.contingency.forEach((r, i) => r.forEach((v, j) => v > cmp.contingency[best[0]!]![best[1]!]! && (best = [i, j])));
    const [i, j] = best as [number, number];
    const cell: RuleGroupIn = {
      kind: 'group',
      combine: 'and',
      children: [
        { kind: 'segment', segmentation: cmp.a.ref, segments: [cmp.a.segments[i]!.key] },
        { kind: 'segment', segmentation: cmp.b.ref, segments: [cmp.b.segments[j]!.key] },
      ],
    };
    const ev = await api.send('rule-evaluate', { rule: cell, asOf });
    expect(ev.matched).toBe(cmp.contingency[i]![j]);
    // Without an outcome window (the data ends before the date), comparisons still answer, and say why.
    const late = await api.send('segments-compare', { a: { kind: 'phases' }, b: { kind: 'rfm' }, asOf: '2026-06-01', outcomeDays: 30 });
    expect(late.outcome).toBeNull();
    expect(late.outcomeNote).toMatch(/data ends before 2026-06-01/);
  }, 120_000);

  it('keeps RFM settings, and refuses cut-offs that are not ascending', async () => {
    const settings = await api.send('rfm-settings-get', {});
    expect(settings.groups.map((g) => g.name)).toContain('Champions');
    const summary = await api.send('rfm-summary', { settings: { ...settings, method: 'cutoffs' } });
    expect(summary.grid.flat().reduce((s, v) => s + v, 0)).toBe(summary.buyers);
    expect(summary.groups.reduce((s, g) => s + g.customers, 0)).toBe(summary.customers);
    const saved = await api.send('rfm-settings-save', { settings: { ...settings, groups: settings.groups.map((g) => (g.id === 'lost' ? { ...g, name: 'Gone' } : g)) } });
    expect((await api.send('rfm-settings-get', {})).groups.find((g) => g.id === 'lost')!.name).toBe('Gone');
    expect(saved.groups).toHaveLength(settings.groups.length);
    const err = await apiError(api.send('rfm-settings-save', { settings: { ...settings, cutoffs: { ...settings.cutoffs, orders: [5, 3, 2, 1] } } }));
    expect(err.code).toBe('invalid-args');
    expect(err.message).toContain('ascending');
  });
});
