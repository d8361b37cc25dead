// Signals & Phases: compute behavioural signals as of a date, weigh them into an intent score,
// place customers in funnel phases with draggable thresholds, validate the phases against what
// customers did next, let a model suggest weights, and read why each customer is where they are.
import { useEffect } from 'react';
import { useApp } from '../../store/index.ts';
import { LoadErrorState, LoadingState, NoDataState } from '../../components/ViewStates.tsx';
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
      <NoDataState icon="signal" title="No events to compute signals from" testId="signals-no-events">
        <p>Signals summarise each customer’s events before a date. Import events or orders first.</p>
      </NoDataState>
    );
  } else if (loadError && !hasCatalog) {
    body = <LoadErrorState title="The signals could not be loaded" message={loadError} onRetry={() => void enter()} />;
  } else if (loading || state === 'unknown' || !hasCatalog) {
    body = <LoadingState label="Loading signals…" />;
  } else if (state === 'none') {
    body = <ComputeEmptyState />;
  } else {
    body = (
      <div className="vp-split sig-body">
        <SignalCatalog />
        <div className="vp-main" data-testid="signals-main">
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
