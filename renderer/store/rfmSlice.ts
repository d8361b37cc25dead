// The RFM tab of the Rules view: the saved RFM settings, the draft being edited, and the summary
// (grid, groups, cut-offs used) of the draft as of the signals' date. Every edit re-runs the
// summary after a short pause and cancels the one in flight; the grid's colours follow the draft
// at once (they need no counting). Answers for another workspace, or for settings that have been
// edited since, are dropped.
import { ApiError, type RfmSettings, type RfmSummary } from '../../core/api/contract.ts';
import { api } from '../api/client.ts';
import { errorCode, errorMessage, isCancelled, isConnectionError } from '../lib/errors.ts';
import { defaultRfmSettings } from '../views/rules/rfm/rfmDefaults.ts';
import { finalizeGroupIds, problemsFromIssues, rfmKey, rfmProblems, rfmSegmentRule, sameRfm, type RfmProblem } from '../views/rules/rfm/rfmSettings.ts';
import { jobFailure, type JobFailure, type LongJob } from './signalsSlice.ts';
import type { SliceCreator } from './types.ts';

export interface RfmSlice {
  /** The workspace this state belongs to; another one resets it. */
  rfmPath: string | null;
  rfmLoading: boolean;
  rfmLoadError: string | null;
  /** The settings stored in the workspace (null until loaded). */
  rfmSaved: RfmSettings | null;
  /** The settings being edited; equal to rfmSaved when nothing is changed. */
  rfmDraft: RfmSettings | null;
  rfmSummary: RfmSummary | null;
  /** rfmKey of the settings the summary was computed with. */
  rfmSummaryKey: string | null;
  rfmJob: LongJob | null;
  rfmError: JobFailure | null;
  /** Core's invalid-args issues for the draft, at their fields. */
  rfmIssues: RfmProblem[];
  rfmSaving: boolean;
  rfmSaveError: string | null;
  /** A group the grid highlights (hovered or focused in the legend or the table). */
  rfmHighlight: string | null;

  enterRfm(): Promise<void>;
  editRfm(change: (s: RfmSettings) => RfmSettings): void;
  /** Runs the summary of the draft now (after a failure or a cancel). */
  refreshRfmSummary(): void;
  cancelRfmSummary(): void;
  saveRfm(): Promise<void>;
  revertRfm(): void;
  resetRfmToDefaults(): void;
  setRfmHighlight(groupId: string | null): void;
  /** Opens the rule builder with "in this RFM group" as a new segment's rule. */
  useRfmGroupAsSegment(groupId: string): void;
}

/** Pause after the last edit before the summary is asked for again. */
export const RFM_SUMMARY_DEBOUNCE_MS = 350;

function freshState() {
  return {
    rfmLoading: false,
    rfmLoadError: null,
    rfmSaved: null,
    rfmDraft: null,
    rfmSummary: null,
    rfmSummaryKey: null,
    rfmJob: null,
    rfmError: null,
    rfmIssues: [],
    rfmSaving: false,
    rfmSaveError: null,
    rfmHighlight: null,
  } satisfies Partial<RfmSlice>;
}

let summaryTimer: ReturnType<typeof setTimeout> | null = null;
let summaryAbort: AbortController | null = null;
/** Bumped when the workspace changes: answers for the previous one are dropped. */
let epoch = 0;

export const createRfmSlice: SliceCreator<RfmSlice> = (set, get, store) => {
  function stopSummary() {
    if (summaryTimer) clearTimeout(summaryTimer);
    summaryTimer = null;
    summaryAbort?.abort();
    summaryAbort = null;
  }

  function reset(path: string | null) {
    epoch++;
    stopSummary();
    set({ rfmPath: path, ...freshState() });
  }

  store.subscribe((s, prev) => {
    if (s.workspace?.path !== prev.workspace?.path && get().rfmPath !== null) reset(null);
  });

  async function runSummary() {
    summaryTimer = null;
    const settings = get().rfmDraft;
    if (!settings || rfmProblems(settings).length > 0) return;
    summaryAbort?.abort();
    const abort = new AbortController();
    summaryAbort = abort;
    const e = epoch;
    const key = rfmKey(settings);
    set({ rfmJob: { progress: null, startedAt: Date.now(), cancelling: false }, rfmError: null });
    try {
      const summary = await api.send('rfm-summary', { settings }, {
        signal: abort.signal,
        onProgress: (progress) => {
          const job = get().rfmJob;
          if (job && summaryAbort === abort) set({ rfmJob: { ...job, progress } });
        },
      });
      if (abort.signal.aborted || e !== epoch) return;
      set({ rfmSummary: summary, rfmSummaryKey: key, rfmJob: null, rfmIssues: [] });
    } catch (err) {
      if (e !== epoch || summaryAbort !== abort) return;
      if (abort.signal.aborted || isCancelled(err)) set({ rfmJob: null });
      else if (isConnectionError(err)) {
        set({ rfmJob: null });
        get().reportError(err);
      } else {
        set({ rfmJob: null, rfmError: jobFailure(err), rfmIssues: err instanceof ApiError && err.code === 'invalid-args' ? problemsFromIssues(err.issues) : [] });
      }
    } finally {
      if (summaryAbort === abort) summaryAbort = null;
    }
  }

  function scheduleSummary(delay: number) {
    if (summaryTimer) clearTimeout(summaryTimer);
    summaryTimer = null;
    const draft = get().rfmDraft;
    if (!draft) return;
    // The draft as it stands cannot be counted (or is what is shown already): stop what runs.
    if (rfmProblems(draft).length > 0 || (get().rfmSummaryKey === rfmKey(draft) && !get().rfmError)) {
      summaryAbort?.abort();
      summaryAbort = null;
      set({ rfmJob: null });
      return;
    }
    summaryTimer = setTimeout(() => void runSummary(), delay);
  }

  function setDraft(draft: RfmSettings) {
    set({ rfmDraft: draft, rfmIssues: [], rfmSaveError: null, rfmError: null });
    scheduleSummary(RFM_SUMMARY_DEBOUNCE_MS);
  }

  return {
    rfmPath: null,
    ...freshState(),

    async enterRfm() {
      const ws = get().workspace;
      if (!ws) return;
      if (get().rfmPath !== ws.path) reset(ws.path);
      const e = epoch;
      set({ rfmLoading: get().rfmSaved === null, rfmLoadError: null });
      try {
        const saved = await api.send('rfm-settings-get', {});
        if (e !== epoch) return;
        const { rfmDraft: draft, rfmSaved: before } = get();
        // Edits not saved yet are kept; otherwise the draft follows what is stored.
        const keepDraft = draft !== null && before !== null && !sameRfm(draft, before);
        set({ rfmSaved: saved, rfmDraft: keepDraft ? draft : saved, rfmLoading: false });
        // New data changes the counts even for the same settings: always count again on entering.
        set({ rfmSummaryKey: null });
        scheduleSummary(0);
      } catch (err) {
        if (e !== epoch) return;
        set({ rfmLoading: false, rfmLoadError: errorMessage(err) });
        if (isConnectionError(err)) get().reportError(err);
      }
    },

    editRfm(change) {
      const draft = get().rfmDraft;
      if (!draft) return;
      const next = change(draft);
      if (next === draft) return;
      setDraft(next);
    },

    refreshRfmSummary() {
      if (summaryTimer) clearTimeout(summaryTimer);
      summaryTimer = null;
      void runSummary();
    },

    cancelRfmSummary() {
      const job = get().rfmJob;
      if (!job || job.cancelling) return;
      set({ rfmJob: { ...job, cancelling: true } });
      summaryAbort?.abort();
    },

    async saveRfm() {
      const { rfmDraft: draft, rfmSaving, rfmSaved } = get();
      if (!draft || rfmSaving) return;
      const settings = finalizeGroupIds(draft, new Set(rfmSaved?.groups.map((g) => g.id) ?? []));
      const problems = rfmProblems(settings);
      if (problems.length > 0) {
        set({ rfmSaveError: 'Fix the marked fields first.' });
        return;
      }
      const e = epoch;
      set({ rfmSaving: true, rfmSaveError: null });
      try {
        const saved = await api.send('rfm-settings-save', { settings });
        if (e !== epoch) return;
        const untouched = sameRfm(get().rfmDraft, draft);
        set({ rfmSaved: saved, rfmSaving: false, ...(untouched ? { rfmDraft: saved } : {}) });
        get().toast({ kind: 'success', title: 'RFM settings saved', message: 'Rules and comparisons that use RFM groups now use these.' });
      } catch (err) {
        if (e !== epoch) return;
        set({
          rfmSaving: false,
          rfmSaveError: errorMessage(err),
          rfmIssues: err instanceof ApiError && err.code === 'invalid-args' ? problemsFromIssues(err.issues) : [],
        });
        if (isConnectionError(err) || errorCode(err) === 'no-workspace-open') get().reportError(err);
      }
    },

    revertRfm() {
      const saved = get().rfmSaved;
      if (saved && !sameRfm(saved, get().rfmDraft)) setDraft(saved);
    },

    resetRfmToDefaults() {
      const defaults = defaultRfmSettings();
      if (!sameRfm(defaults, get().rfmDraft)) setDraft(defaults);
    },

    setRfmHighlight(groupId) {
      if (get().rfmHighlight !== groupId) set({ rfmHighlight: groupId });
    },

    useRfmGroupAsSegment(groupId) {
      const saved = get().rfmSaved;
      const group = saved?.groups.find((g) => g.id === groupId);
      const name = group?.name ?? (groupId === 'other' ? 'Other' : groupId);
      const where = group ? ` (R ${range(group.r)}, FM ${range(group.fm)})` : '';
      get().openRuleDraft({
        name: `RFM: ${name}`,
        description: `Customers in the RFM group "${name}"${where}, with the workspace's RFM settings as of the evaluation date.`,
        rule: rfmSegmentRule(groupId),
      });
    },
  };
};

function range([a, b]: readonly number[]): string {
  return a === b ? String(a) : `${a}–${b}`;
}
