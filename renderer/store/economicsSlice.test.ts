import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type EconomicsTable, type SegmentationOption, type SegmentDecision } from '../../core/api/contract.ts';
import type { AppState } from './types.ts';
import { answer as answerByName, calls, flush, send, sliceStore, testWorkspace } from './slices.test-support.ts';
import { decision, economicsTable } from '../views/economics/fixtures.test-support.ts';

vi.mock('../api/client.ts', () => import('./slices.test-support.ts').then((m) => m.fakeApiClient));

const { createEconomicsSlice, defaultEconomicsRef, ECONOMICS_DATE_DELAY_MS, economicsKey, withDecision } = await import('./economicsSlice.ts');

const options: SegmentationOption[] = [
  { ref: { kind: 'phases' }, label: 'Funnel phases', available: true, reason: null },
  { ref: { kind: 'rfm' }, label: 'RFM groups', available: true, reason: null },
  { ref: { kind: 'clusters', modelId: 2 }, label: 'Clusters #2', available: true, reason: null },
  { ref: { kind: 'propensity' }, label: 'Propensity bands', available: false, reason: 'No prediction.' },
];
const noClusters = options.filter((o) => o.ref.kind !== 'clusters');
const settings = { margin: 0.3, marginColumn: null, supportContactCost: 5, churnAfterDays: 90 };

function workspace(path = '/w.segwb', events = 1000) {
  return testWorkspace({ path, events, firstEventAt: Date.parse('2024-07-01T06:00:00Z'), lastEventAt: Date.parse('2025-12-31T20:00:00Z') });
}

function makeStore(ws = workspace()) {
  const loadDecisions = vi.fn(async () => {});
  const ensureDecisions = vi.fn();
  const applySavedDecision = vi.fn();
  const made = sliceStore(createEconomicsSlice, { decisions: null, loadDecisions, ensureDecisions, applySavedDecision }, ws);
  return { ...made, loadDecisions, ensureDecisions, applySavedDecision };
}

const progress = { jobId: 'j', phase: 'Reading orders', done: 1, total: 3, unit: 'steps', etaMs: null };
const answer = (table: Record<string, unknown>) => answerByName(table, { progress });
const base = { 'segmentations-list': noClusters, 'economics-settings-get': settings };

/** Answers one operation with promises the test resolves itself, in any order. */
function deferred<T>() {
  const pending: Array<{ args: unknown; resolve: (v: T) => void; reject: (e: unknown) => void }> = [];
  const fn = (args: unknown, opts?: { signal?: AbortSignal }) =>
    new Promise<T>((resolve, reject) => {
      pending.push({ args, resolve, reject });
      opts?.signal?.addEventListener('abort', () => reject(new ApiError({ code: 'cancelled', message: 'Cancelled' })));
    });
  return { fn, pending };
}

beforeEach(() => {
  send.mockReset();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('economics slice', () => {
  it('offers clusters when a model exists, else RFM', () => {
    expect(defaultEconomicsRef(options)).toEqual({ kind: 'clusters', modelId: 2 });
    expect(defaultEconomicsRef(noClusters)).toEqual({ kind: 'rfm' });
    expect(defaultEconomicsRef([options[3]!])).toBeNull();
  });

  it('enters: loads the segmentations, the settings and the decisions, and computes the table as of the signals’ date', async () => {
    const table = deferred<EconomicsTable>();
    answer({ ...base, 'economics-table': table.fn });
    const { store, ensureDecisions } = makeStore();
    await store.getState().enterEconomics();
    await flush();
    expect(store.getState().economicsJob?.progress?.phase).toBe('Reading orders');
    const seen = table.pending.map((p) => p.args);
    table.pending[0]!.resolve(economicsTable());
    await flush();
    const s = store.getState();
    expect(ensureDecisions).toHaveBeenCalled();
    expect(s.economicsSettings).toEqual(settings);
    expect(s.economicsDraft).toEqual({ ref: { kind: 'rfm' }, asOf: '', outcomeDays: 30 });
    expect(seen).toEqual([{ ref: { kind: 'rfm' }, outcomeDays: 30 }]);
    expect(s.economicsJob).toBeNull();
    expect(s.economicsTable?.segments).toHaveLength(3);
    expect(s.economicsTableKey).toBe(economicsKey(s.economicsDraft));
    // Entering again with nothing changed does not compute again.
    await store.getState().enterEconomics();
    expect(calls('economics-table')).toHaveLength(1);
  });

  it('runs with an earlier date: typed dates after a pause, the offered one at once', async () => {
    vi.useFakeTimers();
    const seen: Array<{ asOf?: string }> = [];
    answer({ ...base, 'economics-table': (args: { asOf?: string }) => (seen.push(args), economicsTable()) });
    const { store } = makeStore();
    await store.getState().enterEconomics();
    await flush();
    store.getState().setEconomicsAsOf('2025-10-01');
    store.getState().setEconomicsAsOf('2025-10-15');
    expect(seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(ECONOMICS_DATE_DELAY_MS);
    expect(seen.map((a) => a.asOf)).toEqual([undefined, '2025-10-15']);
    store.getState().useEarlierEconomicsDate();
    await flush();
    // The day after the newest event (2026-01-01) less the 30-day window.
    expect(seen.at(-1)?.asOf).toBe('2025-12-02');
    expect(store.getState().economicsDraft.asOf).toBe('2025-12-02');
    store.getState().setEconomicsAsOf('');
    await vi.advanceTimersByTimeAsync(ECONOMICS_DATE_DELAY_MS);
    expect(seen.at(-1)?.asOf).toBeUndefined();
  });

  it('drops a late answer for a segmentation no longer chosen', async () => {
    const table = deferred<EconomicsTable>();
    answer({ ...base, 'economics-table': table.fn });
    const { store } = makeStore();
    await store.getState().enterEconomics();
    await flush();
    store.getState().setEconomicsRef({ kind: 'phases' });
    await flush();
    expect(table.pending).toHaveLength(2);
    table.pending[1]!.resolve(economicsTable({ ref: { kind: 'phases' }, label: 'Funnel phases' }));
    await flush();
    // The first run was aborted; even if its answer came, it is not shown.
    table.pending[0]!.resolve(economicsTable());
    await flush();
    expect(store.getState().economicsTable?.label).toBe('Funnel phases');
    expect(store.getState().economicsJob).toBeNull();
  });

  it('drops an answer that arrives for the previous workspace, and the table when the data changes', async () => {
    const table = deferred<EconomicsTable>();
    answer({ ...base, 'economics-table': table.fn });
    const { store } = makeStore();
    await store.getState().enterEconomics();
    await flush();
    store.setState({ workspace: workspace('/other.segwb') } as Partial<AppState>);
    table.pending[0]!.resolve(economicsTable());
    await flush();
    expect(store.getState().economicsTable).toBeNull();
    expect(store.getState().economicsPath).toBeNull();

    answer({ ...base, 'economics-table': economicsTable() });
    await store.getState().enterEconomics();
    await flush();
    expect(store.getState().economicsTable).not.toBeNull();
    store.setState({ workspace: workspace('/other.segwb', 2000) } as Partial<AppState>);
    expect(store.getState().economicsTable).toBeNull();
    expect(store.getState().economicsDraft.ref).toEqual({ kind: 'rfm' });
  });

  it('cancels: the job goes, the table on screen stays, no error', async () => {
    answer({ ...base, 'economics-table': economicsTable() });
    const { store } = makeStore();
    await store.getState().enterEconomics();
    await flush();
    const table = deferred<EconomicsTable>();
    answer({ 'economics-table': table.fn });
    const run = store.getState().runEconomics();
    await flush();
    store.getState().cancelEconomics();
    expect(store.getState().economicsJob?.cancelling).toBe(true);
    await run;
    expect(store.getState().economicsJob).toBeNull();
    expect(store.getState().economicsError).toBeNull();
    expect(store.getState().economicsTable?.label).toBe('RFM groups');
  });

  it('shows refused fields at the field', async () => {
    answer({ ...base, 'economics-table': new ApiError({ code: 'invalid-args', message: 'Invalid arguments', issues: [{ path: 'asOf', message: 'before the data starts' }] }) });
    const { store } = makeStore();
    await store.getState().enterEconomics();
    await flush();
    expect(store.getState().economicsError).toMatchObject({ code: 'invalid-args', issues: [{ field: 'asOf', message: 'before the data starts' }] });
    expect(store.getState().economicsJob).toBeNull();
  });

  it('sorts, selects a segment with its history, and keeps the selection across runs of the same segmentation', async () => {
    const history = [decision({ decisionId: 3 })];
    answer({ ...base, 'economics-table': economicsTable(), 'decision-history': (args: unknown) => (expect(args).toEqual({ family: 'rfm', segmentKey: 'lost' }), history) });
    const { store } = makeStore();
    await store.getState().enterEconomics();
    await flush();
    store.getState().sortEconomics('netValue');
    expect(store.getState().economicsSort).toEqual({ column: 'netValue', desc: true });
    store.getState().selectEconomicsSegment('lost');
    await flush();
    expect(store.getState().economicsHistory).toEqual({ id: 'rfm|lost', items: history, error: null });
    await store.getState().runEconomics();
    expect(store.getState().economicsSelected).toBe('lost');
    answer({ ...base, 'economics-table': economicsTable({ ref: { kind: 'phases' }, label: 'Funnel phases' }) });
    store.getState().setEconomicsRef({ kind: 'phases' });
    await flush();
    expect(store.getState().economicsSelected).toBeNull();
    expect(store.getState().economicsHistory).toBeNull();
  });

  it('saves a decision: core stores it; the row, the app’s decisions and the history show it', async () => {
    const saved = decision({ decisionId: 7 });
    const seen: unknown[] = [];
    answer({ ...base, 'economics-table': economicsTable(), 'decision-history': [], 'decision-save': (args: unknown) => (seen.push(args), saved) });
    const { store, loadDecisions, applySavedDecision, toast } = makeStore();
    await store.getState().enterEconomics();
    await flush();
    store.getState().selectEconomicsSegment('lost');
    await flush();
    loadDecisions.mockClear();
    expect(await store.getState().saveEconomicsDecision('lost', 'dont-compete', '  Only buys on discount.  ')).toBe(true);
    expect(seen).toEqual([{ ref: { kind: 'rfm' }, segmentKey: 'lost', segmentName: 'Lost', decision: 'dont-compete', rationale: 'Only buys on discount.', asOf: '2025-12-02' }]);
    const s = store.getState();
    expect(s.economicsTable?.segments.find((r) => r.key === 'lost')?.decision).toEqual(saved);
    expect(s.economicsTable?.segments.find((r) => r.key === 'champions')?.decision).toBeNull();
    expect(s.economicsHistory?.items).toEqual([saved]);
    expect(applySavedDecision).toHaveBeenCalledWith(saved);
    expect(loadDecisions).toHaveBeenCalledTimes(1);
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ kind: 'success', title: 'Decision saved' }));

    // Withdrawn: the row is undecided again, the history keeps both.
    const withdrawn = decision({ decisionId: 8, decision: null, rationale: '' });
    answer({ 'decision-save': withdrawn });
    expect(await store.getState().saveEconomicsDecision('lost', null, '')).toBe(true);
    expect(store.getState().economicsTable?.segments.find((r) => r.key === 'lost')?.decision).toBeNull();
    expect(store.getState().economicsHistory?.items?.map((d) => d.decisionId)).toEqual([8, 7]);
  });

  it('keeps core’s refusal at the rationale and leaves the row as it was', async () => {
    answer({
      ...base,
      'economics-table': economicsTable(),
      'decision-save': new ApiError({ code: 'invalid-args', message: 'Invalid arguments', issues: [{ path: 'rationale', message: 'say why this segment is not worth competing for' }] }),
    });
    const { store, applySavedDecision } = makeStore();
    await store.getState().enterEconomics();
    await flush();
    expect(await store.getState().saveEconomicsDecision('lost', 'dont-compete', '')).toBe(false);
    expect(store.getState().economicsDecisionError).toMatchObject({ code: 'invalid-args', issues: [{ field: 'rationale', message: 'say why this segment is not worth competing for' }] });
    expect(store.getState().economicsDecisionSaving).toBe(false);
    expect(store.getState().economicsTable?.segments.find((r) => r.key === 'lost')?.decision).toBeNull();
    expect(applySavedDecision).not.toHaveBeenCalled();
    store.getState().clearEconomicsDecisionError();
    expect(store.getState().economicsDecisionError).toBeNull();
  });

  it('patches every row of the decided segment, found through its identity', () => {
    const t = economicsTable({ ref: { kind: 'segment', segmentId: 7 }, segments: [economicsTable().segments[0]!, { ...economicsTable().segments[0]!, key: 'in', name: 'VIP' }] });
    const saved: SegmentDecision = decision({ family: 'rules', segmentKey: '7', segmentName: 'VIP', decision: 'compete' });
    const patched = withDecision(t, saved);
    expect(patched.segments.map((r) => r.decision?.decision ?? null)).toEqual([null, 'compete']);
    expect(withDecision(t, decision({ family: 'rfm', segmentKey: 'x' }))).toBe(t);
  });

  it('saves the settings and computes again; refused fields lose the wrapper’s name', async () => {
    const seen: unknown[] = [];
    const next = { ...settings, margin: 0.5 };
    answer({ ...base, 'economics-table': (args: unknown) => (seen.push(args), economicsTable()), 'economics-settings-save': next });
    const { store } = makeStore();
    await store.getState().enterEconomics();
    await flush();
    expect(await store.getState().saveEconomicsSettings(next)).toBe(true);
    await flush();
    expect(store.getState().economicsSettings).toEqual(next);
    expect(seen).toHaveLength(2);
    expect(calls('economics-settings-save')[0]![1]).toEqual({ settings: next });

    answer({ 'economics-settings-save': new ApiError({ code: 'invalid-args', message: 'Invalid arguments', issues: [{ path: 'settings.margin', message: 'Too big' }] }) });
    expect(await store.getState().saveEconomicsSettings({ ...settings, margin: 2 })).toBe(false);
    expect(store.getState().economicsSettingsError?.issues).toEqual([{ field: 'margin', message: 'Too big' }]);
    expect(store.getState().economicsSettings).toEqual(next);
  });

  it('exports the exclusion list; an existing file is replaced only when asked', async () => {
    const result = { path: '/tmp/x.csv', rows: 85, bytes: 2048, asOf: '2026-01-01', segments: [{ family: 'rfm', segmentKey: 'lost', segmentName: 'Lost', segmentation: 'RFM groups', customers: 85 }], skipped: [] };
    answer({ ...base, 'economics-table': economicsTable(), 'decisions-exclusions-export': new ApiError({ code: 'file-exists', message: 'exists' }) });
    const { store } = makeStore();
    await store.getState().enterEconomics();
    await flush();
    await store.getState().exportExclusions(' /tmp/x.csv ');
    expect(store.getState().economicsExport.replacePath).toBe('/tmp/x.csv');
    expect(store.getState().economicsExport.result).toBeNull();
    answer({ 'decisions-exclusions-export': result });
    await store.getState().exportExclusions('/tmp/x.csv', true);
    expect(calls('decisions-exclusions-export').map((c) => c[1])).toEqual([
      { path: '/tmp/x.csv', overwrite: false },
      { path: '/tmp/x.csv', overwrite: true },
    ]);
    expect(store.getState().economicsExport.replacePath).toBeNull();
    expect(store.getState().economicsExport.result).toEqual(result);
    expect(store.getState().economicsExportPath).toBe('/tmp/x.csv');
    store.getState().dismissExclusionsResult();
    expect(store.getState().economicsExport.result).toBeNull();

    answer({ 'decisions-exclusions-export': new ApiError({ code: 'not-found', message: 'The folder /nope does not exist.' }) });
    await store.getState().exportExclusions('/nope/x.csv');
    expect(store.getState().economicsExport.error).toBe('The folder /nope does not exist.');
    expect(store.getState().economicsExport.job).toBeNull();
  });
});
