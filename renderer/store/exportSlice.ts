// The Export view: which format is shown (membership CSV, JSON bundle, SQL views in two dialects,
// PMML of a cluster model, PMML Scorecard of the intent score), the as-of date all but the cluster
// model use, the membership options, a preview per format, writing each to a file the
// analyst chose, the diff of the current definitions against an earlier bundle, and importing a
// bundle (with the two questions core may ask: replace the saved segments? take a bundle built on
// other data?). The PMML card lists the stored cluster models (newest first, the newest chosen until
// the analyst picks another) and writes the chosen one. The SQL card previews the whole script for
// the dialect chosen (core refuses definitions SQL cannot re-run: export-unsupported, segment-cycle);
// the Scorecard card has no preview and writes the intent score at the date.
//
// Every call is a long job with progress and Cancel. A preview asked for again aborts the one in
// flight and only the newest answer is shown; answers for another workspace are dropped (epoch).
// A preview is made again when the view is entered (definitions may have changed elsewhere) and
// when its date or options change. An import replaces every definition: the other views start
// afresh when next shown, as they do for another workspace (see definitionsReplaced).
import {
  ApiError,
  type Bundle,
  type BundleDiff,
  type BundleExportResult,
  type BundleImportResult,
  type ClusterModelListItem,
  type PmmlExportResult,
  type ScorecardPmmlExportResult,
  type SendOptions,
  type SqlExportResult,
  type SqlPreview,
} from '../../core/api/contract.ts';
import { api } from '../api/client.ts';
import { errorCode, errorDetail, errorMessage, isCancelled, isConnectionError } from '../lib/errors.ts';
import { defaultAsOfDay, isIsoDay } from '../lib/isoDay.ts';
import { dirName } from '../lib/paths.ts';
import { bundleFileName, membershipFileName, pmmlFileName, scorecardFileName, sqlFileName } from '../views/export/exportText.ts';
import { createExportWriter, idleExport, type SaveFileExport } from './saveFileExport.ts';
import { jobFailure, type JobFailure, type LongJob } from './signalsSlice.ts';
import type { AppState, SliceCreator } from './types.ts';

export const EXPORT_FORMATS = ['membership', 'bundle', 'sql', 'pmml', 'scorecard'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The formats with a preview made by core (at the as-of date); PMML shows its models, the Scorecard nothing. */
export const PREVIEW_FORMATS = ['membership', 'bundle', 'sql'] as const;
export type PreviewFormat = (typeof PREVIEW_FORMATS)[number];
export const isPreviewFormat = (f: ExportFormat): f is PreviewFormat => (PREVIEW_FORMATS as readonly ExportFormat[]).includes(f);
/** The formats written at the as-of date (the cluster model's PMML is the model as fitted). */
export const DATED_FORMATS = ['membership', 'bundle', 'sql', 'scorecard'] as const;
export type DatedFormat = (typeof DATED_FORMATS)[number];
export const isDatedFormat = (f: ExportFormat): f is DatedFormat => f !== 'pmml';

export type SqlDialect = SqlPreview['dialect'];
export const SQL_DIALECTS: readonly SqlDialect[] = ['sqlite', 'postgres'];
/** Core's refusals of the SQL export that no retry changes: the definitions must change first. */
export const SQL_REFUSALS = ['export-unsupported', 'segment-cycle'] as const;
export const isSqlRefusal = (code: string | undefined): boolean => (SQL_REFUSALS as readonly string[]).includes(code ?? '');

export interface MembershipDraft {
  hashEmail: boolean;
  hashPhone: boolean;
  /** For phones written without one ("+44"); '' for none. */
  countryCode: string;
}

export interface MembershipPreview {
  header: string[];
  rows: Array<Array<string | number | null>>;
  customers: number;
  asOf: string;
}

export interface MembershipExportResult {
  path: string;
  rows: number;
  bytes: number;
  columns: string[];
  asOf: string;
}

/** A refused request; issues carry the fields core named ("asOf", "defaultCountryCode"). */
export interface ExportFailure extends JobFailure {
  issues: Array<{ field: string; message: string }>;
}

export interface PreviewState<T> {
  value: T | null;
  /** previewKey of the request `value` answers. */
  key: string | null;
  job: LongJob | null;
  error: ExportFailure | null;
}

export interface ExportPreviews {
  membership: PreviewState<MembershipPreview>;
  bundle: PreviewState<Bundle>;
  sql: PreviewState<SqlPreview>;
}

export interface BundleDiffState {
  /** The earlier bundle compared with the current definitions. */
  path: string | null;
  job: LongJob | null;
  result: BundleDiff | null;
  error: JobFailure | null;
}

/** The stored cluster models the PMML card offers (cluster-models), newest first. */
export interface PmmlModelsState {
  /** null until loaded. */
  list: ClusterModelListItem[] | null;
  loading: boolean;
  error: JobFailure | null;
}

/** A question core asked before importing: replace the saved segments, or take other data's bundle. */
export type ImportQuestion = { kind: 'replace'; segments: number; message: string } | { kind: 'different-data'; message: string };

export interface BundleImportState {
  path: string | null;
  replace: boolean;
  acceptDifferentData: boolean;
  job: LongJob | null;
  question: ImportQuestion | null;
  result: BundleImportResult | null;
  error: JobFailure | null;
  /** Cancelled after it may have written the definitions (the other views reload them anyway). */
  cancelled: boolean;
}

export interface ExportSlice {
  /** The workspace this state belongs to; another one resets it. */
  exportPath: string | null;
  exportFormat: ExportFormat;
  /** '' = core's default: the signals' date, the newest data when none were computed. */
  exportAsOf: string;
  exportMembershipDraft: MembershipDraft;
  exportSqlDialect: SqlDialect;
  /**
   * The day core evaluates at when none is given (the signals' date), as its last answer for the
   * default said; null before one. The Scorecard card shows it and names its file after it.
   */
  exportDefaultDay: string | null;
  exportPreviews: ExportPreviews;
  exportMembershipFile: SaveFileExport<MembershipExportResult>;
  exportBundleFile: SaveFileExport<BundleExportResult>;
  exportPmmlModels: PmmlModelsState;
  /** The model the analyst picked; null = the newest (also when the one picked is gone). */
  exportPmmlModelId: number | null;
  exportPmmlFile: SaveFileExport<PmmlExportResult>;
  exportSqlFile: SaveFileExport<SqlExportResult>;
  exportScorecardFile: SaveFileExport<ScorecardPmmlExportResult>;
  exportDiff: BundleDiffState;
  exportImport: BundleImportState;
  /** The folder of the last file chosen here (exports, bundles to compare or import). */
  exportDir: string | null;

  enterExport(): void;
  setExportFormat(format: ExportFormat): void;
  /** A day, or '' for the default date; the preview follows after a short pause. */
  setExportAsOf(day: string): void;
  setMembershipDraft(patch: Partial<MembershipDraft>): void;
  /** The preview of a format (the one shown by default); asked again only when stale unless forced. */
  runExportPreview(format?: ExportFormat, force?: boolean): Promise<void>;
  cancelExportPreview(format: ExportFormat): void;

  /** Asks where to save (default name membership-<asOf>.csv), then writes. */
  promptMembershipExport(): Promise<void>;
  exportMembership(path: string, overwrite?: boolean): Promise<void>;
  cancelMembershipExport(): void;
  dismissMembershipReplace(): void;

  /** Asks where to save (default name segments-<asOf>.bundle.json), then writes. */
  promptBundleExport(): Promise<void>;
  exportBundle(path: string, overwrite?: boolean): Promise<void>;
  cancelBundleExport(): void;
  dismissBundleReplace(): void;

  /** The SQL dialect; its preview follows. */
  setSqlDialect(dialect: SqlDialect): void;
  /** Asks where to save (default name segments-<asOf>.<dialect>.sql), then writes. */
  promptSqlExport(): Promise<void>;
  exportSql(path: string, overwrite?: boolean): Promise<void>;
  cancelSqlExport(): void;
  dismissSqlReplace(): void;

  /** Asks where to save (default name intent-score-<asOf>.pmml), then writes the Scorecard. */
  promptScorecardExport(): Promise<void>;
  exportScorecard(path: string, overwrite?: boolean): Promise<void>;
  cancelScorecardExport(): void;
  dismissScorecardReplace(): void;

  /** Lists the stored cluster models for the PMML card. */
  loadPmmlModels(): Promise<void>;
  setPmmlModel(modelId: number): void;
  /** Asks where to save (default name clusters-model-<id>.pmml), then writes the chosen model. */
  promptPmmlExport(): Promise<void>;
  exportPmml(path: string, overwrite?: boolean): Promise<void>;
  cancelPmmlExport(): void;
  dismissPmmlReplace(): void;

  /** Asks for an earlier bundle file, then compares it with the current definitions. */
  promptBundleDiff(): Promise<void>;
  compareBundle(path: string): Promise<void>;
  cancelBundleDiff(): void;
  clearBundleDiff(): void;

  /** Asks for a bundle file, then imports it (core may ask first; see exportImport.question). */
  promptBundleImport(): Promise<void>;
  importBundle(path: string): Promise<void>;
  /** Yes to core's question: replace the segments, or take the other data's definitions. */
  confirmBundleImport(): Promise<void>;
  dismissBundleImportQuestion(): void;
  cancelBundleImport(): void;
  clearBundleImport(): void;
}

export const PREVIEW_ROWS = 20;
/** Pause after a date or country-code edit before the preview is asked for. */
export const EXPORT_EDIT_DELAY_MS = 400;
export const COUNTRY_CODE = /^\+?\d{1,4}$/;

const idlePreview = <T>(): PreviewState<T> => ({ value: null, key: null, job: null, error: null });
const idlePreviews = (): ExportPreviews => ({ membership: idlePreview<MembershipPreview>(), bundle: idlePreview<Bundle>(), sql: idlePreview<SqlPreview>() });
const idleModels = (): PmmlModelsState => ({ list: null, loading: false, error: null });
const idleDiff = (): BundleDiffState => ({ path: null, job: null, result: null, error: null });
const idleImport = (): BundleImportState => ({ path: null, replace: false, acceptDifferentData: false, job: null, question: null, result: null, error: null, cancelled: false });
const startJob = (): LongJob => ({ progress: null, startedAt: Date.now(), cancelling: false });

function freshState() {
  return {
    exportFormat: 'membership' as ExportFormat,
    exportAsOf: '',
    exportMembershipDraft: { hashEmail: false, hashPhone: false, countryCode: '' },
    exportSqlDialect: 'sqlite' as SqlDialect,
    exportDefaultDay: null as string | null,
    exportPreviews: idlePreviews(),
    exportMembershipFile: idleExport<MembershipExportResult>(),
    exportBundleFile: idleExport<BundleExportResult>(),
    exportPmmlModels: idleModels(),
    exportPmmlModelId: null,
    exportPmmlFile: idleExport<PmmlExportResult>(),
    exportSqlFile: idleExport<SqlExportResult>(),
    exportScorecardFile: idleExport<ScorecardPmmlExportResult>(),
    exportDiff: idleDiff(),
    exportImport: idleImport(),
    exportDir: null,
  } satisfies Partial<ExportSlice>;
}

/** The membership options as core takes them (asOf and the country code only when they apply). */
export function membershipArgs(asOf: string, d: MembershipDraft) {
  const code = d.countryCode.trim();
  return { hashEmail: d.hashEmail, hashPhone: d.hashPhone, ...(asOf ? { asOf } : {}), ...(d.hashPhone && code ? { defaultCountryCode: code } : {}) };
}

/** Newest first (the highest id is the latest fit). */
export function newestFirst(models: readonly ClusterModelListItem[]): ClusterModelListItem[] {
  return [...models].sort((a, b) => b.modelId - a.modelId);
}

/** The model the PMML card writes: the one picked while it exists, else the newest; null with none. */
export function chosenPmmlModel(models: readonly ClusterModelListItem[] | null, picked: number | null): ClusterModelListItem | null {
  if (!models || models.length === 0) return null;
  return models.find((m) => m.modelId === picked) ?? newestFirst(models)[0]!;
}

/** What the options would be refused for, by field, before anything is sent. */
export function exportProblems(format: ExportFormat, asOf: string, d: MembershipDraft): ExportFailure['issues'] {
  const issues: ExportFailure['issues'] = [];
  if (asOf !== '' && !isIsoDay(asOf)) issues.push({ field: 'asOf', message: 'a date as YYYY-MM-DD' });
  if (format === 'membership' && d.hashPhone && d.countryCode.trim() !== '' && !COUNTRY_CODE.test(d.countryCode.trim())) {
    issues.push({ field: 'defaultCountryCode', message: 'a country code such as +44' });
  }
  return issues;
}

/** Core's issues by their top field ("defaultCountryCode"), with the message. */
export function exportFailure(err: unknown): ExportFailure {
  const issues = err instanceof ApiError && err.issues ? err.issues.map((i) => ({ field: i.path.split('.')[0] ?? '', message: i.message })) : [];
  return { ...jobFailure(err), issues };
}

/** The SQL preview's and export's arguments (the date only when one is chosen). */
export function sqlArgs(asOf: string, dialect: SqlDialect) {
  return { dialect, ...(asOf ? { asOf } : {}) };
}

/**
 * Which request a preview answers: the format's arguments and `seen` (bumped whenever the view is
 * entered or definitions are imported: a preview made before may no longer describe them).
 */
export function previewKey(format: PreviewFormat, asOf: string, d: MembershipDraft, seen: number, dialect: SqlDialect = 'sqlite'): string {
  const args = format === 'membership' ? membershipArgs(asOf, d) : format === 'sql' ? sqlArgs(asOf, dialect) : asOf ? { asOf } : {};
  return `${format}|${seen}|${JSON.stringify(args)}`;
}

/**
 * The slices that load per workspace and start afresh when their path is not the open
 * workspace's. After an import every definition they show (signals, weights, the cluster model,
 * RFM, segments, priority, decisions, economics settings) may have changed.
 */
const PER_WORKSPACE_PATHS = ['signalsPath', 'clustersPath', 'predictPath', 'rulesPath', 'rfmPath', 'priorityPath', 'comparePath', 'economicsPath', 'migrationPath'] as const satisfies ReadonlyArray<keyof AppState>;

/** Bumped when the workspace changes: answers for the previous one are dropped. */
let epoch = 0;
/** Bumped on every entry and import: previews made before are made again. */
let seen = 0;
const previewAbort: Record<PreviewFormat, AbortController | null> = { membership: null, bundle: null, sql: null };
const previewRunning: Record<PreviewFormat, string | null> = { membership: null, bundle: null, sql: null };
/** Bumped per models request: only the newest answer is kept. */
let modelsRequest = 0;
let previewTimer: ReturnType<typeof setTimeout> | null = null;
let diffAbort: AbortController | null = null;
let importAbort: AbortController | null = null;

export const createExportSlice: SliceCreator<ExportSlice> = (set, get, store) => {
  const membershipWriter = createExportWriter<MembershipExportResult>({
    read: () => get().exportMembershipFile,
    write: (patch) => set((s) => ({ exportMembershipFile: { ...s.exportMembershipFile, ...patch } })),
    reportError: (err) => get().reportError(err),
  });
  const bundleWriter = createExportWriter<BundleExportResult>({
    read: () => get().exportBundleFile,
    write: (patch) => set((s) => ({ exportBundleFile: { ...s.exportBundleFile, ...patch } })),
    reportError: (err) => get().reportError(err),
  });
  const pmmlWriter = createExportWriter<PmmlExportResult>({
    read: () => get().exportPmmlFile,
    write: (patch) => set((s) => ({ exportPmmlFile: { ...s.exportPmmlFile, ...patch } })),
    reportError: (err) => get().reportError(err),
  });
  const sqlWriter = createExportWriter<SqlExportResult>({
    read: () => get().exportSqlFile,
    write: (patch) => set((s) => ({ exportSqlFile: { ...s.exportSqlFile, ...patch } })),
    reportError: (err) => get().reportError(err),
  });
  const scorecardWriter = createExportWriter<ScorecardPmmlExportResult>({
    read: () => get().exportScorecardFile,
    write: (patch) => set((s) => ({ exportScorecardFile: { ...s.exportScorecardFile, ...patch } })),
    reportError: (err) => get().reportError(err),
  });

  function patchPreview<F extends PreviewFormat>(format: F, patch: Partial<ExportPreviews[F]>) {
    set((s) => ({ exportPreviews: { ...s.exportPreviews, [format]: { ...s.exportPreviews[format], ...patch } } }));
  }

  function stopPreviews() {
    if (previewTimer) clearTimeout(previewTimer);
    previewTimer = null;
    for (const f of PREVIEW_FORMATS) {
      previewAbort[f]?.abort();
      previewAbort[f] = null;
      previewRunning[f] = null;
    }
  }

  function reset(path: string | null) {
    epoch++;
    stopPreviews();
    diffAbort?.abort();
    importAbort?.abort();
    membershipWriter.reset();
    bundleWriter.reset();
    pmmlWriter.reset();
    sqlWriter.reset();
    scorecardWriter.reset();
    set({ exportPath: path, ...freshState() });
  }

  store.subscribe((s, prev) => {
    if (s.workspace?.path !== prev.workspace?.path && get().exportPath !== null) reset(null);
    else if (s.workspace && prev.workspace && (s.workspace.events !== prev.workspace.events || s.workspace.imports !== prev.workspace.imports) && get().exportPath !== null) {
      // New data: the previews no longer describe the workspace (the view enters again).
      stopPreviews();
      set({ exportPreviews: idlePreviews(), exportDefaultDay: null });
    }
  });

  const keyOf = (format: PreviewFormat) => previewKey(format, get().exportAsOf, get().exportMembershipDraft, seen, get().exportSqlDialect);

  /** The date a file is named after: the fresh preview's, else the one typed, else the newest data's. */
  function fileAsOf(format: PreviewFormat): string {
    const p = get().exportPreviews[format];
    return (p.key === keyOf(format) ? p.value?.asOf : null) || get().exportAsOf || defaultAsOfDay(get().workspace?.lastEventAt) || 'latest';
  }

  /** The Scorecard's date (no preview of its own): the one typed, else core's default as last told. */
  function scorecardAsOf(): string {
    return get().exportAsOf || get().exportDefaultDay || defaultAsOfDay(get().workspace?.lastEventAt) || 'latest';
  }

  /** An answer for the default date says which day that is (SQL's default is the newest data's, not the signals'). */
  function noteDefaultDay(format: DatedFormat, asked: string, answered: string | undefined) {
    if (asked === '' && answered && format !== 'sql' && get().exportDefaultDay !== answered) set({ exportDefaultDay: answered });
  }

  /** The date to write at: the fresh preview's (so the file is what was previewed), else the one typed. */
  function writeAsOf(format: PreviewFormat): string {
    const p = get().exportPreviews[format];
    return (p.key === keyOf(format) ? p.value?.asOf : null) || get().exportAsOf;
  }

  function startDir(): string | undefined {
    return get().exportDir ?? (dirName(get().workspace?.path ?? '') || undefined);
  }

  /** The save dialog, opened where the last export went (else beside the workspace). */
  function askSavePath(title: string, suggestedName: string, extension: string): Promise<string | null> {
    const dir = startDir();
    return get().pickSavePath({ title, suggestedName, extension, ...(dir ? { dir } : {}) });
  }

  function remember(path: string) {
    const dir = dirName(path);
    if (dir) set({ exportDir: dir });
  }

  function schedulePreview(delay: number) {
    if (previewTimer) clearTimeout(previewTimer);
    previewTimer = null;
    const format = get().exportFormat;
    if (!isPreviewFormat(format)) return;
    if (exportProblems(format, get().exportAsOf, get().exportMembershipDraft).length > 0) {
      void get().runExportPreview(format);
      return;
    }
    if (delay > 0) previewTimer = setTimeout(() => void get().runExportPreview(), delay);
    else void get().runExportPreview();
  }

  function sendPreview(format: PreviewFormat, options: SendOptions): Promise<MembershipPreview | Bundle | SqlPreview> {
    const asOf = get().exportAsOf;
    if (format === 'membership') return api.send('export-membership-preview', { ...membershipArgs(asOf, get().exportMembershipDraft), limit: PREVIEW_ROWS }, options);
    if (format === 'sql') return api.send('export-sql-preview', sqlArgs(asOf, get().exportSqlDialect), options);
    return api.send('bundle-preview', asOf ? { asOf } : {}, options);
  }

  /** After an import: every view that shows definitions loads them again when next shown. */
  function definitionsReplaced() {
    seen++;
    set(Object.fromEntries(PER_WORKSPACE_PATHS.map((k) => [k, null])) as Partial<AppState>);
    get().resetTaxonomy();
    void get().loadDecisions();
    // The previews here describe the definitions before: make the one shown again.
    void get().runExportPreview();
  }

  function failed(err: unknown) {
    if (isConnectionError(err) || errorCode(err) === 'no-workspace-open') get().reportError(err);
  }

  async function sendImport() {
    const state = get().exportImport;
    if (!state.path || state.job) return;
    importAbort?.abort();
    const controller = new AbortController();
    importAbort = controller;
    const e = epoch;
    const patch = (p: Partial<BundleImportState>) => set((s) => ({ exportImport: { ...s.exportImport, ...p } }));
    patch({ job: startJob(), question: null, result: null, error: null, cancelled: false });
    try {
      const result = await api.send(
        'bundle-import',
        { path: state.path, replace: state.replace, acceptDifferentData: state.acceptDifferentData },
        {
          signal: controller.signal,
          onProgress: (progress) => {
            const job = get().exportImport.job;
            if (job && importAbort === controller) patch({ job: { ...job, progress } });
          },
        },
      );
      if (importAbort !== controller || e !== epoch) return;
      patch({ job: null, result });
      definitionsReplaced();
      get().toast({
        kind: 'success',
        title: 'Bundle imported',
        message: result.differences.length === 0 ? `Membership at ${result.asOf} reproduced exactly.` : `${result.differences.length} segment sizes differ from the bundle’s.`,
      });
    } catch (err) {
      if (importAbort !== controller || e !== epoch) return;
      const code = errorCode(err);
      if (controller.signal.aborted || isCancelled(err)) {
        // Core may have written the definitions before the cancel reached it.
        patch({ job: null, cancelled: true });
        definitionsReplaced();
      } else if (code === 'bundle-would-replace') {
        const n = errorDetail(err, 'segments');
        patch({ job: null, question: { kind: 'replace', segments: typeof n === 'number' ? n : Number(n ?? 0), message: errorMessage(err) } });
      } else if (code === 'bundle-data-mismatch') {
        patch({ job: null, question: { kind: 'different-data', message: errorMessage(err) } });
      } else {
        patch({ job: null, error: jobFailure(err) });
        failed(err);
      }
    } finally {
      if (importAbort === controller) importAbort = null;
    }
  }

  return {
    exportPath: null,
    ...freshState(),

    enterExport() {
      const ws = get().workspace;
      if (!ws) return;
      if (get().exportPath !== ws.path) reset(ws.path);
      seen++;
      if (get().exportFormat === 'pmml') void get().loadPmmlModels();
      else if (ws.customers > 0) void get().runExportPreview();
    },

    setExportFormat(format) {
      if (get().exportFormat === format) return;
      set({ exportFormat: format });
      if (isPreviewFormat(format)) void get().runExportPreview(format);
      else if (format === 'pmml') void get().loadPmmlModels();
    },

    setExportAsOf(day) {
      if (get().exportAsOf === day) return;
      set({ exportAsOf: day });
      schedulePreview(day === '' ? 0 : EXPORT_EDIT_DELAY_MS);
    },

    setMembershipDraft(patch) {
      const before = get().exportMembershipDraft;
      const next = { ...before, ...patch };
      set({ exportMembershipDraft: next, exportMembershipFile: { ...get().exportMembershipFile, error: null } });
      if (get().exportFormat !== 'membership') return;
      // Typing a country code changes it character by character; a checkbox is one change.
      const typing = patch.countryCode !== undefined && next.hashPhone;
      if (previewKey('membership', get().exportAsOf, next, seen) !== previewKey('membership', get().exportAsOf, before, seen)) schedulePreview(typing ? EXPORT_EDIT_DELAY_MS : 0);
      else if (exportProblems('membership', get().exportAsOf, next).length === 0 && get().exportPreviews.membership.error?.code === 'invalid-args') schedulePreview(0);
    },

    async runExportPreview(format = get().exportFormat, force = false) {
      if (!isPreviewFormat(format)) return;
      if (format === get().exportFormat && previewTimer) {
        clearTimeout(previewTimer);
        previewTimer = null;
      }
      if (!get().workspace || (get().workspace?.customers ?? 0) === 0) return;
      const key = keyOf(format);
      const asked = get().exportAsOf;
      const p = get().exportPreviews[format];
      if (!force && p.key === key && p.value !== null && p.error === null) return;
      if (!force && previewRunning[format] === key && previewAbort[format]) return;
      const issues = exportProblems(format, get().exportAsOf, get().exportMembershipDraft);
      if (issues.length > 0) {
        // Nothing to ask for as it stands: the preview in flight answers options that are gone.
        previewAbort[format]?.abort();
        previewAbort[format] = null;
        previewRunning[format] = null;
        patchPreview(format, { job: null, error: { code: 'invalid-args', message: `${issues[0]!.field === 'asOf' ? 'As of' : 'Country code'}: ${issues[0]!.message}.`, issues } });
        return;
      }
      previewAbort[format]?.abort();
      const controller = new AbortController();
      previewAbort[format] = controller;
      previewRunning[format] = key;
      const e = epoch;
      patchPreview(format, { job: startJob(), error: null });
      try {
        const value = await sendPreview(format, {
          signal: controller.signal,
          onProgress: (progress) => {
            const job = get().exportPreviews[format].job;
            if (job && previewAbort[format] === controller) patchPreview(format, { job: { ...job, progress } });
          },
        });
        if (previewAbort[format] !== controller || e !== epoch) return;
        if (controller.signal.aborted) {
          patchPreview(format, { job: null });
          return;
        }
        patchPreview(format, { value, key, job: null } as Partial<ExportPreviews[typeof format]>);
        noteDefaultDay(format, asked, value.asOf);
      } catch (err) {
        if (previewAbort[format] !== controller || e !== epoch) return;
        if (controller.signal.aborted || isCancelled(err)) patchPreview(format, { job: null });
        else {
          patchPreview(format, { job: null, error: exportFailure(err) });
          failed(err);
        }
      } finally {
        if (previewAbort[format] === controller) {
          previewAbort[format] = null;
          previewRunning[format] = null;
        }
      }
    },

    cancelExportPreview(format) {
      if (!isPreviewFormat(format)) return;
      const job = get().exportPreviews[format].job;
      if (!job || job.cancelling) return;
      patchPreview(format, { job: { ...job, cancelling: true } });
      previewAbort[format]?.abort();
    },

    async promptMembershipExport() {
      if (get().exportMembershipFile.job) return;
      const path = await askSavePath('Export the membership CSV', membershipFileName(fileAsOf('membership')), 'csv');
      if (path) await get().exportMembership(path);
    },

    async exportMembership(path, overwrite = false) {
      remember(path);
      const asOf = writeAsOf('membership');
      const draft = get().exportMembershipDraft;
      const result = await membershipWriter.write(path, overwrite, (args, options) => api.send('export-membership', { ...args, ...membershipArgs(asOf, draft) }, options));
      if (result) get().toast({ kind: 'success', title: 'Membership exported', message: `${result.rows.toLocaleString('en-US')} customers as of ${result.asOf} written to ${result.path}.` });
    },

    cancelMembershipExport: () => membershipWriter.cancel(),
    dismissMembershipReplace: () => membershipWriter.dismissReplace(),

    async promptBundleExport() {
      if (get().exportBundleFile.job) return;
      const path = await askSavePath('Export the JSON bundle', bundleFileName(fileAsOf('bundle')), 'json');
      if (path) await get().exportBundle(path);
    },

    async exportBundle(path, overwrite = false) {
      remember(path);
      const asOf = writeAsOf('bundle');
      const result = await bundleWriter.write(path, overwrite, (args, options) => api.send('export-bundle', { ...args, ...(asOf ? { asOf } : {}) }, options));
      if (result) get().toast({ kind: 'success', title: 'Bundle exported', message: `The definitions as of ${result.asOf} written to ${result.path}.` });
    },

    cancelBundleExport: () => bundleWriter.cancel(),
    dismissBundleReplace: () => bundleWriter.dismissReplace(),

    setSqlDialect(dialect) {
      if (get().exportSqlDialect === dialect) return;
      set((s) => ({ exportSqlDialect: dialect, exportSqlFile: { ...s.exportSqlFile, error: null } }));
      if (get().exportFormat === 'sql') void get().runExportPreview('sql');
    },

    async promptSqlExport() {
      if (get().exportSqlFile.job) return;
      const dialect = get().exportSqlDialect;
      const title = `Export the SQL views for ${dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}`;
      const path = await askSavePath(title, sqlFileName(fileAsOf('sql'), dialect), 'sql');
      if (path) await get().exportSql(path);
    },

    async exportSql(path, overwrite = false) {
      remember(path);
      const args = sqlArgs(writeAsOf('sql'), get().exportSqlDialect);
      const result = await sqlWriter.write(path, overwrite, (a, options) => api.send('export-sql', { ...a, ...args }, options));
      if (result) {
        const engine = result.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite';
        get().toast({ kind: 'success', title: 'SQL exported', message: `${result.views.length} views for ${engine} as of ${result.asOf} written to ${result.path}.` });
      }
    },

    cancelSqlExport: () => sqlWriter.cancel(),
    dismissSqlReplace: () => sqlWriter.dismissReplace(),

    async promptScorecardExport() {
      if (get().exportScorecardFile.job) return;
      const path = await askSavePath('Export the intent score as a PMML Scorecard', scorecardFileName(scorecardAsOf()), 'pmml');
      if (path) await get().exportScorecard(path);
    },

    async exportScorecard(path, overwrite = false) {
      remember(path);
      const asOf = get().exportAsOf;
      const result = await scorecardWriter.write(path, overwrite, (a, options) => api.send('export-pmml-scorecard', { ...a, ...(asOf ? { asOf } : {}) }, options));
      if (!result) return;
      noteDefaultDay('scorecard', asOf, result.asOf);
      get().toast({ kind: 'success', title: 'PMML exported', message: `The intent score as of ${result.asOf} (${result.signals} weighted signals) written to ${result.path}.` });
    },

    cancelScorecardExport: () => scorecardWriter.cancel(),
    dismissScorecardReplace: () => scorecardWriter.dismissReplace(),

    async loadPmmlModels() {
      if (!get().workspace) return;
      const mine = ++modelsRequest;
      const e = epoch;
      set((s) => ({ exportPmmlModels: { ...s.exportPmmlModels, loading: true, error: null } }));
      try {
        const list = await api.send('cluster-models', {});
        if (mine !== modelsRequest || e !== epoch) return;
        set({ exportPmmlModels: { list: newestFirst(list), loading: false, error: null } });
      } catch (err) {
        if (mine !== modelsRequest || e !== epoch) return;
        set((s) => ({ exportPmmlModels: { ...s.exportPmmlModels, loading: false, error: jobFailure(err) } }));
        failed(err);
      }
    },

    setPmmlModel(modelId) {
      set((s) => ({ exportPmmlModelId: modelId, exportPmmlFile: { ...s.exportPmmlFile, error: null } }));
    },

    async promptPmmlExport() {
      if (get().exportPmmlFile.job) return;
      const model = chosenPmmlModel(get().exportPmmlModels.list, get().exportPmmlModelId);
      if (!model) return;
      const path = await askSavePath('Export the cluster model as PMML', pmmlFileName(model.modelId), 'pmml');
      if (path) await get().exportPmml(path);
    },

    async exportPmml(path, overwrite = false) {
      const model = chosenPmmlModel(get().exportPmmlModels.list, get().exportPmmlModelId);
      if (!model) return;
      remember(path);
      const result = await pmmlWriter.write(path, overwrite, (args, options) => api.send('export-pmml', { ...args, modelId: model.modelId }, options));
      if (result) get().toast({ kind: 'success', title: 'PMML exported', message: `Cluster model #${result.modelId} (k = ${result.clusters}) written to ${result.path}.` });
    },

    cancelPmmlExport: () => pmmlWriter.cancel(),
    dismissPmmlReplace: () => pmmlWriter.dismissReplace(),

    async promptBundleDiff() {
      const dir = startDir();
      const path = await get().pickFilePath({ title: 'Compare with an earlier bundle', ...(dir ? { dir } : {}) });
      if (path) await get().compareBundle(path);
    },

    async compareBundle(path) {
      remember(path);
      diffAbort?.abort();
      const controller = new AbortController();
      diffAbort = controller;
      const e = epoch;
      set({ exportDiff: { path, job: startJob(), result: null, error: null } });
      try {
        const result = await api.send(
          'bundle-diff',
          { from: { path }, to: { current: true } },
          {
            signal: controller.signal,
            onProgress: (progress) => {
              const job = get().exportDiff.job;
              if (job && diffAbort === controller) set((s) => ({ exportDiff: { ...s.exportDiff, job: { ...job, progress } } }));
            },
          },
        );
        if (diffAbort !== controller || e !== epoch) return;
        set((s) => ({ exportDiff: { ...s.exportDiff, job: null, result } }));
      } catch (err) {
        if (diffAbort !== controller || e !== epoch) return;
        if (controller.signal.aborted || isCancelled(err)) set(() => ({ exportDiff: idleDiff() }));
        else {
          set((s) => ({ exportDiff: { ...s.exportDiff, job: null, error: jobFailure(err) } }));
          failed(err);
        }
      } finally {
        if (diffAbort === controller) diffAbort = null;
      }
    },

    cancelBundleDiff() {
      const job = get().exportDiff.job;
      if (!job || job.cancelling) return;
      set((s) => ({ exportDiff: { ...s.exportDiff, job: { ...job, cancelling: true } } }));
      diffAbort?.abort();
    },

    clearBundleDiff() {
      diffAbort?.abort();
      diffAbort = null;
      set({ exportDiff: idleDiff() });
    },

    async promptBundleImport() {
      if (get().exportImport.job) return;
      const dir = startDir();
      const path = await get().pickFilePath({ title: 'Import a bundle', ...(dir ? { dir } : {}) });
      if (path) await get().importBundle(path);
    },

    async importBundle(path) {
      if (get().exportImport.job) return;
      remember(path);
      set({ exportImport: { ...idleImport(), path } });
      await sendImport();
    },

    async confirmBundleImport() {
      const { question } = get().exportImport;
      if (!question) return;
      set((s) => ({ exportImport: { ...s.exportImport, question: null, ...(question.kind === 'replace' ? { replace: true } : { acceptDifferentData: true }) } }));
      await sendImport();
    },

    dismissBundleImportQuestion() {
      set({ exportImport: idleImport() });
    },

    cancelBundleImport() {
      const job = get().exportImport.job;
      if (!job || job.cancelling) return;
      set((s) => ({ exportImport: { ...s.exportImport, job: { ...job, cancelling: true } } }));
      importAbort?.abort();
    },

    clearBundleImport() {
      if (get().exportImport.job) return;
      set({ exportImport: idleImport() });
    },
  };
};
