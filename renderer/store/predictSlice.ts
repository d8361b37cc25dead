// The Predict view: the set-up being edited, the fit (a long job with progress and Cancel), the
// prediction fitted in this session, and the scored-customers table (paged, sorted, searched).
//
// The fit keeps running when the analyst switches views; its AbortController lives in this
// module. Answers for another workspace (epoch) are dropped. Core holds one prediction per
// session and drops it when the data changes: entering the view asks core for what it holds.
import type { PredictionSummary, PredictSettings } from '../../core/api/contract.ts';
import { api } from '../api/client.ts';
import { errorCode, errorMessage, isCancelled, isConnectionError } from '../lib/errors.ts';
import { dataRange, defaultPredictSettings, predictKey, settingsProblem, type DataRange } from '../views/predict/predictSettings.ts';
import { predictRequest, PredictRowSource, type PredictSort } from '../views/predict/predictRows.ts';
import { jobFailure, type JobFailure, type LongJob } from './signalsSlice.ts';
import type { SliceCreator } from './types.ts';

export interface PredictSlice {
  /** The workspace this state belongs to; another one resets it. */
  predictPath: string | null;
  predictLoading: boolean;
  predictLoadError: string | null;
  /** The days with data (from workspace-info); null without events. */
  predictRange: DataRange | null;
  /** True once the view has asked core what it holds. */
  predictLoaded: boolean;

  predictDraft: PredictSettings | null;
  predictDraftEdited: boolean;

  predictResult: PredictionSummary | null;
  /** The settings the shown result was fitted with (null for a result found on entering). */
  predictResultSettings: PredictSettings | null;
  predictFitJob: LongJob | null;
  predictFitError: JobFailure | null;

  predictSort: PredictSort;
  /** The customer id searched for; null lists everyone. */
  predictSearch: string | null;
  predictRows: PredictRowSource;
  predictRowsTotal: number | null;
  /** Bumped when rows arrive or the query changes, so the table re-renders. */
  predictRowsVersion: number;
  /** Bumped when the query changes: the table starts at the top. */
  predictQueryVersion: number;
  predictRowsError: string | null;

  enterPredict(): Promise<void>;
  editPredictDraft(change: (s: PredictSettings) => PredictSettings): void;
  resetPredictDraft(): void;
  fitPredict(): Promise<void>;
  cancelPredictFit(): void;
  setPredictSort(sort: PredictSort): void;
  searchPredictCustomer(customerId: string | null): void;
  requestPredictRows(start: number, end: number): void;
  retryPredictRows(): void;
  openPredictCustomerTimeline(customerId: string): void;
}

const JOB_TITLES: Record<string, string> = {
  'no-purchases': 'No purchases before the calibration end',
  'invalid-args': 'Invalid set-up',
  'predictions-not-fitted': 'The prediction is gone',
};

export function predictFailureTitle(f: JobFailure): string {
  return JOB_TITLES[f.code] ?? 'The models could not be fitted';
}

function freshState() {
  return {
    predictLoading: false,
    predictLoadError: null,
    predictRange: null,
    predictLoaded: false,
    predictDraft: null,
    predictDraftEdited: false,
    predictResult: null,
    predictResultSettings: null,
    predictFitJob: null,
    predictFitError: null,
    predictSort: 'expected' as PredictSort,
    predictSearch: null,
    predictRowsTotal: null,
    predictRowsVersion: 0,
    predictQueryVersion: 0,
    predictRowsError: null,
  } satisfies Partial<PredictSlice>;
}

let fitAbort: AbortController | null = null;
/** Bumped when the workspace changes: answers for the previous one are dropped. */
let epoch = 0;

/** The set-up a result was fitted with, as far as the summary tells (model choice unknown: auto). */
function settingsOfResult(r: PredictionSummary, draft: PredictSettings): PredictSettings {
  return {
    ...draft,
    calibrationEnd: r.calibrationEnd,
    holdoutEnd: draft.holdoutEnd === null ? null : r.holdoutEnd,
    timeUnit: r.timeUnit,
    horizonDays: r.horizonDays,
    clv: r.clv ? { months: r.clv.months, monthlyDiscount: r.clv.monthlyDiscount, margin: r.clv.margin } : draft.clv,
  };
}

export const createPredictSlice: SliceCreator<PredictSlice> = (set, get, store) => {
  const rows = new PredictRowSource((query, offset, limit) => api.send('predict-customers', predictRequest(query, offset, limit)), {
    onRows: (total) => set((s) => ({ predictRowsTotal: total, predictRowsVersion: s.predictRowsVersion + 1, predictRowsError: null })),
    onError: (err) => {
      if (isCancelled(err)) return;
      if (errorCode(err) === 'predictions-not-fitted') return resultGone();
      if (isConnectionError(err)) return get().reportError(err);
      set({ predictRowsError: errorMessage(err) });
    },
  });

  /** Core no longer holds the prediction (the data changed): nothing of it may stay on screen. */
  function resultGone() {
    rows.setQuery(null);
    set({ predictResult: null, predictResultSettings: null, predictRowsTotal: null, predictRowsError: null });
  }

  function queryRows() {
    const { predictResult: r, predictSort, predictSearch } = get();
    rows.setQuery(r && r.chosen !== null ? { sort: predictSort, customerId: predictSearch } : null);
    set((s) => ({ predictRowsTotal: null, predictRowsVersion: s.predictRowsVersion + 1, predictQueryVersion: s.predictQueryVersion + 1, predictRowsError: null }));
  }

  function showResult(result: PredictionSummary | null, settings: PredictSettings | null) {
    const same = result !== null && get().predictResult === result;
    set({ predictResult: result, predictResultSettings: settings });
    if (!same) queryRows();
  }

  function reset(path: string | null) {
    epoch++;
    fitAbort?.abort();
    rows.setQuery(null);
    set({ predictPath: path, ...freshState() });
  }

  store.subscribe((s, prev) => {
    if (s.workspace?.path !== prev.workspace?.path && get().predictPath !== null) reset(null);
  });

  return {
    predictPath: null,
    ...freshState(),
    predictRows: rows,

    async enterPredict() {
      const ws = get().workspace;
      if (!ws) return;
      if (get().predictPath !== ws.path) reset(ws.path);
      const e = epoch;
      set({ predictLoading: !get().predictLoaded, predictLoadError: null });
      try {
        const [info, result] = await Promise.all([api.send('workspace-info', {}), api.send('predict-result', {})]);
        if (e !== epoch) return;
        const range = dataRange(info?.firstEventAt, info?.lastEventAt);
        const draft = get().predictDraft;
        const patch: Partial<PredictSlice> = { predictRange: range, predictLoading: false, predictLoaded: true };
        if (!draft || (!get().predictDraftEdited && !result)) patch.predictDraft = defaultPredictSettings(range);
        set(patch);
        const shown = get().predictResult;
        if (!result) {
          if (shown) resultGone();
          return;
        }
        // The same fit as on screen (core answers with an equal copy): keep the table where it is.
        const same = shown !== null && JSON.stringify(shown) === JSON.stringify(result);
        if (!same) {
          if (!get().predictDraftEdited) set({ predictDraft: settingsOfResult(result, get().predictDraft ?? defaultPredictSettings(range)) });
          showResult(result, null);
        }
      } catch (err) {
        if (e !== epoch) return;
        set({ predictLoading: false, predictLoadError: errorMessage(err) });
        if (isConnectionError(err)) get().reportError(err);
      }
    },

    editPredictDraft(change) {
      const draft = get().predictDraft;
      if (!draft) return;
      const next = change(draft);
      if (next === draft) return;
      set({ predictDraft: next, predictDraftEdited: true, predictFitError: null });
    },

    resetPredictDraft() {
      const { predictResult: r, predictResultSettings, predictRange } = get();
      const base = defaultPredictSettings(predictRange);
      set({ predictDraft: predictResultSettings ?? (r ? settingsOfResult(r, base) : base), predictDraftEdited: false, predictFitError: null });
    },

    async fitPredict() {
      if (get().predictFitJob) return;
      const settings = get().predictDraft;
      if (!settings) return;
      const problem = settingsProblem(settings, get().predictRange);
      if (problem) {
        set({ predictFitError: { code: 'invalid-args', message: problem } });
        return;
      }
      fitAbort?.abort();
      const abort = new AbortController();
      fitAbort = abort;
      const e = epoch;
      set({ predictFitJob: { progress: null, startedAt: Date.now(), cancelling: false }, predictFitError: null });
      try {
        const result = await api.send('predict-fit', { settings }, {
          signal: abort.signal,
          onProgress: (progress) => {
            const job = get().predictFitJob;
            if (job && e === epoch) set({ predictFitJob: { ...job, progress } });
          },
        });
        if (abort.signal.aborted) throw new DOMException('Cancelled', 'AbortError');
        if (e !== epoch) return;
        const untouched = predictKey(get().predictDraft ?? settings) === predictKey(settings);
        set({ predictFitJob: null, ...(untouched ? { predictDraftEdited: false } : {}) });
        showResult(result, settings);
        get().toast({
          kind: result.chosen ? 'success' : 'info',
          title: result.chosen ? 'Purchase models fitted' : 'No usable purchase model',
          message: `${result.customers.toLocaleString('en-US')} customers, calibration to ${result.calibrationEnd}.`,
        });
      } catch (err) {
        if (e !== epoch) return;
        if (abort.signal.aborted || isCancelled(err)) set({ predictFitJob: null });
        else if (isConnectionError(err)) {
          set({ predictFitJob: null });
          get().reportError(err);
        } else set({ predictFitJob: null, predictFitError: jobFailure(err) });
      } finally {
        if (fitAbort === abort) fitAbort = null;
      }
    },

    cancelPredictFit() {
      const job = get().predictFitJob;
      if (!job || job.cancelling) return;
      set({ predictFitJob: { ...job, cancelling: true } });
      fitAbort?.abort();
    },

    setPredictSort(sort) {
      if (get().predictSort === sort && get().predictSearch === null) return;
      set({ predictSort: sort, predictSearch: null });
      queryRows();
    },

    searchPredictCustomer(customerId) {
      const id = customerId?.trim() || null;
      if (id === get().predictSearch) return;
      set({ predictSearch: id });
      queryRows();
    },

    requestPredictRows: (start, end) => rows.request(start, end),
    retryPredictRows() {
      set({ predictRowsError: null });
      rows.retry();
    },

    openPredictCustomerTimeline(customerId) {
      get().setDataTab('customers');
      get().setView('data');
      void get().openCustomer(customerId);
    },
  };
};
