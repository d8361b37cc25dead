// The workspace menu in the top bar: New…, Open…, Create sample…, Close, and recent workspaces.
import { useApp } from '../store/index.ts';
import { Icon } from './Icon.tsx';
import { Menu, type MenuEntry } from './Menu.tsx';
import { importShortcutLabel } from '../lib/views.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const RECENT_IN_MENU = 8;

export function WorkspaceMenu() {
  const workspace = useApp((s) => s.workspace);
  const recent = useApp((s) => s.recent);
  const busy = useApp((s) => s.busy);
  const a = useApp.getState();

  const recentEntries: MenuEntry[] = recent
    .filter((r) => r.path !== workspace?.path)
    .slice(0, RECENT_IN_MENU)
    .map((r) => ({
      kind: 'item',
      label: r.name,
      detail: r.exists ? r.path : `${r.path} — not found`,
      icon: 'workspace',
      disabled: !r.exists || busy !== null,
      title: r.path,
      onSelect: () => void a.openWorkspace(r.path),
    }));

  const entries: MenuEntry[] = [
    { kind: 'item', label: 'New workspace…', icon: 'plus', onSelect: () => void a.promptNewWorkspace(), disabled: busy !== null, testId: 'menu-new-workspace' },
    { kind: 'item', label: 'Open workspace…', icon: 'folder-open', onSelect: () => void a.promptOpenWorkspace(), disabled: busy !== null, testId: 'menu-open-workspace' },
    { kind: 'item', label: 'Create sample workspace…', icon: 'sparkles', onSelect: () => a.openSampleDialog(), disabled: busy !== null, testId: 'menu-create-sample' },
    { kind: 'separator' },
    {
      kind: 'item',
      label: 'Import file…',
      icon: 'file-plus',
      hint: importShortcutLabel(isMac),
      onSelect: () => a.openImport(),
      disabled: !workspace || workspace.readonly || busy !== null,
      title: workspace?.readonly ? 'The workspace is read-only' : 'Import customers, orders or events from a CSV, TSV, JSON Lines or XLSX file',
      testId: 'menu-import',
    },
    { kind: 'separator' },
    { kind: 'item', label: 'Close workspace', icon: 'x', onSelect: () => void a.closeWorkspace(), disabled: !workspace || busy !== null, testId: 'menu-close-workspace' },
  ];
  if (recentEntries.length > 0) entries.push({ kind: 'separator' }, { kind: 'label', text: 'Recent' }, ...recentEntries);

  return (
    <Menu
      label={
        <>
          <Icon name="workspace" size={15} />
          <span>Workspace</span>
          <Icon name="chevron-down" size={14} />
        </>
      }
      buttonClassName="btn"
      buttonTestId="workspace-menu"
      align="right"
      entries={entries}
    />
  );
}
