import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import { ApiError, type RuleEvaluation, type RuleGroup, type SavedSegment, type WorkspaceInfo } from '../../core/api/contract.ts';
import type { AppState } from './types.ts';

const send = vi.fn();
vi.mock('../api/client.ts', () => ({ api: { send: (...a: unknown[]) => send(...a) }, desktopBridge: null, isDesktop: false }));

const { createRulesSlice, draftDirty, evalCurrent, EVAL_DEBOUNCE_MS } = await import('./rulesSlice.ts');
const { insertChild, defaultNode, toggleNot } = await import('../views/rules/builder/ruleTree.ts');

function workspace(path = '/w.segwb'): WorkspaceInfo {
  return {
    path,
    name: 'w',
    readonly: false,
    schemaVersion: 5,
    createdAt: null,
    customers: 100,
    events: 1000,
    firstEventAt: null,
    lastEventAt: null,
    hasGroundTruth: false,
    imports: 1,
  };
}

const bought: RuleGroup = {
  kind: 'group',
  combine: 'and',
  not: false,
  children: [{ kind: 'event', did: true, types: ['purchase'], filters: [], measure: 'count', atLeast: 1, window: { kind: 'last', days: 30 }, not: false }],
};

function segment(id: number, name: string, rule: RuleGroup = bought, version = 1): SavedSegment {
  return { segmentId: id, name, description: '', rule, version, priority: id - 1, createdAt: 0, updatedAt: 0 };
}

function evaluation(rule: RuleGroup, matched = 40): RuleEvaluation {
  const counts = (n: RuleGroup | RuleGroup['children'][number]): RuleEvaluation['counts'] =>
    n.kind === 'group' ? { count: matched, children: n.children.map(counts) } : { count: matched + 1 };
  return { asOf: '2026-01-01', customers: 100, matched, counts: counts(rule), sql: { text: 'SELECT 1', params: [] }, evaluatedMs: 3 };
}

function makeStore() {
  const toast = vi.fn();
  const reportError = vi.fn();
  const store = create<AppState>()(
    (set, get, api) =>
      ({
        workspace: workspace(),
        toast,
        reportError,
        setView: vi.fn(),
        setDataTab: vi.fn(),
        openCustomer: vi.fn(),
        ...createRulesSlice(set, get, api),
      }) as unknown as AppState,
  );
  return { store, toast, reportError };
}

type Handler = (args: Record<string, unknown>, opts?: { signal?: AbortSignal }) => unknown;

function answer(table: Record<string, unknown>) {
  send.mockImplementation(async (name: string, args: Record<string, unknown>, opts?: { signal?: AbortSignal }) => {
    if (!(name in table)) throw new Error(`unexpected ${name}`);
    const a = table[name];
    if (a instanceof Error) throw a;
    return typeof a === 'function' ? (a as Handler)(args, opts) : a;
  });
}

const calls = (name: string) => send.mock.calls.filter((c) => c[0] === name);
const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

beforeEach(() => {
  send.mockReset();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

async function entered(segments: SavedSegment[] = []) {
  const s = makeStore();
  answer({
    'signals-catalog': [
      { id: 'days_since_purchase', label: 'Days since purchase', description: '', group: 'value', unit: 'days', direction: -1, missing: 'worst', windowDays: null, builtIn: true, defaultWeight: 0 },
    ],
    'customers-countries': [{ country: 'Germany', customers: 30 }],
    'signals-snapshot': null,
    'segmentations-list': [],
    'segments-list': segments,
    'rule-evaluate': (args: Record<string, unknown>) => evaluation(args.rule as RuleGroup),
  });
  await s.store.getState().enterRules();
  await flush();
  return s;
}

describe('rules slice: live counts', () => {
  it('evaluates once edits pause, with the latest rule', async () => {
    const { store } = await entered();
    store.getState().newRuleDraft('bought-30d');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls('rule-evaluate')).toHaveLength(1);
    expect(evalCurrent(store.getState())).toBe(true);

    store.getState().editRule((r) => insertChild(r, [], defaultNode('signal')));
    store.getState().editRule((r) => toggleNot(r, [1]));
    expect(store.getState().rulesEvalPending).toBe(true);
    expect(evalCurrent(store.getState())).toBe(false);
    await vi.advanceTimersByTimeAsync(EVAL_DEBOUNCE_MS - 50);
    expect(calls('rule-evaluate')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(calls('rule-evaluate')).toHaveLength(2);
    const sent = calls('rule-evaluate')[1]![1] as { rule: RuleGroup; asOf?: string };
    expect(sent.rule.children).toHaveLength(2);
    expect(sent.rule.children[1]!.not).toBe(true);
    expect(sent.asOf).toBeUndefined();
    expect(evalCurrent(store.getState())).toBe(true);
    expect(store.getState().rulesEvalPending).toBe(false);
    expect(store.getState().rulesSignalsAsOf).toBe('2026-01-01');
  });

  it('aborts the request in flight when a newer edit is evaluated, and drops its answer', async () => {
    const { store } = await entered();
    const pending: Array<{ resolve: (v: RuleEvaluation) => void; signal: AbortSignal; rule: RuleGroup }> = [];
    answer({ 'rule-evaluate': (args: Record<string, unknown>, opts?: { signal?: AbortSignal }) => new Promise((resolve) => pending.push({ resolve, signal: opts!.signal!, rule: args.rule as RuleGroup })) });
    store.getState().newRuleDraft('bought-30d');
    await vi.advanceTimersByTimeAsync(0);
    expect(pending).toHaveLength(1);
    store.getState().editRule((r) => toggleNot(r, [0]));
    await vi.advanceTimersByTimeAsync(EVAL_DEBOUNCE_MS);
    expect(pending).toHaveLength(2);
    expect(pending[0]!.signal.aborted).toBe(true);
    pending[0]!.resolve(evaluation(pending[0]!.rule, 11));
    await flush();
    expect(store.getState().rulesEval).toBeNull();
    pending[1]!.resolve(evaluation(pending[1]!.rule, 22));
    await flush();
    expect(store.getState().rulesEval?.matched).toBe(22);
    expect(evalCurrent(store.getState())).toBe(true);
  });

  it('sends nothing for a rule with problems, and shows them by node and field', async () => {
    const { store } = await entered();
    store.getState().newRuleDraft('bought-x-not-y');
    await vi.advanceTimersByTimeAsync(EVAL_DEBOUNCE_MS * 2);
    expect(calls('rule-evaluate')).toHaveLength(0);
    expect(store.getState().rulesIssues.map((i) => `${i.path.join('.')}|${i.field}`)).toEqual(['0|filters.0.value', '1|filters.0.value']);
    expect(store.getState().rulesEvalPending).toBe(false);
  });

  it('maps core invalid-args issues onto the rule', async () => {
    const { store } = await entered();
    answer({ 'rule-evaluate': new ApiError({ code: 'invalid-args', message: 'bad', issues: [{ path: 'rule.children.0.types', message: 'unknown type' }] }) });
    store.getState().newRuleDraft('bought-30d');
    await vi.advanceTimersByTimeAsync(0);
    await flush();
    expect(store.getState().rulesIssues).toEqual([{ path: [0], field: 'types', message: 'unknown type' }]);
    expect(store.getState().rulesEvalError).toBeNull();
  });

  it('keeps other failures as the evaluation error', async () => {
    const { store } = await entered();
    answer({ 'rule-evaluate': new ApiError({ code: 'segment-cycle', message: 'depends on itself' }) });
    store.getState().newRuleDraft('bought-30d');
    await vi.advanceTimersByTimeAsync(0);
    await flush();
    expect(store.getState().rulesEvalError).toEqual({ code: 'segment-cycle', message: 'depends on itself' });
  });

  it('re-evaluates at once when the as-of date changes, passing it', async () => {
    const { store } = await entered();
    store.getState().newRuleDraft('bought-30d');
    await vi.advanceTimersByTimeAsync(0);
    store.getState().setRulesAsOf('2025-06-01');
    await vi.advanceTimersByTimeAsync(0);
    expect((calls('rule-evaluate')[1]![1] as { asOf?: string }).asOf).toBe('2025-06-01');
    store.getState().setRulesAsOf(null);
    await vi.advanceTimersByTimeAsync(0);
    expect((calls('rule-evaluate')[2]![1] as { asOf?: string }).asOf).toBeUndefined();
  });
});

describe('rules slice: drafts, saving, deleting', () => {
  it('opens a draft from elsewhere on the Segments tab, unsaved and normalised', async () => {
    const { store } = await entered();
    store.getState().setRulesTab('compare');
    store.getState().openRuleDraft({ name: 'Cluster 3 and not bought', rule: { kind: 'group', combine: 'and', children: [{ kind: 'event', types: ['purchase'], did: false }] } });
    const s = store.getState();
    expect(s.rulesTab).toBe('segments');
    expect(s.rulesDraft?.segmentId).toBeNull();
    expect(s.rulesDraft?.rule.children[0]).toEqual({ kind: 'event', did: false, types: ['purchase'], filters: [], measure: 'count', window: { kind: 'all' }, not: false });
    expect(draftDirty(s)).toBe(true);
  });

  it('evaluates a draft opened with a date as of that date, and gives the builder its own date back after', async () => {
    const { store } = await entered([segment(1, 'A')]);
    store.getState().setRulesAsOf('2025-06-01');
    store.getState().setRulesTab('compare');
    store.getState().openRuleDraft({ name: 'Cluster 3 ∩ Champions', rule: bought, asOf: '2025-12-02' });
    await vi.advanceTimersByTimeAsync(0);
    await flush();
    expect(store.getState().rulesAsOf).toBe('2025-12-02');
    expect(store.getState().rulesAsOfRestore).toEqual({ asOf: '2025-06-01' });
    expect((calls('rule-evaluate').at(-1)![1] as { asOf?: string }).asOf).toBe('2025-12-02');
    expect(evalCurrent(store.getState())).toBe(true);
    // Saved segments are still counted as of the signals' date.
    store.getState().countRuleSegments();
    await vi.advanceTimersByTimeAsync(0);
    await flush();
    expect((calls('rule-evaluate').at(-1)![1] as { asOf?: string }).asOf).toBeUndefined();
    // Another segment opens at the builder's date again (the unsaved draft is discarded first).
    store.getState().selectRuleSegment(1);
    store.getState().confirmRulesDiscard();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().rulesAsOf).toBe('2025-06-01');
    expect(store.getState().rulesAsOfRestore).toBeNull();
    expect((calls('rule-evaluate').at(-1)![1] as { asOf?: string }).asOf).toBe('2025-06-01');
  });

  it('keeps a date typed for a draft opened with a date to that draft only', async () => {
    const { store } = await entered();
    store.getState().openRuleDraft({ name: 'Cell', rule: bought, asOf: '2025-12-02' });
    store.getState().setRulesAsOf('2025-11-01');
    await vi.advanceTimersByTimeAsync(0);
    expect((calls('rule-evaluate').at(-1)![1] as { asOf?: string }).asOf).toBe('2025-11-01');
    store.getState().closeRuleDraft();
    store.getState().confirmRulesDiscard();
    expect(store.getState().rulesDraft).toBeNull();
    expect(store.getState().rulesAsOf).toBeNull();
    store.getState().newRuleDraft('bought-30d');
    await vi.advanceTimersByTimeAsync(0);
    expect((calls('rule-evaluate').at(-1)![1] as { asOf?: string }).asOf).toBeUndefined();
  });

  it('asks before unsaved changes are replaced', async () => {
    const { store } = await entered([segment(1, 'A'), segment(2, 'B')]);
    store.getState().selectRuleSegment(1);
    expect(draftDirty(store.getState())).toBe(false);
    store.getState().editRule((r) => toggleNot(r, [0]));
    expect(draftDirty(store.getState())).toBe(true);
    store.getState().selectRuleSegment(2);
    expect(store.getState().rulesDiscardPrompt?.message).toContain('“A”');
    expect(store.getState().rulesDraft?.segmentId).toBe(1);
    store.getState().cancelRulesDiscard();
    expect(store.getState().rulesDraft?.segmentId).toBe(1);
    store.getState().selectRuleSegment(2);
    store.getState().confirmRulesDiscard();
    expect(store.getState().rulesDraft?.segmentId).toBe(2);
    expect(store.getState().rulesDiscardPrompt).toBeNull();
    // Undoing an edit makes the draft clean again.
    store.getState().editRule((r) => toggleNot(r, [0]));
    store.getState().editRule((r) => toggleNot(r, [0]));
    expect(draftDirty(store.getState())).toBe(false);
  });

  it('needs a name to save, then opens the saved segment', async () => {
    const { store, toast } = await entered([segment(1, 'A')]);
    store.getState().newRuleDraft(null);
    expect(await store.getState().saveRuleDraft()).toBe(false);
    expect(store.getState().rulesNameError).toBe('Give the segment a name');
    expect(calls('segment-save')).toHaveLength(0);
    store.getState().editRuleDraft({ name: '  Everyone  ', description: 'all' });
    expect(store.getState().rulesNameError).toBeNull();
    answer({ 'segment-save': [segment(1, 'A'), segment(2, 'Everyone', { kind: 'group', combine: 'and', not: false, children: [] })], 'segmentations-list': [], 'rule-evaluate': (a: Record<string, unknown>) => evaluation(a.rule as RuleGroup) });
    expect(await store.getState().saveRuleDraft()).toBe(true);
    expect(calls('segment-save')[0]![1]).toEqual({ name: 'Everyone', description: 'all', rule: { kind: 'group', combine: 'and', not: false, children: [] } });
    expect(store.getState().rulesDraft?.segmentId).toBe(2);
    expect(store.getState().rulesSegments).toHaveLength(2);
    expect(draftDirty(store.getState())).toBe(false);
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ kind: 'success', title: 'Segment saved' }));
  });

  it('shows why core refused to save', async () => {
    const { store } = await entered([segment(1, 'A')]);
    store.getState().newRuleDraft('bought-30d');
    store.getState().editRuleDraft({ name: 'A' });
    answer({ 'segment-save': new ApiError({ code: 'segment-name-taken', message: 'There is already a segment called "A".' }) });
    expect(await store.getState().saveRuleDraft()).toBe(false);
    expect(store.getState().rulesSaveError).toBe('There is already a segment called "A".');
    expect(store.getState().rulesDraft?.segmentId).toBeNull();
  });

  it('returns core refusal to delete; a deleted draft closes', async () => {
    const { store } = await entered([segment(1, 'A'), segment(2, 'B')]);
    store.getState().selectRuleSegment(1);
    answer({ 'segment-delete': new ApiError({ code: 'segment-in-use', message: '"A" cannot be deleted: "B" refers to it.' }) });
    expect(await store.getState().deleteRuleSegment(1)).toBe('"A" cannot be deleted: "B" refers to it.');
    expect(store.getState().rulesSegments).toHaveLength(2);
    answer({ 'segment-delete': [segment(2, 'B')], 'segmentations-list': [] });
    expect(await store.getState().deleteRuleSegment(1)).toBeNull();
    expect(store.getState().rulesSegments.map((s) => s.name)).toEqual(['B']);
    expect(store.getState().rulesDraft).toBeNull();
  });

  it('turns a draft whose segment was deleted elsewhere into a new one', async () => {
    const { store } = await entered([segment(1, 'A')]);
    store.getState().selectRuleSegment(1);
    store.getState().applySavedSegments([]);
    expect(store.getState().rulesDraft?.segmentId).toBeNull();
    expect(draftDirty(store.getState())).toBe(true);
  });

  it('counts every saved segment once per version', async () => {
    const { store } = await entered([segment(1, 'A'), segment(2, 'B')]);
    store.getState().countRuleSegments();
    await vi.advanceTimersByTimeAsync(0);
    await flush();
    expect(calls('rule-evaluate')).toHaveLength(2);
    expect(store.getState().rulesSegmentCounts[1]).toMatchObject({ version: 1, count: 40, customers: 100 });
    store.getState().countRuleSegments();
    await flush();
    expect(calls('rule-evaluate')).toHaveLength(2);
    store.getState().applySavedSegments([segment(1, 'A'), segment(2, 'B', bought, 2)]);
    store.getState().countRuleSegments();
    await flush();
    expect(calls('rule-evaluate')).toHaveLength(3);
  });

  it('starts over for another workspace', async () => {
    const { store } = await entered([segment(1, 'A')]);
    store.getState().selectRuleSegment(1);
    store.setState({ workspace: workspace('/other.segwb') });
    expect(store.getState().rulesDraft).toBeNull();
    expect(store.getState().rulesSegments).toEqual([]);
    expect(store.getState().rulesSegmentsLoaded).toBe(false);
  });
});

describe('rules slice: picker suggestions', () => {
  const values = { values: [{ value: 'Socks', events: 30 }], scanned: 1200 };

  it('asks once per field and event types, whatever their order, and keeps the answer', async () => {
    const { store } = await entered();
    answer({ 'event-field-values': values });
    store.getState().loadRuleFieldValues('product', ['purchase', 'add_to_cart']);
    expect(store.getState().rulesFieldValues['product|add_to_cart,purchase']).toMatchObject({ loading: true, values: null });
    store.getState().loadRuleFieldValues('product', ['add_to_cart', 'purchase']);
    await flush();
    expect(calls('event-field-values')).toHaveLength(1);
    expect(calls('event-field-values')[0]![1]).toEqual({ field: 'product', types: ['add_to_cart', 'purchase'], limit: 200 });
    expect(store.getState().rulesFieldValues['product|add_to_cart,purchase']).toEqual({ values: values.values, scanned: 1200, loading: false, error: null });
    store.getState().loadRuleFieldValues('product', ['purchase', 'add_to_cart']);
    store.getState().loadRuleFieldValues('type');
    await flush();
    expect(calls('event-field-values')).toHaveLength(2);
    expect(calls('event-field-values')[1]![1]).toEqual({ field: 'type', limit: 200 });
  });

  it('keeps a failure, and asks again when asked again', async () => {
    const { store } = await entered();
    answer({ 'event-field-values': new ApiError({ code: 'internal', message: 'disk trouble' }) });
    store.getState().loadRuleFieldValues('campaign', ['email_click']);
    await flush();
    expect(store.getState().rulesFieldValues['campaign|email_click']).toEqual({ values: null, scanned: null, loading: false, error: 'disk trouble' });
    answer({ 'event-field-values': values });
    store.getState().loadRuleFieldValues('campaign', ['email_click']);
    await flush();
    expect(store.getState().rulesFieldValues['campaign|email_click']?.values).toEqual(values.values);
  });

  it('asks for the attribute keys once', async () => {
    const { store } = await entered();
    answer({ 'customer-attribute-keys': [{ key: 'tier', customers: 80 }] });
    store.getState().loadRuleAttributeKeys();
    store.getState().loadRuleAttributeKeys();
    await flush();
    expect(calls('customer-attribute-keys')).toHaveLength(1);
    expect(store.getState().rulesAttributeKeys).toEqual({ keys: [{ key: 'tier', customers: 80 }], loading: false, error: null });
  });

  it('forgets the suggestions when the data changes, and drops answers for another workspace', async () => {
    const { store } = await entered();
    answer({ 'event-field-values': values, 'customer-attribute-keys': [] });
    store.getState().loadRuleFieldValues('product', ['purchase']);
    store.getState().loadRuleAttributeKeys();
    await flush();
    expect(Object.keys(store.getState().rulesFieldValues)).toEqual(['product|purchase']);
    store.setState({ workspace: { ...workspace(), events: 2000, imports: 2 } });
    answer({
      'signals-catalog': [],
      'customers-countries': [],
      'signals-snapshot': null,
      'segmentations-list': [],
      'segments-list': [],
      'event-field-values': values,
    });
    await store.getState().enterRules();
    await flush();
    expect(store.getState().rulesFieldValues).toEqual({});
    expect(store.getState().rulesAttributeKeys).toBeNull();

    let release: (v: typeof values) => void = () => {};
    answer({ 'event-field-values': () => new Promise((r) => (release = r)) });
    store.getState().loadRuleFieldValues('product', ['purchase']);
    store.setState({ workspace: workspace('/other.segwb') });
    release(values);
    await flush();
    expect(store.getState().rulesFieldValues).toEqual({});
  });
});
