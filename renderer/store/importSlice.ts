// The import wizard and the import history.
//
// The wizard walks: source (pick, drop or upload a file) → preview (how the file is read, which
// kind it is) → mapping (which column fills which field) → confirm (options, Start) → running
// (progress, Cancel) → done | failed | cancelled. Every change to how the file is read re-runs
// `import-preview` with the analyst's overrides; answers to an older request are dropped.
import type { ColumnMapping, ImportKind, ImportPreview, ImportRecord, ImportSummary, Progress, SavedMapping } from '../../core/api/contract.ts';
import { api, desktopBridge } from '../api/client.ts';
import { uploadFile } from '../api/upload.ts';
import { errorCode, errorDetail, errorMessage, isCancelled, isConnectionError } from '../lib/errors.ts';
import { mappingForRun, timestampDetection } from '../lib/importMapping.ts';
import { baseName } from '../lib/paths.ts';
import type { SliceCreator } from './types.ts';

type DelimitedFormat = Extract<ImportPreview['format'], { type: 'delimited' }>;
export type TextEncoding = DelimitedFormat['encoding'];
export type Delimiter = DelimitedFormat['delimiter'];

export interface PreviewOverrides {
  kind?: ImportKind;
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  hasHeader?: boolean;
  sheet?: string;
}

export type ImportStep = 'source' | 'preview' | 'mapping' | 'confirm' | 'running' | 'done' | 'failed' | 'cancelled';

export interface ImportFailure {
  title: string;
  message: string;
  code: string;
  /** Where the rejected rows are listed, when core wrote a report. */
  report: string | null;
}

export interface ImportWizard {
  step: ImportStep;
  /** The file's own name (uploads are saved under a longer one). */
  fileName: string | null;
  path: string | null;
  uploading: { loaded: number; total: number } | null;
  sourceError: string | null;
  preview: ImportPreview | null;
  previewing: boolean;
  previewError: string | null;
  overrides: PreviewOverrides;
  /** The analyst's copy of the mapping, edited in the mapping step. */
  mapping: ColumnMapping | null;
  /** The column whose day/month order the analyst chose explicitly (see needsDateChoice). */
  dateChosenFor: string | null;
  appliedMapping: string | null;
  allowReimport: boolean;
  skipBadRows: boolean;
  progress: Progress | null;
  startedAt: number;
  cancelling: boolean;
  result: ImportSummary | null;
  failure: ImportFailure | null;
}

export type DataTab = 'customers' | 'imports' | 'taxonomy';

export interface ImportSlice {
  importer: ImportWizard | null;
  savedMappings: SavedMapping[];
  imports: ImportRecord[] | null;
  importsLoading: boolean;
  importsError: string | null;
  dataTab: DataTab;
  openImport(): void;
  closeImport(): void;
  /** After an import: start over with another file, keeping the dialog open. */
  restartImport(): void;
  /** A file dropped on the window or chosen with the file input. */
  importFile(file: File): Promise<void>;
  /** A path on the machine running core (in-app folder browser). */
  importPath(path: string, fileName?: string): Promise<void>;
  browseImportFile(): Promise<void>;
  repreview(overrides: PreviewOverrides): Promise<void>;
  applySavedMapping(name: string): Promise<void>;
  saveMapping(name: string): Promise<boolean>;
  editMapping(mapping: ColumnMapping): void;
  /** The analyst picked the date format explicitly (settles day-first vs month-first). */
  chooseDateFormat(dateFormat: ColumnMapping['dateFormat']): void;
  setImportOptions(patch: Partial<Pick<ImportWizard, 'allowReimport' | 'skipBadRows'>>): void;
  goToImportStep(step: 'source' | 'preview' | 'mapping' | 'confirm'): void;
  startImport(): Promise<void>;
  cancelImport(): void;
  loadImports(): Promise<void>;
  loadSavedMappings(): Promise<void>;
  setDataTab(tab: DataTab): void;
}

function freshWizard(): ImportWizard {
  return {
    step: 'source',
    fileName: null,
    path: null,
    uploading: null,
    sourceError: null,
    preview: null,
    previewing: false,
    previewError: null,
    overrides: {},
    mapping: null,
    dateChosenFor: null,
    appliedMapping: null,
    allowReimport: false,
    skipBadRows: false,
    progress: null,
    startedAt: 0,
    cancelling: false,
    result: null,
    failure: null,
  };
}

const BUSY_STEPS: ReadonlySet<ImportStep> = new Set(['running']);

// Not state: controllers are neither serialisable nor something a component renders.
let uploadAbort: AbortController | null = null;
let runAbort: AbortController | null = null;
let previewToken = 0;

function failureOf(err: unknown, fallbackTitle: string): ImportFailure {
  const code = errorCode(err);
  const titles: Record<string, string> = {
    'rows-rejected': 'Nothing was imported: some rows cannot be read',
    'already-imported': 'This file was imported before',
    'file-changed': 'The file changed during the import',
    'mapping-invalid': 'The mapping is not complete',
    'duplicate-columns': 'Columns with the same name',
    'disk-full': 'The disk is full',
    'workspace-read-only': 'The workspace is read-only',
    'file-not-found': 'File not found',
    'invalid-args': 'Invalid input',
  };
  const report = errorDetail(err, 'report');
  return { title: titles[code] ?? fallbackTitle, message: errorMessage(err), code, report: typeof report === 'string' ? report : null };
}

export const createImportSlice: SliceCreator<ImportSlice> = (set, get) => {
  function patch(p: Partial<ImportWizard>) {
    set((s) => (s.importer ? { importer: { ...s.importer, ...p } } : {}));
  }

  function running(): boolean {
    const w = get().importer;
    return w !== null && BUSY_STEPS.has(w.step);
  }

  /** Asks core how it would read the file with these overrides (and optionally a given mapping). */
  async function runPreview(path: string, overrides: PreviewOverrides, mapping?: ColumnMapping, appliedMapping: string | null = null): Promise<void> {
    const token = ++previewToken;
    patch({ previewing: true, previewError: null });
    try {
      const preview = await api.send('import-preview', { path, ...overrides, ...(mapping ? { mapping } : {}) });
      if (token !== previewToken || get().importer?.path !== path) return;
      const w = get().importer!;
      const det = timestampDetection(preview, preview.mapping);
      // A saved mapping carries an earlier explicit choice of day or month first.
      const chosen = mapping && det?.ambiguous && (mapping.dateFormat === 'dmy' || mapping.dateFormat === 'mdy') ? det.column : null;
      patch({
        preview,
        previewing: false,
        mapping: preview.mapping,
        // Only what the analyst chose is kept: a kind guessed for one sheet must not stick to the next.
        overrides,
        dateChosenFor: chosen,
        appliedMapping,
        allowReimport: preview.alreadyImported ? w.allowReimport : false,
        step: w.step === 'source' ? 'preview' : w.step,
      });
    } catch (err) {
      if (token !== previewToken) return;
      if (isConnectionError(err)) {
        set({ importer: null });
        get().setConnectionError(errorMessage(err));
        return;
      }
      if (errorCode(err) === 'no-workspace-open') {
        set({ importer: null });
        get().reportError(err);
        return;
      }
      const w = get().importer;
      // Without a first preview there is nothing to show but the problem, on the source step.
      if (w && !w.preview) patch({ previewing: false, step: 'source', sourceError: errorMessage(err), path: null });
      else patch({ previewing: false, previewError: errorMessage(err) });
    }
  }

  async function refreshAfterImport() {
    await get().refreshWorkspaceInfo();
    get().refreshCustomers();
    void get().loadImports();
  }

  return {
    importer: null,
    savedMappings: [],
    imports: null,
    importsLoading: false,
    importsError: null,
    dataTab: 'customers',

    openImport() {
      if (!get().workspace) {
        get().toast({ kind: 'info', title: 'Open a workspace first', message: 'Imports go into the open workspace: create or open one, then import.' });
        return;
      }
      if (get().importer) return;
      set({ importer: freshWizard() });
      void get().loadSavedMappings();
    },

    closeImport() {
      if (running()) return;
      uploadAbort?.abort();
      uploadAbort = null;
      previewToken++;
      set({ importer: null });
    },

    restartImport() {
      if (running()) return;
      uploadAbort?.abort();
      previewToken++;
      set({ importer: freshWizard() });
    },

    async importFile(file) {
      if (!get().workspace) {
        get().toast({ kind: 'info', title: 'Open a workspace first', message: `To import ${file.name}, create or open a workspace, then drop the file again.` });
        return;
      }
      if (running()) {
        get().toast({ kind: 'info', title: 'An import is running', message: 'Wait for it to finish or cancel it before importing another file.' });
        return;
      }
      if (!get().importer) {
        set({ importer: freshWizard() });
        void get().loadSavedMappings();
      }
      if (desktopBridge) {
        let path = '';
        try {
          path = desktopBridge.pathForFile(file);
        } catch {
          path = '';
        }
        if (!path) {
          set({ importer: { ...freshWizard(), sourceError: `${file.name} has no path on this computer (was it dragged from a web page or an archive?). Save it to a folder first.` } });
          return;
        }
        return get().importPath(path, file.name);
      }
      uploadAbort?.abort();
      const abort = new AbortController();
      uploadAbort = abort;
      set({ importer: { ...freshWizard(), fileName: file.name, uploading: { loaded: 0, total: file.size } } });
      try {
        const uploaded = await uploadFile(file, {
          signal: abort.signal,
          onProgress: (loaded, total) => {
            if (uploadAbort === abort) patch({ uploading: { loaded, total } });
          },
        });
        if (uploadAbort !== abort) return;
        uploadAbort = null;
        patch({ uploading: null });
        await get().importPath(uploaded.path, file.name);
      } catch (err) {
        if (uploadAbort !== abort && uploadAbort !== null) return;
        uploadAbort = null;
        if (isCancelled(err)) {
          patch({ uploading: null, fileName: null });
          return;
        }
        if (isConnectionError(err)) {
          set({ importer: null });
          get().setConnectionError(errorMessage(err));
          return;
        }
        patch({ uploading: null, sourceError: `${file.name} could not be uploaded: ${errorMessage(err)}` });
      }
    },

    async importPath(path, fileName) {
      if (running()) return;
      // A new file starts from scratch: nothing about the previous one applies to it.
      set({ importer: { ...freshWizard(), fileName: fileName ?? baseName(path), path, previewing: true } });
      await runPreview(path, {});
    },

    async browseImportFile() {
      const path = await get().pickFilePath({ title: 'Choose a file to import' });
      if (path) await get().importPath(path);
    },

    async repreview(overrides) {
      const w = get().importer;
      if (!w?.path) return;
      const next = { ...w.overrides, ...overrides };
      // Controls show the request at once; the preview follows.
      patch({ overrides: next });
      await runPreview(w.path, next);
    },

    async applySavedMapping(name) {
      const w = get().importer;
      const saved = get().savedMappings.find((m) => m.name === name);
      if (!w?.path || !saved) return;
      await runPreview(w.path, { ...w.overrides, kind: saved.mapping.kind }, saved.mapping as ColumnMapping, name);
    },

    async saveMapping(name) {
      const w = get().importer;
      if (!w?.mapping || !w.preview) return false;
      try {
        const savedMappings = await api.send('import-mapping-save', { name, mapping: mappingForRun(w.mapping, w.preview.columns) });
        set({ savedMappings });
        patch({ appliedMapping: name });
        get().toast({ kind: 'success', title: 'Mapping saved', message: `"${name}" can be applied to the next ${w.mapping.kind} file.` });
        return true;
      } catch (err) {
        get().reportError(err, 'Could not save the mapping');
        return false;
      }
    },

    editMapping(mapping) {
      patch({ mapping });
    },

    chooseDateFormat(dateFormat) {
      const w = get().importer;
      if (!w?.mapping || !w.preview) return;
      const mapping = { ...w.mapping, dateFormat };
      const det = timestampDetection(w.preview, mapping);
      patch({ mapping, dateChosenFor: det?.column ?? w.dateChosenFor });
    },

    setImportOptions(p) {
      patch(p);
    },

    goToImportStep(step) {
      const w = get().importer;
      if (!w || running()) return;
      if (step !== 'source' && !w.preview) return;
      patch({ step, failure: step === 'source' ? null : w.failure, sourceError: null });
    },

    async startImport() {
      const w = get().importer;
      if (!w?.preview || !w.mapping || !w.path || running()) return;
      runAbort?.abort();
      const abort = new AbortController();
      runAbort = abort;
      const { preview } = w;
      patch({ step: 'running', progress: null, startedAt: Date.now(), cancelling: false, result: null, failure: null });
      try {
        const result = await api.send(
          'import-run',
          {
            path: w.path,
            format: preview.format,
            columns: preview.columns,
            mapping: mappingForRun(w.mapping, preview.columns),
            sha256: preview.sha256,
            skipBadRows: w.skipBadRows,
            allowReimport: w.allowReimport,
          },
          {
            signal: abort.signal,
            onProgress: (progress) => {
              if (get().importer?.step === 'running') patch({ progress });
            },
          },
        );
        if (abort.signal.aborted) throw new DOMException('Cancelled', 'AbortError');
        patch({ step: 'done', result, cancelling: false });
        await refreshAfterImport();
      } catch (err) {
        if (abort.signal.aborted || isCancelled(err)) patch({ step: 'cancelled', cancelling: false });
        else if (isConnectionError(err)) {
          set({ importer: null });
          get().setConnectionError(errorMessage(err));
        } else patch({ step: 'failed', cancelling: false, failure: failureOf(err, 'The import failed') });
        void get().loadImports();
      } finally {
        if (runAbort === abort) runAbort = null;
      }
    },

    cancelImport() {
      const w = get().importer;
      if (!w) return;
      if (w.uploading) {
        uploadAbort?.abort();
        return;
      }
      if (w.step !== 'running' || w.cancelling) return;
      patch({ cancelling: true });
      runAbort?.abort();
    },

    async loadImports() {
      if (!get().workspace) return;
      set({ importsLoading: true, importsError: null });
      try {
        set({ imports: await api.send('imports-list', {}), importsLoading: false });
      } catch (err) {
        set({ importsLoading: false, importsError: errorMessage(err) });
        get().reportError(err, 'Could not read the import history');
      }
    },

    async loadSavedMappings() {
      try {
        set({ savedMappings: await api.send('import-mappings-list', {}) });
      } catch (err) {
        get().reportError(err, 'Could not read the saved mappings');
      }
    },

    setDataTab(dataTab) {
      set({ dataTab });
      if (dataTab === 'imports') void get().loadImports();
      if (dataTab === 'taxonomy') void get().loadTaxonomy();
    },
  };
};
