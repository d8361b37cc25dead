// A model from an earlier session: its stored parts are shown, and one button fits it again with
// its own settings so the scatter, members and explanations come back.
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';

export function NotLiveBanner() {
  const model = useApp((s) => s.clusterModel);
  const refit = useApp((s) => s.refitClusterModel);
  const fitting = useApp((s) => s.clusterFitJob !== null);
  const signalsReady = useApp((s) => s.clusterSignalsState === 'ready');
  const signalsAsOf = useApp((s) => s.clusterSignalsAsOf);
  if (!model) return null;
  const otherDate = signalsReady && signalsAsOf !== null && signalsAsOf !== model.asOf;
  return (
    <div className="sig-alert warning cl-banner" role="status" data-testid="cluster-not-live">
      <Icon name="history" size={16} />
      <div>
        <strong>Model #{model.modelId} was fitted in an earlier session</strong>
        <p>
          Its profile, sizes and outcomes are stored. The scatter, the members and the explanations need the customers’ assignments: re-fit it with its own
          settings to see them.
          {otherDate ? ` The signals now computed are as of ${signalsAsOf}, not ${model.asOf}: the re-fit uses them.` : ''}
        </p>
      </div>
      <button type="button" className="btn primary" onClick={() => void refit()} disabled={fitting || !signalsReady} title={signalsReady ? undefined : 'Compute the signals first'} data-testid="cluster-refit">
        <Icon name="refresh" size={13} /> {fitting ? 'Fitting…' : `Re-fit model #${model.modelId}`}
      </button>
    </div>
  );
}
