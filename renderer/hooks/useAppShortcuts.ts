// App-wide keyboard shortcuts and the desktop menu's commands.
import { useEffect } from 'react';
import { MENU_COMMANDS, type MenuCommand } from '../../core/api/contract.ts';
import { desktopBridge } from '../api/client.ts';
import { useApp } from '../store/index.ts';
import { isImportShortcut, viewForMenuCommand, viewForShortcut } from '../lib/views.ts';

/** Ctrl/Cmd+1..7 switch views, Ctrl/Cmd+I opens Import — in the browser too (Playwright and the browser shell rely on it). */
export function useViewShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isImportShortcut(e)) {
        e.preventDefault();
        // A modal dialog (sample, file dialog, the import itself) owns the keyboard meanwhile.
        if (document.querySelector('dialog[open]')) return;
        useApp.getState().openImport();
        return;
      }
      const view = viewForShortcut(e);
      if (!view) return;
      e.preventDefault();
      useApp.getState().setView(view);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function runMenuCommand(cmd: MenuCommand): void {
  const s = useApp.getState();
  const view = viewForMenuCommand(cmd);
  if (view) return s.setView(view);
  switch (cmd) {
    case 'new-workspace':
      return void s.promptNewWorkspace();
    case 'open-workspace':
      return void s.promptOpenWorkspace();
    case 'create-sample':
      return s.openSampleDialog();
    case 'close-workspace':
      return void s.closeWorkspace();
    default:
      // MENU_COMMANDS is the source of truth; a new command without a case is logged, not ignored silently.
      console.warn(`Unhandled menu command "${cmd}" (known: ${MENU_COMMANDS.join(', ')})`);
  }
}

/** The Electron menu sends commands through the preload bridge; the browser has no native menu. */
export function useMenuCommands(): void {
  useEffect(() => {
    if (!desktopBridge) return;
    return desktopBridge.onMenuCommand(runMenuCommand);
  }, []);
}

/** Keeps the store's idea of the OS theme current. */
export function useSystemTheme(): void {
  useEffect(() => {
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => useApp.getState().setSystemTheme(mq.matches ? 'dark' : 'light');
    apply();
    mq.addEventListener('change', apply);
    return () => mq.removeEventListener('change', apply);
  }, []);
}
