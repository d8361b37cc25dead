// The native menu as a pure template: standard roles for what the OS does (edit, zoom, window),
// MenuCommands sent to the page for what the app does. Accelerators are spelled per platform
// (Cmd on macOS, Ctrl elsewhere) rather than CmdOrCtrl so the tests can state them exactly.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../core/api/contract.ts';

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Reload and developer tools only in development builds. */
  isPackaged: boolean;
  appName: string;
  send(command: MenuCommand): void;
}

/** The eight views in their order; Cmd/Ctrl+1..8 follow it. */
export const VIEW_ITEMS: ReadonlyArray<{ label: string; command: MenuCommand }> = [
  { label: 'Data', command: 'go-data' },
  { label: 'Signals && Phases', command: 'go-signals' },
  { label: 'Clusters', command: 'go-clusters' },
  { label: 'Predict', command: 'go-predict' },
  { label: 'Rules && Compare', command: 'go-rules' },
  { label: 'Migration', command: 'go-migration' },
  { label: 'Economics', command: 'go-economics' },
  { label: 'Export', command: 'go-export' },
];

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const mod = mac ? 'Cmd' : 'Ctrl';
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => options.send(command),
    ...(accelerator ? { accelerator } : {}),
  });

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      item('New Workspace…', 'new-workspace', `${mod}+N`),
      item('Open Workspace…', 'open-workspace', `${mod}+O`),
      item('Create Sample Workspace…', 'create-sample'),
      separator,
      item('Import File…', 'import-file', `${mod}+I`),
      separator,
      item('Close Workspace', 'close-workspace'),
      // On macOS Quit lives in the app menu.
      ...(mac ? [] : [separator, { role: 'quit', accelerator: 'Ctrl+Q' } satisfies MenuItemConstructorOptions]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } satisfies MenuItemConstructorOptions] : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...VIEW_ITEMS.map((v, i) => item(v.label, v.command, `${mod}+${i + 1}`)),
      separator,
      ...(options.isPackaged
        ? []
        : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator]
      ) as MenuItemConstructorOptions[],
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  const window: MenuItemConstructorOptions = { role: 'windowMenu' };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ role: 'about', label: `About ${options.appName}` }],
  };

  return mac ? [appMenu, file, edit, view, window, help] : [file, edit, view, window, help];
}
