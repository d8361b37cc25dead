// Segment migration through the API over every transport, on a seeded sample workspace with hidden
// behaviour drift: sizes per date, transitions that add up, clusters followed with one model's
// identities, and agreement with the generator's drift.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiClient, MigrationSeries } from '../../core/api/contract.ts';
import { DEFAULT_CLUSTER_SIGNALS } from '../../core/api/contract.ts';
import { generateSample } from '../../core/sample/generate.ts';
import { tempDir } from '../support/temp.ts';
import { apiError, openCopy, transports, type Harness } from '../support/transports.ts';

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
  expect(m.transitions).toHaveLength((DAYS.length * (DAYS.length - 1)) / 2);
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
    h = await openCopy(start, sample, tmp.dir, name);
    api = h.client;
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

  it('lists movers between two dates with the signals that changed most, and exports them', async () => {
    const series = await api.send('migration-run', { ref: { kind: 'phases' }, days: ['2025-10-01', '2025-11-01'] });
    const t = series.transitions[0]!;
    const page = await api.send('migration-movers', { ref: { kind: 'phases' }, from: '2025-10-01', to: '2025-11-01', limit: 20 });
    expect(page.total).toBe(t.moved);
    expect(page.rows).toHaveLength(20);
    for (const m of page.rows) {
      expect(m.from).not.toBe(m.to);
      expect(m.changes.length).toBeGreaterThan(0);
      expect(Math.abs(m.changes[0]!.change)).toBeGreaterThanOrEqual(Math.abs(m.changes.at(-1)!.change));
    }
    // One flow: its count is the transition matrix's cell.
    const k = series.segments.findIndex((s) => s.key === 'retention');
    const o = series.segments.findIndex((s) => s.key === 'orientation');
    const flow = await api.send('migration-movers', { ref: { kind: 'phases' }, from: '2025-10-01', to: '2025-11-01', fromKey: 'retention', toKey: 'orientation', limit: 5 });
    expect(flow.total).toBe(t.counts[k]![o]);
    const path = join(tmp.dir, `${name}-movers.csv`);
    const written = await api.send('migration-movers-export', { ref: { kind: 'phases' }, from: '2025-10-01', to: '2025-11-01', path });
    expect(written.rows).toBe(t.moved);
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe(
      'customer_id,segment_2025-10-01,segment_2025-11-01,signal_1,signal_1_before,signal_1_after,signal_1_change_sd,signal_2,signal_2_before,signal_2_after,signal_2_change_sd,signal_3,signal_3_before,signal_3_after,signal_3_change_sd',
    );
    expect((await apiError(api.send('migration-movers-export', { ref: { kind: 'phases' }, from: '2025-10-01', to: '2025-11-01', path }))).code).toBe('file-exists');
    expect((await apiError(api.send('migration-movers', { ref: { kind: 'phases' }, from: '2025-11-01', to: '2025-10-01' }))).code).toBe('invalid-args');
  }, 120_000);

  it('refuses a single date', async () => {
    const err = await apiError(api.send('migration-run', { ref: { kind: 'phases' }, days: ['2025-10-01'] }));
    expect(err.code).toBe('invalid-args');
    expect(err.message).toContain('at least two dates');
  });
});
