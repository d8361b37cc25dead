// A workspace with no customers yet: say how to fill it — import a file or drop one here.
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { importShortcutLabel } from '../../lib/views.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function EmptyWorkspace() {
  const openImport = useApp((s) => s.openImport);
  const openSample = useApp((s) => s.openSampleDialog);
  const readonly = useApp((s) => s.workspace?.readonly ?? false);
  return (
    <div className="empty-workspace" data-testid="empty-workspace">
      <EmptyState
        icon="file-plus"
        title="This workspace has no customers yet"
        actions={
          <>
            <button type="button" className="btn primary large" onClick={openImport} disabled={readonly} data-testid="empty-import">
              <Icon name="file-plus" size={15} /> Import a file…
            </button>
            <button type="button" className="btn large" onClick={openSample}>
              <Icon name="sparkles" size={15} /> Create a sample workspace instead
            </button>
          </>
        }
      >
        <p>Import a customer, order or event file — CSV, TSV, JSON Lines or XLSX. You check how it is read and map its columns before anything is written.</p>
        <div className="empty-drop-target" aria-hidden="true">
          <Icon name="upload" size={18} /> Or drop a file anywhere on this window · <kbd>{importShortcutLabel(isMac)}</kbd> opens Import
        </div>
      </EmptyState>
    </div>
  );
}
