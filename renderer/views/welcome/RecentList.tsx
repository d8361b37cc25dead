// Recently opened workspaces. Files that no longer exist stay listed (greyed) so the analyst
// sees what moved, and can forget them.
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { formatDateTime } from '../../lib/format.ts';

export function RecentList() {
  const recent = useApp((s) => s.recent);
  const busy = useApp((s) => s.busy);
  const open = useApp((s) => s.openWorkspace);
  const forget = useApp((s) => s.forgetRecent);

  return (
    <section className="recent" aria-labelledby="recent-title">
      <h4 id="recent-title">Recent workspaces</h4>
      {recent.length === 0 ? (
        <p className="recent-empty faint">Workspaces you open or create will be listed here.</p>
      ) : (
        <ul className="recent-list" data-testid="recent-list">
          {recent.map((r) => (
            <li key={r.path} className={`recent-item${r.exists ? '' : ' missing'}`} data-testid="recent-item" data-exists={r.exists}>
              <button
                type="button"
                className="recent-open"
                disabled={!r.exists || busy !== null}
                onClick={() => void open(r.path)}
                title={r.exists ? `Open ${r.path}` : `${r.path} was not found`}
              >
                <Icon name="workspace" size={18} />
                <span className="recent-text">
                  <span className="recent-name">
                    <span className="recent-name-text">{r.name}</span>
                    {r.exists ? null : <span className="badge">File not found</span>}
                  </span>
                  <span className="recent-path mono path-text">
                    <bdi>{r.path}</bdi>
                  </span>
                </span>
                <span className="recent-when faint num">{formatDateTime(r.openedAt)}</span>
              </button>
              <button
                type="button"
                className="btn ghost small recent-forget"
                onClick={() => void forget(r.path)}
                title="Remove from this list (the file is not deleted)"
                aria-label={`Forget ${r.name}`}
                data-testid="recent-forget"
              >
                <Icon name="x" size={13} /> Forget
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
