// The results column: a failed fit, then the prediction — or what fitting does when there is none.
import { useApp } from '../../store/index.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { EmptyStateJob } from '../../components/ViewStates.tsx';
import { formatInt } from '../../lib/format.ts';
import { predictFailureTitle } from '../../store/predictSlice.ts';
import { ModelCards } from './ModelCards.tsx';
import { BacktestPanel } from './BacktestPanel.tsx';
import { PropensityPanel } from './PropensityPanel.tsx';
import { AlivePanel, ClvPanel } from './DistributionPanels.tsx';
import { CustomersPanel } from './CustomersPanel.tsx';

function FitFailure() {
  const error = useApp((s) => s.predictFitError);
  if (!error || (error.code === 'invalid-args' && error.message.startsWith('The '))) return null;
  return (
    <div className="sig-alert error" role="alert" data-testid="predict-fit-error" data-code={error.code}>
      <Icon name="alert" size={16} />
      <p>
        <strong>{predictFailureTitle(error)}.</strong> {error.message}
      </p>
    </div>
  );
}

function NoPredictionYet() {
  const job = useApp((s) => s.predictFitJob);
  const cancel = useApp((s) => s.cancelPredictFit);
  const fit = useApp((s) => s.fitPredict);
  const customers = useApp((s) => s.workspace?.customers ?? 0);
  const calibrationEnd = useApp((s) => s.predictDraft?.calibrationEnd);
  return (
    <EmptyState
      icon="predict"
      title="Nothing fitted yet"
      testId="predict-no-result"
      actions={
        job ? null : (
          <button type="button" className="btn primary large" onClick={() => void fit()} data-testid="predict-fit-empty">
            <Icon name="play" size={14} /> Fit on purchases to {calibrationEnd}
          </button>
        )
      }
    >
      <p>
        Three models are fitted on the {formatInt(customers)} customers’ purchases up to the calibration end: BG/NBD and Pareto/NBD for how often each customer buys and whether
        they are still a customer, Gamma-Gamma for how much they spend.
      </p>
      <p>Every parameter, log-likelihood and convergence detail is shown, and the purchases after the calibration end test the predictions.</p>
      <EmptyStateJob job={job} onCancel={cancel} testIdPrefix="predict-fit-empty-job" startingText="Starting to fit…" />
    </EmptyState>
  );
}

export function PredictMain() {
  const result = useApp((s) => s.predictResult);
  return (
    <div className="vp-main" data-testid="predict-main">
      <FitFailure />
      {result ? (
        <>
          <ModelCards />
          {result.chosen !== null ? (
            <>
              <BacktestPanel />
              <PropensityPanel />
              <div className="pr-pair">
                <AlivePanel />
                <ClvPanel />
              </div>
              <CustomersPanel />
            </>
          ) : null}
        </>
      ) : (
        <NoPredictionYet />
      )}
    </div>
  );
}
