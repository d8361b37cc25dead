// Clusters: choose signals and a k (with elbow, silhouette and stability to go by), fit k-means,
// and explore the result — cluster cards with names and outcomes, the centroid profile, customers
// in a 2-D projection with brushing, the members of a cluster or selection, why a customer is
// where they are, and (on sample data) how the clusters match the hidden behaviour types.
import { useEffect } from 'react';
import { useApp } from '../../store/index.ts';
import { LoadErrorState, LoadingState, NoDataState } from '../../components/ViewStates.tsx';
import { ClustersHeader } from './ClustersHeader.tsx';
import { SetupPanel } from './SetupPanel.tsx';
import { ClustersMain } from './ClustersMain.tsx';
import { SignalsNeeded } from './SignalsNeeded.tsx';
import '../../styles/clusters.css';

export function ClustersView() {
  const path = useApp((s) => s.workspace?.path);
  const imports = useApp((s) => s.workspace?.imports);
  const events = useApp((s) => s.workspace?.events ?? 0);
  // Signals computed (or dropped) anywhere change what can be fitted: reload when they do.
  const snapshotKey = useApp((s) => (s.snapshot ? `${s.snapshot.asOf}/${s.snapshot.computedMs}` : ''));
  const enter = useApp((s) => s.enterClusters);
  const loading = useApp((s) => s.clustersLoading);
  const loadError = useApp((s) => s.clustersLoadError);
  const hasCatalog = useApp((s) => s.clusterCatalog !== null);
  const signalsState = useApp((s) => s.clusterSignalsState);
  const hasModels = useApp((s) => s.clusterModels.length > 0 || s.clusterModel !== null);

  useEffect(() => {
    void enter();
  }, [enter, path, imports, events, snapshotKey]);

  let body;
  if (events === 0) {
    body = (
      <NoDataState icon="clusters" title="No events to cluster customers on" testId="clusters-no-events">
        <p>Clusters group customers by their behavioural signals. Import events or orders first, then compute the signals.</p>
      </NoDataState>
    );
  } else if (loadError && !hasCatalog) {
    body = <LoadErrorState title="The clusters could not be loaded" message={loadError} onRetry={() => void enter()} testId="clusters-load-error" />;
  } else if (loading || !hasCatalog || signalsState === 'unknown') {
    body = <LoadingState label="Loading clusters…" />;
  } else if (signalsState === 'none' && !hasModels) {
    body = <SignalsNeeded />;
  } else {
    body = (
      <div className="vp-split cl-body">
        <SetupPanel />
        <ClustersMain />
      </div>
    );
  }

  return (
    <div className="vp-view" data-testid="view-clusters">
      <ClustersHeader />
      {body}
    </div>
  );
}
