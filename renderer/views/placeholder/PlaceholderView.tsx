// Views still to be built: say what they will do and what they need, so the analyst is never
// left with a blank page.
import { useApp } from '../../store/index.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { viewInfo, type ViewId } from '../../lib/views.ts';
import { formatInt } from '../../lib/format.ts';

export function PlaceholderView({ id }: { id: ViewId }) {
  const info = viewInfo(id);
  const workspace = useApp((s) => s.workspace);
  const a = useApp.getState();

  return (
    <div className="placeholder-view" data-testid={`view-${id}`}>
      <EmptyState icon={info.icon} title={info.label} testId="empty-state">
        <p>{info.summary}</p>
        {workspace ? (
          <p className="empty-status">
            <Icon name="clock" size={14} /> Not built yet — this view arrives in a later version. It will work on this workspace’s {formatInt(workspace.customers)} customers and{' '}
            {formatInt(workspace.events)} events.
          </p>
        ) : (
          <p className="empty-status">
            <Icon name="info" size={14} /> {info.needs} Open or create one to begin.
          </p>
        )}
      </EmptyState>
      {workspace ? (
        <div className="empty-actions">
          <button type="button" className="btn" onClick={() => a.setView('data')}>
            <Icon name="table" size={14} /> Browse customers
          </button>
        </div>
      ) : (
        <div className="empty-actions">
          <button type="button" className="btn primary" onClick={a.openSampleDialog}>
            <Icon name="sparkles" size={14} /> Create a sample workspace
          </button>
          <button type="button" className="btn" onClick={() => void a.promptOpenWorkspace()}>
            <Icon name="folder-open" size={14} /> Open workspace…
          </button>
        </div>
      )}
    </div>
  );
}
