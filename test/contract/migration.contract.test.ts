// Segment migration through the API over every transport, on a seeded sample workspace with hidden
// behaviour drift: sizes per date, transitions that add up, clusters followed with one model's
// identities, and agreement with the generator's drift.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiClient, MigrationSeries } from '../../core/api/contract.ts';
import { DEFAULT_CLUSTER_SIGNALS } from '../../core/api/contract.ts';
import { generateSample } from '../../core/sample/generate.ts';
import { tempDir } from '../support/temp.ts';
import { apiError, transports, type Harness } from '../support/transports.ts';

const tmp = tempDir('segwb-migration-contract-');
const sample = join(tmp.dir, 'sample.segwb');
const DAYS = ['2025-09-01', '2025-10-01', '2025-11-01', '2025-12-01'];

beforeAll(async () => {
  await generateSample({ path: sample, customers: 2500, seed: 8, months: 12 }, { isCancelled: () => false, progress: () => {} });
}, 120_000);
afterAll(() => tmp.cleanup());

function checkConsistent(m: MigrationSeries): void {
  expect(m.days).toEqual(DAYS);
  m.sizes.forEach((sizes, d) => expect(sizes.reduce((s, v) => s + v, 0)).toBe(m.customers[d]));
  // Customers only join: every date has at least the customers of the one before.
  m.customers.slice(1).forEach((n, d) => expect(n).toBeGreaterThanOrEqual(m.customers[d]!));
  expect(m.transitions).toHaveLength(DAYS.length);
  for (const t of m.transitions) {
    const from = DAYS.indexOf(t.from);
    const to = DAYS.indexOf(t.to);
    const k = m.segments.length;
    expect(t.counts).toHaveLength(k + 1);
    // Rows add up to the earlier date's sizes (plus newcomers), columns to the later date's.
    t.counts.slice(0, k).forEach((row, i) => expect(row.reduce((s, v) => s + v, 0)).toBe(m.sizes[from]![i]));
    expect(t.counts[k]!.reduce((s, v) => s + v, 0)).toBe(t.entered);
    expect(t.entered).toBe(m.customers[to]! - m.customers[from]!);
    for (let j = 0; j < k; j++) expect(t.counts.reduce((s, row) => s + row[j]!, 0)).toBe(m.sizes[to]![j]);
    expect(t.stayed + t.moved + t.entered).toBe(m.customers[to]);
  }
}

describe.each(transports)('migration over %s', (name, start) => {
  let h: Harness;
  let api: ApiClient;

  beforeAll(async () => {
    const ws = join(tmp.dir, `${name}.segwb`);
    copyFileSync(sample, ws);
    h = await start(join(tmp.dir, name));
    api = h.client;
    await api.send('workspace-open', { path: ws });
  });
  afterAll(async () => h.close());

  it('follows RFM groups month by month, and the moves follow the hidden drift better than chance', async () => {
    const m = await api.send('migration-run', { ref: { kind: 'rfm' }, days: DAYS });
    checkConsistent(m);
    expect(m.label).toBe('RFM groups');
    const drift = m.drift!;
    expect(drift.pairs.map((p) => p.monthTo)).toEqual(['2025-09', '2025-10', '2025-11']);
    expect(drift.typeChanged).toBeGreaterThan(0);
    expect(drift.recall).toBeGreaterThan(drift.falseAlarm);
    expect(drift.text).toContain('also changed segment');
  }, 120_000);

  it('applies one cluster model at every date, so clusters keep their keys', async () => {
    await api.send('signals-compute', { asOf: '2025-12-01' });
    const model = await api.send('cluster-fit', { settings: { signals: [...DEFAULT_CLUSTER_SIGNALS], k: 4, seed: 2 } });
    const m = await api.send('migration-run', { ref: { kind: 'clusters', modelId: model.modelId }, days: [...DAYS].reverse() });
    checkConsistent(m);
    expect(m.segments.slice(0, 4).map((s) => s.key)).toEqual(model.clusters.map((c) => String(c.key)));
    // On the model's own date the sizes are the fit's.
    expect(m.sizes.at(-1)!.slice(0, 4)).toEqual(model.clusters.map((c) => c.size));
  }, 120_000);

  it('refuses a single date', async () => {
    const err = await apiError(api.send('migration-run', { ref: { kind: 'phases' }, days: ['2025-10-01'] }));
    expect(err.code).toBe('invalid-args');
    expect(err.message).toContain('at least two dates');
  });
});
