import { beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import { ApiError, type WorkspaceInfo } from '../../core/api/contract.ts';
import { summary } from '../views/predict/fixtures.test-support.ts';
import type { AppState } from './types.ts';

const send = vi.fn();
vi.mock('../api/client.ts', () => ({ api: { send: (...a: unknown[]) => send(...a) }, desktopBridge: null, isDesktop: false }));

const { createPredictSlice } = await import('./predictSlice.ts');

function workspace(path = '/w.segwb'): WorkspaceInfo {
  return {
    path,
    name: 'w',
    readonly: false,
    schemaVersion: 4,
    createdAt: null,
    customers: 100,
    events: 1000,
    firstEventAt: Date.parse('2024-07-01T06:00:00Z'),
    lastEventAt: Date.parse('2025-12-31T20:00:00Z'),
    hasGroundTruth: false,
    imports: 1,
  };
}

function makeStore() {
  const toast = vi.fn();
  const reportError = vi.fn();
  const setView = vi.fn();
  const openCustomer = vi.fn();
  const store = create<AppState>()(
    (set, get, api) =>
      ({
        workspace: workspace(),
        toast,
        reportError,
        setView,
        setDataTab: vi.fn(),
        openCustomer,
        ...createPredictSlice(set, get, api),
      }) as unknown as AppState,
  );
  return { store, toast, reportError, setView, openCustomer };
}

function answer(table: Record<string, unknown>) {
  send.mockImplementation(async (name: string, args: unknown, opts?: { onProgress?: (p: unknown) => void }) => {
    if (!(name in table)) throw new Error(`unexpected ${name}`);
    const a = table[name];
    if (a instanceof Error) throw a;
    opts?.onProgress?.({ phase: 'Fitting BG/NBD', done: 1, total: 4, unit: 'steps', etaMs: null });
    return typeof a === 'function' ? (a as (x: unknown) => unknown)(args) : a;
  });
}

const calls = (name: string) => send.mock.calls.filter((c) => c[0] === name);
const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};
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
