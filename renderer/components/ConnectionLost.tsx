// Shown instead of the app when the page cannot talk to core: the browser shell's server is not
// running, or the page was opened without the per-run access token.
import { useApp } from '../store/index.ts';
import { isDesktop } from '../api/client.ts';
import { Icon } from './Icon.tsx';

export function ConnectionLost({ detail }: { detail: string }) {
  const retry = () => {
    useApp.getState().setConnectionError(null);
    void useApp.getState().init();
  };
  return (
    <div className="connection-lost" data-testid="connection-lost" role="alert">
      <div className="connection-card">
        <span className="connection-icon">
          <Icon name="plug" size={28} />
        </span>
        <h2>No connection to the workbench</h2>
        {isDesktop ? (
          <p>The workbench engine stopped answering. Restart the application; your workspace files are safe.</p>
        ) : (
          <p>
            This page is not connected or not authorised. Open the address printed by <code>npm run web</code> (it contains the access token).
          </p>
        )}
        <p className="connection-detail mono">{detail}</p>
        <button type="button" className="btn primary" onClick={retry}>
          <Icon name="refresh" size={14} /> Try again
        </button>
      </div>
    </div>
  );
}
