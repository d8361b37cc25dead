// Overlap and priority: the saved segments in the order they claim customers (drag, keyboard or
// buttons to reorder; saved at once), what that order gives each segment (primary members, members
// claimed by segments above, who takes from whom, who is left unassigned), and the export of every
// customer's primary segment.
import { useEffect } from 'react';
import { useApp } from '../../../store/index.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { LoadErrorState, LoadingState } from '../../../components/ViewStates.tsx';
import { PriorityStatus } from './PriorityStatus.tsx';
import { PriorityList } from './PriorityList.tsx';
import { PriorityChart } from './PriorityChart.tsx';
import { TakesMatrix } from './TakesMatrix.tsx';
import { PriorityExport } from './PriorityExport.tsx';
import './priority.css';

function NoSegments() {
  return (
    <div className="vp-center">
      <EmptyState
        icon="rules"
        title="No saved segments yet"
        testId="priority-empty"
        actions={
          <button type="button" className="btn primary" onClick={() => useApp.getState().setRulesTab('segments')} data-testid="priority-go-segments">
            Go to the Segments tab
          </button>
        }
      >
        <p>
          The priority list puts your saved segments in order, so that every customer gets one primary segment: the first segment in the list that matches them.
        </p>
        <p>
          Create segments in the <strong>Segments</strong> tab: build a rule and save it as a segment. An RFM group can start one too (RFM tab, “Use as segment…”). Saved
          segments appear here, newest at the end.
        </p>
      </EmptyState>
    </div>
  );
}

export function PriorityTab() {
  const path = useApp((s) => s.workspace?.path);
  const imports = useApp((s) => s.workspace?.imports);
  const events = useApp((s) => s.workspace?.events);
  const enter = useApp((s) => s.enterPriority);
  const loaded = useApp((s) => s.priorityLoaded);
  const loadError = useApp((s) => s.priorityLoadError);
  const segments = useApp((s) => s.rulesSegments);
  const saveState = useApp((s) => s.prioritySaveState);
  const run = useApp((s) => s.runPriorityAnalysis);

  useEffect(() => {
    void enter();
  }, [enter, path, imports, events]);

  // Segments saved or changed elsewhere (the Segments tab): analyse again once no order of ours is on its way.
  useEffect(() => {
    if (loaded && saveState !== 'pending' && saveState !== 'saving') void run();
  }, [segments, loaded, saveState, run]);

  if (!loaded) return <LoadingState label="Loading the saved segments…" />;
  if (loadError && (segments?.length ?? 0) === 0) return <LoadErrorState title="The saved segments could not be loaded" message={loadError} onRetry={() => void enter()} testId="priority-load-error" />;
  if ((segments?.length ?? 0) === 0) return <NoSegments />;
  return (
    <div className="vp-main pri-tab" data-testid="priority-tab">
      <PriorityStatus />
      <div className="pri-top">
        <PriorityList />
        <PriorityChart />
      </div>
      <TakesMatrix />
      <PriorityExport />
    </div>
  );
}
