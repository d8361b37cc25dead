// Migration: any segmentation (clusters of one stored model, funnel phases, RFM groups, rule
// segments, propensity bands) evaluated as of a series of dates with stable segment identities;
// sizes over time as stacked areas, the transition between any two dates as a Sankey or a matrix,
// agreement with the sample's hidden drift, and the customers who moved, with the signals that
// changed most, exportable as CSV.
import { useApp } from '../../store/index.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { EmptyStateJob, NoDataState, SegmentationsBody } from '../../components/ViewStates.tsx';
import { JobFailureNote } from '../signals/JobFailureNote.tsx';
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
  // Invalid set-ups are said in the bar, at their fields.
  if (!error || error.code === 'invalid-args') return null;
  return <JobFailureNote failure={error} titles={FAILURE_TITLES} fallback="The migration could not be computed" testId="migration-error" />;
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
      <EmptyStateJob job={job} onCancel={cancel} testIdPrefix="migration-empty-job" startingText="Starting…" />
    </EmptyState>
  );
}

function Results() {
  const r = useApp((s) => s.migrationResult);
  const job = useApp((s) => s.migrationJob);
  if (!r) return <NothingYet />;
  return (
    <div className={`vp-results${job ? ' busy' : ''}`} aria-busy={job ? true : undefined} data-testid="migration-results">
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

const NO_EVENTS = (
  <NoDataState icon="migration" title="Nothing to follow yet" testId="migration-no-events">
    <p>Migration follows customers from segment to segment over time: it needs customers with events spread over some weeks or months. Import data first.</p>
  </NoDataState>
);

export function MigrationView() {
  const enter = useApp((s) => s.enterMigration);
  const options = useApp((s) => s.migrationOptions);
  const loading = useApp((s) => s.migrationOptionsLoading);
  const loadError = useApp((s) => s.migrationOptionsError);
  return (
    <div className="vp-view" data-testid="view-migration">
      <Header />
      <SegmentationsBody
        enter={enter}
        options={options}
        loading={loading}
        error={loadError}
        noEvents={NO_EVENTS}
        testIdPrefix="migration"
        bar={(offered) => <SetupBar options={offered} />}
      >
        <Failure />
        <Results />
      </SegmentationsBody>
    </div>
  );
}
