// RFM, the standard rule-based baseline: buyers by recency, frequency and money scores on a 5×5
// grid, the named groups over it (editable: first match wins), the cut-offs in plain words, and
// each group's size and means. Settings on the left, what they give on the right.
import { useEffect } from 'react';
import { useApp } from '../../../store/index.ts';
import { LoadErrorState, LoadingState } from '../../../components/ViewStates.tsx';
import { useLeaveGuard } from '../../../hooks/useLeaveGuard.ts';
import { RfmSettingsPanel } from './RfmSettingsPanel.tsx';
import { RfmResults } from './RfmResults.tsx';
import { sameRfm } from './rfmSettings.ts';
import './rfm.css';

export function RfmTab() {
  const path = useApp((s) => s.workspace?.path);
  const imports = useApp((s) => s.workspace?.imports);
  const events = useApp((s) => s.workspace?.events);
  const enter = useApp((s) => s.enterRfm);
  const loading = useApp((s) => s.rfmLoading);
  const loadError = useApp((s) => s.rfmLoadError);
  const hasDraft = useApp((s) => s.rfmDraft !== null);
  const dirty = useApp((s) => s.rfmDraft !== null && !sameRfm(s.rfmDraft, s.rfmSaved));

  // New data changes the counts: ask again whenever it changes.
  useEffect(() => {
    void enter();
  }, [enter, path, imports, events]);
  // A highlight set by hover or focus must not outlive the tab (unmounting fires no blur).
  useEffect(() => () => useApp.getState().setRfmHighlight(null), []);
  // Closing the page would lose unsaved settings.
  useLeaveGuard(dirty);

  if (loadError && !hasDraft) return <LoadErrorState title="The RFM settings could not be loaded" message={loadError} onRetry={() => void enter()} testId="rfm-load-error" />;
  if (loading || !hasDraft) return <LoadingState label="Loading the RFM settings…" />;
  return (
    <div className="rfm-tab" data-testid="rfm-tab">
      <RfmSettingsPanel />
      <RfmResults />
    </div>
  );
}
