import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type PriorityAnalysis, type SavedSegment } from '../../core/api/contract.ts';
import { calls, send, sliceStore, testWorkspace } from './slices.test-support.ts';

vi.mock('../api/client.ts', () => import('./slices.test-support.ts').then((m) => m.fakeApiClient));

const { createPrioritySlice, PRIORITY_SAVE_DELAY_MS } = await import('./prioritySlice.ts');

function seg(segmentId: number, priority: number): SavedSegment {
  return { segmentId, name: `S${segmentId}`, description: '', rule: { kind: 'group', combine: 'and', not: false, children: [] }, version: 1, priority, createdAt: 0, updatedAt: 0 };
}

/** Core's answer to a new order: the same segments with their new priorities. */
function reordered(list: SavedSegment[], order: number[]): SavedSegment[] {
  return order.map((id, i) => ({ ...list.find((s) => s.segmentId === id)!, priority: i }));
}

function analysisFor(list: SavedSegment[]): PriorityAnalysis {
  const ordered = [...list].sort((a, b) => a.priority - b.priority);
  return {
    asOf: '2025-12-31',
    customers: 100,
    rows: ordered.map((s, i) => ({ segmentId: s.segmentId, name: s.name, members: 30, primary: 30 - i * 10, claimedAbove: i * 10 })),
    takes: ordered.map(() => ordered.map(() => 0)),
    unassigned: 100 - ordered.reduce((sum, _, i) => sum + 30 - i * 10, 0),
  };
}

function makeStore(initial: SavedSegment[]) {
  let stored = initial;
  send.mockImplementation(async (name: string, args: { order?: number[]; path?: string; overwrite?: boolean }) => {
    if (name === 'segments-list') return stored;
    if (name === 'segments-priority-save') return (stored = reordered(stored, args.order!));
    if (name === 'segments-priority') return analysisFor(stored);
    if (name === 'segments-primary-export') {
      if (!args.overwrite) throw new ApiError({ code: 'file-exists', message: `${args.path} exists` });
      return { path: args.path, rows: 100, bytes: 2048 };
    }
    throw new Error(`unexpected ${name}`);
  });
  const { store, toast } = sliceStore(
    createPrioritySlice,
    (set, get) => ({
      rulesSegments: [],
      rulesSegmentsError: null,
      async loadRuleSegments() {
        const list = (await send('segments-list', {})) as SavedSegment[];
        get().applySavedSegments(list);
      },
      applySavedSegments: (list: SavedSegment[]) => set({ rulesSegments: list }),
    }),
    testWorkspace({ path: '/data/shop.segwb', name: 'shop' }),
  );
  return { store, toast, stored: () => stored };
}

beforeEach(() => {
  send.mockReset();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('priority slice', () => {
  it('loads the segments in priority order, analyses them and proposes an export path', async () => {
    const { store } = makeStore([seg(1, 2), seg(2, 0), seg(3, 1)]);
    await store.getState().enterPriority();
    await vi.runAllTimersAsync();
    const s = store.getState();
    expect(s.priorityLoaded).toBe(true);
    expect(s.priorityOrder).toEqual([2, 3, 1]);
    expect(s.priorityAnalysis?.rows.map((r) => r.segmentId)).toEqual([2, 3, 1]);
    expect(s.priorityExportPath).toBe('/data/shop-primary-segments.csv');
    expect(calls('segments-priority')).toHaveLength(1);
    // Entering again with nothing changed does not analyse again.
    await store.getState().enterPriority();
    await vi.runAllTimersAsync();
    expect(calls('segments-priority')).toHaveLength(1);
  });

  it('shows a move at once, saves quick moves as one order, then analyses again', async () => {
    const { store } = makeStore([seg(1, 0), seg(2, 1), seg(3, 2)]);
    await store.getState().enterPriority();
    await vi.runAllTimersAsync();
    store.getState().movePriority(3, 0);
    expect(store.getState().priorityOrder).toEqual([3, 1, 2]);
    expect(store.getState().prioritySaveState).toBe('pending');
    expect(store.getState().priorityAnnouncement).toBe('Moved S3: position 1 of 3.');
    store.getState().movePriority(1, 2);
    expect(store.getState().priorityOrder).toEqual([3, 2, 1]);
    await vi.advanceTimersByTimeAsync(PRIORITY_SAVE_DELAY_MS);
    await vi.runAllTimersAsync();
    expect(calls('segments-priority-save').map((c) => c[1])).toEqual([{ order: [3, 2, 1] }]);
    const s = store.getState();
    expect(s.prioritySaveState).toBe('saved');
    expect(s.rulesSegments.map((x) => [x.segmentId, x.priority])).toEqual([
      [3, 0],
      [2, 1],
      [1, 2],
    ]);
    expect(calls('segments-priority')).toHaveLength(2);
    expect(s.priorityAnalysis?.rows.map((r) => r.segmentId)).toEqual([3, 2, 1]);
    // Undo goes back to the order before the run of moves.
    expect(s.priorityUndo).toEqual([1, 2, 3]);
    store.getState().undoPriorityMove();
    await vi.runAllTimersAsync();
    expect(calls('segments-priority-save').at(-1)![1]).toEqual({ order: [1, 2, 3] });
    expect(store.getState().priorityUndo).toBeNull();
  });

  it('a move while a save is on its way is saved after it', async () => {
    const { store } = makeStore([seg(1, 0), seg(2, 1), seg(3, 2)]);
    await store.getState().enterPriority();
    await vi.runAllTimersAsync();
    store.getState().movePriority(3, 0);
    await vi.advanceTimersByTimeAsync(PRIORITY_SAVE_DELAY_MS);
    // The save is in flight now (answered on the next microtasks); move again at once.
    store.getState().movePriority(2, 0);
    expect(store.getState().priorityOrder).toEqual([2, 3, 1]);
    await vi.runAllTimersAsync();
    expect(calls('segments-priority-save').map((c) => (c[1] as { order: number[] }).order)).toEqual([
      [3, 1, 2],
      [2, 3, 1],
    ]);
    expect(store.getState().priorityOrder).toEqual([2, 3, 1]);
    expect(store.getState().prioritySaveState).toBe('saved');
  });

  it('puts the stored order back when a save fails', async () => {
    const { store } = makeStore([seg(1, 0), seg(2, 1)]);
    await store.getState().enterPriority();
    await vi.runAllTimersAsync();
    const ok = send.getMockImplementation()!;
    send.mockImplementation(async (name: string, args: unknown) => {
      if (name === 'segments-priority-save') throw new ApiError({ code: 'invalid-priority', message: 'The list must name every saved segment once.' });
      return ok(name, args);
    });
    store.getState().movePriority(2, 0);
    await vi.runAllTimersAsync();
    const s = store.getState();
    expect(s.prioritySaveState).toBe('error');
    expect(s.prioritySaveError).toBe('The list must name every saved segment once.');
    expect(s.priorityOrder).toEqual([1, 2]);
  });

  it('asks before replacing an existing file, then exports', async () => {
    const { store, toast } = makeStore([seg(1, 0)]);
    await store.getState().enterPriority();
    await vi.runAllTimersAsync();
    store.getState().setPriorityExportPath('/tmp/out.csv');
    await store.getState().exportPrimary();
    expect(store.getState().priorityExport.replacePath).toBe('/tmp/out.csv');
    expect(store.getState().priorityExport.error).toBeNull();
    await store.getState().exportPrimary(true);
    expect(calls('segments-primary-export').map((c) => c[1])).toEqual([
      { path: '/tmp/out.csv', overwrite: false },
      { path: '/tmp/out.csv', overwrite: true },
    ]);
    expect(store.getState().priorityExport.replacePath).toBeNull();
    expect(store.getState().priorityExport.result).toEqual({ path: '/tmp/out.csv', rows: 100, bytes: 2048 });
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ kind: 'success' }));
  });

  it('follows segments saved elsewhere and clears the analysis when none are left', async () => {
    const { store } = makeStore([seg(1, 0)]);
    await store.getState().enterPriority();
    await vi.runAllTimersAsync();
    store.getState().applySavedSegments([seg(1, 0), seg(4, 1)]);
    expect(store.getState().priorityOrder).toEqual([1, 4]);
    store.getState().applySavedSegments([]);
    await store.getState().runPriorityAnalysis();
    expect(store.getState().priorityAnalysis).toBeNull();
  });

  it('cancels the analysis', async () => {
    const { store } = makeStore([seg(1, 0)]);
    const ok = send.getMockImplementation()!;
    let signal: AbortSignal | undefined;
    send.mockImplementation((name: string, args: unknown, opts: { signal?: AbortSignal }) => {
      if (name !== 'segments-priority') return ok(name, args);
      signal = opts.signal;
      return new Promise((_, reject) => opts.signal!.addEventListener('abort', () => reject(new DOMException('Cancelled', 'AbortError'))));
    });
    await store.getState().enterPriority();
    expect(store.getState().priorityJob).not.toBeNull();
    store.getState().cancelPriorityAnalysis();
    expect(signal?.aborted).toBe(true);
    await vi.runAllTimersAsync();
    expect(store.getState().priorityJob).toBeNull();
    expect(store.getState().priorityError).toBeNull();
  });
});
