// Predict: fit BG/NBD and Pareto/NBD (purchases while alive, and dropout) and Gamma-Gamma (spend)
// on purchases up to a calibration date, see every parameter with its meaning, the log-likelihoods
// side by side and which model is used, backtest the scores on the holdout, read P(alive) by
// frequency and recency and the CLV distribution, and list every customer's scores.
import { useEffect } from 'react';
import { useApp } from '../../store/index.ts';
import { LoadErrorState, LoadingState, NoDataState } from '../../components/ViewStates.tsx';
import { PredictHeader } from './PredictHeader.tsx';
import { SetupPanel } from './SetupPanel.tsx';
import { PredictMain } from './PredictMain.tsx';
import '../../styles/predict.css';

export function PredictView() {
  const path = useApp((s) => s.workspace?.path);
  const imports = useApp((s) => s.workspace?.imports);
  const events = useApp((s) => s.workspace?.events ?? 0);
  const enter = useApp((s) => s.enterPredict);
  const loading = useApp((s) => s.predictLoading);
  const loaded = useApp((s) => s.predictLoaded);
  const loadError = useApp((s) => s.predictLoadError);

  // New data drops the prediction in core: ask again whenever the data changes.
  useEffect(() => {
    void enter();
  }, [enter, path, imports, events]);

  let body;
  if (events === 0) {
    body = (
      <NoDataState icon="predict" title="No purchases to learn from" testId="predict-no-events">
        <p>The purchase models learn how often customers buy and when they stop. Import orders or events with purchases first.</p>
      </NoDataState>
    );
  } else if (loadError && !loaded) {
    body = <LoadErrorState title="The prediction could not be loaded" message={loadError} onRetry={() => void enter()} testId="predict-load-error" />;
  } else if (loading || !loaded) {
    body = <LoadingState label="Loading…" />;
  } else {
    body = (
      <div className="vp-split pr-body">
        <SetupPanel />
        <PredictMain />
      </div>
    );
  }

  return (
    <div className="vp-view" data-testid="view-predict">
      <PredictHeader />
      {body}
    </div>
  );
}
