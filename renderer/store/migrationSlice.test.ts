import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type MigrationSeries, type MoverPage, type SegmentationOption } from '../../core/api/contract.ts';
import type { AppState } from './types.ts';
import { answer as answerByName, calls, flush, send, sliceStore, testWorkspace } from './slices.test-support.ts';

vi.mock('../api/client.ts', () => import('./slices.test-support.ts').then((m) => m.fakeApiClient));

const { createMigrationSlice, draftKey, resultKey } = await import('./migrationSlice.ts');

function workspace(path = '/w/shop.segwb', events = 1000) {
  return testWorkspace({ path, events, firstEventAt: Date.parse('2024-07-01T06:00:00Z'), lastEventAt: Date.parse('2025-12-31T20:00:00Z') });
}

const options: SegmentationOption[] = [
  { ref: { kind: 'clusters' }, label: 'Clusters', available: false, reason: 'No cluster model yet.' },
  { ref: { kind: 'phases' }, label: 'Funnel phases', available: true, reason: null },
  { ref: { kind: 'rfm' }, label: 'RFM groups', available: true, reason: null },
];

const DAYS = ['2025-10-01', '2025-11-01', '2025-12-01'];
const segments = [
  { key: 'orientation', name: 'Orientation', colour: null },
  { key: 'decision', name: 'Decision', colour: null },
];

/** Three dates; between the first and the last 10 moved (6 orientation → decision, 4 back), 5 are new. */
function series(over: Partial<MigrationSeries> = {}): MigrationSeries {
  const m = (from: string, to: string, counts: number[][], stayed: number, moved: number, entered: number) => ({ from, to, counts, stayed, moved, entered });
  return {
    ref: { kind: 'phases' },
    label: 'Funnel phases',
    days: DAYS,
    segments,
    sizes: [
      [30, 20],
      [28, 24],
      [28, 27],
    ],
    customers: [50, 52, 55],
    transitions: [
      m('2025-10-01', '2025-11-01', [[26, 4], [1, 19], [1, 1]], 45, 5, 2),
      m('2025-10-01', '2025-12-01', [[24, 6], [4, 16], [0, 5]], 40, 10, 5),
      m('2025-11-01', '2025-12-01', [[27, 1], [1, 23], [0, 3]], 50, 2, 3),
    ],
    drift: null,
    computedMs: 1200,
    ...over,
  };
}

const page = (total: number): MoverPage => ({
  from: '2025-10-01',
  to: '2025-12-01',
  total,
  offset: 0,
  rows: Array.from({ length: Math.min(total, 3) }, (_, i) => ({ customerId: `C${i}`, from: 'orientation', to: 'decision', changes: [] })),
  segmentsFrom: segments,
  segmentsTo: segments,
});

const makeStore = (around: Record<string, unknown> = {}, ws = workspace()) => sliceStore(createMigrationSlice, { ensureDecisions: vi.fn(), ...around }, ws);

const answer = (table: Record<string, unknown>) => answerByName(table, { progress: { jobId: 'j', phase: 'Segments as of 2025-12-01', done: 1, total: 3, unit: 'dates', etaMs: null } });

/** A call that waits until its AbortSignal fires, then fails as core does. */
const untilAborted = (_: unknown, opts: { signal: AbortSignal }) =>
  new Promise((_resolve, reject) => opts.signal.addEventListener('abort', () => reject(new ApiError({ code: 'cancelled', message: 'Cancelled' }))));

beforeEach(() => {
  send.mockReset();
});

describe('migration slice', () => {
  it('offers the first available of clusters or phases, over the last twelve months of data, monthly', async () => {
    answer({ 'segmentations-list': options });
    const ensureDecisions = vi.fn();
    const { store } = makeStore({ ensureDecisions });
    await store.getState().enterMigration();
    expect(store.getState().migrationDraft).toEqual({ ref: { kind: 'phases' }, start: '2025-02-01', end: '2026-01-01', step: 'monthly', datesEdited: false });
    // The decisions for the badges beside segment names.
    expect(ensureDecisions).toHaveBeenCalled();
  });

  it('runs with progress, shows the whole series’ pair and asks for its movers', async () => {
    answer({ 'segmentations-list': options, 'migration-run': series(), 'migration-movers': page(10) });
    const { store } = makeStore();
    await store.getState().enterMigration();
    store.getState().setMigrationStart('2025-10-01');
    store.getState().setMigrationEnd('2025-12-01');
    const run = store.getState().runMigration();
    expect(store.getState().migrationJob?.progress?.unit).toBe('dates');
    await run;
    await flush();
    const s = store.getState();
    expect(calls('migration-run')[0]![1]).toEqual({ ref: { kind: 'phases' }, days: DAYS });
    expect(s.migrationJob).toBeNull();
    expect(resultKey(s.migrationResult!)).toBe(draftKey(s.migrationDraft));
    expect(s.migrationPair).toEqual({ from: '2025-10-01', to: '2025-12-01' });
    expect(calls('migration-movers')[0]![1]).toEqual({ ref: { kind: 'phases' }, from: '2025-10-01', to: '2025-12-01', offset: 0, limit: 200 });
    expect(s.migrationMoversTotal).toBe(10);
    expect(s.migrationMoverRows.row(0)?.customerId).toBe('C0');
  });

  it('filters the movers by a flow; a flow with nobody in it is not asked for', async () => {
    answer({ 'segmentations-list': options, 'migration-run': series(), 'migration-movers': page(6) });
    const { store } = makeStore();
    await store.getState().enterMigration();
    await store.getState().runMigration();
    await flush();
    send.mockClear();
    store.getState().setMigrationFilter({ fromKey: 'orientation', toKey: 'decision' });
    expect(store.getState().migrationMoversTotal).toBe(6);
    await flush();
    expect(calls('migration-movers')[0]![1]).toMatchObject({ fromKey: 'orientation', toKey: 'decision' });
    // Stayers are not movers: a segment to itself lists nobody, and core is not asked.
    send.mockClear();
    store.getState().setMigrationFilter({ fromKey: 'decision', toKey: 'decision' });
    await flush();
    expect(store.getState().migrationMoversTotal).toBe(0);
    expect(calls('migration-movers')).toHaveLength(0);
  });

  it('moves the nearer end of the pair to a clicked date', async () => {
    answer({ 'segmentations-list': options, 'migration-run': series(), 'migration-movers': page(2) });
    const { store } = makeStore();
    await store.getState().enterMigration();
    await store.getState().runMigration();
    await flush();
    send.mockClear();
    store.getState().chooseMigrationDay('2025-11-01');
    expect(store.getState().migrationPair).toEqual({ from: '2025-10-01', to: '2025-11-01' });
    await flush();
    expect(calls('migration-movers')[0]![1]).toMatchObject({ from: '2025-10-01', to: '2025-11-01' });
    // A pair that is not in the series is ignored.
    store.getState().setMigrationPair({ from: '2025-12-01', to: '2025-10-01' });
    expect(store.getState().migrationPair).toEqual({ from: '2025-10-01', to: '2025-11-01' });
  });

  it('keeps the last result on screen while re-running, and when the run is cancelled', async () => {
    answer({ 'segmentations-list': options, 'migration-run': series(), 'migration-movers': page(10) });
    const { store } = makeStore();
    await store.getState().enterMigration();
    await store.getState().runMigration();
    const first = store.getState().migrationResult;
    store.getState().setMigrationRef({ kind: 'rfm' });
    answer({ 'migration-run': untilAborted, 'migration-movers': page(10) });
    const run = store.getState().runMigration();
    await Promise.resolve();
    expect(store.getState().migrationResult).toBe(first);
    store.getState().cancelMigration();
    expect(store.getState().migrationJob?.cancelling).toBe(true);
    await run;
    const s = store.getState();
    expect(s.migrationJob).toBeNull();
    expect(s.migrationError).toBeNull();
    expect(s.migrationResult).toBe(first);
  });

  it('does not send a series it knows is wrong, and shows the fields core refused', async () => {
    answer({ 'segmentations-list': options });
    const { store } = makeStore();
    await store.getState().enterMigration();
    store.getState().setMigrationStep('weekly');
    await store.getState().runMigration();
    expect(calls('migration-run')).toHaveLength(0);
    expect(store.getState().migrationError?.message).toContain('at most 36 dates');
    store.getState().fitMigrationDates();
    expect(store.getState().migrationError).toBeNull();
    answer({ 'migration-run': new ApiError({ code: 'invalid-args', message: 'Invalid arguments', issues: [{ path: 'days.3', message: 'Invalid date' }] }) });
    await store.getState().runMigration();
    expect(calls('migration-run')[0]![1].days).toHaveLength(36);
    expect(store.getState().migrationError).toMatchObject({ code: 'invalid-args', issues: [{ field: 'days', message: 'Invalid date' }] });
  });

  it('shows another failure with its code', async () => {
    answer({ 'segmentations-list': options, 'migration-run': new ApiError({ code: 'no-cluster-model', message: 'Fit clusters first.' }) });
    const { store } = makeStore();
    await store.getState().enterMigration();
    await store.getState().runMigration();
    expect(store.getState().migrationError).toMatchObject({ code: 'no-cluster-model', message: 'Fit clusters first.', issues: [] });
  });

  it('drops an answer that arrives for the previous workspace, and everything on another workspace', async () => {
    let resolve: (r: MigrationSeries) => void = () => {};
    answer({ 'segmentations-list': options, 'migration-run': () => new Promise<MigrationSeries>((r) => (resolve = r)) });
    const { store } = makeStore();
    await store.getState().enterMigration();
    const run = store.getState().runMigration();
    await Promise.resolve();
    store.setState({ workspace: workspace('/other.segwb') } as Partial<AppState>);
    expect(store.getState().migrationPath).toBeNull();
    expect(store.getState().migrationOptions).toBeNull();
    resolve(series());
    await run;
    expect(store.getState().migrationResult).toBeNull();
    expect(store.getState().migrationJob).toBeNull();
  });

  it('drops the result when the data changes, and moves the default dates', async () => {
    answer({ 'segmentations-list': options, 'migration-run': series(), 'migration-movers': page(10) });
    const { store } = makeStore();
    await store.getState().enterMigration();
    await store.getState().runMigration();
    expect(store.getState().migrationResult).not.toBeNull();
    store.setState({ workspace: { ...workspace(), events: 2000, lastEventAt: Date.parse('2026-02-10T10:00:00Z') } } as Partial<AppState>);
    expect(store.getState().migrationResult).toBeNull();
    expect(store.getState().migrationPair).toBeNull();
    expect(store.getState().migrationDraft.end).toBe('2026-02-11');
  });

  it('cancels the slow first page of movers, and loads them again on request', async () => {
    answer({ 'segmentations-list': options, 'migration-run': series(), 'migration-movers': untilAborted });
    const { store } = makeStore();
    await store.getState().enterMigration();
    await store.getState().runMigration();
    await flush();
    expect(store.getState().migrationMoversJob).not.toBeNull();
    store.getState().cancelMigrationMovers();
    await flush();
    expect(store.getState().migrationMoversJob).toBeNull();
    expect(store.getState().migrationMoversCancelled).toBe(true);
    expect(store.getState().migrationMoversError).toBeNull();
    answer({ 'migration-movers': page(10) });
    store.getState().retryMigrationMovers();
    await flush();
    expect(store.getState().migrationMoversCancelled).toBe(false);
    expect(store.getState().migrationMoverRows.row(0)?.customerId).toBe('C0');
  });

  it('exports the movers on screen where the save dialog says, asking before replacing a file', async () => {
    const pickSavePath = vi.fn(async () => '/exports/movers.csv');
    const written = { path: '/exports/movers.csv', rows: 6, bytes: 420 };
    answer({
      'segmentations-list': options,
      'migration-run': series(),
      'migration-movers': page(6),
      'migration-movers-export': (args: { overwrite: boolean }) => (args.overwrite ? written : Promise.reject(new ApiError({ code: 'file-exists', message: 'exists' }))),
    });
    const { store, toast } = makeStore({ pickSavePath });
    await store.getState().enterMigration();
    await store.getState().runMigration();
    store.getState().setMigrationFilter({ fromKey: 'orientation', toKey: 'decision' });
    await store.getState().exportMigrationMovers();
    expect(pickSavePath).toHaveBeenCalledWith({
      title: 'Export the movers as CSV',
      suggestedName: 'movers-phases-2025-10-01-to-2025-12-01-from-orientation-to-decision.csv',
      extension: 'csv',
      dir: '/w',
    });
    expect(calls('migration-movers-export')[0]![1]).toEqual({
      ref: { kind: 'phases' },
      from: '2025-10-01',
      to: '2025-12-01',
      fromKey: 'orientation',
      toKey: 'decision',
      path: '/exports/movers.csv',
      overwrite: false,
    });
    expect(store.getState().migrationExport.replacePath).toBe('/exports/movers.csv');
    await store.getState().writeMigrationMovers('/exports/movers.csv', true);
    expect(store.getState().migrationExport.result).toEqual(written);
    expect(store.getState().migrationExport.replacePath).toBeNull();
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: 'Movers exported' }));
  });

  it('asks nothing when the save dialog is cancelled', async () => {
    answer({ 'segmentations-list': options, 'migration-run': series(), 'migration-movers': page(10) });
    const { store } = makeStore({ pickSavePath: async () => null });
    await store.getState().enterMigration();
    await store.getState().runMigration();
    await store.getState().exportMigrationMovers();
    expect(calls('migration-movers-export')).toHaveLength(0);
  });

  it('opens a mover’s timeline in the Data view', () => {
    const setDataTab = vi.fn();
    const setView = vi.fn();
    const openCustomer = vi.fn(async () => {});
    const { store } = makeStore({ setDataTab, setView, openCustomer });
    store.getState().openMigrationCustomer('C42');
    expect(setDataTab).toHaveBeenCalledWith('customers');
    expect(setView).toHaveBeenCalledWith('data');
    expect(openCustomer).toHaveBeenCalledWith('C42');
  });
});
