import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type Comparison, type SegmentationOption } from '../../core/api/contract.ts';
import type { AppState } from './types.ts';
import { answer as answerByName, calls, send, sliceStore, testWorkspace } from './slices.test-support.ts';

vi.mock('../api/client.ts', () => import('./slices.test-support.ts').then((m) => m.fakeApiClient));

const { createCompareSlice, compareKey, resultKey } = await import('./compareSlice.ts');

function workspace(path = '/w.segwb', events = 1000) {
  return testWorkspace({ path, events, schemaVersion: 4, firstEventAt: Date.parse('2024-07-01T06:00:00Z'), lastEventAt: Date.parse('2025-12-31T20:00:00Z') });
}

const options: SegmentationOption[] = [
  { ref: { kind: 'phases' }, label: 'Funnel phases', available: true, reason: null },
  { ref: { kind: 'rfm' }, label: 'RFM groups', available: true, reason: null },
  { ref: { kind: 'clusters', modelId: 2 }, label: 'Clusters #2', available: true, reason: null },
  { ref: { kind: 'propensity' }, label: 'Propensity bands', available: false, reason: 'No prediction.' },
];

function comparison(over: Partial<Comparison> = {}): Comparison {
  const seg = (key: string, name: string, customers: number) => ({ key, name, colour: null, customers });
  return {
    asOf: '2025-12-02',
    outcomeDays: 30,
    customers: 100,
    a: { ref: { kind: 'clusters', modelId: 2 }, label: 'Clusters #2', segments: [seg('0', 'Cluster 0', 60), seg('1', 'Cluster 1', 40)] },
    b: { ref: { kind: 'rfm' }, label: 'RFM groups', segments: [seg('champions', 'Champions', 30), seg('none', 'No purchase', 70)] },
    contingency: [
      [20, 40],
      [10, 30],
    ],
    jaccard: [
      [0.29, 0.44],
      [0.17, 0.38],
    ],
    ari: 0.01,
    nmi: 0.02,
    outcome: null,
    outcomeNote: 'No outcome in this test.',
    computedMs: 12,
    ...over,
  };
}

const makeStore = (around: Record<string, unknown> = {}) => sliceStore(createCompareSlice, around, workspace());

const answer = (table: Record<string, unknown>) =>
  answerByName(table, { progress: { jobId: 'j', phase: 'Crossing the segmentations', done: 1, total: 3, unit: 'steps', etaMs: null } });

beforeEach(() => {
  send.mockReset();
});

describe('compare slice', () => {
  it('offers clusters against RFM, as of the date that leaves a complete 30-day window', async () => {
    answer({ 'segmentations-list': options });
    const { store } = makeStore();
    await store.getState().enterCompare();
    const s = store.getState();
    expect(s.compareOptions).toHaveLength(4);
    expect(s.compareDraft).toEqual({ a: { kind: 'clusters', modelId: 2 }, b: { kind: 'rfm' }, asOf: '2025-12-02', asOfEdited: false, outcomeDays: 30 });
  });

  it('moves the default date with the window, but not a date the analyst chose', async () => {
    answer({ 'segmentations-list': options });
    const { store } = makeStore();
    await store.getState().enterCompare();
    store.getState().setCompareOutcomeDays(60);
    expect(store.getState().compareDraft.asOf).toBe('2025-11-02');
    store.getState().setCompareAsOf('2025-06-01');
    store.getState().setCompareOutcomeDays(14);
    expect(store.getState().compareDraft).toMatchObject({ asOf: '2025-06-01', asOfEdited: true, outcomeDays: 14 });
    store.getState().resetCompareAsOf();
    expect(store.getState().compareDraft).toMatchObject({ asOf: '2025-12-18', asOfEdited: false });
  });

  it('swaps rather than compares a segmentation with itself', async () => {
    answer({ 'segmentations-list': options });
    const { store } = makeStore();
    await store.getState().enterCompare();
    store.getState().setCompareSide('a', { kind: 'rfm' });
    expect(store.getState().compareDraft).toMatchObject({ a: { kind: 'rfm' }, b: { kind: 'clusters', modelId: 2 } });
    store.getState().setCompareSide('b', { kind: 'phases' });
    store.getState().swapCompareSides();
    expect(store.getState().compareDraft).toMatchObject({ a: { kind: 'phases' }, b: { kind: 'rfm' } });
  });

  it('keeps a choice that is still offered and replaces one that is gone', async () => {
    answer({ 'segmentations-list': options });
    const { store } = makeStore();
    await store.getState().enterCompare();
    store.getState().setCompareSide('b', { kind: 'phases' });
    answer({ 'segmentations-list': options.filter((o) => o.ref.kind !== 'clusters') });
    await store.getState().enterCompare();
    expect(store.getState().compareDraft).toMatchObject({ a: { kind: 'rfm' }, b: { kind: 'phases' } });
  });

  it('runs the comparison with progress and shows the result', async () => {
    const seen: unknown[] = [];
    answer({
      'segmentations-list': options,
      'segments-compare': (args: unknown) => {
        seen.push(args);
        return comparison();
      },
    });
    const { store } = makeStore();
    await store.getState().enterCompare();
    const run = store.getState().runCompare();
    expect(store.getState().compareJob?.progress?.phase).toBe('Crossing the segmentations');
    await run;
    const s = store.getState();
    expect(seen).toEqual([{ a: { kind: 'clusters', modelId: 2 }, b: { kind: 'rfm' }, asOf: '2025-12-02', outcomeDays: 30 }]);
    expect(s.compareJob).toBeNull();
    expect(s.compareResult?.ari).toBe(0.01);
    expect(resultKey(s.compareResult!)).toBe(compareKey(s.compareDraft));
  });

  it('does not send a set-up it knows is wrong', async () => {
    answer({ 'segmentations-list': options });
    const { store } = makeStore();
    await store.getState().enterCompare();
    store.getState().setCompareAsOf('2020-01-01');
    await store.getState().runCompare();
    expect(calls('segments-compare')).toHaveLength(0);
    expect(store.getState().compareError?.message).toContain('before the first day');
  });

  it('shows refused fields at the field', async () => {
    answer({
      'segmentations-list': options,
      'segments-compare': new ApiError({ code: 'invalid-args', message: 'Invalid arguments', issues: [{ path: 'outcomeDays', message: 'Too big' }] }),
    });
    const { store } = makeStore();
    await store.getState().enterCompare();
    await store.getState().runCompare();
    expect(store.getState().compareError).toMatchObject({ code: 'invalid-args', issues: [{ field: 'outcomeDays', message: 'Too big' }] });
    store.getState().setCompareOutcomeDays(20);
    expect(store.getState().compareError).toBeNull();
  });

  it('cancels: the job goes, nothing is shown, no error', async () => {
    answer({
      'segmentations-list': options,
      'segments-compare': (_: unknown, opts: { signal: AbortSignal }) =>
        new Promise((_resolve, reject) => opts.signal.addEventListener('abort', () => reject(new ApiError({ code: 'cancelled', message: 'Cancelled' })))),
    });
    const { store } = makeStore();
    await store.getState().enterCompare();
    const run = store.getState().runCompare();
    await Promise.resolve();
    store.getState().cancelCompare();
    expect(store.getState().compareJob?.cancelling).toBe(true);
    await run;
    expect(store.getState().compareJob).toBeNull();
    expect(store.getState().compareError).toBeNull();
    expect(store.getState().compareResult).toBeNull();
  });

  it('keeps the selected cell across re-runs while both segments exist', async () => {
    answer({ 'segmentations-list': options, 'segments-compare': comparison() });
    const { store } = makeStore();
    await store.getState().enterCompare();
    await store.getState().runCompare();
    store.getState().selectCompareCell({ a: '1', b: 'champions' });
    await store.getState().runCompare();
    expect(store.getState().compareCell).toEqual({ a: '1', b: 'champions' });
    answer({ 'segments-compare': comparison({ a: { ...comparison().a, segments: [comparison().a.segments[0]!] } }) });
    await store.getState().runCompare();
    expect(store.getState().compareCell).toBeNull();
    // A re-fitted model under the same reference is another segmentation: its "1" is another cluster.
    answer({ 'segments-compare': comparison() });
    await store.getState().runCompare();
    store.getState().selectCompareCell({ a: '1', b: 'champions' });
    answer({ 'segments-compare': comparison({ a: { ...comparison().a, label: 'Clusters #3' } }) });
    await store.getState().runCompare();
    expect(store.getState().compareCell).toBeNull();
  });

  it('opens the rule builder with the cell as "in A’s segment AND in B’s segment"', async () => {
    const openRuleDraft = vi.fn();
    answer({ 'segmentations-list': options, 'segments-compare': comparison() });
    const { store } = makeStore({ openRuleDraft });
    await store.getState().enterCompare();
    await store.getState().runCompare();
    expect(store.getState().saveCompareCellAsSegment()).toBe(false);
    store.getState().selectCompareCell({ a: '1', b: 'champions' });
    expect(store.getState().saveCompareCellAsSegment()).toBe(true);
    const draft = openRuleDraft.mock.calls[0]![0];
    expect(draft.name).toBe('Cluster 1 ∩ Champions');
    expect(draft.description).toContain('10 as of 2025-12-02');
    expect(draft.rule).toEqual({
      kind: 'group',
      combine: 'and',
      not: false,
      children: [
        { kind: 'segment', segmentation: { kind: 'clusters', modelId: 2 }, segments: ['1'], not: false },
        { kind: 'segment', segmentation: { kind: 'rfm' }, segments: ['champions'], not: false },
      ],
    });
  });

  it('drops everything for another workspace, and the result when the data changes', async () => {
    answer({ 'segmentations-list': options, 'segments-compare': comparison() });
    const { store } = makeStore();
    await store.getState().enterCompare();
    await store.getState().runCompare();
    store.setState({ workspace: workspace('/w.segwb', 2000) } as Partial<AppState>);
    expect(store.getState().compareResult).toBeNull();
    expect(store.getState().compareOptions).not.toBeNull();
    await store.getState().runCompare();
    expect(store.getState().compareResult).not.toBeNull();
    store.setState({ workspace: workspace('/other.segwb') } as Partial<AppState>);
    expect(store.getState().comparePath).toBeNull();
    expect(store.getState().compareResult).toBeNull();
    expect(store.getState().compareOptions).toBeNull();
  });

  it('drops an answer that arrives for the previous workspace', async () => {
    let resolve: (c: Comparison) => void = () => {};
    answer({ 'segmentations-list': options, 'segments-compare': () => new Promise<Comparison>((r) => (resolve = r)) });
    const { store } = makeStore();
    await store.getState().enterCompare();
    const run = store.getState().runCompare();
    await Promise.resolve();
    store.setState({ workspace: workspace('/other.segwb') } as Partial<AppState>);
    resolve(comparison());
    await run;
    expect(store.getState().compareResult).toBeNull();
  });

  it('lists the segmentations again when saved segments change', async () => {
    answer({ 'segmentations-list': options });
    const { store } = makeStore({ rulesSegments: [] });
    await store.getState().enterCompare();
    store.setState({ rulesSegments: [{ segmentId: 1 }] } as unknown as Partial<AppState>);
    await Promise.resolve();
    expect(calls('segmentations-list')).toHaveLength(2);
  });
});
