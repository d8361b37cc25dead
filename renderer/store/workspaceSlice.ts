// The open workspace and the actions that open, create, close it or generate a sample one.
import type { AppInfo, Progress, RecentWorkspace, WorkspaceInfo } from '../../core/api/contract.ts';
import { api } from '../api/client.ts';
import { errorCode, errorMessage, errorTitle, isCancelled, isConnectionError } from '../lib/errors.ts';
import { joinPath } from '../lib/paths.ts';
import type { SliceCreator } from './types.ts';

export interface SampleRequest {
  path: string;
  customers: number;
  seed: number;
  months: number;
}

/** The sample dialog walks through these: fill in the form, watch it run, read how it ended. */
export type SampleJob =
  | { phase: 'form' }
  | { phase: 'running'; progress: Progress | null; startedAt: number }
  | { phase: 'cancelling'; progress: Progress | null; startedAt: number }
  | { phase: 'cancelled' }
  | { phase: 'failed'; title: string; message: string };

export interface WorkspaceSlice {
  appInfo: AppInfo | null;
  workspace: WorkspaceInfo | null;
  recent: RecentWorkspace[];
  /** True until the first app-info answer: avoids flashing the welcome screen on reload. */
  booting: boolean;
  /** A workspace operation in progress ('opening' etc.), to disable buttons and show a spinner. */
  busy: null | 'opening' | 'creating' | 'closing';
  /** Null when the sample dialog is closed. */
  sample: SampleJob | null;
  init(): Promise<void>;
  refreshRecent(): Promise<void>;
  openWorkspace(path: string): Promise<boolean>;
  createWorkspace(path: string): Promise<boolean>;
  closeWorkspace(): Promise<void>;
  forgetRecent(path: string): Promise<void>;
  /** Ask for a file (native or in-app dialog), then open it. */
  promptOpenWorkspace(): Promise<void>;
  promptNewWorkspace(): Promise<void>;
  openSampleDialog(): void;
  closeSampleDialog(): void;
  /** Back from "cancelled"/"failed" to the form. */
  resetSampleForm(): void;
  startSample(req: SampleRequest): Promise<void>;
  cancelSample(): void;
  defaultSamplePath(): string;
  /** Core says no workspace is open while the UI shows one: drop it and say so. */
  workspaceGone(message: string): void;
  /** Re-reads the open workspace's figures (customers, events, date range) after data changed. */
  refreshWorkspaceInfo(): Promise<void>;
}

// Not state: an AbortController is neither serialisable nor something a component should render.
let sampleAbort: AbortController | null = null;

export const createWorkspaceSlice: SliceCreator<WorkspaceSlice> = (set, get) => {
  /** Everything that depends on the previous workspace is dropped when it changes. */
  function workspaceChanged(workspace: WorkspaceInfo | null) {
    set({ workspace, view: 'data', banner: null, importer: null, imports: null, savedMappings: [], dataTab: 'customers' });
    get().closeCustomer();
    get().resetCustomers();
    get().resetTaxonomy();
    if (workspace) void get().loadCountries();
    void get().refreshRecent();
  }

  async function run(busy: NonNullable<WorkspaceSlice['busy']>, op: () => Promise<WorkspaceInfo | null>): Promise<boolean> {
    set({ busy, banner: null });
    try {
      workspaceChanged(await op());
      return true;
    } catch (err) {
      if (isConnectionError(err)) get().setConnectionError(errorMessage(err));
      else if (!isCancelled(err)) get().showBanner(err);
      return false;
    } finally {
      set({ busy: null });
    }
  }

  return {
    appInfo: null,
    workspace: null,
    recent: [],
    booting: true,
    busy: null,
    sample: null,

    async init() {
      try {
        const appInfo = await api.send('app-info', {});
        get().setConnectionError(null);
        set({ appInfo, booting: false });
        if (appInfo.workspace) workspaceChanged(appInfo.workspace);
        else void get().refreshRecent();
      } catch (err) {
        set({ booting: false });
        if (isConnectionError(err)) get().setConnectionError(errorMessage(err));
        else get().showBanner(err, 'The workbench could not start');
      }
    },

    async refreshRecent() {
      try {
        set({ recent: await api.send('workspace-recent', {}) });
      } catch (err) {
        get().reportError(err, 'Could not read recent workspaces');
      }
    },

    openWorkspace: (path) => run('opening', () => api.send('workspace-open', { path })),
    createWorkspace: (path) => run('creating', () => api.send('workspace-create', { path })),

    async closeWorkspace() {
      if (!get().workspace) return;
      await run('closing', async () => {
        await api.send('workspace-close', {});
        return null;
      });
    },

    async forgetRecent(path) {
      try {
        set({ recent: await api.send('workspace-recent-forget', { path }) });
      } catch (err) {
        get().reportError(err, 'Could not forget the workspace');
      }
    },

    async promptOpenWorkspace() {
      const path = await get().pickWorkspacePath('open', { title: 'Open workspace' });
      if (path) await get().openWorkspace(path);
    },

    async promptNewWorkspace() {
      const path = await get().pickWorkspacePath('create', { title: 'New workspace', suggestedName: 'workspace.segwb' });
      if (path) await get().createWorkspace(path);
    },

    defaultSamplePath() {
      const dir = get().appInfo?.defaultDir ?? '';
      return joinPath(dir, 'sample.segwb');
    },

    openSampleDialog() {
      if (get().sample?.phase === 'running') return;
      set({ sample: { phase: 'form' } });
    },

    closeSampleDialog() {
      const s = get().sample;
      // A running job keeps the dialog: closing it would hide the only Cancel button.
      if (s && (s.phase === 'running' || s.phase === 'cancelling')) return;
      set({ sample: null });
    },

    resetSampleForm: () => set({ sample: { phase: 'form' } }),

    async startSample(req) {
      sampleAbort?.abort();
      const abort = new AbortController();
      sampleAbort = abort;
      const startedAt = Date.now();
      set({ sample: { phase: 'running', progress: null, startedAt }, banner: null });
      try {
        const info = await api.send('sample-create', req, {
          signal: abort.signal,
          onProgress: (progress) => {
            const s = get().sample;
            if (s && (s.phase === 'running' || s.phase === 'cancelling')) set({ sample: { ...s, progress } });
          },
        });
        if (abort.signal.aborted) throw new DOMException('Cancelled', 'AbortError');
        set({ sample: null });
        workspaceChanged(info);
        get().toast({ kind: 'success', title: 'Sample workspace ready', message: `${info.name} — ${info.customers.toLocaleString('en-US')} customers` });
      } catch (err) {
        if (abort.signal.aborted || isCancelled(err)) set({ sample: { phase: 'cancelled' } });
        else if (isConnectionError(err)) {
          set({ sample: null });
          get().setConnectionError(errorMessage(err));
        } else set({ sample: { phase: 'failed', title: errorTitle(errorCode(err)), message: errorMessage(err) } });
      } finally {
        if (sampleAbort === abort) sampleAbort = null;
      }
    },

    workspaceGone(message) {
      if (!get().workspace) return;
      workspaceChanged(null);
      set({ banner: { title: 'The workspace is no longer open', message, code: 'no-workspace-open' } });
    },

    async refreshWorkspaceInfo() {
      const path = get().workspace?.path;
      if (!path) return;
      try {
        const info = await api.send('workspace-info', {});
        if (info && info.path === path) set({ workspace: info });
        else if (!info) get().workspaceGone('The workbench no longer has this workspace open.');
      } catch (err) {
        get().reportError(err, 'Could not refresh the workspace figures');
      }
    },

    cancelSample() {
      const s = get().sample;
      if (!s || s.phase !== 'running') return;
      set({ sample: { ...s, phase: 'cancelling' } });
      sampleAbort?.abort();
    },
  };
};
