// Migration: any segmentation (clusters of one stored model, funnel phases, RFM groups, rule
// segments, propensity bands) evaluated as of a series of dates with stable segment identities;
// sizes over time as stacked areas, the transition between any two dates as a Sankey or a matrix,
// agreement with the sample's hidden drift, and the customers who moved, with the signals that
// changed most, exportable as CSV.
import { useEffect } from 'react';
import { useApp } from '../../store/index.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { JobProgress } from '../../components/JobProgress.tsx';
import { LoadErrorState, LoadingState, NoDataState } from '../../components/ViewStates.tsx';
import { formatDuration } from '../../lib/format.ts';
import { SetupBar } from './SetupBar.tsx';
import { StaleNote, Summary } from './Summary.tsx';
import { AreaPanel } from './AreaPanel.tsx';
import { PairPanel } from './PairPanel.tsx';
import { DriftCard } from './DriftCard.tsx';
import { MoversPanel } from './MoversPanel.tsx';
import './migration.css';

const FAILURE_TITLES: Record<string, string> = {
  'no-cluster-model': 'No cluster model',
  'no-workspace-open': 'No workspace open',
};

function Header() {
  const r = useApp((s) => s.migrationResult);
  const status = r
    ? `${r.label} · ${r.days.length} dates from ${r.days[0]} to ${r.days.at(-1)} · computed in ${formatDuration(r.computedMs)}`
    : 'Follow customers from segment to segment over a series of dates';
  return (
    <div className="toolbar vp-header" role="toolbar" aria-label="Migration">
      <h2 className="vp-title">Migration</h2>
      <span className="vp-status muted" data-testid="migration-status" title={status}>
        {status}
      </span>
    </div>
  );
}

function Failure() {
  const error = useApp((s) => s.migrationError);
  if (!error || error.code === 'invalid-args') return null;
  return (
    <div className="sig-alert error" role="alert" data-testid="migration-error" data-code={error.code}>
      <Icon name="alert" size={16} />
      <p>
        <strong>{FAILURE_TITLES[error.code] ?? 'The migration could not be computed'}.</strong> {error.message}
      </p>
    </div>
  );
}

function NothingYet() {
  const job = useApp((s) => s.migrationJob);
  const cancel = useApp((s) => s.cancelMigration);
  return (
    <EmptyState icon="migration" title={job ? 'Following the customers…' : 'Nothing run yet'} testId="migration-empty">
      <p>
        Choose a segmentation and the dates above, then press Run. The segmentation is evaluated as of every date on that date’s own signals (clusters with one stored model, so a
        cluster keeps its identity), and every customer is followed from date to date.
      </p>
      <p>Each date takes a second or two per 10,000 customers: a year of months on a large workspace takes a while, and can be cancelled.</p>
      {job ? (
        <div className="vp-empty-job">
          <JobProgress progress={job.progress} startedAt={job.startedAt} cancelling={job.cancelling} onCancel={cancel} testIdPrefix="migration-empty-job" startingText="Starting…" />
        </div>
      ) : null}
    </EmptyState>
  );
}

function Results() {
  const r = useApp((s) => s.migrationResult);
  const job = useApp((s) => s.migrationJob);
  if (!r) return <NothingYet />;
  return (
    <div className={`mg-results${job ? ' busy' : ''}`} aria-busy={job ? true : undefined} data-testid="migration-results">
      <StaleNote />
      <Summary />
      <div className="mg-pair">
        <AreaPanel />
        <PairPanel />
      </div>
      <DriftCard />
      <MoversPanel />
    </div>
  );
}

export function MigrationView() {
  const path = useApp((s) => s.workspace?.path);
  const events = useApp((s) => s.workspace?.events ?? 0);
  const enter = useApp((s) => s.enterMigration);
  const options = useApp((s) => s.migrationOptions);
  const loading = useApp((s) => s.migrationOptionsLoading);
  const loadError = useApp((s) => s.migrationOptionsError);

  useEffect(() => {
    void enter();
  }, [enter, path]);

  let body;
  if (!path) body = null;
  else if (events === 0) {
    body = (
      <NoDataState icon="migration" title="Nothing to follow yet" testId="migration-no-events">
        <p>Migration follows customers from segment to segment over time: it needs customers with events spread over some weeks or months. Import data first.</p>
      </NoDataState>
    );
  } else if (loadError && !options) {
    body = <LoadErrorState title="The segmentations could not be listed" message={loadError} onRetry={() => void enter()} testId="migration-load-error" />;
  } else if (loading || !options) {
    body = <LoadingState label="Loading the segmentations…" />;
  } else {
    body = (
      <>
        <SetupBar options={options} />
        <div className="vp-main mg-main" data-testid="migration-main">
          <Failure />
          <Results />
        </div>
      </>
    );
  }
  return (
    <div className="mg-view" data-testid="view-migration">
      <Header />
      {body}
    </div>
  );
}
