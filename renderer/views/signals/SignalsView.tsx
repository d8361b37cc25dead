// Signals & Phases: compute behavioural signals as of a date, weigh them into an intent score,
// place customers in funnel phases with draggable thresholds, validate the phases against what
// customers did next, let a model suggest weights, and read why each customer is where they are.
import { useEffect } from 'react';
import { useApp } from '../../store/index.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { SignalsHeader } from './SignalsHeader.tsx';
import { SignalCatalog } from './SignalCatalog.tsx';
import { PhasesPanel } from './PhasesPanel.tsx';
import { InsightTabs } from './InsightTabs.tsx';
import { ComputeEmptyState, LostBanner } from './SnapshotNotices.tsx';
import { CustomSignalDialog } from './CustomSignalDialog.tsx';

export function SignalsView() {
  const path = useApp((s) => s.workspace?.path);
  const imports = useApp((s) => s.workspace?.imports);
  const events = useApp((s) => s.workspace?.events ?? 0);
  const enter = useApp((s) => s.enterSignals);
  const state = useApp((s) => s.snapshotState);
  const loading = useApp((s) => s.signalsLoading);
  const loadError = useApp((s) => s.signalsLoadError);
  const hasCatalog = useApp((s) => s.catalog !== null);

  // New data (an import, an erasure) drops core's snapshot: ask again whenever the figures change.
  useEffect(() => {
    void enter();
  }, [enter, path, imports, events]);

  // Pending settings are saved when the view goes away or the page is closed.
  useEffect(() => {
    const flush = () => useApp.getState().flushScoringSave();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  let body;
  if (events === 0) {
    body = (
      <div className="sig-center">
        <EmptyState
          icon="signal"
          title="No events to compute signals from"
          testId="signals-no-events"
          actions={
            <button type="button" className="btn primary" onClick={() => useApp.getState().setView('data')}>
              <Icon name="file-plus" size={14} /> Import data in the Data view
            </button>
          }
        >
          <p>Signals summarise each customer’s events before a date. Import events or orders first.</p>
        </EmptyState>
      </div>
    );
  } else if (loadError && !hasCatalog) {
    body = (
      <div className="sig-center">
        <EmptyState
          icon="alert"
          title="The signals could not be loaded"
          actions={
            <button type="button" className="btn" onClick={() => void enter()}>
              <Icon name="refresh" size={14} /> Try again
            </button>
          }
        >
          <p>{loadError}</p>
        </EmptyState>
      </div>
    );
  } else if (loading || state === 'unknown' || !hasCatalog) {
    body = (
      <div className="sig-center muted" role="status">
        <span className="spinner" /> Loading signals…
      </div>
    );
  } else if (state === 'none') {
    body = <ComputeEmptyState />;
  } else {
    body = (
      <div className="sig-body">
        <SignalCatalog />
        <div className="sig-main" data-testid="signals-main">
          {state === 'lost' ? <LostBanner /> : null}
          <PhasesPanel />
          <InsightTabs />
        </div>
      </div>
    );
  }

  return (
    <div className="signals-view" data-testid="view-signals">
      <SignalsHeader />
      {body}
      <CustomSignalDialog />
    </div>
  );
}
