// The top bar: which workspace is open (name, path, schema and read-only badges), how much data
// it holds, and the workspace menu.
import { useApp } from '../store/index.ts';
import { formatCompact, formatDateRange, formatInt } from '../lib/format.ts';
import { Icon } from './Icon.tsx';
import { WorkspaceMenu } from './WorkspaceMenu.tsx';

export function TopBar() {
  const ws = useApp((s) => s.workspace);
  const busy = useApp((s) => s.busy);

  return (
    <header className="topbar">
      <div className="topbar-workspace">
        {ws ? (
          <>
            <Icon name="workspace" size={18} className="icon topbar-ws-icon" />
            <div className="topbar-ws-text">
              <div className="topbar-ws-line">
                <span className="topbar-ws-name" data-testid="workspace-name" title={ws.name}>
                  {ws.name}
                </span>
                <span className="badge" title="Workspace schema version">
                  Schema v{ws.schemaVersion}
                </span>
                {ws.readonly ? (
                  <span className="badge warning" title="The file cannot be written: changes are not saved">
                    <Icon name="lock" size={11} /> Read-only
                  </span>
                ) : null}
                {ws.hasGroundTruth ? <span className="badge accent" title="Generated sample data with hidden behaviour types">Sample</span> : null}
              </div>
              <div className="topbar-ws-path mono path-text" title={ws.path}>
                <bdi>{ws.path}</bdi>
              </div>
            </div>
          </>
        ) : (
          <span className="topbar-empty" data-testid="workspace-name">
            No workspace open
          </span>
        )}
      </div>
      {ws ? (
        <dl className="topbar-stats" aria-label="Workspace contents">
          <div title={`${formatInt(ws.customers)} customers`}>
            <dt>Customers</dt>
            <dd className="num">{formatCompact(ws.customers)}</dd>
          </div>
          <div title={`${formatInt(ws.events)} events`}>
            <dt>Events</dt>
            <dd className="num">{formatCompact(ws.events)}</dd>
          </div>
          <div className="topbar-range">
            <dt>Data from</dt>
            <dd className="num">{formatDateRange(ws.firstEventAt, ws.lastEventAt)}</dd>
          </div>
        </dl>
      ) : null}
      <div className="topbar-actions">
        {busy ? (
          <span className="topbar-busy muted" role="status">
            <span className="spinner" /> {busy === 'opening' ? 'Opening…' : busy === 'creating' ? 'Creating…' : 'Closing…'}
          </span>
        ) : null}
        <WorkspaceMenu />
      </div>
    </header>
  );
}
