// Predict: fit BG/NBD and Pareto/NBD (purchases while alive, and dropout) and Gamma-Gamma (spend)
// on purchases up to a calibration date, see every parameter with its meaning, the log-likelihoods
// side by side and which model is used, backtest the scores on the holdout, read P(alive) by
// frequency and recency and the CLV distribution, and list every customer's scores.
import { useEffect } from 'react';
import { useApp } from '../../store/index.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
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
      <div className="pr-center">
        <EmptyState
          icon="predict"
          title="No purchases to learn from"
          testId="predict-no-events"
          actions={
            <button type="button" className="btn primary" onClick={() => useApp.getState().setView('data')}>
              <Icon name="file-plus" size={14} /> Import data in the Data view
            </button>
          }
        >
          <p>The purchase models learn how often customers buy and when they stop. Import orders or events with purchases first.</p>
        </EmptyState>
      </div>
    );
  } else if (loadError && !loaded) {
    body = (
      <div className="pr-center">
        <EmptyState
          icon="alert"
          title="The prediction could not be loaded"
          testId="predict-load-error"
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
  } else if (loading || !loaded) {
    body = (
      <div className="pr-center pr-loading muted" role="status">
        <span className="spinner" /> Loading…
      </div>
    );
  } else {
    body = (
      <div className="pr-body">
        <SetupPanel />
        <PredictMain />
      </div>
    );
  }

  return (
    <div className="predict-view" data-testid="view-predict">
      <PredictHeader />
      {body}
    </div>
  );
}
