// App-wide keyboard shortcuts and the desktop menu's commands.
import { useEffect } from 'react';
import type { MenuCommand } from '../../core/api/contract.ts';
import { desktopBridge } from '../api/client.ts';
import { useApp } from '../store/index.ts';
import { isGoCommand, isImportShortcut, viewForMenuCommand, viewForShortcut } from '../lib/views.ts';

/** Ctrl/Cmd+1..8 switch views, Ctrl/Cmd+I opens Import — in the browser too (Playwright and the browser shell rely on it). */
export function useViewShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isImportShortcut(e)) {
        e.preventDefault();
        openImportUnlessModal();
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

/** Import… from the keyboard or the menu: a modal dialog (sample, file dialog, the import itself) has the floor meanwhile. */
function openImportUnlessModal(): void {
  if (document.querySelector('dialog[open]')) return;
  useApp.getState().openImport();
}

/**
 * Every MenuCommand has a case: the `never` below makes a command added to MENU_COMMANDS without
 * one a type error here, instead of a menu item that silently does nothing.
 */
export function runMenuCommand(cmd: MenuCommand): void {
  const s = useApp.getState();
  switch (cmd) {
    case 'new-workspace':
      return void s.promptNewWorkspace();
    case 'open-workspace':
      return void s.promptOpenWorkspace();
    case 'create-sample':
      return s.openSampleDialog();
    case 'import-file':
      return openImportUnlessModal();
    case 'close-workspace':
      return void s.closeWorkspace();
    default: {
      if (isGoCommand(cmd)) {
        const view = viewForMenuCommand(cmd);
        if (view) s.setView(view);
        return;
      }
      const unhandled: never = cmd;
      // Reached only if the bridge sends something outside the contract.
      console.warn(`Unhandled menu command "${String(unhandled)}"`);
    }
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
