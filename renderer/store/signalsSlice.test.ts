import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type ScoreSummary, type ScoringSettings, type SignalInfo, type SignalSnapshot } from '../../core/api/contract.ts';
import { answer, calls, flush as flushRounds, send, sliceStore, testWorkspace } from './slices.test-support.ts';
import type { AppState } from './types.ts';

vi.mock('../api/client.ts', () => import('./slices.test-support.ts').then((m) => m.fakeApiClient));

const { createSignalsSlice, scoreKey, defaultBacktestAsOf, defaultTrainAsOf, SAVE_DEBOUNCE_MS } = await import('./signalsSlice.ts');

const CATALOG: SignalInfo[] = [
  { id: 'orders', label: 'Orders', description: '', group: 'value', unit: 'count', direction: 1, missing: 'worst', windowDays: null, builtIn: true, defaultWeight: 0 },
  { id: 'pricing_views_30d', label: 'Pricing', description: '', group: 'intent', unit: 'count', direction: 1, missing: 'worst', windowDays: 30, builtIn: true, defaultWeight: 25 },
];

const SETTINGS: ScoringSettings = {
  weights: { pricing_views_30d: 25 },
  normalisation: 'percentile',
  thresholds: { consideration: 20, decision: 45 },
  retention: { purchaseWithinDays: 90, activeWithinDays: 30 },
  actions: {
    orientation: { behaviour: '', format: '', goal: '' },
    consideration: { behaviour: '', format: '', goal: '' },
    decision: { behaviour: '', format: '', goal: '' },
    retention: { behaviour: '', format: '', goal: '' },
  },
  asOf: null,
  outcomeDays: 30,
};

const SNAPSHOT: SignalSnapshot = { asOf: '2026-01-01', customers: 10, computedMs: 5, signals: [] };

function summary(decision: number): ScoreSummary {
  return {
    asOf: '2026-01-01',
    customers: 10,
    histogram: new Array<number>(100).fill(0),
    phaseCounts: { orientation: 10 - decision, consideration: 0, decision, retention: 0 },
    meanScore: 1,
    scoredMs: 1,
  };
}

function makeStore(readonly = false) {
  const workspace = testWorkspace({ readonly, schemaVersion: 3, customers: 10, events: 100, firstEventAt: 0, lastEventAt: Date.UTC(2025, 11, 31, 12) });
  return sliceStore(createSignalsSlice, { busy: null, setView: vi.fn(), setDataTab: vi.fn(), openCustomer: vi.fn() }, workspace);
}

const flush = () => flushRounds(10);

beforeEach(() => {
  send.mockReset();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('signals slice', () => {
  it('loads the catalogue and settings, and says when nothing is computed yet', async () => {
    answer({ 'signals-catalog': CATALOG, 'signals-snapshot': null, 'scoring-settings-get': SETTINGS });
    const { store } = makeStore();
    await store.getState().enterSignals();
    const s = store.getState();
    expect(s.catalog).toEqual(CATALOG);
    expect(s.snapshotState).toBe('none');
    expect(s.asOfInput).toBe('2026-01-01');
    expect(calls('scores-summary')).toHaveLength(0);
  });

  it('computes, then scores and sets the validation dates from the snapshot', async () => {
    answer({ 'signals-catalog': CATALOG, 'signals-snapshot': null, 'scoring-settings-get': SETTINGS, 'signals-compute': SNAPSHOT, 'scores-summary': summary(1), 'scoring-settings-save': (a: { settings: ScoringSettings }) => a.settings });
    const { store } = makeStore();
    await store.getState().enterSignals();
    await store.getState().computeSignals();
    await flush();
    const s = store.getState();
    expect(calls('signals-compute')[0]![1]).toEqual({ asOf: '2026-01-01' });
    expect(s.snapshotState).toBe('ready');
    expect(s.summary?.phaseCounts.decision).toBe(1);
    expect(s.backtestAsOf).toBe('2025-12-02');
    expect(s.suggestTrainAsOf).toBe('2025-11-02');
    // The default date ("as of now") is stored as null so it follows new data.
    expect(s.scoring?.asOf).toBeNull();
  });

  it('re-scores on every change with one request in flight, and saves once after a pause', async () => {
    let release: ((v: ScoreSummary) => void) | null = null;
    answer({
      'signals-catalog': CATALOG,
      'signals-snapshot': SNAPSHOT,
      'scoring-settings-get': SETTINGS,
      'scores-summary': () => new Promise<ScoreSummary>((r) => (release = r)),
      'scoring-settings-save': (a: { settings: ScoringSettings }) => a.settings,
      'phase-customers': { phase: 'decision', total: 0, offset: 0, rows: [] },
    });
    const { store } = makeStore();
    await store.getState().enterSignals();
    expect(calls('scores-summary')).toHaveLength(1);
    store.getState().setWeight('orders', 10);
    store.getState().setWeight('orders', 20);
    store.getState().setWeight('orders', 30);
    expect(calls('scores-summary')).toHaveLength(1);
    release!(summary(1));
    await flush();
    // Only the latest settings follow the first answer.
    expect(calls('scores-summary')).toHaveLength(2);
    expect((calls('scores-summary')[1]![1] as { settings: ScoringSettings }).settings.weights).toEqual({ pricing_views_30d: 25, orders: 30 });
    release!(summary(2));
    await flush();
    expect(store.getState().summary?.phaseCounts.decision).toBe(2);
    expect(store.getState().summaryKey).toBe(scoreKey(store.getState().scoring!));

    expect(store.getState().saveState).toBe('pending');
    expect(calls('scoring-settings-save')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS + 10);
    expect(calls('scoring-settings-save')).toHaveLength(1);
    expect((calls('scoring-settings-save')[0]![1] as { settings: ScoringSettings }).settings.weights.orders).toBe(30);
    expect(store.getState().saveState).toBe('saved');
  });

  it('does not re-score for changes the score does not depend on', async () => {
    answer({ 'signals-catalog': CATALOG, 'signals-snapshot': SNAPSHOT, 'scoring-settings-get': SETTINGS, 'scores-summary': summary(1), 'scoring-settings-save': (a: { settings: ScoringSettings }) => a.settings });
    const { store } = makeStore();
    await store.getState().enterSignals();
    await flush();
    const before = calls('scores-summary').length;
    store.getState().setPhaseAction('decision', 'goal', 'Close it');
    store.getState().setOutcomeDays(60);
    await flush();
    expect(calls('scores-summary')).toHaveLength(before);
    expect(store.getState().scoring?.actions.decision.goal).toBe('Close it');
    // The validation dates follow the outcome window until the analyst sets them.
    expect(store.getState().backtestAsOf).toBe(defaultBacktestAsOf('2026-01-01', 60));
    expect(store.getState().suggestTrainAsOf).toBe(defaultTrainAsOf('2026-01-01', 60));
  });

  it('says the snapshot is gone after new data, and when core no longer has one', async () => {
    answer({ 'signals-catalog': CATALOG, 'signals-snapshot': SNAPSHOT, 'scoring-settings-get': SETTINGS, 'scores-summary': summary(1) });
    const { store } = makeStore();
    await store.getState().enterSignals();
    await flush();
    expect(store.getState().snapshotState).toBe('ready');
    answer({ 'signals-catalog': CATALOG, 'signals-snapshot': null, 'scoring-settings-get': SETTINGS });
    await store.getState().enterSignals();
    expect(store.getState().snapshotState).toBe('lost');
    expect(store.getState().lostReason).toBe('data');
    expect(store.getState().lostAsOf).toBe('2026-01-01');
    expect(store.getState().summary).toBeNull();
  });

  it('treats "signals-not-computed" from scoring as a lost snapshot', async () => {
    answer({
      'signals-catalog': CATALOG,
      'signals-snapshot': SNAPSHOT,
      'scoring-settings-get': SETTINGS,
      'scores-summary': new ApiError({ code: 'signals-not-computed', message: 'compute them first' }),
    });
    const { store } = makeStore();
    await store.getState().enterSignals();
    await flush();
    expect(store.getState().snapshotState).toBe('lost');
  });

  it('shows core’s objection to a signal, and asks to recompute after saving one', async () => {
    answer({ 'signals-catalog': CATALOG, 'signals-snapshot': SNAPSHOT, 'scoring-settings-get': SETTINGS, 'scores-summary': summary(1) });
    const { store, toast } = makeStore();
    await store.getState().enterSignals();
    await flush();
    store.getState().openSignalDialog();
    send.mockRejectedValueOnce(new ApiError({ code: 'invalid-signal', message: '"orders" is the name of a built-in signal' }));
    const signal = { id: 'orders', label: 'Gift', aggregation: 'count' as const };
    expect(await store.getState().saveSignal(signal)).toBe(false);
    expect(store.getState().signalError).toContain('built-in');
    expect(store.getState().signalDialogOpen).toBe(true);
    send.mockResolvedValueOnce([...CATALOG, { ...CATALOG[0]!, id: 'gift', builtIn: false, group: 'custom' }]);
    expect(await store.getState().saveSignal({ ...signal, id: 'gift' })).toBe(true);
    expect(store.getState().signalDialogOpen).toBe(false);
    expect(store.getState().catalog).toHaveLength(3);
    expect(store.getState().snapshotState).toBe('lost');
    expect(store.getState().lostReason).toBe('definitions');
    expect(toast).toHaveBeenCalled();
  });

  it('accepts or blends a suggestion', async () => {
    answer({ 'signals-catalog': CATALOG, 'signals-snapshot': SNAPSHOT, 'scoring-settings-get': SETTINGS, 'scores-summary': summary(1) });
    const { store } = makeStore();
    await store.getState().enterSignals();
    store.setState({
      suggestion: {
        weights: { orders: 80, pricing_views_30d: 5 },
        thresholds: { consideration: 33.3, decision: 51.2 },
      } as unknown as AppState['suggestion'],
    });
    store.getState().blendSuggestion();
    expect(store.getState().scoring?.weights).toEqual({ orders: 40, pricing_views_30d: 15 });
    expect(store.getState().scoring?.thresholds).toEqual({ consideration: 20, decision: 45 });
    store.getState().acceptSuggestion(true);
    expect(store.getState().scoring?.weights).toEqual({ orders: 80, pricing_views_30d: 5 });
    expect(store.getState().scoring?.thresholds).toEqual({ consideration: 33.3, decision: 51.2 });
  });

  it('saves pending settings at once when another workspace is about to open', async () => {
    answer({ 'signals-catalog': CATALOG, 'signals-snapshot': SNAPSHOT, 'scoring-settings-get': SETTINGS, 'scores-summary': summary(1), 'scoring-settings-save': (a: { settings: ScoringSettings }) => a.settings });
    const { store } = makeStore();
    await store.getState().enterSignals();
    store.getState().setWeight('orders', 10);
    expect(calls('scoring-settings-save')).toHaveLength(0);
    store.setState({ busy: 'opening' });
    expect(calls('scoring-settings-save')).toHaveLength(1);
  });

  it('does not try to save in a read-only workspace', async () => {
    answer({ 'signals-catalog': CATALOG, 'signals-snapshot': SNAPSHOT, 'scoring-settings-get': SETTINGS, 'scores-summary': summary(1) });
    const { store } = makeStore(true);
    await store.getState().enterSignals();
    store.getState().setWeight('orders', 10);
    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS + 10);
    expect(calls('scoring-settings-save')).toHaveLength(0);
    expect(store.getState().saveState).toBe('read-only');
  });
});
