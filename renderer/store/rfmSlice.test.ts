import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type RfmSettings, type RfmSummary } from '../../core/api/contract.ts';
import { defaultRfmSettings } from '../views/rules/rfm/rfmDefaults.ts';
import { addGroup, renameGroup, setCutoffs } from '../views/rules/rfm/rfmSettings.ts';
import { calls, flush, send, sliceStore, testWorkspace } from './slices.test-support.ts';

vi.mock('../api/client.ts', () => import('./slices.test-support.ts').then((m) => m.fakeApiClient));

const { createRfmSlice, RFM_SUMMARY_DEBOUNCE_MS } = await import('./rfmSlice.ts');

function summaryOf(settings: RfmSettings, buyers = 80): RfmSummary {
  return {
    asOf: '2025-12-31',
    customers: 100,
    buyers,
    cutoffs: { recencyDays: [10, 30, 60, 120], orders: [1, 1, 2, 4], revenue: [40, 90, 200, 500] },
    grid: Array.from({ length: 5 }, () => [1, 1, 1, 1, 1]),
    gridGroup: Array.from({ length: 5 }, () => ['other', 'other', 'other', 'other', 'other']),
    groups: [...settings.groups.map((g) => ({ id: g.id, name: g.name, customers: 1, share: 0.01, meanDaysSincePurchase: 1, meanOrders: 1, meanRevenue: 1 }))],
  };
}

function makeStore() {
  const openRuleDraft = vi.fn();
  return { ...sliceStore(createRfmSlice, { openRuleDraft }), openRuleDraft };
}

/** Answers rfm-summary on demand, so tests can see requests overlap. */
function controlledSummaries() {
  const pending: Array<{ settings: RfmSettings; signal: AbortSignal; resolve: (s: RfmSummary) => void; reject: (e: unknown) => void }> = [];
  send.mockImplementation((name: string, args: { settings: RfmSettings }, opts: { signal: AbortSignal }) => {
    if (name === 'rfm-settings-get') return Promise.resolve(defaultRfmSettings());
    if (name === 'rfm-settings-save') return Promise.resolve(args.settings);
    if (name === 'rfm-summary')
      return new Promise<RfmSummary>((resolve, reject) => {
        pending.push({ settings: args.settings, signal: opts.signal, resolve, reject });
        opts.signal.addEventListener('abort', () => reject(new DOMException('Cancelled', 'AbortError')));
      });
    return Promise.reject(new Error(`unexpected ${name}`));
  });
  return pending;
}

beforeEach(() => {
  send.mockReset();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('rfm slice', () => {
  it('loads the saved settings and counts them as of the signals’ date', async () => {
    const pending = controlledSummaries();
    const { store } = makeStore();
    await store.getState().enterRfm();
    expect(store.getState().rfmDraft).toEqual(defaultRfmSettings());
    await vi.advanceTimersByTimeAsync(0);
    expect(pending).toHaveLength(1);
    expect(store.getState().rfmJob).not.toBeNull();
    pending[0]!.resolve(summaryOf(pending[0]!.settings));
    await flush();
    expect(store.getState().rfmSummary?.buyers).toBe(80);
    expect(store.getState().rfmJob).toBeNull();
  });

  it('counts again after edits pause, cancelling the count in flight', async () => {
    const pending = controlledSummaries();
    const { store } = makeStore();
    await store.getState().enterRfm();
    await vi.advanceTimersByTimeAsync(0);
    expect(pending).toHaveLength(1);
    store.getState().editRfm((s) => setCutoffs({ ...s, method: 'cutoffs' }, 'orders', [1, 2, 3, 4]));
    store.getState().editRfm((s) => setCutoffs(s, 'orders', [1, 2, 3, 6]));
    await vi.advanceTimersByTimeAsync(RFM_SUMMARY_DEBOUNCE_MS - 1);
    expect(pending).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(pending).toHaveLength(2);
    expect(pending[0]!.signal.aborted).toBe(true);
    expect(pending[1]!.settings.cutoffs.orders).toEqual([1, 2, 3, 6]);
    // The cancelled answer never shows; the newest does.
    pending[1]!.resolve(summaryOf(pending[1]!.settings, 77));
    await flush();
    expect(store.getState().rfmSummary?.buyers).toBe(77);
    expect(store.getState().rfmJob).toBeNull();
  });

  it('does not send settings it knows are wrong, and cannot save them', async () => {
    const pending = controlledSummaries();
    const { store } = makeStore();
    await store.getState().enterRfm();
    await vi.advanceTimersByTimeAsync(0);
    pending[0]!.resolve(summaryOf(pending[0]!.settings));
    await flush();
    store.getState().editRfm((s) => setCutoffs(s, 'revenue', [500, 100, 200, 300]));
    await vi.advanceTimersByTimeAsync(RFM_SUMMARY_DEBOUNCE_MS * 2);
    expect(pending).toHaveLength(1);
    await store.getState().saveRfm();
    expect(calls('rfm-settings-save')).toHaveLength(0);
    expect(store.getState().rfmSaveError).toMatch(/Fix the marked fields/);
  });

  it('saves (new groups get ids from their names), reverts and resets', async () => {
    const pending = controlledSummaries();
    const { store, toast } = makeStore();
    await store.getState().enterRfm();
    await vi.advanceTimersByTimeAsync(0);
    pending[0]!.resolve(summaryOf(pending[0]!.settings));
    await flush();
    store.getState().editRfm((s) => addGroup(s, new Set(s.groups.map((g) => g.id))));
    store.getState().editRfm((s) => renameGroup(s, s.groups.length - 1, 'Window shoppers'));
    await store.getState().saveRfm();
    const sent = calls('rfm-settings-save')[0]![1] as { settings: RfmSettings };
    expect(sent.settings.groups.at(-1)).toMatchObject({ id: 'window-shoppers', name: 'Window shoppers' });
    expect(store.getState().rfmSaved).toEqual(sent.settings);
    expect(store.getState().rfmDraft).toEqual(sent.settings);
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ kind: 'success' }));

    store.getState().editRfm((s) => renameGroup(s, 0, 'Stars'));
    store.getState().revertRfm();
    expect(store.getState().rfmDraft).toEqual(sent.settings);
    store.getState().resetRfmToDefaults();
    expect(store.getState().rfmDraft).toEqual(defaultRfmSettings());
  });

  it('shows core’s invalid-args issues at their fields', async () => {
    send.mockImplementation((name: string) => {
      if (name === 'rfm-settings-get') return Promise.resolve(defaultRfmSettings());
      if (name === 'rfm-summary') return Promise.reject(new ApiError({ code: 'invalid-args', message: 'bad', issues: [{ path: 'settings.groups.0.id', message: 'group id "x" is used twice' }] }));
      return Promise.reject(new Error(name));
    });
    const { store } = makeStore();
    await store.getState().enterRfm();
    await vi.advanceTimersByTimeAsync(0);
    await flush();
    expect(store.getState().rfmError?.code).toBe('invalid-args');
    expect(store.getState().rfmIssues).toEqual([{ path: 'groups.0.id', message: 'group id "x" is used twice' }]);
  });

  it('keeps unsaved edits when entering again, and drops everything for another workspace', async () => {
    const pending = controlledSummaries();
    const { store } = makeStore();
    await store.getState().enterRfm();
    store.getState().editRfm((s) => renameGroup(s, 0, 'Stars'));
    await store.getState().enterRfm();
    expect(store.getState().rfmDraft?.groups[0]!.name).toBe('Stars');
    await vi.advanceTimersByTimeAsync(0);
    store.setState({ workspace: testWorkspace({ path: '/other.segwb' }) });
    expect(store.getState().rfmDraft).toBeNull();
    for (const p of pending) p.resolve(summaryOf(p.settings));
    await flush();
    expect(store.getState().rfmSummary).toBeNull();
  });

  it('cancels a count', async () => {
    const pending = controlledSummaries();
    const { store } = makeStore();
    await store.getState().enterRfm();
    await vi.advanceTimersByTimeAsync(0);
    store.getState().cancelRfmSummary();
    expect(pending[0]!.signal.aborted).toBe(true);
    await flush();
    expect(store.getState().rfmJob).toBeNull();
    expect(store.getState().rfmError).toBeNull();
  });

  it('opens the rule builder with a saved group as a segment', async () => {
    controlledSummaries();
    const { store, openRuleDraft } = makeStore();
    await store.getState().enterRfm();
    store.getState().useRfmGroupAsSegment('at-risk');
    expect(openRuleDraft).toHaveBeenCalledWith({
      name: 'RFM: At risk',
      description: expect.stringContaining('R 1–2, FM 3–4'),
      rule: { kind: 'group', combine: 'and', not: false, children: [{ kind: 'segment', segmentation: { kind: 'rfm' }, segments: ['at-risk'], not: false }] },
    });
  });
});
