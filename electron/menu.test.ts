import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../core/api/contract.ts';
import { buildMenuTemplate } from './menu.ts';

function build(platform: NodeJS.Platform, isPackaged = false) {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate({ platform, isPackaged, appName: 'Segment Workbench', send: (c) => sent.push(c) });
  return { template, sent };
}

const submenuOf = (template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] => {
  const menu = template.find((m) => m.label === label || m.role === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no menu ${label}`);
  return menu.submenu as MenuItemConstructorOptions[];
};

const byLabel = (items: MenuItemConstructorOptions[], label: string) => {
  const item = items.find((i) => i.label === label);
  if (!item) throw new Error(`no item ${label}`);
  return item;
};

const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Window and Help on Windows/Linux, plus the app menu first on macOS', () => {
    expect(build('linux').template.map((m) => m.label ?? m.role)).toEqual(['&File', '&Edit', '&View', 'windowMenu', 'help']);
    expect(build('win32').template.map((m) => m.label ?? m.role)).toEqual(['&File', '&Edit', '&View', 'windowMenu', 'help']);
    expect(build('darwin').template.map((m) => m.label ?? m.role)).toEqual([
      'Segment Workbench',
      '&File',
      '&Edit',
      '&View',
      'windowMenu',
      'help',
    ]);
  });

  it('spells File accelerators with Ctrl off macOS and Cmd on macOS, and sends the file commands', () => {
    for (const [platform, mod] of [
      ['linux', 'Ctrl'],
      ['win32', 'Ctrl'],
      ['darwin', 'Cmd'],
    ] as const) {
      const { template, sent } = build(platform);
      const file = submenuOf(template, '&File');
      expect(byLabel(file, 'New Workspace…').accelerator).toBe(`${mod}+N`);
      expect(byLabel(file, 'Open Workspace…').accelerator).toBe(`${mod}+O`);
      expect(byLabel(file, 'Import File…').accelerator).toBe(`${mod}+I`);
      for (const label of ['New Workspace…', 'Open Workspace…', 'Create Sample Workspace…', 'Import File…', 'Close Workspace']) {
        click(byLabel(file, label));
      }
      expect(sent).toEqual(['new-workspace', 'open-workspace', 'create-sample', 'import-file', 'close-workspace']);
    }
  });

  it('puts Quit in File except on macOS, where it is in the app menu', () => {
    expect(submenuOf(build('linux').template, '&File').some((i) => i.role === 'quit')).toBe(true);
    expect(submenuOf(build('darwin').template, '&File').some((i) => i.role === 'quit')).toBe(false);
    expect(submenuOf(build('darwin').template, 'Segment Workbench').some((i) => i.role === 'quit')).toBe(true);
  });

  it('lists the seven views with Cmd/Ctrl+1..7, each sending its go- command', () => {
    for (const [platform, mod] of [
      ['linux', 'Ctrl'],
      ['darwin', 'Cmd'],
    ] as const) {
      const { template, sent } = build(platform);
      const views = submenuOf(template, '&View').filter((i) => i.click);
      expect(views.map((v) => v.label)).toEqual([
        'Data',
        'Signals && Phases',
        'Clusters',
        'Predict',
        'Rules && Compare',
        'Migration',
        'Economics',
        'Export',
      ]);
      expect(views.map((v) => v.accelerator)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `${mod}+${n}`));
      views.forEach(click);
      expect(sent).toEqual(['go-data', 'go-signals', 'go-clusters', 'go-predict', 'go-rules', 'go-migration', 'go-economics', 'go-export']);
    }
  });

  it('offers reload and developer tools only in development builds; zoom and full screen always', () => {
    const roles = (isPackaged: boolean) => submenuOf(build('linux', isPackaged).template, '&View').map((i) => i.role).filter(Boolean);
    expect(roles(false)).toEqual(['reload', 'forceReload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(true)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('uses standard roles for Edit and an About item under Help', () => {
    const edit = submenuOf(build('linux').template, '&Edit').map((i) => i.role).filter(Boolean);
    expect(edit).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
    expect(submenuOf(build('darwin').template, '&Edit').some((i) => i.role === 'pasteAndMatchStyle')).toBe(true);
    expect(submenuOf(build('linux').template, 'help')).toEqual([{ role: 'about', label: 'About Segment Workbench' }]);
  });

  it('only ever sends commands the contract declares, and no accelerator is used twice', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const { template, sent } = build(platform);
      const all = template.flatMap((m) => (Array.isArray(m.submenu) ? (m.submenu as MenuItemConstructorOptions[]) : []));
      all.filter((i) => i.click).forEach(click);
      expect(new Set(sent).size).toBe(sent.length);
      for (const c of sent) expect(MENU_COMMANDS).toContain(c);
      const accelerators = all.map((i) => i.accelerator).filter(Boolean);
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
  });
});
