// Native open/save dialogs for workspace files (*.segwb), and the save dialog for files the app
// writes (exports). The option building is pure; the caller passes Electron's dialog and the
// window the dialog belongs to.
import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import type { PickMode, SavePathOptions } from './ipc.ts';

export const WORKSPACE_EXTENSION = 'segwb';
const FILTERS = [{ name: 'Segment Workbench workspace', extensions: [WORKSPACE_EXTENSION] }];

/** A file name the user's suggested workspace name can safely become (no folders, no reserved characters). */
export function safeFileName(name: string | undefined): string {
  const cleaned = (name ?? '')
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ')
    .split(/\s+/)
    .filter((word) => !/^\.+$/.test(word))
    .join(' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 120)
    .trim();
  return cleaned || 'Workspace';
}

export function withWorkspaceExtension(path: string): string {
  return path.toLowerCase().endsWith(`.${WORKSPACE_EXTENSION}`) ? path : `${path}.${WORKSPACE_EXTENSION}`;
}

export function openDialogOptions(defaultDir: string): OpenDialogOptions {
  return { title: 'Open Workspace', defaultPath: defaultDir, filters: FILTERS, properties: ['openFile'] };
}

export function saveDialogOptions(defaultDir: string, suggestedName: string | undefined): SaveDialogOptions {
  return {
    title: 'New Workspace',
    buttonLabel: 'Create',
    defaultPath: join(defaultDir, `${safeFileName(suggestedName)}.${WORKSPACE_EXTENSION}`),
    filters: FILTERS,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

export async function pickWorkspace(
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
  window: BrowserWindow | null,
  defaultDir: string,
  mode: PickMode,
  suggestedName?: string,
): Promise<string | null> {
  if (mode === 'open') {
    const options = openDialogOptions(defaultDir);
    const r = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  }
  const options = saveDialogOptions(defaultDir, suggestedName);
  const r = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return r.canceled || !r.filePath ? null : withWorkspaceExtension(r.filePath);
}

/** `path` ending in `.extension` (given without its dot), added when missing. */
export function withExtension(path: string, extension: string): string {
  return path.toLowerCase().endsWith(`.${extension.toLowerCase()}`) ? path : `${path}.${extension}`;
}

/**
 * A save dialog filtered to the extension. No overwrite confirmation where Electron lets us leave
 * it out (Linux): the page asks "Replace?" itself when core says the file exists.
 */
export function savePathDialogOptions(defaultDir: string, options: SavePathOptions): SaveDialogOptions {
  const name = withExtension(safeFileName(options.suggestedName), options.extension);
  return {
    title: options.title,
    defaultPath: join(options.dir ?? defaultDir, name),
    filters: [{ name: `${options.extension.toUpperCase()} file`, extensions: [options.extension] }],
    properties: ['createDirectory'],
  };
}

export async function pickSavePath(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  window: BrowserWindow | null,
  defaultDir: string,
  options: SavePathOptions,
): Promise<string | null> {
  const dialogOptions = savePathDialogOptions(defaultDir, options);
  const r = window ? await dialog.showSaveDialog(window, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
  return r.canceled || !r.filePath ? null : withExtension(r.filePath, options.extension);
}
