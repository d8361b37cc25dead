// The Signals & Phases view: the signal catalogue, the computed snapshot, the analyst's scoring
// settings (weights, thresholds, retention, actions) and everything derived from them — the live
// score summary, the customers of a phase, the backtest and the weight suggestion.
//
// Settings are edited locally and saved to the workspace ~500 ms after the last change. Every
// change that affects scores re-scores at once through `scores-summary`, with at most one request
// in flight (the latest settings are sent when it returns). Long jobs (compute, backtest, suggest)
// keep running when the analyst switches views; their state lives here, their AbortControllers
// in this module.
import type {
  CustomerScore,
  CustomSignalInput,
  Phase,
  PhaseAction,
  PhaseBacktest,
  PhaseCustomerPage,
  Progress,
  ScoreSummary,
  ScoringSettings,
  SignalInfo,
  SignalSnapshot,
  WeightSuggestion,
} from '../../core/api/contract.ts';
import { api } from '../api/client.ts';
import { errorCode, errorMessage, isCancelled, isConnectionError } from '../lib/errors.ts';
import { addDays, defaultAsOfDay, isIsoDay } from '../lib/isoDay.ts';
import { latestRequest } from '../lib/latestRequest.ts';
import { blendWeights, defaultWeights, equalWeights, withWeight, type Weights } from '../lib/scoringWeights.ts';
import type { SliceCreator } from './types.ts';

export const SAVE_DEBOUNCE_MS = 500;
/** Re-reading the phase list waits for the sliders to rest this long. */
export const PHASE_LIST_DEBOUNCE_MS = 300;
export const PHASE_PAGE_SIZE = 50;

export interface LongJob {
  progress: Progress | null;
  startedAt: number;
  cancelling: boolean;
}

export interface JobFailure {
  code: string;
  message: string;
}

/**
 * unknown: not asked yet; none: never computed in this session; lost: computed before, but core
 * dropped it (new data, or signal definitions changed); ready: scores can be computed.
 */
export type SnapshotState = 'unknown' | 'none' | 'lost' | 'ready';
export type LostReason = 'data' | 'definitions';
export type SaveState = 'saved' | 'pending' | 'saving' | 'failed' | 'read-only';
export type SignalsTab = 'customers' | 'backtest' | 'suggest' | 'actions';

export interface SignalsSlice {
  /** The workspace this state belongs to; another one resets it. */
  signalsPath: string | null;
  signalsLoading: boolean;
  signalsLoadError: string | null;
  catalog: SignalInfo[] | null;
  snapshot: SignalSnapshot | null;
  snapshotState: SnapshotState;
  lostReason: LostReason | null;
  /** The as-of date of the snapshot that was dropped, to say what is gone. */
  lostAsOf: string | null;
  scoring: ScoringSettings | null;
  saveState: SaveState;
  saveError: string | null;
  /** The header's as-of date ('' until known). */
  asOfInput: string;
  /** Typed by the analyst and not computed yet: kept when the view reloads. */
  asOfEdited: boolean;
  computeJob: LongJob | null;
  computeError: JobFailure | null;

  summary: ScoreSummary | null;
  /** Settings key the summary was computed for. */
  summaryKey: string | null;
  summaryError: string | null;

  signalsTab: SignalsTab;
  phaseTab: Phase;
  phasePage: PhaseCustomerPage | null;
  phasePageKey: string | null;
  phaseLoading: boolean;
  phaseError: string | null;
  selectedScore: CustomerScore | null;
  selectedId: string | null;
  selectedLoading: boolean;
  selectedError: string | null;

  backtestAsOf: string;
  backtestAsOfEdited: boolean;
  backtest: PhaseBacktest | null;
  /** Settings key (with outcome days) the backtest ran with. */
  backtestKey: string | null;
  backtestJob: LongJob | null;
  backtestError: JobFailure | null;

  suggestTrainAsOf: string;
  suggestTrainAsOfEdited: boolean;
  suggestion: WeightSuggestion | null;
  suggestionKey: string | null;
  suggestJob: LongJob | null;
  suggestError: JobFailure | null;

  signalDialogOpen: boolean;
  signalSaving: boolean;
  signalError: string | null;
  deletingSignal: string | null;

  /** Loads (or refreshes) everything the view shows for the open workspace. */
  enterSignals(): Promise<void>;
  setAsOfInput(day: string): void;
  computeSignals(): Promise<void>;
  cancelCompute(): void;

  setWeight(id: string, weight: number): void;
  applyWeights(weights: Weights, thresholds?: { consideration: number; decision: number }): void;
  resetWeights(): void;
  equaliseWeights(): void;
  setThresholds(thresholds: { consideration: number; decision: number }): void;
  setNormalisation(n: ScoringSettings['normalisation']): void;
  setRetention(patch: Partial<ScoringSettings['retention']>): void;
  setOutcomeDays(days: number): void;
  setPhaseAction(phase: Phase, field: keyof PhaseAction, value: string): void;
  /** Saves pending settings now (leaving the view, closing the window). */
  flushScoringSave(): void;

  setSignalsTab(tab: SignalsTab): void;
  setPhaseTab(phase: Phase): void;
  loadPhasePage(offset: number): Promise<void>;
  showCustomerScore(customerId: string): Promise<void>;
  closeCustomerScore(): void;
  openCustomerTimeline(customerId: string): void;

  setBacktestAsOf(day: string): void;
  runBacktest(): Promise<void>;
  cancelBacktest(): void;

  setSuggestTrainAsOf(day: string): void;
  runSuggest(): Promise<void>;
  cancelSuggest(): void;
  acceptSuggestion(withThresholds: boolean): void;
  blendSuggestion(): void;

  openSignalDialog(): void;
  closeSignalDialog(): void;
  saveSignal(signal: CustomSignalInput): Promise<boolean>;
  deleteSignal(id: string): Promise<void>;
}

/** What the score depends on: the summary and phase list are current when their key matches. */
export function scoreKey(s: ScoringSettings): string {
  return JSON.stringify([s.weights, s.normalisation, s.thresholds, s.retention]);
}

/** The backtest and suggestion also depend on the outcome window. */
export function validationKey(s: ScoringSettings): string {
  return JSON.stringify([s.weights, s.normalisation, s.thresholds, s.retention, s.outcomeDays]);
}

/** Default backtest date: one outcome window before the signals' as-of date, so the outcome is known. */
export function defaultBacktestAsOf(snapshotAsOf: string, outcomeDays: number): string {
  return addDays(snapshotAsOf, -outcomeDays);
}

/** Default training date: two windows back (training outcome, then a separate holdout with its own). */
export function defaultTrainAsOf(snapshotAsOf: string, outcomeDays: number): string {
  return addDays(snapshotAsOf, -2 * outcomeDays);
}

const JOB_TITLES: Record<string, string> = {
  'not-enough-history': 'Not enough history after that date',
  'signals-not-computed': 'Signals are not computed',
  'no-events': 'No events yet',
  'invalid-args': 'Invalid input',
  'workspace-read-only': 'The workspace is read-only',
};

export function jobFailure(err: unknown): JobFailure {
  return { code: errorCode(err), message: errorMessage(err) };
}

export function jobFailureTitle(f: JobFailure, fallback: string): string {
  return JOB_TITLES[f.code] ?? fallback;
}

function freshState() {
  return {
    signalsLoading: false,
    signalsLoadError: null,
    catalog: null,
    snapshot: null,
    snapshotState: 'unknown' as SnapshotState,
    lostReason: null,
    lostAsOf: null,
    scoring: null,
    saveState: 'saved' as SaveState,
    saveError: null,
    asOfInput: '',
    asOfEdited: false,
    computeJob: null,
    computeError: null,
    summary: null,
    summaryKey: null,
    summaryError: null,
    signalsTab: 'customers' as SignalsTab,
    phaseTab: 'decision' as Phase,
    phasePage: null,
    phasePageKey: null,
    phaseLoading: false,
    phaseError: null,
    selectedScore: null,
    selectedId: null,
    selectedLoading: false,
    selectedError: null,
    backtestAsOf: '',
    backtestAsOfEdited: false,
    backtest: null,
    backtestKey: null,
    backtestJob: null,
    backtestError: null,
    suggestTrainAsOf: '',
    suggestTrainAsOfEdited: false,
    suggestion: null,
    suggestionKey: null,
    suggestJob: null,
    suggestError: null,
    signalDialogOpen: false,
    signalSaving: false,
    signalError: null,
    deletingSignal: null,
  } satisfies Partial<SignalsSlice>;
}

// Not state: controllers and timers are neither serialisable nor something a component renders.
let computeAbort: AbortController | null = null;
let backtestAbort: AbortController | null = null;
let suggestAbort: AbortController | null = null;
let saveTimer: ReturnType<typeof setTimeout> | null = null;
let phaseTimer: ReturnType<typeof setTimeout> | null = null;
/** Bumped on every settings change, so a save answer for older settings does not mark newer ones saved. */
let settingsVersion = 0;
let phaseToken = 0;
let selectedToken = 0;
/** Bumped when the workspace changes: answers for the previous one are dropped. */
let epoch = 0;

export const createSignalsSlice: SliceCreator<SignalsSlice> = (set, get, store) => {
  const summaryRunner = latestRequest<{ settings: ScoringSettings; epoch: number }, ScoreSummary>({
    send: ({ settings }) => api.send('scores-summary', { settings }),
    onResult(summary, { settings, epoch: e }) {
      if (e !== epoch) return;
      set({ summary, summaryKey: scoreKey(settings), summaryError: null });
    },
    onError(err, { epoch: e }) {
      if (e !== epoch || isCancelled(err)) return;
      if (notComputed(err)) return snapshotLost('data');
      if (isConnectionError(err)) return get().reportError(err);
      set({ summaryError: errorMessage(err) });
    },
    onIdle() {
      schedulePhaseRefresh();
    },
  });

  const current = () => get().signalsPath === get().workspace?.path;
  const notComputed = (err: unknown) => errorCode(err) === 'signals-not-computed';

  function snapshotLost(reason: LostReason) {
    const { snapshot, snapshotState, lostAsOf } = get();
    set({
      snapshot: null,
      snapshotState: snapshotState === 'ready' || snapshotState === 'lost' ? 'lost' : 'none',
      lostReason: reason,
      lostAsOf: snapshot?.asOf ?? lostAsOf,
      summary: null,
      summaryKey: null,
      phasePage: null,
      phasePageKey: null,
      selectedScore: null,
      selectedError: null,
    });
  }

  function rescore() {
    const { scoring, snapshotState } = get();
    if (!scoring || snapshotState !== 'ready') return;
    summaryRunner.request({ settings: scoring, epoch });
  }

  function schedulePhaseRefresh() {
    if (phaseTimer) clearTimeout(phaseTimer);
    phaseTimer = setTimeout(() => {
      phaseTimer = null;
      const { scoring, phasePageKey, selectedId, snapshotState } = get();
      if (!scoring || snapshotState !== 'ready') return;
      const key = scoreKey(scoring);
      if (phasePageKey === key) return;
      void get().loadPhasePage(0);
      // The open explanation follows the settings (and comes back after a recompute).
      if (selectedId) void get().showCustomerScore(selectedId);
    }, PHASE_LIST_DEBOUNCE_MS);
  }

  function scheduleSave() {
    if (get().workspace?.readonly) {
      set({ saveState: 'read-only' });
      return;
    }
    set({ saveState: 'pending', saveError: null });
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void saveNow(), SAVE_DEBOUNCE_MS);
  }

  async function saveNow() {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    const settings = get().scoring;
    if (!settings || !current()) return;
    const version = settingsVersion;
    const e = epoch;
    set({ saveState: 'saving' });
    try {
      const saved = await api.send('scoring-settings-save', { settings });
      if (e !== epoch || version !== settingsVersion) return;
      // Core drops weights of signals that no longer exist: take its copy when nothing changed since.
      set({ scoring: saved, saveState: 'saved', saveError: null });
    } catch (err) {
      if (e !== epoch) return;
      if (isConnectionError(err)) return get().reportError(err);
      set({ saveState: errorCode(err) === 'workspace-read-only' ? 'read-only' : 'failed', saveError: errorMessage(err) });
    }
  }

  /** One change to the settings: kept, saved later, and re-scored now when scores depend on it. */
  function update(change: (s: ScoringSettings) => ScoringSettings) {
    const before = get().scoring;
    if (!before) return;
    const after = change(before);
    if (after === before) return;
    settingsVersion++;
    set({ scoring: after });
    refreshValidationDefaults();
    scheduleSave();
    if (scoreKey(after) !== scoreKey(before)) rescore();
  }

  /** Backtest and training dates follow the snapshot and the outcome window until the analyst edits them. */
  function refreshValidationDefaults() {
    const { snapshot, scoring, backtestAsOfEdited, suggestTrainAsOfEdited } = get();
    if (!snapshot || !scoring) return;
    const patch: Partial<SignalsSlice> = {};
    if (!backtestAsOfEdited) patch.backtestAsOf = defaultBacktestAsOf(snapshot.asOf, scoring.outcomeDays);
    if (!suggestTrainAsOfEdited) patch.suggestTrainAsOf = defaultTrainAsOf(snapshot.asOf, scoring.outcomeDays);
    set(patch);
  }

  function snapshotReady(snapshot: SignalSnapshot) {
    set({ snapshot, snapshotState: 'ready', lostReason: null, lostAsOf: null, summaryError: null, phaseError: null });
    refreshValidationDefaults();
    rescore();
    const selected = get().selectedId;
    if (selected) void get().showCustomerScore(selected);
  }

  // Opening, creating or closing a workspace: save pending settings first, while core still has
  // this one open (the request goes out before the workspace operation's).
  store.subscribe((s, prev) => {
    if (s.busy && !prev.busy && saveTimer) void saveNow();
  });

  function startJob(): LongJob {
    return { progress: null, startedAt: Date.now(), cancelling: false };
  }

  return {
    signalsPath: null,
    ...freshState(),

    async enterSignals() {
      const ws = get().workspace;
      if (!ws) return;
      if (get().signalsPath !== ws.path) {
        // Another workspace: drop everything of the previous one, including answers on their way.
        epoch++;
        summaryRunner.reset();
        computeAbort?.abort();
        backtestAbort?.abort();
        suggestAbort?.abort();
        if (saveTimer) clearTimeout(saveTimer);
        saveTimer = null;
        set({ signalsPath: ws.path, ...freshState() });
      } else if (get().saveState === 'pending') {
        void saveNow();
      }
      const e = epoch;
      const first = get().catalog === null;
      set({ signalsLoading: first, signalsLoadError: null });
      try {
        const [catalog, snapshot, scoring] = await Promise.all([
          api.send('signals-catalog', {}),
          api.send('signals-snapshot', {}),
          // Settings edited here but not yet saved are newer than the stored ones.
          get().scoring && get().saveState !== 'saved' ? Promise.resolve(get().scoring!) : api.send('scoring-settings-get', {}),
        ]);
        if (e !== epoch) return;
        const defaultDay = defaultAsOfDay(get().workspace?.lastEventAt);
        set({
          catalog,
          scoring,
          signalsLoading: false,
          // Follows the data ("as of now" moves on after an import) unless the analyst typed a date.
          asOfInput: get().asOfEdited && get().asOfInput ? get().asOfInput : scoring.asOf || snapshot?.asOf || defaultDay || '',
          saveState: ws.readonly ? 'read-only' : get().saveState,
        });
        if (snapshot) {
          const known = get().snapshot;
          if (!known || known.asOf !== snapshot.asOf || known.computedMs !== snapshot.computedMs || get().snapshotState !== 'ready') snapshotReady(snapshot);
          else rescore();
        } else if (get().snapshotState === 'ready') {
          snapshotLost('data');
        } else if (get().snapshotState !== 'lost') {
          set({ snapshotState: 'none' });
        }
      } catch (err) {
        if (e !== epoch) return;
        set({ signalsLoading: false, signalsLoadError: errorMessage(err) });
        get().reportError(err, 'Could not load the signals');
      }
    },

    setAsOfInput: (day) => set({ asOfInput: day, asOfEdited: true }),

    async computeSignals() {
      if (get().computeJob) return;
      const { asOfInput } = get();
      const defaultDay = defaultAsOfDay(get().workspace?.lastEventAt);
      const asOf = isIsoDay(asOfInput) ? asOfInput : undefined;
      computeAbort?.abort();
      const abort = new AbortController();
      computeAbort = abort;
      const e = epoch;
      set({ computeJob: startJob(), computeError: null });
      try {
        const snapshot = await api.send('signals-compute', asOf ? { asOf } : {}, {
          signal: abort.signal,
          onProgress: (progress) => {
            const job = get().computeJob;
            if (job && e === epoch) set({ computeJob: { ...job, progress } });
          },
        });
        if (abort.signal.aborted) throw new DOMException('Cancelled', 'AbortError');
        if (e !== epoch) return;
        set({ computeJob: null, asOfInput: snapshot.asOf, asOfEdited: false });
        // "As of now" (the default date) is stored as null, so it follows the data after an import.
        update((s) => {
          const stored = snapshot.asOf === defaultDay ? null : snapshot.asOf;
          return s.asOf === stored ? s : { ...s, asOf: stored };
        });
        snapshotReady(snapshot);
      } catch (err) {
        if (e !== epoch) return;
        if (abort.signal.aborted || isCancelled(err)) set({ computeJob: null });
        else if (isConnectionError(err)) {
          set({ computeJob: null });
          get().reportError(err);
        } else set({ computeJob: null, computeError: jobFailure(err) });
      } finally {
        if (computeAbort === abort) computeAbort = null;
      }
    },

    cancelCompute() {
      const job = get().computeJob;
      if (!job || job.cancelling) return;
      set({ computeJob: { ...job, cancelling: true } });
      computeAbort?.abort();
    },

    setWeight: (id, weight) => update((s) => ({ ...s, weights: withWeight(s.weights, id, weight) })),

    applyWeights: (weights, thresholds) => update((s) => ({ ...s, weights: { ...weights }, ...(thresholds ? { thresholds: { ...thresholds } } : {}) })),

    resetWeights() {
      const catalog = get().catalog;
      if (catalog) update((s) => ({ ...s, weights: defaultWeights(catalog) }));
    },

    equaliseWeights() {
      const catalog = get().catalog;
      if (catalog) update((s) => ({ ...s, weights: equalWeights(s.weights, catalog) }));
    },

    setThresholds: (t) =>
      update((s) => (s.thresholds.consideration === t.consideration && s.thresholds.decision === t.decision ? s : { ...s, thresholds: { consideration: t.consideration, decision: t.decision } })),

    setNormalisation: (normalisation) => update((s) => (s.normalisation === normalisation ? s : { ...s, normalisation })),

    setRetention: (patch) => update((s) => ({ ...s, retention: { ...s.retention, ...patch } })),

    setOutcomeDays: (outcomeDays) => update((s) => (s.outcomeDays === outcomeDays ? s : { ...s, outcomeDays })),

    setPhaseAction: (phase, field, value) =>
      update((s) => ({ ...s, actions: { ...s.actions, [phase]: { ...(s.actions[phase] ?? { behaviour: '', format: '', goal: '' }), [field]: value } } })),

    flushScoringSave() {
      if (saveTimer) void saveNow();
    },

    setSignalsTab: (signalsTab) => set({ signalsTab }),

    setPhaseTab(phase) {
      if (get().phaseTab === phase && get().phasePage) return;
      set({ phaseTab: phase, phasePage: null, phasePageKey: null });
      void get().loadPhasePage(0);
    },

    async loadPhasePage(offset) {
      const { scoring, phaseTab, snapshotState } = get();
      if (!scoring || snapshotState !== 'ready') return;
      const token = ++phaseToken;
      set({ phaseLoading: true, phaseError: null });
      try {
        const page = await api.send('phase-customers', { settings: scoring, phase: phaseTab, offset, limit: PHASE_PAGE_SIZE });
        if (token !== phaseToken) return;
        set({ phasePage: page, phasePageKey: scoreKey(scoring), phaseLoading: false });
      } catch (err) {
        if (token !== phaseToken) return;
        set({ phaseLoading: false });
        if (notComputed(err)) return snapshotLost('data');
        if (isConnectionError(err)) return get().reportError(err);
        set({ phaseError: errorMessage(err) });
      }
    },

    async showCustomerScore(customerId) {
      const scoring = get().scoring;
      if (!scoring) return;
      const token = ++selectedToken;
      set({ selectedId: customerId, selectedLoading: true, selectedError: null });
      try {
        const score = await api.send('customer-score', { settings: scoring, customerId });
        if (token !== selectedToken) return;
        set({ selectedScore: score, selectedLoading: false });
      } catch (err) {
        if (token !== selectedToken) return;
        set({ selectedLoading: false, selectedScore: null });
        if (notComputed(err)) return snapshotLost('data');
        if (isConnectionError(err)) return get().reportError(err);
        set({ selectedError: errorMessage(err) });
      }
    },

    closeCustomerScore() {
      selectedToken++;
      set({ selectedId: null, selectedScore: null, selectedLoading: false, selectedError: null });
    },

    openCustomerTimeline(customerId) {
      get().flushScoringSave();
      get().setDataTab('customers');
      get().setView('data');
      void get().openCustomer(customerId);
    },

    setBacktestAsOf: (day) => set({ backtestAsOf: day, backtestAsOfEdited: true }),

    async runBacktest() {
      const { scoring, backtestAsOf, backtestJob } = get();
      if (!scoring || backtestJob) return;
      if (!isIsoDay(backtestAsOf)) {
        set({ backtestError: { code: 'invalid-args', message: 'Choose the date to look back from (YYYY-MM-DD).' } });
        return;
      }
      backtestAbort?.abort();
      const abort = new AbortController();
      backtestAbort = abort;
      const e = epoch;
      const key = validationKey(scoring);
      set({ backtestJob: startJob(), backtestError: null });
      try {
        const result = await api.send('phases-backtest', { settings: scoring, asOf: backtestAsOf }, {
          signal: abort.signal,
          onProgress: (progress) => {
            const job = get().backtestJob;
            if (job && e === epoch) set({ backtestJob: { ...job, progress } });
          },
        });
        if (abort.signal.aborted) throw new DOMException('Cancelled', 'AbortError');
        if (e !== epoch) return;
        set({ backtestJob: null, backtest: result, backtestKey: key });
      } catch (err) {
        if (e !== epoch) return;
        if (abort.signal.aborted || isCancelled(err)) set({ backtestJob: null });
        else if (isConnectionError(err)) {
          set({ backtestJob: null });
          get().reportError(err);
        } else set({ backtestJob: null, backtestError: jobFailure(err) });
      } finally {
        if (backtestAbort === abort) backtestAbort = null;
      }
    },

    cancelBacktest() {
      const job = get().backtestJob;
      if (!job || job.cancelling) return;
      set({ backtestJob: { ...job, cancelling: true } });
      backtestAbort?.abort();
    },

    setSuggestTrainAsOf: (day) => set({ suggestTrainAsOf: day, suggestTrainAsOfEdited: true }),

    async runSuggest() {
      const { scoring, suggestTrainAsOf, suggestJob } = get();
      if (!scoring || suggestJob) return;
      if (!isIsoDay(suggestTrainAsOf)) {
        set({ suggestError: { code: 'invalid-args', message: 'Choose the date to fit the weights on (YYYY-MM-DD).' } });
        return;
      }
      suggestAbort?.abort();
      const abort = new AbortController();
      suggestAbort = abort;
      const e = epoch;
      const key = validationKey(scoring);
      set({ suggestJob: startJob(), suggestError: null });
      try {
        const result = await api.send('weights-suggest', { settings: scoring, trainAsOf: suggestTrainAsOf }, {
          signal: abort.signal,
          onProgress: (progress) => {
            const job = get().suggestJob;
            if (job && e === epoch) set({ suggestJob: { ...job, progress } });
          },
        });
        if (abort.signal.aborted) throw new DOMException('Cancelled', 'AbortError');
        if (e !== epoch) return;
        set({ suggestJob: null, suggestion: result, suggestionKey: key });
      } catch (err) {
        if (e !== epoch) return;
        if (abort.signal.aborted || isCancelled(err)) set({ suggestJob: null });
        else if (isConnectionError(err)) {
          set({ suggestJob: null });
          get().reportError(err);
        } else set({ suggestJob: null, suggestError: jobFailure(err) });
      } finally {
        if (suggestAbort === abort) suggestAbort = null;
      }
    },

    cancelSuggest() {
      const job = get().suggestJob;
      if (!job || job.cancelling) return;
      set({ suggestJob: { ...job, cancelling: true } });
      suggestAbort?.abort();
    },

    acceptSuggestion(withThresholds) {
      const s = get().suggestion;
      if (!s) return;
      get().applyWeights(s.weights, withThresholds ? s.thresholds : undefined);
      get().toast({
        kind: 'success',
        title: 'Suggested weights applied',
        message: withThresholds ? `Thresholds set to ${s.thresholds.consideration} / ${s.thresholds.decision}.` : 'Thresholds unchanged.',
      });
    },

    blendSuggestion() {
      const s = get().suggestion;
      const scoring = get().scoring;
      if (!s || !scoring) return;
      get().applyWeights(blendWeights(scoring.weights, s.weights));
      get().toast({ kind: 'success', title: 'Weights blended', message: 'Each weight is now halfway between the current and the suggested one.' });
    },

    openSignalDialog: () => set({ signalDialogOpen: true, signalError: null }),
    closeSignalDialog() {
      if (get().signalSaving) return;
      set({ signalDialogOpen: false, signalError: null });
    },

    async saveSignal(signal) {
      if (get().signalSaving) return false;
      const e = epoch;
      set({ signalSaving: true, signalError: null });
      try {
        const catalog = await api.send('signal-save', { signal });
        if (e !== epoch) return false;
        set({ catalog, signalSaving: false, signalDialogOpen: false });
        afterDefinitionsChanged();
        get().toast({ kind: 'success', title: 'Signal saved', message: `${signal.label} — compute the signals again to use it.` });
        return true;
      } catch (err) {
        if (e !== epoch) return false;
        set({ signalSaving: false });
        if (isConnectionError(err)) get().reportError(err);
        else set({ signalError: errorMessage(err) });
        return false;
      }
    },

    async deleteSignal(id) {
      if (get().deletingSignal) return;
      const e = epoch;
      set({ deletingSignal: id });
      try {
        const catalog = await api.send('signal-delete', { id });
        if (e !== epoch) return;
        set({ catalog, deletingSignal: null });
        // Core drops the weight of a deleted signal when settings are saved; drop it here too.
        update((s) => (s.weights[id] === undefined ? s : { ...s, weights: withWeight(s.weights, id, 0) }));
        afterDefinitionsChanged();
      } catch (err) {
        if (e !== epoch) return;
        set({ deletingSignal: null });
        get().reportError(err, 'The signal could not be deleted');
      }
    },
  };

  /** Core drops the snapshot when definitions change: say so, and offer to compute again. */
  function afterDefinitionsChanged() {
    if (get().snapshotState === 'ready' || get().snapshotState === 'lost') snapshotLost('definitions');
  }
};
