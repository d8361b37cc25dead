// Signals, scoring, phases and validation through the API, over every transport, on a seeded
// sample workspace whose customers follow known behaviour types (so conversion is predictable).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { ApiClient, Progress, ScoringSettings } from '../../core/api/contract.ts';
import { generateSample } from '../../core/sample/generate.ts';
import { tempDir } from '../support/temp.ts';
import { apiError, openCopy, transports, type Harness } from '../support/transports.ts';

const tmp = tempDir('segwb-signals-');
const sample = join(tmp.dir, 'sample.segwb');

beforeAll(async () => {
  await generateSample({ path: sample, customers: 6000, seed: 7, months: 12 }, { isCancelled: () => false, progress: () => {} });
}, 120_000);
afterAll(() => tmp.cleanup());

describe.each(transports)('signals and phases over %s', (name, start) => {
  let h: Harness;
  let api: ApiClient;
  let settings: ScoringSettings;

  beforeAll(async () => {
    h = await openCopy(start, sample, tmp.dir, name);
    api = h.client;
  });
  afterAll(async () => h.close());

  it('refuses to score before signals are computed, then computes them with progress', async () => {
    settings = await api.send('scoring-settings-get', {});
    expect((await apiError(api.send('scores-summary', { settings }))).code).toBe('signals-not-computed');
    expect(await api.send('signals-snapshot', {})).toBeNull();
    const progress: Progress[] = [];
    const snap = await api.send('signals-compute', {}, { onProgress: (p) => progress.push(p) });
    expect(snap.asOf).toBe('2026-01-01');
    expect(snap.customers).toBeGreaterThan(5000);
    expect(progress.length).toBeGreaterThan(0);
    const catalog = await api.send('signals-catalog', {});
    expect(snap.signals.map((s) => s.id)).toEqual(catalog.map((s) => s.id));
    const pricing = snap.signals.find((s) => s.id === 'pricing_views_30d')!;
    expect(pricing.missing).toBe(0);
    expect(pricing.histogram.counts.reduce((a, b) => a + b, 0)).toBe(snap.customers);
    const rate = snap.signals.find((s) => s.id === 'email_open_rate_90d')!;
    expect(rate.missing).toBeGreaterThan(0); // customers without emails sent: unknown, not 0
    expect(await api.send('signals-snapshot', {})).toEqual(snap);
  }, 120_000);

  it('re-scores on a weight or threshold change, and persists settings in the workspace', async () => {
    const before = await api.send('scores-summary', { settings });
    const total = Object.values(before.phaseCounts).reduce((a, b) => a + b, 0);
    expect(total).toBe(before.customers);
    expect(before.histogram.reduce((a, b) => a + b, 0)).toBe(before.customers);

    const heavierPricing = { ...settings, weights: { ...settings.weights, pricing_views_30d: 100, sessions_7d: 0 } };
    const moved = await api.send('scores-summary', { settings: heavierPricing });
    expect(moved.phaseCounts).not.toEqual(before.phaseCounts);

    const lowerDecision = { ...settings, thresholds: { consideration: settings.thresholds.consideration, decision: settings.thresholds.consideration + 1 } };
    const lowered = await api.send('scores-summary', { settings: lowerDecision });
    expect(lowered.phaseCounts.decision).toBeGreaterThan(before.phaseCounts.decision);
    expect(lowered.phaseCounts.retention).toBe(before.phaseCounts.retention);

    const saved = await api.send('scoring-settings-save', { settings: { ...heavierPricing, asOf: '2026-01-01' } });
    expect(saved.weights.pricing_views_30d).toBe(100);
    expect((await api.send('scoring-settings-get', {})).asOf).toBe('2026-01-01');
    const bad = await apiError(api.send('scoring-settings-save', { settings: { ...settings, thresholds: { consideration: 70, decision: 30 } } }));
    expect(bad.code).toBe('invalid-args');
    expect(bad.message).toMatch(/consideration threshold must not be above the decision threshold/);
  });

  it('lists the customers of a phase, best first, each with an explanation in words', async () => {
    const page = await api.send('phase-customers', { settings, phase: 'decision', limit: 5 });
    expect(page.total).toBeGreaterThan(0);
    const scores = page.rows.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const top = page.rows[0]!;
    expect(top.phase).toBe('decision');
    expect(top.explanation).toMatch(/^Decision: intent score \d+ is at or above the decision threshold/);
    expect(top.contributions.length).toBeGreaterThan(0);
    expect(top.contributions[0]!.text).toContain(top.contributions[0]!.label);
    const same = await api.send('customer-score', { settings, customerId: top.customerId });
    expect(same.score).toBe(top.score);
    expect((await apiError(api.send('customer-score', { settings, customerId: 'nobody' }))).code).toBe('customer-not-found');
  });

  it('backtests phases against who purchased next: decision converts most, with intervals', async () => {
    const bt = await api.send('phases-backtest', { settings, asOf: '2025-10-01' });
    expect(bt.windowComplete).toBe(true);
    const { orientation, consideration, decision } = bt.phases;
    expect(decision.rate).toBeGreaterThan(consideration.rate);
    expect(consideration.rate).toBeGreaterThan(orientation.rate);
    expect(bt.ordered).toBe(true);
    for (const r of Object.values(bt.phases)) {
      if (r.customers === 0) continue;
      expect(r.low).toBeLessThanOrEqual(r.rate);
      expect(r.high).toBeGreaterThanOrEqual(r.rate);
    }
    expect(decision.lift).toBeGreaterThan(1);
    const partial = await api.send('phases-backtest', { settings, asOf: '2025-12-20' });
    expect(partial.windowComplete).toBe(false);
    expect(partial.warning).toMatch(/data ends before 2026-01-19/);
  }, 120_000);

  it('suggests weights that beat equal weights on a later, separate holdout', async () => {
    const s = await api.send('weights-suggest', { settings, trainAsOf: '2025-09-01' });
    expect(s.holdoutAsOf).toBe('2025-10-01');
    expect(s.trainPositives).toBeGreaterThan(50);
    expect(s.auc.holdoutSuggested).toBeGreaterThan(s.auc.holdoutEqual);
    expect(s.auc.holdoutSuggested).toBeGreaterThan(0.6);
    expect(Math.max(...Object.values(s.weights).map(Math.abs))).toBe(100);
    expect(s.lift.suggested[0]).toBeGreaterThan(s.lift.suggested[9]!);
    expect(s.thresholds.consideration).toBeLessThanOrEqual(s.thresholds.decision);
    const tooLate = await apiError(api.send('weights-suggest', { settings, trainAsOf: '2025-12-01' }));
    expect(tooLate.code).toBe('not-enough-history');
  }, 120_000);

  it('an import or a new signal definition makes the computed signals stale', async () => {
    await api.send('signal-save', { signal: { id: 'gift_views', label: 'Gift views', filter: { urlContains: '/gift' }, aggregation: 'count', windowDays: 30 } });
    expect(await api.send('signals-snapshot', {})).toBeNull();
    const bad = await apiError(api.send('signal-save', { signal: { id: 'bad_rate', label: 'Bad', aggregation: 'rate', per: 'missing_signal' } }));
    expect(bad.code).toBe('invalid-signal');
    expect(bad.message).toMatch(/there is no signal "missing_signal" to divide by/);
    const catalog = await api.send('signal-delete', { id: 'gift_views' });
    expect(catalog.some((s) => s.id === 'gift_views')).toBe(false);
  });
});
