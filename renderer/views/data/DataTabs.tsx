// The Data view's top row: Customers | Imports | Page taxonomy, and the Import… button.
import { useApp } from '../../store/index.ts';
import type { DataTab } from '../../store/importSlice.ts';
import { Icon } from '../../components/Icon.tsx';
import { formatCompact } from '../../lib/format.ts';
import { importShortcutLabel } from '../../lib/views.ts';
import { taxonomyDirty } from '../../store/taxonomySlice.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function DataTabs() {
  const tab = useApp((s) => s.dataTab);
  const ws = useApp((s) => s.workspace);
  const setTab = useApp((s) => s.setDataTab);
  const openImport = useApp((s) => s.openImport);
  // The workspace counts finished imports; the history also lists failed and cancelled ones.
  const history = useApp((s) => s.imports?.length);
  const unsaved = useApp(taxonomyDirty);
  const tabs: Array<{ id: DataTab; label: string; count: number | undefined; testId: string; unsaved?: boolean }> = [
    { id: 'customers', label: 'Customers', count: ws?.customers, testId: 'customers-tab' },
    { id: 'imports', label: 'Imports', count: history ?? ws?.imports, testId: 'imports-tab' },
    { id: 'taxonomy', label: 'Page taxonomy', count: undefined, testId: 'taxonomy-tab', unsaved },
  ];
  const step = (from: DataTab, by: number, list: HTMLElement | null) => {
    const i = tabs.findIndex((t) => t.id === from);
    const next = tabs[(i + by + tabs.length) % tabs.length]!;
    setTab(next.id);
    list?.querySelector<HTMLElement>(`[data-testid="${next.testId}"]`)?.focus();
  };
  return (
    <div className="data-tabs">
      <div role="tablist" aria-label="Data" className="tabs">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className={`tab${tab === t.id ? ' active' : ''}`}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                e.preventDefault();
                step(t.id, e.key === 'ArrowRight' ? 1 : -1, e.currentTarget.parentElement);
              }
            }}
            tabIndex={tab === t.id ? 0 : -1}
            data-testid={t.testId}
          >
            {t.label}
            {t.count !== undefined ? <span className="tab-count num">{formatCompact(t.count)}</span> : null}
            {t.unsaved ? (
              <span className="unsaved-dot" title="Unsaved changes" data-testid="taxonomy-tab-unsaved">
                <span className="visually-hidden">(unsaved changes)</span>
              </span>
            ) : null}
          </button>
        ))}
      </div>
      <span className="spacer" />
      <button
        type="button"
        className="btn"
        onClick={openImport}
        disabled={ws?.readonly}
        title={ws?.readonly ? 'The workspace is read-only' : `Import customers, orders or events (${importShortcutLabel(isMac)})`}
        data-testid="import-open"
      >
        <Icon name="file-plus" size={14} /> Import…
      </button>
    </div>
  );
}
