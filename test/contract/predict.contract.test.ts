// Purchase prediction through the API, over every transport, on the real CDNOW sample imported as
// an analyst would: fit with progress, the published parameters, backtest, scores and errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiClient, PredictionSummary, Progress } from '../../core/api/contract.ts';
import { createWorkspace } from '../../core/store/workspace.ts';
import { importInto } from '../support/import.ts';
import { sharedDataFile } from '../support/shared-data.ts';
import { tempDir } from '../support/temp.ts';
import { apiError, transports, type Harness } from '../support/transports.ts';

const tmp = tempDir('segwb-predict-');
const cdnow = join(tmp.dir, 'cdnow.segwb');

beforeAll(async () => {
  const ws = createWorkspace(cdnow);
  await importInto(ws, sharedDataFile('cdnow/CDNOW_sample.txt'));
  ws.db.close();
}, 60_000);
afterAll(() => tmp.cleanup());

describe.each(transports)('prediction over %s', (name, start) => {
  let h: Harness;
  let api: ApiClient;
  let fitted: PredictionSummary;

  beforeAll(async () => {
    const ws = join(tmp.dir, `${name}.segwb`);
    copyFileSync(cdnow, ws);
    h = await start(join(tmp.dir, name));
    api = h.client;
    await api.send('workspace-open', { path: ws });
  });
  afterAll(async () => h.close());

  it('fits the three models with progress, compares the counting models and backtests on the holdout', async () => {
    expect(await api.send('predict-result', {})).toBeNull();
    expect((await apiError(api.send('predict-customers', {}))).code).toBe('predictions-not-fitted');
    const progress: Progress[] = [];
    fitted = await api.send('predict-fit', { settings: { calibrationEnd: '1997-09-30', timeUnit: 'week', horizonDays: 273 } }, { onProgress: (p) => progress.push(p) });
    // Progress is throttled on its way to the client: some of the steps arrive.
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.phase.length > 0)).toBe(true);
    expect(fitted).toMatchObject({ customers: 2357, repeatBuyers: 946, holdoutEnd: '1998-06-30', chosen: 'bgnbd' });
    expect(fitted.models.bgnbd.params.r).toBeCloseTo(0.243, 3);
    expect(fitted.models.bgnbd.logLikelihood).toBeGreaterThan(fitted.models.paretoNbd.logLikelihood);
    expect(fitted.models.gammaGamma!.params.q).toBeCloseTo(3.74, 2);
    const b = fitted.backtest!;
    expect(b.holdoutDays).toBe(273);
    expect(b.byFrequency.reduce((s, r) => s + r.customers, 0)).toBe(2357);
    expect(b.deciles.reduce((s, r) => s + r.customers, 0)).toBe(2357);
    expect(b.deciles[0]!.lift).toBeGreaterThan(2);
    expect(b.tracking.weekEnd).toHaveLength(78);
    expect(b.tracking.calibrationWeeks).toBe(39);
    expect(b.tracking.actual.at(-1)).toBe(2457 + b.actualTotal);
    expect(fitted.clv!.histogram.counts.reduce((a, c) => a + c, 0)).toBe(2357);
    expect(fitted.aliveMatrix!.pAlive[0]![0]).toBe(1);
    expect(await api.send('predict-result', {})).toEqual(fitted);
  }, 60_000);

  it('pages scored customers by expected purchases, and finds one customer', async () => {
    const page = await api.send('predict-customers', { sort: 'expected', limit: 50 });
    expect(page.total).toBe(2357);
    const e = page.rows.map((r) => r.expectedPurchases);
    expect(e).toEqual([...e].sort((a, b) => b - a));
    // Over the holdout length, the expected purchases of everyone add up to the backtest's total.
    let sum = 0;
    for (let offset = 0; offset < 2357; offset += 1000) for (const r of (await api.send('predict-customers', { sort: 'customer', offset, limit: 1000 })).rows) sum += r.expectedPurchases;
    expect(sum).toBeCloseTo(fitted.backtest!.predictedTotal, 6);
    const one = await api.send('predict-customers', { customerId: '00004' });
    expect(one.rows[0]).toMatchObject({ customerId: '00004', x: 2, actual: 1 });
    expect(one.rows[0]!.pAlive).toBeGreaterThan(0);
    expect(one.rows[0]!.pAlive).toBeLessThan(1);
  }, 60_000);

  it('turns the fitted scores into signals as of any date, usable by clusters', async () => {
    const catalog = await api.send('signals-catalog', {});
    expect(catalog.filter((s) => ['p_alive', 'expected_purchases', 'predicted_clv'].includes(s.id)).map((s) => s.label)).toEqual([
      'P(alive)',
      'Expected purchases (273 d)',
      'Predicted CLV (12 mo)',
    ]);
    // As of the day after the calibration end, the signals are exactly the fitted scores.
    const snap = await api.send('signals-compute', { asOf: '1997-10-01' });
    expect(snap.signals.map((s) => s.id)).toEqual(catalog.map((s) => s.id));
    const alive = snap.signals.find((s) => s.id === 'p_alive')!;
    expect(alive.missing).toBe(0);
    const scored = (await api.send('predict-customers', { customerId: '00004' })).rows[0]!;
    const settings = await api.send('scoring-settings-get', {});
    const fromSignals = await api.send('customer-score', { settings: { ...settings, weights: { ...settings.weights, p_alive: 100 } }, customerId: '00004' });
    expect(fromSignals.contributions.find((c) => c.signalId === 'p_alive')!.value).toBeCloseTo(scored.pAlive, 12);
    const page = await api.send('predict-customers', { sort: 'p-alive', limit: 1 });
    expect(alive.max).toBeCloseTo(page.rows[0]!.pAlive, 12);
    expect(scored.pAlive).toBeGreaterThanOrEqual(alive.min!);
    const model = await api.send('cluster-fit', { settings: { signals: ['p_alive', 'expected_purchases', 'predicted_clv'], k: 3, seed: 1 } });
    expect(model.clusters.reduce((s, c) => s + c.size, 0)).toBe(2357);
    // Each cluster's CLV is its members' mean predicted CLV: weighted by size, the overall mean.
    const weighted = model.clusters.reduce((s, c) => s + c.clvPerCustomer! * c.size, 0) / 2357;
    expect(weighted).toBeCloseTo(fitted.clv!.mean, 1);
  }, 60_000);

  it('explains what cannot be fitted', async () => {
    const early = await apiError(api.send('predict-fit', { settings: { calibrationEnd: '1996-01-01' } }));
    expect(early.code).toBe('no-purchases');
    expect(early.message).toContain('1996-01-01');
    const backwards = await apiError(api.send('predict-fit', { settings: { calibrationEnd: '1997-09-30', holdoutEnd: '1997-06-30' } }));
    expect(backwards.code).toBe('invalid-args');
    // The day of the first purchases: nobody has bought again yet, so nothing can be learned.
    const none = await api.send('predict-fit', { settings: { calibrationEnd: '1997-01-01' } });
    expect(none.chosen).toBeNull();
    expect(none.models.bgnbd.problem).toMatch(/No customer bought again/);
    expect(none.backtest).toBeNull();
  }, 60_000);

  it('compares the counting model with a signals-based propensity on who bought in the first N days', async () => {
    const result = await api.send('predict-fit', { settings: { calibrationEnd: '1997-09-30', horizonDays: 90 } });
    const p = result.propensity!;
    expect(p).toMatchObject({ days: 90, customers: 2357, trainAsOf: '1997-07-03' });
    expect(p.buyers).toBeGreaterThan(0);
    expect(p.auc.countingModel).toBeGreaterThan(0.6);
    expect(p.auc.signals).toBeGreaterThan(0.6);
    expect(p.decileRates.countingModel).toHaveLength(10);
    // Without a holdout as long as the window there is nothing to judge on.
    const long = await api.send('predict-fit', { settings: { calibrationEnd: '1998-05-01', horizonDays: 90 } });
    expect(long.propensity).toBeNull();
  }, 120_000);
});
