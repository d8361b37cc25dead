// Choosing a workspace file. The desktop shell has native dialogs; the browser shell gets an
// in-app dialog that browses folders through the `files-list` operation. Either way callers
// await one promise that resolves to a path, or null when the user cancels.
import type { DirListing } from '../../core/api/contract.ts';
import { api, desktopBridge } from '../api/client.ts';
import { errorMessage } from '../lib/errors.ts';
import { baseName, dirName } from '../lib/paths.ts';
import type { SliceCreator } from './types.ts';

/** open/create: a workspace file; open-file: any file (what to import). */
export type PickMode = 'open' | 'create' | 'open-file';

export interface FileDialogState {
  mode: PickMode;
  title: string;
  /** Prefilled file name in create mode. */
  suggestedName: string;
  listing: DirListing | null;
  loading: boolean;
  error: string | null;
}

export interface PickOptions {
  title: string;
  suggestedName?: string;
  /** Folder to start in; defaults to the last folder browsed, then the app's default folder. */
  dir?: string;
}

export interface FileDialogSlice {
  fileDialog: FileDialogState | null;
  pickWorkspacePath(mode: 'open' | 'create', options: PickOptions): Promise<string | null>;
  /** Any file on the machine running core, through the in-app dialog (both shells: it needs no native dialog). */
  pickFilePath(options: PickOptions): Promise<string | null>;
  browseDir(dir: string | undefined): Promise<void>;
  resolveFileDialog(path: string | null): void;
}

let resolver: ((path: string | null) => void) | null = null;
let lastDir: string | undefined;
let browseToken = 0;

// Import files usually live elsewhere than workspaces: remember the two folders apart.
let lastFileDir: string | undefined;

export const createFileDialogSlice: SliceCreator<FileDialogSlice> = (set, get) => {
  function showInAppDialog(mode: PickMode, options: PickOptions): Promise<string | null> {
    resolver?.(null);
    const promise = new Promise<string | null>((resolve) => {
      resolver = resolve;
    });
    set({
      fileDialog: {
        mode,
        title: options.title,
        suggestedName: options.suggestedName ?? '',
        listing: null,
        loading: true,
        error: null,
      },
    });
    void get().browseDir(options.dir ?? lastDir ?? get().appInfo?.defaultDir);
    return promise;
  }

  return {
    fileDialog: null,

    async pickWorkspacePath(mode, options) {
      if (desktopBridge) {
        try {
          return await desktopBridge.pickWorkspace(mode, options.suggestedName);
        } catch (err) {
          get().reportError(err, 'The file dialog failed');
          return null;
        }
      }
      return showInAppDialog(mode, options);
    },

    pickFilePath(options) {
      return showInAppDialog('open-file', { ...options, dir: options.dir ?? lastFileDir ?? lastDir });
    },

    async browseDir(dir) {
      const token = ++browseToken;
      set((s) => (s.fileDialog ? { fileDialog: { ...s.fileDialog, loading: true, error: null } } : {}));
      try {
        const listing = await api.send('files-list', dir === undefined ? {} : { dir });
        if (token !== browseToken) return;
        if (get().fileDialog?.mode === 'open-file') lastFileDir = listing.dir;
        else lastDir = listing.dir;
        set((s) => (s.fileDialog ? { fileDialog: { ...s.fileDialog, listing, loading: false } } : {}));
      } catch (err) {
        if (token !== browseToken) return;
        get().reportError(err);
        set((s) => (s.fileDialog ? { fileDialog: { ...s.fileDialog, loading: false, error: errorMessage(err) } } : {}));
      }
    },

    resolveFileDialog(path) {
      if (path && get().fileDialog?.mode === 'open-file') lastFileDir = dirName(path) || lastFileDir;
      else if (path) lastDir = dirName(path) || lastDir;
      const r = resolver;
      resolver = null;
      set({ fileDialog: null });
      r?.(path);
    },
  };
};

/** For "Browse…" next to a path field: start where the current value points. */
export function pickOptionsForPath(title: string, currentPath: string): PickOptions {
  const dir = dirName(currentPath);
  return { title, suggestedName: baseName(currentPath), ...(dir ? { dir } : {}) };
}
