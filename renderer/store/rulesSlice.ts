// The Rules view: which tab is shown, the saved rule segments, and the Segments tab's builder —
// the draft being edited, its live counts, the members preview and saving.
//
// Live counts: every edit is checked here first (problems show at their field and nothing is
// sent); a valid rule is evaluated ~400 ms after the last edit, and a newer edit aborts the
// request in flight. Counts of the previous evaluation stay on screen, dimmed, until the new
// ones arrive. Answers for another workspace (epoch) or an older rule are dropped.
import type { RuleEvaluation, RuleGroup, RuleGroupIn, SavedSegment, SegmentationInfo, SegmentationOption, SegmentationRef, SignalInfo } from '../../core/api/contract.ts';
import { api } from '../api/client.ts';
import { errorMessage, isCancelled, isConnectionError } from '../lib/errors.ts';
import { ApiError } from '../../core/api/contract.ts';
import { normaliseRule, ruleKey } from '../views/rules/builder/ruleTree.ts';
import { issuesFromApi, ruleProblems, type RuleIssue } from '../views/rules/builder/ruleValidation.ts';
import { indexCounts, type CountIndex } from '../views/rules/builder/ruleCounts.ts';
import { refKey } from '../lib/segmentationOptions.ts';
import { templateById } from '../views/rules/builder/ruleTemplates.ts';
import { RuleMemberRows, type MemberQuery } from '../views/rules/builder/memberRows.ts';
import { SUGGESTION_LIMIT, suggestionKey, type SuggestField } from '../views/rules/builder/suggestions.ts';
import { jobFailure, type JobFailure, type LongJob } from './signalsSlice.ts';
import type { SliceCreator } from './types.ts';

export type RulesTab = 'segments' | 'rfm' | 'compare' | 'priority';
export const RULES_TABS: readonly RulesTab[] = ['segments', 'rfm', 'compare', 'priority'];

/** Live counts wait for edits to pause this long. */
export const EVAL_DEBOUNCE_MS = 400;

export interface RuleDraft {
  /** The saved segment this edits; null for one not saved yet. */
  segmentId: number | null;
  name: string;
  description: string;
  rule: RuleGroup;
  /** The version opened (or last saved); null for a new segment. */
  version: number | null;
  /** draftKey() when opened or saved; null when the draft holds work that was never saved (a duplicate, a compared cell). */
  baseKey: string | null;
}

export interface SegmentCount {
  /** The segment version this count is for. */
  version: number;
  count: number | null;
  customers: number | null;
  asOf: string | null;
  error: string | null;
}

export interface SegmentationEntry {
  info: SegmentationInfo | null;
  loading: boolean;
  error: string | null;
}

/** Values seen for an event field (in the newest events), for the builder's pickers. */
export interface FieldValuesEntry {
  values: Array<{ value: string; events: number }> | null;
  /** Events the counts come from (the newest ones, of the chosen types when given). */
  scanned: number | null;
  loading: boolean;
  error: string | null;
}

export interface AttributeKeysEntry {
  keys: Array<{ key: string; customers: number }> | null;
  loading: boolean;
  error: string | null;
}

export interface DiscardPrompt {
  title: string;
  message: string;
  confirmLabel: string;
  proceed: () => void;
}

export interface RulesSlice {
  /** The workspace this state belongs to; another one resets it. */
  rulesPath: string | null;
  rulesTab: RulesTab;
  setRulesTab(tab: RulesTab): void;

  rulesSegments: SavedSegment[];
  rulesSegmentsLoaded: boolean;
  rulesSegmentsLoading: boolean;
  rulesSegmentsError: string | null;
  loadRuleSegments(): Promise<void>;
  /** Replaces the list with what core returned (after a save, delete or reorder anywhere). */
  applySavedSegments(list: SavedSegment[]): void;
  /** Member counts of the saved segments as of the signals' date, by segment id (filled lazily). */
  rulesSegmentCounts: Record<number, SegmentCount>;
  countRuleSegments(): void;

  /** The signal catalogue, countries and segmentations the condition editors offer. */
  rulesCatalog: SignalInfo[] | null;
  rulesCountries: Array<{ country: string; customers: number }> | null;
  rulesSegmentations: SegmentationOption[] | null;
  rulesSegmentationsError: string | null;
  rulesSegmentationInfo: Record<string, SegmentationEntry>;
  loadSegmentationInfo(ref: SegmentationRef, force?: boolean): void;
  /** Suggestions for the pickers, by suggestionKey(field, types); filled lazily, dropped when the data changes. */
  rulesFieldValues: Record<string, FieldValuesEntry>;
  /** Asks core for the values of an event field among the chosen types (once per field and types). */
  loadRuleFieldValues(field: SuggestField, types?: readonly string[]): void;
  rulesAttributeKeys: AttributeKeysEntry | null;
  loadRuleAttributeKeys(): void;
  /** The computed signals' date (the default as-of date), when signals were computed in this session. */
  rulesSignalsAsOf: string | null;
  /** Loads what the view needs; called whenever the view is shown or the data changes. */
  enterRules(): Promise<void>;

  rulesDraft: RuleDraft | null;
  editRuleDraft(patch: Partial<Pick<RuleDraft, 'name' | 'description'>>): void;
  editRule(change: (rule: RuleGroup) => RuleGroup): void;
  selectRuleSegment(segmentId: number): void;
  /** A new segment: empty, or from a template (see ruleTemplates.ts). */
  newRuleDraft(templateId?: string | null): void;
  duplicateRuleSegment(segmentId: number): void;
  /**
   * Switches to the Segments tab and opens the builder on this unsaved draft. With `asOf` the
   * draft is evaluated as of that date (a compared cell keeps the comparison's date); the date the
   * builder had comes back when another segment is opened or the draft is closed.
   */
  openRuleDraft(draft: { name: string; description?: string; rule: RuleGroupIn; asOf?: string }): void;
  closeRuleDraft(): void;
  rulesDiscardPrompt: DiscardPrompt | null;
  confirmRulesDiscard(): void;
  cancelRulesDiscard(): void;

  rulesSaving: boolean;
  rulesSaveError: string | null;
  rulesNameError: string | null;
  saveRuleDraft(): Promise<boolean>;
  /** Deletes a saved segment; resolves to core's refusal message, or null when deleted. */
  deleteRuleSegment(segmentId: number): Promise<string | null>;

  /** The date the open draft is evaluated at; null = the signals' date. */
  rulesAsOf: string | null;
  /** Set while the open draft has a date of its own (openRuleDraft with asOf): the builder's date to go back to. */
  rulesAsOfRestore: { asOf: string | null } | null;
  setRulesAsOf(day: string | null): void;

  rulesEval: RuleEvaluation | null;
  rulesEvalIndex: CountIndex | null;
  /** evalKey() of what rulesEval is for. */
  rulesEvalKey: string | null;
  /** An edit is waiting for the debounce, or its evaluation is running. */
  rulesEvalPending: boolean;
  rulesEvalJob: LongJob | null;
  rulesEvalError: JobFailure | null;
  /** Problems in the draft's rule (client checks, or core's invalid-args issues). */
  rulesIssues: RuleIssue[];
  evaluateRuleNow(): void;
  cancelRuleEval(): void;

  rulesMembersOpen: boolean;
  setRulesMembersOpen(open: boolean): void;
  rulesMemberRows: RuleMemberRows;
  rulesMembersTotal: number | null;
  rulesMembersVersion: number;
  rulesMembersQueryVersion: number;
  rulesMembersError: string | null;
  requestRuleMembers(start: number, end: number): void;
  retryRuleMembers(): void;
}

export function draftKey(d: Pick<RuleDraft, 'name' | 'description' | 'rule'>): string {
  return JSON.stringify([d.name.trim(), d.description.trim(), ruleKey(d.rule)]);
}

/** True when the draft holds changes that are not saved. */
export function draftDirty(s: Pick<RulesSlice, 'rulesDraft'>): boolean {
  const d = s.rulesDraft;
  return d !== null && (d.baseKey === null || d.baseKey !== draftKey(d));
}

/** Where a segmentation's sizes are kept: per segmentation and date. */
export function segmentationInfoKey(ref: SegmentationRef, asOf: string | null): string {
  return `${refKey(ref)}@${asOf ?? ''}`;
}

export function evalKey(rule: RuleGroup, asOf: string | null): string {
  return `${asOf ?? ''}|${ruleKey(rule)}`;
}

/** Whether the counts on screen are for the draft as it is now. */
export function evalCurrent(s: Pick<RulesSlice, 'rulesDraft' | 'rulesAsOf' | 'rulesEvalKey'>): boolean {
  return s.rulesDraft !== null && s.rulesEvalKey === evalKey(s.rulesDraft.rule, s.rulesAsOf);
}

function draftOf(seg: SavedSegment): RuleDraft {
  const d = { segmentId: seg.segmentId, name: seg.name, description: seg.description, rule: normaliseRule(seg.rule), version: seg.version };
  return { ...d, baseKey: draftKey(d) };
}

function freshState() {
  return {
    rulesTab: 'segments' as RulesTab,
    rulesSegments: [] as SavedSegment[],
    rulesSegmentsLoaded: false,
    rulesSegmentsLoading: false,
    rulesSegmentsError: null,
    rulesSegmentCounts: {},
    rulesCatalog: null,
    rulesCountries: null,
    rulesSegmentations: null,
    rulesSegmentationsError: null,
    rulesSegmentationInfo: {},
    rulesFieldValues: {} as Record<string, FieldValuesEntry>,
    rulesAttributeKeys: null as AttributeKeysEntry | null,
    rulesSignalsAsOf: null,
    rulesDraft: null,
    rulesDiscardPrompt: null,
    rulesSaving: false,
    rulesSaveError: null,
    rulesNameError: null,
    rulesAsOf: null,
    rulesAsOfRestore: null,
    rulesEval: null,
    rulesEvalIndex: null,
    rulesEvalKey: null,
    rulesEvalPending: false,
    rulesEvalJob: null,
    rulesEvalError: null,
    rulesIssues: [] as RuleIssue[],
    rulesMembersTotal: null,
    rulesMembersVersion: 0,
    rulesMembersQueryVersion: 0,
    rulesMembersError: null,
  } satisfies Partial<RulesSlice>;
}

/** Bumped when the workspace changes: answers for the previous one are dropped. */
let epoch = 0;
let evalTimer: ReturnType<typeof setTimeout> | null = null;
let evalAbort: AbortController | null = null;
let countsRunning = false;
/** Bumped when saved-segment counts are thrown away: counts made before are dropped. */
let countsGeneration = 0;
/** imports|events of the workspace when the view was last entered. */
let dataSeen: string | null = null;
/** Waiters for the live evaluation to go idle (saved-segment counts give way to it). */
let idleWaiters: Array<() => void> = [];

export const createRulesSlice: SliceCreator<RulesSlice> = (set, get, store) => {
  const rows = new RuleMemberRows((args) => api.send('rule-members', args), {
    onRows: (total) => set((s) => ({ rulesMembersTotal: total, rulesMembersVersion: s.rulesMembersVersion + 1, rulesMembersError: null })),
    onError: (err) => {
      if (isCancelled(err)) return;
      if (isConnectionError(err)) return get().reportError(err);
      set({ rulesMembersError: errorMessage(err) });
    },
  });
  let memberQueryKey: string | null = null;

  function knownSignals(): ReadonlySet<string> | null {
    const c = get().rulesCatalog;
    return c ? new Set(c.map((s) => s.id)) : null;
  }

  function notifyIdle() {
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  }

  function stopEval() {
    if (evalTimer) clearTimeout(evalTimer);
    evalTimer = null;
    evalAbort?.abort();
    evalAbort = null;
  }

  /** Points the members preview at the evaluation on screen (when open and current). */
  function syncMembers() {
    const s = get();
    const ev = s.rulesEval;
    const query: MemberQuery | null = s.rulesMembersOpen && s.rulesDraft && ev && evalCurrent(s) ? { rule: s.rulesDraft.rule, asOf: s.rulesAsOf, matched: ev.matched } : null;
    const key = query ? evalKey(query.rule, query.asOf) : null;
    if (key === memberQueryKey) return;
    // No current evaluation: the rows of the last one stay (dimmed) until the next arrives.
    if (!query && s.rulesMembersOpen && s.rulesDraft && memberQueryKey !== null) return;
    memberQueryKey = key;
    rows.setQuery(query);
    set((st) => ({ rulesMembersTotal: query ? query.matched : null, rulesMembersVersion: st.rulesMembersVersion + 1, rulesMembersQueryVersion: st.rulesMembersQueryVersion + 1, rulesMembersError: null }));
  }

  async function runEval() {
    evalTimer = null;
    const s = get();
    const draft = s.rulesDraft;
    if (!draft) return;
    const rule = draft.rule;
    const asOf = s.rulesAsOf;
    const key = evalKey(rule, asOf);
    evalAbort?.abort();
    const abort = new AbortController();
    evalAbort = abort;
    const e = epoch;
    set({ rulesEvalPending: true, rulesEvalJob: { progress: null, startedAt: Date.now(), cancelling: false }, rulesEvalError: null });
    try {
      const result = await api.send('rule-evaluate', { rule, ...(asOf ? { asOf } : {}) }, {
        signal: abort.signal,
        onProgress: (progress) => {
          const job = get().rulesEvalJob;
          if (job && e === epoch && evalAbort === abort) set({ rulesEvalJob: { ...job, progress } });
        },
      });
      if (abort.signal.aborted || e !== epoch || evalAbort !== abort) return;
      set({
        rulesEval: result,
        rulesEvalIndex: indexCounts(rule, result.counts),
        rulesEvalKey: key,
        rulesEvalPending: false,
        rulesEvalJob: null,
        rulesEvalError: null,
        rulesIssues: [],
        ...(asOf ? {} : { rulesSignalsAsOf: result.asOf }),
      });
      syncMembers();
    } catch (err) {
      if (e !== epoch || evalAbort !== abort) return;
      if (abort.signal.aborted || isCancelled(err)) {
        set({ rulesEvalPending: false, rulesEvalJob: null });
        return;
      }
      if (isConnectionError(err)) get().reportError(err);
      const issues = err instanceof ApiError && err.code === 'invalid-args' && err.issues ? issuesFromApi(err.issues) : null;
      if (issues && issues.rule.length) set({ rulesEvalPending: false, rulesEvalJob: null, rulesIssues: issues.rule });
      else set({ rulesEvalPending: false, rulesEvalJob: null, rulesEvalError: jobFailure(err) });
    } finally {
      if (evalAbort === abort) {
        evalAbort = null;
        notifyIdle();
      }
    }
  }

  /** After an edit: check at once, evaluate when edits pause (or now). */
  function scheduleEval(delay = EVAL_DEBOUNCE_MS) {
    if (evalTimer) clearTimeout(evalTimer);
    evalTimer = null;
    const s = get();
    const draft = s.rulesDraft;
    if (!draft) {
      stopEval();
      set({ rulesEvalPending: false, rulesEvalJob: null, rulesIssues: [] });
      return;
    }
    const issues = ruleProblems(draft.rule, knownSignals());
    if (issues.length) {
      evalAbort?.abort();
      evalAbort = null;
      set({ rulesIssues: issues, rulesEvalPending: false, rulesEvalJob: null, rulesEvalError: null });
      notifyIdle();
      return;
    }
    if (evalCurrent(s)) {
      // Back to the rule on screen (an edit undone): its counts hold, re-indexed by the nodes as they are now.
      evalAbort?.abort();
      evalAbort = null;
      const index = s.rulesEval && s.rulesEvalIndex?.rule !== draft.rule ? indexCounts(draft.rule, s.rulesEval.counts) : s.rulesEvalIndex;
      set({ rulesIssues: [], rulesEvalPending: false, rulesEvalJob: null, rulesEvalError: null, rulesEvalIndex: index });
      syncMembers();
      notifyIdle();
      return;
    }
    set({ rulesIssues: [], rulesEvalPending: true, rulesEvalError: null });
    evalTimer = setTimeout(() => void runEval(), delay);
  }

  function waitForIdleEval(): Promise<void> {
    if (!evalTimer && !evalAbort) return Promise.resolve();
    return new Promise((resolve) => idleWaiters.push(resolve));
  }

  /** Runs `proceed` now, or after the analyst agrees to drop unsaved changes. */
  function guardDiscard(title: string, proceed: () => void) {
    if (!draftDirty(get())) {
      proceed();
      return;
    }
    const name = get().rulesDraft?.name.trim();
    set({
      rulesDiscardPrompt: {
        title,
        message: `${name ? `“${name}”` : 'The segment being edited'} has changes that are not saved. They will be lost.`,
        confirmLabel: 'Discard changes',
        proceed,
      },
    });
  }

  /** The builder's own date, and none of the open draft's (back from a draft opened with asOf). */
  function builderAsOf(): Pick<RulesSlice, 'rulesAsOf' | 'rulesAsOfRestore'> {
    const restore = get().rulesAsOfRestore;
    return { rulesAsOf: restore ? restore.asOf : get().rulesAsOf, rulesAsOfRestore: null };
  }

  /** Opens a draft, at the builder's date or (asOf given) at a date of its own. */
  function openDraft(draft: RuleDraft, asOf?: string) {
    const dates = builderAsOf();
    set({
      rulesDraft: draft,
      ...(asOf ? { rulesAsOf: asOf, rulesAsOfRestore: { asOf: dates.rulesAsOf } } : dates),
      rulesSaveError: null,
      rulesNameError: null,
      rulesIssues: [],
      rulesEvalError: null,
      rulesDiscardPrompt: null,
    });
    scheduleEval(0);
  }

  function reset(path: string | null) {
    epoch++;
    stopEval();
    countsRunning = false;
    dataSeen = null;
    notifyIdle();
    memberQueryKey = null;
    rows.setQuery(null);
    set({ rulesPath: path, ...freshState() });
  }

  async function loadSegmentations(e: number) {
    try {
      const list = await api.send('segmentations-list', {});
      if (e === epoch) set({ rulesSegmentations: list, rulesSegmentationsError: null });
    } catch (err) {
      if (e === epoch) set({ rulesSegmentationsError: errorMessage(err) });
    }
  }

  store.subscribe((s, prev) => {
    if (s.workspace?.path !== prev.workspace?.path && get().rulesPath !== null) reset(null);
  });

  return {
    rulesPath: null,
    ...freshState(),
    rulesMembersOpen: true,
    rulesMemberRows: rows,

    setRulesTab(tab) {
      if (get().rulesTab !== tab) set({ rulesTab: tab });
    },

    async enterRules() {
      const ws = get().workspace;
      if (!ws) return;
      if (get().rulesPath !== ws.path) reset(ws.path);
      const e = epoch;
      // Counts made before new data arrived, or before the signals were computed for another
      // date, are made again; otherwise what is on screen stays.
      const dataKey = `${ws.imports}|${ws.events}`;
      let stale = dataSeen !== null && dataSeen !== dataKey;
      // Picker suggestions come from the data: new data, new suggestions (asked for again when shown).
      if (stale) set({ rulesFieldValues: {}, rulesAttributeKeys: null });
      dataSeen = dataKey;
      const others = Promise.allSettled([
        api.send('signals-catalog', {}).then((c) => e === epoch && set({ rulesCatalog: c })),
        api.send('customers-countries', {}).then((c) => e === epoch && set({ rulesCountries: c })),
        api.send('signals-snapshot', {}).then((snap) => {
          if (e !== epoch || !snap || snap.asOf === get().rulesSignalsAsOf) return;
          if (get().rulesSignalsAsOf !== null) stale = true;
          set({ rulesSignalsAsOf: snap.asOf });
        }),
        loadSegmentations(e),
      ]);
      await get().loadRuleSegments();
      await others;
      if (e !== epoch || !stale) return;
      countsGeneration++;
      set({ rulesSegmentCounts: {}, rulesSegmentationInfo: {} });
      if (get().rulesSegmentsLoaded) get().countRuleSegments();
      if (get().rulesDraft) {
        set({ rulesEvalKey: null });
        scheduleEval(0);
      }
    },

    async loadRuleSegments() {
      const e = epoch;
      set({ rulesSegmentsLoading: true, rulesSegmentsError: null });
      try {
        const list = await api.send('segments-list', {});
        if (e !== epoch) return;
        set({ rulesSegmentsLoading: false });
        get().applySavedSegments(list);
      } catch (err) {
        if (e !== epoch) return;
        set({ rulesSegmentsLoading: false, rulesSegmentsError: errorMessage(err) });
        if (isConnectionError(err)) get().reportError(err);
      }
    },

    applySavedSegments(list) {
      const ids = new Set(list.map((s) => s.segmentId));
      const counts = Object.fromEntries(Object.entries(get().rulesSegmentCounts).filter(([id]) => ids.has(Number(id))));
      const draft = get().rulesDraft;
      const patch: Partial<RulesSlice> = { rulesSegments: list, rulesSegmentsLoaded: true, rulesSegmentsError: null, rulesSegmentCounts: counts };
      // The segment being edited was deleted elsewhere: what is on screen becomes a new, unsaved one.
      if (draft && draft.segmentId !== null && !ids.has(draft.segmentId)) patch.rulesDraft = { ...draft, segmentId: null, version: null, baseKey: null };
      // Saved segments are segmentations too (and "rules" assigns by their priority): sizes change.
      const info = Object.fromEntries(Object.entries(get().rulesSegmentationInfo).filter(([k]) => !k.startsWith('rules@') && !k.startsWith('segment:')));
      patch.rulesSegmentationInfo = info;
      set(patch);
      void loadSegmentations(epoch);
    },

    countRuleSegments() {
      if (countsRunning) return;
      countsRunning = true;
      const e = epoch;
      const next = () => get().rulesSegments.find((s) => get().rulesSegmentCounts[s.segmentId]?.version !== s.version);
      void (async () => {
        try {
          for (let seg = next(); seg && e === epoch; seg = next()) {
            await waitForIdleEval();
            if (e !== epoch) return;
            const version = seg.version;
            const id = seg.segmentId;
            const generation = countsGeneration;
            let entry: SegmentCount;
            try {
              const r = await api.send('rule-evaluate', { rule: seg.rule });
              entry = { version, count: r.matched, customers: r.customers, asOf: r.asOf, error: null };
              if (e === epoch && !get().rulesSignalsAsOf) set({ rulesSignalsAsOf: r.asOf });
            } catch (err) {
              if (isConnectionError(err)) {
                if (e === epoch) get().reportError(err);
                return;
              }
              entry = { version, count: null, customers: null, asOf: null, error: errorMessage(err) };
            }
            if (e !== epoch) return;
            if (generation === countsGeneration) set((s) => ({ rulesSegmentCounts: { ...s.rulesSegmentCounts, [id]: entry } }));
          }
        } finally {
          if (e === epoch) countsRunning = false;
        }
      })();
    },

    loadSegmentationInfo(ref, force = false) {
      // Sizes at the builder's date, so the chips agree with the rule's counts.
      const asOf = get().rulesAsOf;
      const key = segmentationInfoKey(ref, asOf);
      const have = get().rulesSegmentationInfo[key];
      if (have && (have.loading || (!force && have.info))) return;
      const e = epoch;
      set((s) => ({ rulesSegmentationInfo: { ...s.rulesSegmentationInfo, [key]: { info: have?.info ?? null, loading: true, error: null } } }));
      api.send('segmentation-get', { ref, ...(asOf ? { asOf } : {}) }).then(
        (info) => {
          if (e === epoch) set((s) => ({ rulesSegmentationInfo: { ...s.rulesSegmentationInfo, [key]: { info, loading: false, error: null } } }));
        },
        (err: unknown) => {
          if (e === epoch) set((s) => ({ rulesSegmentationInfo: { ...s.rulesSegmentationInfo, [key]: { info: null, loading: false, error: errorMessage(err) } } }));
        },
      );
    },

    loadRuleFieldValues(field, types = []) {
      const key = suggestionKey(field, types);
      const have = get().rulesFieldValues[key];
      if (have && (have.loading || have.values)) return;
      const e = epoch;
      const sorted = [...new Set(types)].sort();
      const put = (entry: FieldValuesEntry) => set((s) => ({ rulesFieldValues: { ...s.rulesFieldValues, [key]: entry } }));
      put({ values: null, scanned: null, loading: true, error: null });
      api.send('event-field-values', { field, ...(sorted.length ? { types: sorted.slice(0, 20) } : {}), limit: SUGGESTION_LIMIT }).then(
        (r) => {
          if (e === epoch && get().rulesFieldValues[key]?.loading) put({ values: r.values, scanned: r.scanned, loading: false, error: null });
        },
        (err: unknown) => {
          if (e !== epoch || !get().rulesFieldValues[key]?.loading) return;
          if (isConnectionError(err)) get().reportError(err);
          put({ values: null, scanned: null, loading: false, error: errorMessage(err) });
        },
      );
    },

    loadRuleAttributeKeys() {
      const have = get().rulesAttributeKeys;
      if (have && (have.loading || have.keys)) return;
      const e = epoch;
      set({ rulesAttributeKeys: { keys: null, loading: true, error: null } });
      api.send('customer-attribute-keys', {}).then(
        (keys) => {
          if (e === epoch && get().rulesAttributeKeys?.loading) set({ rulesAttributeKeys: { keys, loading: false, error: null } });
        },
        (err: unknown) => {
          if (e !== epoch || !get().rulesAttributeKeys?.loading) return;
          if (isConnectionError(err)) get().reportError(err);
          set({ rulesAttributeKeys: { keys: null, loading: false, error: errorMessage(err) } });
        },
      );
    },

    editRuleDraft(patch) {
      const d = get().rulesDraft;
      if (!d) return;
      set({ rulesDraft: { ...d, ...patch }, ...(patch.name !== undefined ? { rulesNameError: null } : {}), rulesSaveError: null });
    },

    editRule(change) {
      const d = get().rulesDraft;
      if (!d) return;
      const rule = change(d.rule);
      if (rule === d.rule) return;
      set({ rulesDraft: { ...d, rule }, rulesSaveError: null });
      scheduleEval();
    },

    selectRuleSegment(segmentId) {
      if (get().rulesDraft?.segmentId === segmentId) return;
      const seg = get().rulesSegments.find((s) => s.segmentId === segmentId);
      if (!seg) return;
      guardDiscard('Open another segment?', () => openDraft(draftOf(seg)));
    },

    newRuleDraft(templateId = null) {
      guardDiscard('Start a new segment?', () => {
        const template = templateId ? templateById(templateId) : undefined;
        const countries = get().rulesCountries;
        const built = template?.build({ topCountry: countries?.[0]?.country ?? null }) ?? {
          name: '',
          description: '',
          rule: { kind: 'group', combine: 'and', not: false, children: [] },
        };
        const d = { segmentId: null, name: built.name, description: built.description, rule: normaliseRule(built.rule), version: null };
        openDraft({ ...d, baseKey: draftKey(d) });
      });
    },

    duplicateRuleSegment(segmentId) {
      const seg = get().rulesSegments.find((s) => s.segmentId === segmentId);
      if (!seg) return;
      guardDiscard('Duplicate this segment?', () =>
        openDraft({ segmentId: null, name: `${seg.name} (copy)`.slice(0, 120), description: seg.description, rule: normaliseRule(seg.rule), version: null, baseKey: null }),
      );
    },

    openRuleDraft(draft) {
      guardDiscard('Open the new segment?', () => {
        set({ rulesTab: 'segments' });
        openDraft({ segmentId: null, name: draft.name.slice(0, 120), description: draft.description ?? '', rule: normaliseRule(draft.rule), version: null, baseKey: null }, draft.asOf);
      });
    },

    closeRuleDraft() {
      guardDiscard('Close this segment?', () => {
        set({ rulesDraft: null, ...builderAsOf(), rulesSaveError: null, rulesNameError: null, rulesIssues: [], rulesEvalError: null });
        scheduleEval();
      });
    },

    confirmRulesDiscard() {
      const p = get().rulesDiscardPrompt;
      set({ rulesDiscardPrompt: null });
      p?.proceed();
    },
    cancelRulesDiscard: () => set({ rulesDiscardPrompt: null }),

    async saveRuleDraft() {
      const d = get().rulesDraft;
      if (!d || get().rulesSaving) return false;
      if (!d.name.trim()) {
        set({ rulesNameError: 'Give the segment a name' });
        return false;
      }
      const problems = ruleProblems(d.rule, knownSignals());
      if (problems.length) {
        set({ rulesIssues: problems, rulesSaveError: 'Fix the problems marked in the rule first.' });
        return false;
      }
      const e = epoch;
      const before = new Set(get().rulesSegments.map((s) => s.segmentId));
      set({ rulesSaving: true, rulesSaveError: null, rulesNameError: null });
      try {
        const list = await api.send('segment-save', {
          ...(d.segmentId !== null ? { segmentId: d.segmentId } : {}),
          name: d.name.trim(),
          description: d.description.trim(),
          rule: d.rule,
        });
        if (e !== epoch) return false;
        const saved =
          d.segmentId !== null
            ? list.find((s) => s.segmentId === d.segmentId)
            : list.filter((s) => !before.has(s.segmentId)).sort((a, b) => b.segmentId - a.segmentId)[0];
        set({ rulesSaving: false });
        get().applySavedSegments(list);
        const now = get().rulesDraft;
        if (saved) {
          // Edits made while saving stay on screen (and stay unsaved).
          const savedDraft = draftOf(saved);
          set({ rulesDraft: now && now !== d ? { ...now, segmentId: saved.segmentId, version: saved.version, baseKey: savedDraft.baseKey } : savedDraft });
          get().toast({ kind: 'success', title: 'Segment saved', message: `“${saved.name}”, version ${saved.version}.` });
        }
        get().countRuleSegments();
        return true;
      } catch (err) {
        if (e !== epoch) return false;
        if (isConnectionError(err)) get().reportError(err);
        const issues = err instanceof ApiError && err.code === 'invalid-args' && err.issues ? issuesFromApi(err.issues) : null;
        if (issues) {
          const name = issues.other.find((i) => i.path === 'name');
          const rest = issues.other.filter((i) => i.path !== 'name');
          set({
            rulesSaving: false,
            rulesIssues: issues.rule,
            rulesNameError: name?.message ?? null,
            rulesSaveError: issues.rule.length ? 'Fix the problems marked in the rule first.' : rest.length ? rest.map((i) => `${i.path}: ${i.message}`).join('; ') : name ? null : errorMessage(err),
          });
        } else set({ rulesSaving: false, rulesSaveError: errorMessage(err) });
        return false;
      }
    },

    async deleteRuleSegment(segmentId) {
      const e = epoch;
      try {
        const list = await api.send('segment-delete', { segmentId });
        if (e !== epoch) return null;
        const d = get().rulesDraft;
        if (d?.segmentId === segmentId) {
          set({ rulesDraft: null, ...builderAsOf(), rulesIssues: [], rulesEvalError: null });
          scheduleEval();
        }
        get().applySavedSegments(list);
        return null;
      } catch (err) {
        if (isConnectionError(err)) get().reportError(err);
        return errorMessage(err);
      }
    },

    setRulesAsOf(day) {
      const value = day && day.trim() ? day.trim() : null;
      if (value === get().rulesAsOf) return;
      set({ rulesAsOf: value });
      scheduleEval(0);
    },

    evaluateRuleNow() {
      set({ rulesEvalKey: null });
      scheduleEval(0);
    },

    cancelRuleEval() {
      const job = get().rulesEvalJob;
      if (evalTimer) clearTimeout(evalTimer);
      evalTimer = null;
      if (job && !job.cancelling) set({ rulesEvalJob: { ...job, cancelling: true } });
      evalAbort?.abort();
      if (!evalAbort) set({ rulesEvalPending: false });
    },

    setRulesMembersOpen(open) {
      set({ rulesMembersOpen: open });
      syncMembers();
    },
    requestRuleMembers: (start, end) => rows.request(start, end),
    retryRuleMembers() {
      set({ rulesMembersError: null });
      rows.retry();
    },
  };
};
