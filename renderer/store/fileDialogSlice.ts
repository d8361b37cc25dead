// Choosing a workspace file, a file to import, or where to save a file the app writes. The
// desktop shell has native dialogs; the browser shell gets an in-app dialog that browses folders
// through the `files-list` operation. Either way callers await one promise that resolves to a
// path, or null when the user cancels.
import type { DesktopBridge, DirListing } from '../../core/api/contract.ts';
import { api, desktopBridge } from '../api/client.ts';
import { errorMessage, isConnectionError } from '../lib/errors.ts';
import { baseName, dirName, dotExt } from '../lib/paths.ts';
import type { SliceCreator } from './types.ts';

/** open/create: a workspace file; open-file: any file (what to import); save-file: where to write a file (an export). */
export type PickMode = 'open' | 'create' | 'open-file' | 'save-file';

/** Where to save a file: the dialog's title, the name it proposes, the extension ("csv") added when missing, the folder to start in. */
export type SavePathOptions = Parameters<DesktopBridge['pickSavePath']>[0];

export interface FileDialogState {
  mode: PickMode;
  title: string;
  /** Prefilled file name in create and save-file mode. */
  suggestedName: string;
  /** save-file: the extension added to a typed name that lacks it (".csv"); '' otherwise. */
  extension: string;
  listing: DirListing | null;
  loading: boolean;
  error: string | null;
  /** Said above the list, e.g. that the folder asked for does not exist and another is shown. */
  notice: string | null;
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
  /** Where to save a file: the native save dialog on the desktop, the in-app dialog in the browser. */
  pickSavePath(options: SavePathOptions): Promise<string | null>;
  browseDir(dir: string | undefined): Promise<void>;
  resolveFileDialog(path: string | null): void;
}

let resolver: ((path: string | null) => void) | null = null;
let lastDir: string | undefined;
let browseToken = 0;

// Import files and exports usually live elsewhere than workspaces: remember the folders apart.
let lastFileDir: string | undefined;
let lastSaveDir: string | undefined;

function rememberDir(mode: PickMode | undefined, dir: string) {
  if (mode === 'open-file') lastFileDir = dir;
  else if (mode === 'save-file') lastSaveDir = dir;
  else lastDir = dir;
}

export const createFileDialogSlice: SliceCreator<FileDialogSlice> = (set, get) => {
  function showInAppDialog(mode: PickMode, options: PickOptions & { extension?: string; fallback?: { dir: string | undefined } }): Promise<string | null> {
    resolver?.(null);
    const promise = new Promise<string | null>((resolve) => {
      resolver = resolve;
    });
    set({
      fileDialog: {
        mode,
        title: options.title,
        suggestedName: options.suggestedName ?? '',
        extension: options.extension ? dotExt(options.extension) : '',
        listing: null,
        loading: true,
        error: null,
        notice: null,
      },
    });
    const dir = options.dir ?? lastDir ?? get().appInfo?.defaultDir;
    void browse(dir, options.fallback);
    return promise;
  }

  /**
   * Lists `dir` in the open dialog. A folder that cannot be listed when a fallback is given (the
   * folder of a path typed by hand, which may not exist) shows the fallback, saying why.
   */
  async function browse(dir: string | undefined, fallback?: { dir: string | undefined }) {
    const token = ++browseToken;
    set((s) => (s.fileDialog ? { fileDialog: { ...s.fileDialog, loading: true, error: null, notice: null } } : {}));
    try {
      const listing = await api.send('files-list', dir === undefined ? {} : { dir });
      if (token !== browseToken) return;
      rememberDir(get().fileDialog?.mode, listing.dir);
      set((s) => (s.fileDialog ? { fileDialog: { ...s.fileDialog, listing, loading: false } } : {}));
    } catch (err) {
      if (token !== browseToken) return;
      if (fallback && fallback.dir !== dir && !isConnectionError(err)) {
        await browse(fallback.dir);
        if (browseToken !== token + 1) return;
        set((s) => (s.fileDialog?.listing ? { fileDialog: { ...s.fileDialog, notice: `${errorMessage(err)} Showing ${s.fileDialog.listing.dir} instead.` } } : {}));
        return;
      }
      get().reportError(err);
      set((s) => (s.fileDialog ? { fileDialog: { ...s.fileDialog, loading: false, error: errorMessage(err) } } : {}));
    }
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

    async pickSavePath(options) {
      if (desktopBridge) {
        try {
          return await desktopBridge.pickSavePath(options);
        } catch (err) {
          get().reportError(err, 'The file dialog failed');
          return null;
        }
      }
      const remembered = lastSaveDir ?? lastDir ?? get().appInfo?.defaultDir;
      return showInAppDialog('save-file', {
        title: options.title,
        suggestedName: options.suggestedName,
        extension: options.extension,
        dir: options.dir ?? remembered,
        ...(options.dir !== undefined ? { fallback: { dir: remembered } } : {}),
      });
    },

    browseDir: (dir) => browse(dir),

    resolveFileDialog(path) {
      if (path) {
        const dir = dirName(path);
        if (dir) rememberDir(get().fileDialog?.mode, dir);
      }
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

/** For "Choose…" next to a path field of a file to write: start where the current value points. */
export function savePathOptionsFor(title: string, currentPath: string, extension: string): SavePathOptions {
  const dir = dirName(currentPath.trim());
  return { title, suggestedName: baseName(currentPath.trim()), extension, ...(dir ? { dir } : {}) };
}
