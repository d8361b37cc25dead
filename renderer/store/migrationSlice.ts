// The Migration view: which segmentation, over which dates (start, end, step); the run (a long job
// with progress and Cancel; the last result stays on screen while a new one is computed); the pair
// of dates on screen (Sankey or matrix) and the area chart's measure; the movers between that pair,
// optionally one flow (paged, the first page slow), and their export as CSV.
//
// Jobs keep running while the analyst switches views; their AbortControllers live in this module.
// Answers for another workspace (epoch) are dropped; new data drops the result.
import type { MigrationSeries, SegmentationOption, SegmentationRef } from '../../core/api/contract.ts';
import { ApiError } from '../../core/api/contract.ts';
import { api } from '../api/client.ts';
import { errorMessage, isCancelled, isConnectionError } from '../lib/errors.ts';
import { dirName } from '../lib/paths.ts';
import { refKey, stillAvailable } from '../lib/segmentationOptions.ts';
import type { AreaMeasure } from '../charts/migration-area/buildAreaOption.ts';
import { defaultSeries, fitStart, seriesDays, seriesProblem, type DateStep } from '../views/migration/dateSeries.ts';
import {
  defaultPair,
  defaultRef,
  expectedMovers,
  findTransition,
  keepFilter,
  keepPair,
  moversFileName,
  NO_FILTER,
  pairWithDay,
  sameFilter,
  type DayPair,
  type FlowFilter,
} from '../views/migration/migrationText.ts';
import { MigrationMoverRows, moverArgs, moverQueryKey, type MoverQuery } from '../views/migration/moverRows.ts';
import { jobFailure, type JobFailure, type LongJob } from './signalsSlice.ts';
import { createExportWriter, idleExport, type SaveFileExport } from './saveFileExport.ts';
import type { SliceCreator } from './types.ts';

export interface MigrationDraft {
  ref: SegmentationRef | null;
  start: string;
  end: string;
  step: DateStep;
  /** False while start and end follow the default (the last twelve months of data). */
  datesEdited: boolean;
}

/** A failed run; issues carry the fields core refused ("ref", "days"...). */
export interface MigrationFailure extends JobFailure {
  issues: Array<{ field: string; message: string }>;
}

export type PairView = 'sankey' | 'matrix';

export interface MigrationExportResult {
  path: string;
  rows: number;
  bytes: number;
}

export interface MigrationSlice {
  /** The workspace this state belongs to; another one resets it. */
  migrationPath: string | null;
  migrationOptions: SegmentationOption[] | null;
  migrationOptionsLoading: boolean;
  migrationOptionsError: string | null;
  migrationDraft: MigrationDraft;

  migrationJob: LongJob | null;
  migrationError: MigrationFailure | null;
  migrationResult: MigrationSeries | null;

  migrationMeasure: AreaMeasure;
  migrationPair: DayPair | null;
  migrationPairView: PairView;
  migrationFilter: FlowFilter;

  migrationMoverRows: MigrationMoverRows;
  migrationMoversTotal: number | null;
  /** Bumped when rows arrive or the query changes, so the table re-renders. */
  migrationMoversVersion: number;
  /** Bumped when the query changes: the table starts at the top. */
  migrationMoversQueryVersion: number;
  migrationMoversError: string | null;
  /** The first page of a pair: core computes both dates' signals. */
  migrationMoversJob: LongJob | null;
  /** The analyst cancelled loading the movers; they can load them again. */
  migrationMoversCancelled: boolean;

  migrationExport: SaveFileExport<MigrationExportResult>;

  /** Loads the segmentations on offer (again: models and saved segments come and go). */
  enterMigration(): Promise<void>;
  setMigrationRef(ref: SegmentationRef): void;
  setMigrationStart(day: string): void;
  setMigrationEnd(day: string): void;
  setMigrationStep(step: DateStep): void;
  /** Back to the last twelve months of data, monthly. */
  resetMigrationDates(): void;
  /** Moves the start so the series has at most 36 dates. */
  fitMigrationDates(): void;
  runMigration(): Promise<void>;
  cancelMigration(): void;

  setMigrationMeasure(measure: AreaMeasure): void;
  setMigrationPairView(view: PairView): void;
  setMigrationPair(pair: DayPair): void;
  /** A date clicked on the area chart: the nearer end of the pair moves there. */
  chooseMigrationDay(day: string): void;
  setMigrationFilter(filter: FlowFilter): void;

  requestMigrationMovers(start: number, end: number): void;
  retryMigrationMovers(): void;
  cancelMigrationMovers(): void;
  openMigrationCustomer(customerId: string): void;

  /** Asks where to save (the save dialog), then writes the movers on screen as CSV. */
  exportMigrationMovers(): Promise<void>;
  writeMigrationMovers(path: string, overwrite?: boolean): Promise<void>;
  cancelMigrationExport(): void;
  dismissMigrationReplace(): void;
}

const emptyDraft = (): MigrationDraft => ({ ref: null, start: '', end: '', step: 'monthly', datesEdited: false });

function freshState() {
  return {
    migrationOptions: null,
    migrationOptionsLoading: false,
    migrationOptionsError: null,
    migrationDraft: emptyDraft(),
    migrationJob: null,
    migrationError: null,
    migrationResult: null,
    migrationMeasure: 'counts' as AreaMeasure,
    migrationPair: null,
    migrationPairView: 'sankey' as PairView,
    migrationFilter: NO_FILTER,
    migrationMoversTotal: null,
    migrationMoversError: null,
    migrationMoversJob: null,
    migrationMoversCancelled: false,
    migrationExport: idleExport<MigrationExportResult>(),
  } satisfies Partial<MigrationSlice>;
}

export function migrationFailure(err: unknown): MigrationFailure {
  const issues = err instanceof ApiError && err.issues ? err.issues.map((i) => ({ field: i.path.split('.')[0] ?? '', message: i.message })) : [];
  return { ...jobFailure(err), issues };
}

/** Why the draft cannot run; null when it can. */
export function draftProblem(d: MigrationDraft, firstEventAt?: number | null): string | null {
  if (!d.ref) return 'Choose a segmentation to follow.';
  return seriesProblem(d, firstEventAt);
}

/** The draft's key and a result's: equal when the result is what the draft would compute. */
export function draftKey(d: MigrationDraft): string {
  return `${d.ref ? refKey(d.ref) : '-'}|${seriesDays(d.start, d.end, d.step).join(',')}`;
}

export function resultKey(r: MigrationSeries): string {
  return `${refKey(r.ref)}|${r.days.join(',')}`;
}

const sameDays = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((d, i) => d === b[i]);

let abort: AbortController | null = null;
/** Bumped when the workspace changes: answers for the previous one are dropped. */
let epoch = 0;
/** Bumped with every new result: the movers of the same pair are asked for again. */
let resultSerial = 0;
/** The last file written, for the next save dialog's folder (kept across workspaces: exports live elsewhere). */
let lastExportPath: string | null = null;

export const createMigrationSlice: SliceCreator<MigrationSlice> = (set, get, store) => {
  let moversAbort = new AbortController();
  /** A page of the current movers query has arrived: later pages are quick, no progress shown. */
  let moversLoaded = false;
  let moversKey: string | null = null;
  const exporter = createExportWriter<MigrationExportResult>({
    read: () => get().migrationExport,
    write: (patch) => set((s) => ({ migrationExport: { ...s.migrationExport, ...patch } })),
    reportError: (err) => get().reportError(err),
  });

  const rows = new MigrationMoverRows(
    (args) => {
      const controller = moversAbort;
      if (!moversLoaded && !get().migrationMoversJob) set({ migrationMoversJob: { progress: null, startedAt: Date.now(), cancelling: false }, migrationMoversCancelled: false });
      return api.send('migration-movers', args, {
        signal: controller.signal,
        onProgress: (progress) => {
          const job = get().migrationMoversJob;
          if (job && controller === moversAbort) set({ migrationMoversJob: { ...job, progress } });
        },
      });
    },
    {
      onRows: (total) => {
        moversLoaded = true;
        set((s) => ({ migrationMoversTotal: total, migrationMoversVersion: s.migrationMoversVersion + 1, migrationMoversError: null, migrationMoversJob: null }));
      },
      onError: (err) => {
        if (isCancelled(err)) {
          set({ migrationMoversJob: null, migrationMoversCancelled: true });
          return;
        }
        set({ migrationMoversJob: null });
        if (isConnectionError(err)) return get().reportError(err);
        set({ migrationMoversError: errorMessage(err) });
      },
    },
  );

  function currentMoverQuery(): MoverQuery | null {
    const s = get();
    const r = s.migrationResult;
    const pair = s.migrationPair;
    if (!r || !pair || !findTransition(r, pair)) return null;
    return { ref: r.ref, from: pair.from, to: pair.to, ...s.migrationFilter };
  }

  /** Points the movers table at the pair and flow on screen. */
  function syncMovers() {
    const s = get();
    const query = currentMoverQuery();
    const key = query ? `${resultSerial}|${moverQueryKey(query)}` : null;
    if (key === moversKey) return;
    moversKey = key;
    moversAbort.abort();
    moversAbort = new AbortController();
    moversLoaded = false;
    const t = query && s.migrationResult ? findTransition(s.migrationResult, s.migrationPair) : null;
    const expected = t && s.migrationResult ? expectedMovers(t, s.migrationResult.segments, s.migrationFilter) : null;
    set((st) => ({
      migrationMoversJob: null,
      migrationMoversCancelled: false,
      migrationMoversError: null,
      migrationMoversTotal: expected,
      migrationMoversVersion: st.migrationMoversVersion + 1,
      migrationMoversQueryVersion: st.migrationMoversQueryVersion + 1,
      migrationExport: { ...st.migrationExport, result: null, error: null },
    }));
    // No movers to list: core is not asked (the first page would compute two dates' signals for nothing).
    rows.setQuery(expected ? query : null);
  }

  function reset(path: string | null) {
    epoch++;
    abort?.abort();
    abort = null;
    exporter.reset();
    set({ migrationPath: path, ...freshState() });
    syncMovers();
  }

  function withDefaults(draft: MigrationDraft, options: SegmentationOption[]): MigrationDraft {
    const ref = stillAvailable(draft.ref, options) ?? defaultRef(options);
    if (draft.datesEdited) return { ...draft, ref };
    const ws = get().workspace;
    const range = defaultSeries(ws?.firstEventAt, ws?.lastEventAt);
    return range ? { ...draft, ref, start: range.start, end: range.end, step: draft.start ? draft.step : range.step } : { ...draft, ref };
  }

  function editDraft(change: (d: MigrationDraft) => MigrationDraft) {
    const d = get().migrationDraft;
    const next = change(d);
    if (next === d) return;
    set({ migrationDraft: next, migrationError: null });
  }

  store.subscribe((s, prev) => {
    if (s.workspace?.path !== prev.workspace?.path && get().migrationPath !== null) reset(null);
    else if (s.workspace && prev.workspace && (s.workspace.events !== prev.workspace.events || s.workspace.imports !== prev.workspace.imports) && get().migrationPath !== null) {
      // New data: the figures on screen no longer describe the workspace; the default dates move.
      abort?.abort();
      set((st) => ({ migrationResult: null, migrationPair: null, migrationFilter: NO_FILTER, migrationDraft: withDefaults(st.migrationDraft, st.migrationOptions ?? []) }));
      syncMovers();
      void get().enterMigration();
    }
  });

  return {
    migrationPath: null,
    ...freshState(),
    migrationMoverRows: rows,
    migrationMoversVersion: 0,
    migrationMoversQueryVersion: 0,

    async enterMigration() {
      const ws = get().workspace;
      if (!ws) return;
      if (get().migrationPath !== ws.path) reset(ws.path);
      const e = epoch;
      // The badges beside segment names.
      get().ensureDecisions();
      set({ migrationOptionsLoading: get().migrationOptions === null, migrationOptionsError: null });
      try {
        const options = await api.send('segmentations-list', {});
        if (e !== epoch) return;
        set((s) => ({ migrationOptions: options, migrationOptionsLoading: false, migrationDraft: withDefaults(s.migrationDraft, options) }));
      } catch (err) {
        if (e !== epoch) return;
        set({ migrationOptionsLoading: false, migrationOptionsError: errorMessage(err) });
        if (isConnectionError(err)) get().reportError(err);
      }
    },

    setMigrationRef(ref) {
      editDraft((d) => (d.ref && refKey(d.ref) === refKey(ref) ? d : { ...d, ref }));
    },

    setMigrationStart(day) {
      editDraft((d) => (d.start === day ? d : { ...d, start: day, datesEdited: true }));
    },

    setMigrationEnd(day) {
      editDraft((d) => (d.end === day ? d : { ...d, end: day, datesEdited: true }));
    },

    setMigrationStep(step) {
      editDraft((d) => (d.step === step ? d : { ...d, step }));
    },

    resetMigrationDates() {
      const ws = get().workspace;
      const range = defaultSeries(ws?.firstEventAt, ws?.lastEventAt);
      if (range) editDraft((d) => ({ ...d, ...range, datesEdited: false }));
    },

    fitMigrationDates() {
      editDraft((d) => {
        const start = fitStart(d.end, d.step);
        return start && start !== d.start ? { ...d, start, datesEdited: true } : d;
      });
    },

    async runMigration() {
      if (get().migrationJob) return;
      const draft = get().migrationDraft;
      const problem = draftProblem(draft, get().workspace?.firstEventAt);
      if (problem) {
        set({ migrationError: { code: 'invalid-args', message: problem, issues: [] } });
        return;
      }
      abort?.abort();
      const controller = new AbortController();
      abort = controller;
      const e = epoch;
      set({ migrationJob: { progress: null, startedAt: Date.now(), cancelling: false }, migrationError: null });
      try {
        const result = await api.send(
          'migration-run',
          { ref: draft.ref!, days: seriesDays(draft.start, draft.end, draft.step) },
          {
            signal: controller.signal,
            onProgress: (progress) => {
              const job = get().migrationJob;
              if (job && e === epoch && abort === controller) set({ migrationJob: { ...job, progress } });
            },
          },
        );
        if (controller.signal.aborted) throw new DOMException('Cancelled', 'AbortError');
        if (e !== epoch) return;
        resultSerial++;
        set((s) => {
          const prev = s.migrationResult;
          const same = prev !== null && refKey(prev.ref) === refKey(result.ref) && prev.label === result.label;
          return {
            migrationJob: null,
            migrationResult: result,
            migrationPair: prev && sameDays(prev.days, result.days) ? keepPair(s.migrationPair, result.days) : defaultPair(result.days),
            migrationFilter: same ? keepFilter(s.migrationFilter, result.segments) : NO_FILTER,
          };
        });
        syncMovers();
      } catch (err) {
        if (e !== epoch) return;
        if (controller.signal.aborted || isCancelled(err)) set({ migrationJob: null });
        else if (isConnectionError(err)) {
          set({ migrationJob: null });
          get().reportError(err);
        } else set({ migrationJob: null, migrationError: migrationFailure(err) });
      } finally {
        if (abort === controller) abort = null;
      }
    },

    cancelMigration() {
      const job = get().migrationJob;
      if (!job || job.cancelling) return;
      set({ migrationJob: { ...job, cancelling: true } });
      abort?.abort();
    },

    setMigrationMeasure: (measure) => set({ migrationMeasure: measure }),
    setMigrationPairView: (view) => set({ migrationPairView: view }),

    setMigrationPair(pair) {
      const r = get().migrationResult;
      const cur = get().migrationPair;
      if (!r || !findTransition(r, pair) || (cur && cur.from === pair.from && cur.to === pair.to)) return;
      set({ migrationPair: pair });
      syncMovers();
    },

    chooseMigrationDay(day) {
      const r = get().migrationResult;
      const pair = get().migrationPair;
      if (!r || !pair) return;
      get().setMigrationPair(pairWithDay(pair, day, r.days));
    },

    setMigrationFilter(filter) {
      if (sameFilter(filter, get().migrationFilter)) return;
      set({ migrationFilter: filter });
      syncMovers();
    },

    requestMigrationMovers: (start, end) => rows.request(start, end),

    retryMigrationMovers() {
      moversAbort = new AbortController();
      set({ migrationMoversError: null, migrationMoversCancelled: false });
      rows.retry();
    },

    cancelMigrationMovers() {
      const job = get().migrationMoversJob;
      if (!job || job.cancelling) return;
      set({ migrationMoversJob: { ...job, cancelling: true } });
      moversAbort.abort();
    },

    openMigrationCustomer(customerId) {
      get().setDataTab('customers');
      get().setView('data');
      void get().openCustomer(customerId);
    },

    async exportMigrationMovers() {
      const query = currentMoverQuery();
      const ws = get().workspace;
      if (!query || !ws || get().migrationExport.job) return;
      const last = get().migrationExport.result?.path ?? lastExportPath;
      const dir = dirName(last ?? ws.path);
      const chosen = await get().pickSavePath({
        title: 'Export the movers as CSV',
        suggestedName: moversFileName(query.ref, query, query),
        extension: 'csv',
        ...(dir ? { dir } : {}),
      });
      if (!chosen) return;
      await get().writeMigrationMovers(chosen);
    },

    async writeMigrationMovers(path, overwrite = false) {
      const query = currentMoverQuery();
      if (!query) return;
      const result = await exporter.write(path, overwrite, (args, options) => api.send('migration-movers-export', { ...moverArgs(query), ...args }, options));
      if (!result) return;
      lastExportPath = result.path;
      get().toast({ kind: 'success', title: 'Movers exported', message: `${result.rows.toLocaleString('en-US')} customers written to ${result.path}.` });
    },

    cancelMigrationExport: () => exporter.cancel(),
    dismissMigrationReplace: () => exporter.dismissReplace(),
  };
};
