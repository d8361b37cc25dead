// First screen when no workspace is open: the three ways in, and the recent workspaces.
import { useApp } from '../../store/index.ts';
import { Icon, type IconName } from '../../components/Icon.tsx';
import { RecentList } from './RecentList.tsx';
import { formatInt } from '../../lib/format.ts';

interface ActionCardProps {
  icon: IconName;
  title: string;
  text: string;
  onClick: () => void;
  testId: string;
  primary?: boolean;
  disabled?: boolean;
}

function ActionCard({ icon, title, text, onClick, testId, primary, disabled }: ActionCardProps) {
  return (
    <button type="button" className={`action-card${primary ? ' primary' : ''}`} onClick={onClick} data-testid={testId} disabled={disabled}>
      <span className="action-icon">
        <Icon name={icon} size={22} />
      </span>
      <span className="action-title">{title}</span>
      <span className="action-text">{text}</span>
    </button>
  );
}

export function Welcome() {
  const appInfo = useApp((s) => s.appInfo);
  const busy = useApp((s) => s.busy);
  const a = useApp.getState();
  const sampleCustomers = appInfo?.sampleDefaults.customers ?? 20_000;

  return (
    <div className="welcome" data-testid="welcome">
      <div className="welcome-inner">
        <header className="welcome-header">
          <span className="welcome-logo" aria-hidden="true">
            <Icon name="clusters" size={30} strokeWidth={1.75} />
          </span>
          <div>
            <h1>Segment Workbench</h1>
            <p className="muted">
              Segment customers by what they do — signals, phases, clusters and rules — entirely on this computer.
              {appInfo ? <span className="faint"> Version {appInfo.version}.</span> : null}
            </p>
          </div>
        </header>

        <section className="welcome-actions" aria-label="Get started">
          <ActionCard
            icon="sparkles"
            title="Create a sample workspace"
            text={`Generate ${formatInt(sampleCustomers)} synthetic customers with realistic behaviour to explore the workbench.`}
            onClick={a.openSampleDialog}
            testId="create-sample"
            primary
            disabled={busy !== null}
          />
          <ActionCard
            icon="folder-open"
            title="Open workspace…"
            text="Continue with an existing .segwb workspace file."
            onClick={() => void a.promptOpenWorkspace()}
            testId="open-workspace"
            disabled={busy !== null}
          />
          <ActionCard
            icon="plus"
            title="New workspace…"
            text="Start an empty workspace and import your own customer events."
            onClick={() => void a.promptNewWorkspace()}
            testId="new-workspace"
            disabled={busy !== null}
          />
        </section>

        <RecentList />
      </div>
    </div>
  );
}
