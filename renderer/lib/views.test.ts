import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../../core/api/contract.ts';
import { importShortcutLabel, isGoCommand, isImportShortcut, VIEW_IDS, VIEWS, viewForMenuCommand, viewForShortcut } from './views.ts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('views', () => {
  it('lists eight views in navigation order', () => {
    expect(VIEWS.map((v) => v.id)).toEqual([...VIEW_IDS]);
    expect(VIEWS).toHaveLength(8);
  });

  it('maps Ctrl/Cmd+1..8 to views', () => {
    expect(viewForShortcut(key('1', { ctrlKey: true }))).toBe('data');
    expect(viewForShortcut(key('4', { ctrlKey: true }))).toBe('predict');
    expect(viewForShortcut(key('8', { metaKey: true }))).toBe('export');
    expect(viewForShortcut(key('9', { ctrlKey: true }))).toBeNull();
    expect(viewForShortcut(key('1'))).toBeNull();
    expect(viewForShortcut(key('1', { ctrlKey: true, shiftKey: true }))).toBeNull();
  });

  it('handles every go-* menu command', () => {
    const go = MENU_COMMANDS.filter((c) => c.startsWith('go-'));
    // Predict has no go-* command in the contract yet: every other view has one, in order.
    expect(go.map(viewForMenuCommand)).toEqual([...VIEW_IDS]);
    expect(viewForMenuCommand('open-workspace')).toBeNull();
    expect(viewForMenuCommand('import-file')).toBeNull();
  });

  it('tells view commands from the others', () => {
    expect(MENU_COMMANDS.filter(isGoCommand)).toEqual(MENU_COMMANDS.filter((c) => c.startsWith('go-')));
    expect(isGoCommand('import-file')).toBe(false);
  });

  it('recognises Ctrl/Cmd+I as Import', () => {
    expect(isImportShortcut(key('i', { ctrlKey: true }))).toBe(true);
    expect(isImportShortcut(key('I', { metaKey: true }))).toBe(true);
    expect(isImportShortcut(key('i'))).toBe(false);
    expect(isImportShortcut(key('i', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(importShortcutLabel(true)).toBe('⌘I');
    expect(importShortcutLabel(false)).toBe('Ctrl+I');
  });
});
