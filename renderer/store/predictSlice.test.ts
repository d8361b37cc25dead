import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../core/api/contract.ts';
import { summary } from '../views/predict/fixtures.test-support.ts';
import { answer as answerByName, calls, flush, send, sliceStore, testWorkspace } from './slices.test-support.ts';

vi.mock('../api/client.ts', () => import('./slices.test-support.ts').then((m) => m.fakeApiClient));

const { createPredictSlice } = await import('./predictSlice.ts');

function workspace(path = '/w.segwb') {
  return testWorkspace({ path, schemaVersion: 4, firstEventAt: Date.parse('2024-07-01T06:00:00Z'), lastEventAt: Date.parse('2025-12-31T20:00:00Z') });
}

function makeStore() {
  const setView = vi.fn();
  const openCustomer = vi.fn();
  return { ...sliceStore(createPredictSlice, { setView, setDataTab: vi.fn(), openCustomer }, workspace()), setView, openCustomer };
}

const answer = (table: Record<string, unknown>) => answerByName(table, { progress: { phase: 'Fitting BG/NBD', done: 1, total: 4, unit: 'steps', etaMs: null } });

const page = (rows: string[]) => ({ total: rows.length, offset: 0, rows: rows.map((customerId) => ({ customerId, x: 1, tx: 1, T: 2, pAlive: 0.5, expectedPurchases: 1, clv: 10, actual: 0 })) });

beforeEach(() => {
  send.mockReset();
});

describe('predict slice', () => {
  it('proposes a set-up from the data range when nothing is fitted', async () => {
    answer({ 'workspace-info': workspace(), 'predict-result': null });
    const { store } = makeStore();
    await store.getState().enterPredict();
    const s = store.getState();
    expect(s.predictLoaded).toBe(true);
    expect(s.predictRange).toEqual({ first: '2024-07-01', last: '2025-12-31' });
    expect(s.predictDraft?.calibrationEnd).toBe('2025-07-01');
    expect(s.predictResult).toBeNull();
    expect(calls('predict-customers')).toHaveLength(0);
  });

  it('shows the result core holds, with its calibration end in the set-up, and lists its customers', async () => {
    const r = summary();
    answer({ 'workspace-info': workspace(), 'predict-result': r, 'predict-customers': page(['a', 'b']) });
    const { store } = makeStore();
    await store.getState().enterPredict();
    await flush();
    const s = store.getState();
    expect(s.predictResult).toEqual(r);
    expect(s.predictDraft?.calibrationEnd).toBe('2025-06-30');
    expect(calls('predict-customers')[0]![1]).toEqual({ sort: 'expected', offset: 0, limit: 200 });
    expect(s.predictRowsTotal).toBe(2);
    expect(s.predictRows.row(1)?.customerId).toBe('b');
  });

  it('fits with progress, shows the result and clears the edited mark', async () => {
    const r = summary();
    answer({ 'workspace-info': workspace(), 'predict-result': null, 'predict-fit': r, 'predict-customers': page(['a']) });
    const { store, toast } = makeStore();
    await store.getState().enterPredict();
    store.getState().editPredictDraft((d) => ({ ...d, calibrationEnd: '2025-06-30' }));
    expect(store.getState().predictDraftEdited).toBe(true);
    await store.getState().fitPredict();
    const s = store.getState();
    expect(calls('predict-fit')[0]![1]).toEqual({ settings: expect.objectContaining({ calibrationEnd: '2025-06-30', model: 'auto' }) });
    expect(s.predictFitJob).toBeNull();
    expect(s.predictResult).toBe(r);
    expect(s.predictResultSettings?.calibrationEnd).toBe('2025-06-30');
    expect(s.predictDraftEdited).toBe(false);
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ kind: 'success' }));
  });

  it('does not send a set-up it knows is wrong, and keeps core’s errors with their code', async () => {
    answer({ 'workspace-info': workspace(), 'predict-result': null, 'predict-fit': new ApiError({ code: 'no-purchases', message: 'No customer made a purchase on or before 2024-07-02.' }) });
    const { store } = makeStore();
    await store.getState().enterPredict();
    store.getState().editPredictDraft((d) => ({ ...d, holdoutEnd: '2024-01-01' }));
    await store.getState().fitPredict();
    expect(calls('predict-fit')).toHaveLength(0);
    expect(store.getState().predictFitError?.code).toBe('invalid-args');
    store.getState().editPredictDraft((d) => ({ ...d, holdoutEnd: null, calibrationEnd: '2024-07-02' }));
    await store.getState().fitPredict();
    expect(store.getState().predictFitError).toEqual({ code: 'no-purchases', message: 'No customer made a purchase on or before 2024-07-02.' });
  });

  it('cancels a running fit', async () => {
    let reject: (e: unknown) => void = () => {};
    send.mockImplementation((name: string) => {
      if (name === 'predict-fit') return new Promise((_, rej) => (reject = rej));
      if (name === 'workspace-info') return Promise.resolve(workspace());
      return Promise.resolve(null);
    });
    const { store } = makeStore();
    await store.getState().enterPredict();
    const running = store.getState().fitPredict();
    expect(store.getState().predictFitJob).not.toBeNull();
    store.getState().cancelPredictFit();
    expect(store.getState().predictFitJob?.cancelling).toBe(true);
    reject(new DOMException('Cancelled', 'AbortError'));
    await running;
    expect(store.getState().predictFitJob).toBeNull();
    expect(store.getState().predictFitError).toBeNull();
  });

  it('sorts and searches through predict-customers', async () => {
    answer({ 'workspace-info': workspace(), 'predict-result': summary(), 'predict-customers': (a: { customerId?: string }) => page(a.customerId ? [a.customerId] : ['a', 'b', 'c']) });
    const { store } = makeStore();
    await store.getState().enterPredict();
    await flush();
    store.getState().setPredictSort('p-alive');
    await flush();
    expect(calls('predict-customers').at(-1)![1]).toEqual({ sort: 'p-alive', offset: 0, limit: 200 });
    store.getState().searchPredictCustomer('  C42 ');
    await flush();
    expect(calls('predict-customers').at(-1)![1]).toEqual({ customerId: 'C42', offset: 0, limit: 200 });
    expect(store.getState().predictRowsTotal).toBe(1);
    store.getState().searchPredictCustomer(null);
    await flush();
    expect(store.getState().predictRowsTotal).toBe(3);
  });

  it('drops the result when core no longer holds it', async () => {
    answer({ 'workspace-info': workspace(), 'predict-result': summary(), 'predict-customers': new ApiError({ code: 'predictions-not-fitted', message: 'gone' }) });
    const { store } = makeStore();
    await store.getState().enterPredict();
    await flush();
    expect(store.getState().predictResult).toBeNull();
  });

  it('resets for another workspace and opens a customer’s timeline', async () => {
    answer({ 'workspace-info': workspace(), 'predict-result': summary(), 'predict-customers': page(['a']) });
    const { store, setView, openCustomer } = makeStore();
    await store.getState().enterPredict();
    store.setState({ workspace: workspace('/other.segwb') });
    expect(store.getState().predictResult).toBeNull();
    expect(store.getState().predictPath).toBeNull();
    store.getState().openPredictCustomerTimeline('a');
    expect(setView).toHaveBeenCalledWith('data');
    expect(openCustomer).toHaveBeenCalledWith('a');
  });
});
