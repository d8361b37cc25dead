// The Economics view: which segmentation, as of which date and with which outcome window; the
// economics table of it (a long job with progress and Cancel); the table's sort and the selected
// segment; decisions taken on a segment (saved with core, patched into the table and the app-wide
// decisions) and its history; the workspace's economics settings; the exclusion list export.
//
// Every change of segmentation, date or window runs the table again and aborts the run in flight;
// only the newest run's answer is shown. Answers for another workspace are dropped, and new data
// drops the table.
import {
  ApiError,
  decisionIdentity,
  decisionKey,
  type Decision,
  type EconomicsSettings,
  type EconomicsTable,
  type ExclusionExport,
  type SegmentationOption,
  type SegmentationRef,
  type SegmentDecision,
} from '../../core/api/contract.ts';
import { api } from '../api/client.ts';
import { errorMessage, isCancelled, isConnectionError } from '../lib/errors.ts';
import { isIsoDay } from '../lib/isoDay.ts';
import { refKey, stillAvailable } from '../lib/segmentationOptions.ts';
import { DEFAULT_SORT, earlierAsOf, nextEconomicsSort, type EconomicsColumn, type EconomicsSort } from '../views/economics/economicsText.ts';
import { jobFailure, type JobFailure, type LongJob } from './signalsSlice.ts';
import { createExportWriter, idleExport, type SaveFileExport } from './saveFileExport.ts';
import type { SliceCreator } from './types.ts';

export interface EconomicsDraft {
  ref: SegmentationRef | null;
  /** '' = the session's signals date (core's default). */
  asOf: string;
  outcomeDays: number;
}

/** A refused request; issues carry the fields core named ("asOf", "rationale", "margin"...). */
export interface EconomicsFailure extends JobFailure {
  issues: Array<{ field: string; message: string }>;
}

export interface EconomicsHistory {
  /** decisionKey of the segment. */
  id: string;
  items: SegmentDecision[] | null;
  error: string | null;
}

export interface EconomicsSlice {
  economicsPath: string | null;
  economicsOptions: SegmentationOption[] | null;
  economicsLoading: boolean;
  economicsLoadError: string | null;
  economicsDraft: EconomicsDraft;

  economicsJob: LongJob | null;
  economicsError: EconomicsFailure | null;
  economicsTable: EconomicsTable | null;
  /** economicsKey of the draft the table was computed for. */
  economicsTableKey: string | null;
  economicsSort: EconomicsSort;
  economicsSelected: string | null;

  economicsSettings: EconomicsSettings | null;
  economicsSettingsSaving: boolean;
  economicsSettingsError: EconomicsFailure | null;
  economicsMarginColumns: Array<{ key: string; rows: number }> | null;
  economicsMarginColumnsError: string | null;

  economicsDecisionSaving: boolean;
  economicsDecisionError: EconomicsFailure | null;
  economicsHistory: EconomicsHistory | null;

  economicsExportPath: string;
  economicsExport: SaveFileExport<ExclusionExport>;

  enterEconomics(): Promise<void>;
  setEconomicsRef(ref: SegmentationRef): void;
  /** A day, or '' for the session's signals date; the table follows after a short pause. */
  setEconomicsAsOf(day: string): void;
  setEconomicsOutcomeDays(days: number): void;
  /** The date whose outcome window ends on the newest data: conversion can be observed. */
  useEarlierEconomicsDate(): void;
  runEconomics(): Promise<void>;
  cancelEconomics(): void;
  sortEconomics(column: EconomicsColumn): void;
  selectEconomicsSegment(key: string | null): void;
  loadEconomicsHistory(key: string): Promise<void>;
  /** Saves a decision (null withdraws it) on a segment of the table; false when core refused. */
  saveEconomicsDecision(key: string, decision: Decision | null, rationale: string): Promise<boolean>;
  clearEconomicsDecisionError(): void;
  loadEconomicsMarginColumns(): Promise<void>;
  /** Saves the settings and runs the table again; false when core refused. */
  saveEconomicsSettings(settings: EconomicsSettings): Promise<boolean>;
  clearEconomicsSettingsError(): void;
  exportExclusions(path: string, overwrite?: boolean): Promise<void>;
  cancelExclusionsExport(): void;
  dismissExclusionsReplace(): void;
  dismissExclusionsResult(): void;
}

export const ECONOMICS_OUTCOME_DAYS = 30;
export const ECONOMICS_OUTCOME_DAYS_MAX = 365;
/** Pause after a date edit before the table is asked for (typing a date changes it digit by digit). */
export const ECONOMICS_DATE_DELAY_MS = 400;

const emptyDraft = (): EconomicsDraft => ({ ref: null, asOf: '', outcomeDays: ECONOMICS_OUTCOME_DAYS });

function freshState() {
  return {
    economicsOptions: null,
    economicsLoading: false,
    economicsLoadError: null,
    economicsDraft: emptyDraft(),
    economicsJob: null,
    economicsError: null,
    economicsTable: null,
    economicsTableKey: null,
    economicsSort: DEFAULT_SORT,
    economicsSelected: null,
    economicsSettings: null,
    economicsSettingsSaving: false,
    economicsSettingsError: null,
    economicsMarginColumns: null,
    economicsMarginColumnsError: null,
    economicsDecisionSaving: false,
    economicsDecisionError: null,
    economicsHistory: null,
    economicsExportPath: '',
    economicsExport: idleExport<ExclusionExport>(),
  } satisfies Partial<EconomicsSlice>;
}

/** Fields of core's issues, without the wrapper object's name ("settings.margin" → "margin"). */
export function economicsFailure(err: unknown, wrapper?: string): EconomicsFailure {
  const strip = (path: string) => {
    const parts = path.split('.');
    if (wrapper && parts[0] === wrapper) parts.shift();
    return parts[0] ?? '';
  };
  const issues = err instanceof ApiError && err.issues ? err.issues.map((i) => ({ field: strip(i.path), message: i.message })) : [];
  return { ...jobFailure(err), issues };
}

export function economicsKey(d: EconomicsDraft): string {
  return [d.ref ? refKey(d.ref) : '-', d.asOf || 'default', d.outcomeDays].join('|');
}

/** The segmentation offered first: clusters when a model exists, else RFM, else the first available. */
export function defaultEconomicsRef(options: readonly SegmentationOption[]): SegmentationRef | null {
  const available = options.filter((o) => o.available);
  return (available.find((o) => o.ref.kind === 'clusters') ?? available.find((o) => o.ref.kind === 'rfm') ?? available[0])?.ref ?? null;
}

/** Why the draft cannot run; null when it can. */
export function economicsProblem(d: EconomicsDraft): string | null {
  if (!d.ref) return 'Choose a segmentation.';
  if (d.asOf !== '' && !isIsoDay(d.asOf)) return 'The as-of date must be a date (YYYY-MM-DD).';
  if (!Number.isInteger(d.outcomeDays) || d.outcomeDays < 1 || d.outcomeDays > ECONOMICS_OUTCOME_DAYS_MAX) return `The outcome window must be 1 to ${ECONOMICS_OUTCOME_DAYS_MAX} days.`;
  return null;
}

/** The table with every row of the decided segment carrying the new decision. */
export function withDecision(t: EconomicsTable, saved: SegmentDecision): EconomicsTable {
  const id = decisionKey(saved);
  let changed = false;
  const segments = t.segments.map((row) => {
    if (decisionKey(decisionIdentity(t.ref, row.key)) !== id) return row;
    changed = true;
    return { ...row, decision: saved.decision === null ? null : saved };
  });
  return changed ? { ...t, segments } : t;
}

let runAbort: AbortController | null = null;
let runTimer: ReturnType<typeof setTimeout> | null = null;
/** Bumped when the workspace changes: answers for the previous one are dropped. */
let epoch = 0;

export const createEconomicsSlice: SliceCreator<EconomicsSlice> = (set, get, store) => {
  const exporter = createExportWriter<ExclusionExport>({
    read: () => get().economicsExport,
    write: (patch) => set((s) => ({ economicsExport: { ...s.economicsExport, ...patch } })),
    reportError: (err) => get().reportError(err),
  });

  function stopRun() {
    if (runTimer) clearTimeout(runTimer);
    runTimer = null;
    runAbort?.abort();
    runAbort = null;
  }

  function reset(path: string | null) {
    epoch++;
    stopRun();
    exporter.reset();
    set({ economicsPath: path, ...freshState() });
  }

  function editDraft(change: (d: EconomicsDraft) => EconomicsDraft, delay = 0) {
    const d = get().economicsDraft;
    const next = change(d);
    if (next === d || economicsKey(next) === economicsKey(d)) return;
    set({ economicsDraft: next, economicsError: null });
    if (runTimer) clearTimeout(runTimer);
    runTimer = null;
    if (economicsProblem(next)) {
      // Nothing to ask for as it stands: the run in flight answers a draft that is gone.
      runAbort?.abort();
      return;
    }
    if (delay > 0) runTimer = setTimeout(() => void get().runEconomics(), delay);
    else void get().runEconomics();
  }

  store.subscribe((s, prev) => {
    if (s.workspace?.path !== prev.workspace?.path && get().economicsPath !== null) reset(null);
    else if (s.workspace && prev.workspace && (s.workspace.events !== prev.workspace.events || s.workspace.imports !== prev.workspace.imports) && get().economicsPath !== null) {
      // New data: the figures on screen no longer describe the workspace (the view enters again).
      stopRun();
      set({ economicsTable: null, economicsTableKey: null, economicsJob: null, economicsHistory: null });
    }
  });

  return {
    economicsPath: null,
    ...freshState(),

    async enterEconomics() {
      const ws = get().workspace;
      if (!ws) return;
      if (get().economicsPath !== ws.path) reset(ws.path);
      const e = epoch;
      get().ensureDecisions();
      set({ economicsLoading: get().economicsOptions === null, economicsLoadError: null });
      let options: SegmentationOption[];
      let settings: EconomicsSettings;
      try {
        [options, settings] = await Promise.all([api.send('segmentations-list', {}), api.send('economics-settings-get', {})]);
      } catch (err) {
        if (e !== epoch) return;
        set({ economicsLoading: false, economicsLoadError: errorMessage(err) });
        if (isConnectionError(err)) get().reportError(err);
        return;
      }
      if (e !== epoch) return;
      const before = get().economicsOptions;
      const draft = get().economicsDraft;
      const ref = stillAvailable(draft.ref, options) ?? defaultEconomicsRef(options);
      set({ economicsOptions: options, economicsSettings: settings, economicsLoading: false, economicsDraft: { ...draft, ref } });
      // Segmentations come and go (a new model, saved segments): their figures change with them.
      const offerChanged = before !== null && JSON.stringify(before) !== JSON.stringify(options);
      if (ref && !get().economicsJob && (get().economicsTable === null || offerChanged || economicsKey(get().economicsDraft) !== get().economicsTableKey)) void get().runEconomics();
    },

    setEconomicsRef(ref) {
      editDraft((d) => (d.ref && refKey(d.ref) === refKey(ref) ? d : { ...d, ref }));
    },

    setEconomicsAsOf(day) {
      editDraft((d) => ({ ...d, asOf: day }), ECONOMICS_DATE_DELAY_MS);
    },

    setEconomicsOutcomeDays(days) {
      editDraft((d) => ({ ...d, outcomeDays: days }));
    },

    useEarlierEconomicsDate() {
      const day = earlierAsOf(get().workspace?.lastEventAt, get().economicsDraft.outcomeDays);
      if (day) editDraft((d) => ({ ...d, asOf: day }));
    },

    async runEconomics() {
      if (runTimer) clearTimeout(runTimer);
      runTimer = null;
      const draft = get().economicsDraft;
      const problem = economicsProblem(draft);
      if (problem) {
        set({ economicsError: { code: 'invalid-args', message: problem, issues: [] } });
        return;
      }
      runAbort?.abort();
      const controller = new AbortController();
      runAbort = controller;
      const e = epoch;
      const key = economicsKey(draft);
      set({ economicsJob: { progress: null, startedAt: Date.now(), cancelling: false }, economicsError: null });
      try {
        const table = await api.send(
          'economics-table',
          { ref: draft.ref!, outcomeDays: draft.outcomeDays, ...(draft.asOf ? { asOf: draft.asOf } : {}) },
          {
            signal: controller.signal,
            onProgress: (progress) => {
              const job = get().economicsJob;
              if (job && runAbort === controller) set({ economicsJob: { ...job, progress } });
            },
          },
        );
        if (runAbort !== controller || e !== epoch) return;
        if (controller.signal.aborted) {
          set({ economicsJob: null });
          return;
        }
        const prev = get().economicsTable;
        const sameSegmentation = prev !== null && refKey(prev.ref) === refKey(table.ref) && prev.label === table.label;
        const selected = get().economicsSelected;
        const keep = sameSegmentation && selected !== null && table.segments.some((s) => s.key === selected) ? selected : null;
        set({ economicsTable: table, economicsTableKey: key, economicsJob: null, economicsSelected: keep, ...(keep ? {} : { economicsHistory: null }) });
      } catch (err) {
        if (runAbort !== controller || e !== epoch) return;
        if (controller.signal.aborted || isCancelled(err)) set({ economicsJob: null });
        else if (isConnectionError(err)) {
          set({ economicsJob: null });
          get().reportError(err);
        } else set({ economicsJob: null, economicsError: economicsFailure(err) });
      } finally {
        if (runAbort === controller) runAbort = null;
      }
    },

    cancelEconomics() {
      const job = get().economicsJob;
      if (!job || job.cancelling) return;
      set({ economicsJob: { ...job, cancelling: true } });
      runAbort?.abort();
    },

    sortEconomics(column) {
      set((s) => ({ economicsSort: nextEconomicsSort(s.economicsSort, column) }));
    },

    selectEconomicsSegment(key) {
      if (get().economicsSelected === key) return;
      set({ economicsSelected: key, economicsDecisionError: null, economicsHistory: null });
      if (key !== null) void get().loadEconomicsHistory(key);
    },

    async loadEconomicsHistory(key) {
      const t = get().economicsTable;
      if (!t) return;
      const identity = decisionIdentity(t.ref, key);
      const id = decisionKey(identity);
      const e = epoch;
      set({ economicsHistory: { id, items: null, error: null } });
      try {
        const items = await api.send('decision-history', identity);
        if (e !== epoch || get().economicsHistory?.id !== id) return;
        set({ economicsHistory: { id, items, error: null } });
      } catch (err) {
        if (e !== epoch || get().economicsHistory?.id !== id) return;
        set({ economicsHistory: { id, items: null, error: errorMessage(err) } });
        if (isConnectionError(err)) get().reportError(err);
      }
    },

    async saveEconomicsDecision(key, decision, rationale) {
      const t = get().economicsTable;
      const row = t?.segments.find((s) => s.key === key);
      if (!t || !row || get().economicsDecisionSaving) return false;
      const e = epoch;
      set({ economicsDecisionSaving: true, economicsDecisionError: null });
      try {
        const saved = await api.send('decision-save', { ref: t.ref, segmentKey: key, segmentName: row.name, decision, rationale: rationale.trim(), asOf: t.asOf });
        if (e !== epoch) return false;
        const current = get().economicsTable;
        const history = get().economicsHistory;
        set({
          economicsDecisionSaving: false,
          economicsTable: current ? withDecision(current, saved) : current,
          ...(history?.id === decisionKey(saved) ? { economicsHistory: { ...history, items: [saved, ...(history.items ?? [])] } } : {}),
        });
        get().applySavedDecision(saved);
        void get().loadDecisions();
        get().toast({
          kind: 'success',
          title: saved.decision === null ? 'Decision withdrawn' : 'Decision saved',
          message: saved.decision === null ? `${row.name} is undecided again.` : `${row.name}: ${saved.decision === 'dont-compete' ? 'don’t compete' : saved.decision}.`,
        });
        return true;
      } catch (err) {
        if (e !== epoch) return false;
        set({ economicsDecisionSaving: false, economicsDecisionError: economicsFailure(err) });
        if (isConnectionError(err)) get().reportError(err);
        return false;
      }
    },

    clearEconomicsDecisionError() {
      if (get().economicsDecisionError) set({ economicsDecisionError: null });
    },

    async loadEconomicsMarginColumns() {
      const e = epoch;
      set({ economicsMarginColumnsError: null });
      try {
        const columns = await api.send('economics-margin-columns', {});
        if (e !== epoch) return;
        set({ economicsMarginColumns: columns });
      } catch (err) {
        if (e !== epoch) return;
        set({ economicsMarginColumnsError: errorMessage(err) });
        if (isConnectionError(err)) get().reportError(err);
      }
    },

    async saveEconomicsSettings(settings) {
      if (get().economicsSettingsSaving) return false;
      const e = epoch;
      set({ economicsSettingsSaving: true, economicsSettingsError: null });
      try {
        const saved = await api.send('economics-settings-save', { settings });
        if (e !== epoch) return false;
        set({ economicsSettings: saved, economicsSettingsSaving: false });
        // Every figure but the counts depends on the settings.
        if (get().economicsDraft.ref) void get().runEconomics();
        return true;
      } catch (err) {
        if (e !== epoch) return false;
        set({ economicsSettingsSaving: false, economicsSettingsError: economicsFailure(err, 'settings') });
        if (isConnectionError(err)) get().reportError(err);
        return false;
      }
    },

    clearEconomicsSettingsError() {
      if (get().economicsSettingsError) set({ economicsSettingsError: null });
    },

    async exportExclusions(path, overwrite = false) {
      const target = path.trim();
      if (!target || get().economicsExport.job) return;
      // Shown with a failure, and where the next save dialog opens.
      set({ economicsExportPath: target });
      await exporter.write(target, overwrite, (args, options) => api.send('decisions-exclusions-export', args, options));
    },

    cancelExclusionsExport: () => exporter.cancel(),
    dismissExclusionsReplace: () => exporter.dismissReplace(),

    dismissExclusionsResult() {
      set((s) => ({ economicsExport: { ...s.economicsExport, result: null, error: null } }));
    },
  };
};
