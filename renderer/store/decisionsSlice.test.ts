import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type SegmentDecision } from '../../core/api/contract.ts';
import type { AppState } from './types.ts';
import { answer, calls, flush, send, sliceStore, testWorkspace } from './slices.test-support.ts';
import { decision } from '../views/economics/fixtures.test-support.ts';

vi.mock('../api/client.ts', () => import('./slices.test-support.ts').then((m) => m.fakeApiClient));

const { createDecisionsSlice, decisionFor, dontCompeteCount } = await import('./decisionsSlice.ts');

const list: SegmentDecision[] = [
  decision({ decisionId: 5, family: 'clusters', segmentKey: '3', segmentName: 'Bargain hunters', decision: 'dont-compete' }),
  decision({ decisionId: 4, family: 'rules', segmentKey: '7', segmentName: 'VIP', decision: 'compete', rationale: '' }),
  decision({ decisionId: 2, family: 'rfm', segmentKey: 'lost', decision: 'dont-compete' }),
];

beforeEach(() => {
  send.mockReset();
});

describe('decisions slice', () => {
  it('loads every current decision and finds them through the contract’s identity', async () => {
    answer({ 'decisions-list': list });
    const { store } = sliceStore(createDecisionsSlice);
    await store.getState().loadDecisions();
    const s = store.getState();
    expect(s.decisions?.size).toBe(3);
    expect(s.decisionsPath).toBe('/w.segwb');
    // A cluster's decision holds whichever model shows it.
    expect(decisionFor({ kind: 'clusters', modelId: 12 }, '3')(s)?.segmentName).toBe('Bargain hunters');
    expect(decisionFor({ kind: 'clusters' }, '3')(s)?.decisionId).toBe(5);
    expect(decisionFor({ kind: 'clusters' }, '4')(s)).toBeNull();
    // A saved segment is the same segment alone and in the priority list.
    expect(decisionFor({ kind: 'segment', segmentId: 7 }, 'in')(s)?.decision).toBe('compete');
    expect(decisionFor({ kind: 'rules' }, '7')(s)?.decision).toBe('compete');
    expect(decisionFor({ kind: 'segment', segmentId: 7 }, 'out')(s)).toBeNull();
    expect(decisionFor({ kind: 'rfm' }, 'lost')(s)?.decisionId).toBe(2);
    expect(dontCompeteCount(s)).toBe(2);
  });

  it('shows a saved decision at once; a withdrawal removes it; an older load in flight does not undo it', async () => {
    answer({ 'decisions-list': list });
    const { store } = sliceStore(createDecisionsSlice);
    await store.getState().loadDecisions();
    let resolve: (l: SegmentDecision[]) => void = () => {};
    answer({ 'decisions-list': () => new Promise<SegmentDecision[]>((r) => (resolve = r)) });
    const loading = store.getState().loadDecisions();
    store.getState().applySavedDecision(decision({ decisionId: 9, family: 'rfm', segmentKey: 'lost', decision: null }));
    expect(decisionFor({ kind: 'rfm' }, 'lost')(store.getState())).toBeNull();
    resolve(list);
    await loading;
    expect(decisionFor({ kind: 'rfm' }, 'lost')(store.getState())).toBeNull();
    store.getState().applySavedDecision(decision({ decisionId: 10, family: 'rfm', segmentKey: 'champions', segmentName: 'Champions', decision: 'maintain' }));
    expect(decisionFor({ kind: 'rfm' }, 'champions')(store.getState())?.decision).toBe('maintain');
  });

  it('loads again for another workspace and drops the previous one’s answer', async () => {
    let resolve: (l: SegmentDecision[]) => void = () => {};
    answer({ 'decisions-list': () => new Promise<SegmentDecision[]>((r) => (resolve = r)) });
    const { store } = sliceStore(createDecisionsSlice);
    const first = store.getState().loadDecisions();
    answer({ 'decisions-list': [list[0]!] });
    store.setState({ workspace: testWorkspace({ path: '/other.segwb' }) } as Partial<AppState>);
    await flush();
    resolve(list);
    await first;
    expect(store.getState().decisions?.size).toBe(1);
    expect(store.getState().decisionsPath).toBe('/other.segwb');
    store.setState({ workspace: null } as Partial<AppState>);
    expect(store.getState().decisions).toBeNull();
    expect(calls('decisions-list')).toHaveLength(2);
  });

  it('keeps the error to show, and reports a lost connection', async () => {
    answer({ 'decisions-list': new ApiError({ code: 'internal', message: 'disk full' }) });
    const { store, reportError } = sliceStore(createDecisionsSlice);
    await store.getState().loadDecisions();
    expect(store.getState().decisionsError).toBe('disk full');
    expect(reportError).not.toHaveBeenCalled();
    answer({ 'decisions-list': new ApiError({ code: 'transport', message: 'gone' }) });
    await store.getState().loadDecisions();
    expect(reportError).toHaveBeenCalledTimes(1);
  });

  it('loads on entering a view only when they are not loaded nor on their way', async () => {
    let resolve: (l: SegmentDecision[]) => void = () => {};
    answer({ 'decisions-list': () => new Promise<SegmentDecision[]>((r) => (resolve = r)) });
    const { store } = sliceStore(createDecisionsSlice);
    const first = store.getState().loadDecisions();
    store.getState().ensureDecisions();
    expect(calls('decisions-list')).toHaveLength(1);
    resolve(list);
    await first;
    store.getState().ensureDecisions();
    expect(calls('decisions-list')).toHaveLength(1);
    // A failed load is tried again when a view that shows decisions is entered.
    answer({ 'decisions-list': new ApiError({ code: 'internal', message: 'disk full' }) });
    store.setState({ workspace: testWorkspace({ path: '/other.segwb' }) } as Partial<AppState>);
    await flush();
    expect(store.getState().decisionsError).toBe('disk full');
    answer({ 'decisions-list': list });
    store.getState().ensureDecisions();
    await flush();
    expect(calls('decisions-list')).toHaveLength(3);
    expect(store.getState().decisions?.size).toBe(3);
  });
});
