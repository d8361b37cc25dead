// The results: what the figures can and cannot say (outcome window, likelihood source, margin
// column), the quadrant chart beside the selected segment's decision, and the table of every figure.
import { useApp } from '../../store/index.ts';
import { economicsKey } from '../../store/economicsSlice.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { EmptyStateJob } from '../../components/ViewStates.tsx';
import { earlierAsOf, likelihoodText, marginColumnText } from './economicsText.ts';
import { QuadrantPanel } from './QuadrantPanel.tsx';
import { DecisionPanel } from './DecisionPanel.tsx';
import { EconomicsTableCard } from './EconomicsTableCard.tsx';

function Failure() {
  const error = useApp((s) => s.economicsError);
  const run = useApp((s) => s.runEconomics);
  if (!error || error.issues.some((i) => i.field === 'asOf' || i.field === 'outcomeDays')) return null;
  return (
    <div className="sig-alert error" role="alert" data-testid="economics-error" data-code={error.code}>
      <Icon name="alert" size={16} />
      <p>
        <strong>The figures could not be computed.</strong> {error.message}{' '}
        <button type="button" className="vp-link" onClick={() => void run()}>
          Try again
        </button>
      </p>
    </div>
  );
}

function Notes() {
  const t = useApp((s) => s.economicsTable);
  const lastEventAt = useApp((s) => s.workspace?.lastEventAt);
  const useEarlier = useApp((s) => s.useEarlierEconomicsDate);
  const busy = useApp((s) => s.economicsJob !== null);
  if (!t) return null;
  const earlier = earlierAsOf(lastEventAt, t.outcomeDays);
  const offerEarlier = t.likelihoodSource !== 'observed' && earlier !== null && earlier !== t.asOf;
  const margin = marginColumnText(t);
  return (
    <>
      <div className={`sig-alert ${t.likelihoodSource === 'none' ? 'warning' : 'info'}`} role="note" data-testid="economics-likelihood-note" data-source={t.likelihoodSource}>
        <Icon name={t.likelihoodSource === 'none' ? 'alert' : 'info'} size={16} />
        <p>
          {likelihoodText(t)}
          {t.outcome.note ? <> {t.outcome.note}</> : null}
          {offerEarlier ? (
            <>
              {' '}
              <button type="button" className="vp-link" onClick={useEarlier} disabled={busy} data-testid="economics-use-earlier">
                Use an earlier date ({earlier}) to observe conversion in a complete {t.outcomeDays}-day window
              </button>
              .
            </>
          ) : null}
        </p>
      </div>
      {margin ? (
        <p className="ec-note muted" data-testid="economics-margin-note">
          <Icon name="info" size={13} /> {margin}
        </p>
      ) : null}
    </>
  );
}

function FirstRun() {
  const job = useApp((s) => s.economicsJob);
  const cancel = useApp((s) => s.cancelEconomics);
  const run = useApp((s) => s.runEconomics);
  const hasRef = useApp((s) => s.economicsDraft.ref !== null);
  return (
    <EmptyState
      icon="economics"
      title={job ? 'Adding up the segments' : 'No figures yet'}
      testId="economics-no-table"
      actions={
        job || !hasRef ? null : (
          <button type="button" className="btn primary" onClick={() => void run()} data-testid="economics-run-empty">
            <Icon name="play" size={14} /> Compute the economics
          </button>
        )
      }
    >
      <p>
        {hasRef
          ? 'Orders, discounts, returns and support contacts before the date, per segment, and how many of its customers bought after it.'
          : 'Choose a segmentation above: clusters, RFM groups, funnel phases, saved rule segments or propensity bands.'}
      </p>
      <EmptyStateJob job={job} onCancel={cancel} testIdPrefix="economics-first" startingText="Starting…" />
    </EmptyState>
  );
}

export function EconomicsMain() {
  const t = useApp((s) => s.economicsTable);
  const stale = useApp((s) => s.economicsTable !== null && s.economicsTableKey !== economicsKey(s.economicsDraft));
  return (
    <div className="vp-main ec-main" data-testid="economics-main" data-stale={stale || undefined}>
      <Failure />
      {t ? (
        <>
          <Notes />
          <div className={`ec-top${stale ? ' stale' : ''}`}>
            <QuadrantPanel />
            <DecisionPanel />
          </div>
          <EconomicsTableCard />
        </>
      ) : (
        <FirstRun />
      )}
    </div>
  );
}
