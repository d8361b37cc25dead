// Compare two segmentations (clusters, phases, RFM, rule segments, propensity bands) as of a date:
// how alike they are (ARI, NMI), where their segments overlap (the contingency heatmap), how each
// segment and each cell converted in the window after the date, and which segmentation separates
// the buyers better. Any cell can be saved as a rule segment.
import { useApp } from '../../../store/index.ts';
import { compareKey, resultKey } from '../../../store/compareSlice.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { Icon } from '../../../components/Icon.tsx';
import { EmptyStateJob, NoDataState, SegmentationsBody } from '../../../components/ViewStates.tsx';
import { JobFailureNote } from '../../signals/JobFailureNote.tsx';
import { CompareSetup } from './CompareSetup.tsx';
import { CompareSummary } from './CompareSummary.tsx';
import { ContingencyPanel } from './ContingencyPanel.tsx';
import { CellPanel } from './CellPanel.tsx';
import { OutcomeTables } from './OutcomeTables.tsx';
import './compare.css';

const FAILURE_TITLES: Record<string, string> = {
  'invalid-args': 'Invalid set-up',
  'not-ready': 'Not available yet',
  'no-cluster-model': 'No cluster model',
};

function Failure() {
  const error = useApp((s) => s.compareError);
  // Invalid set-ups are said in the bar, at their fields.
  if (!error || error.code === 'invalid-args') return null;
  return <JobFailureNote failure={error} titles={FAILURE_TITLES} fallback="The comparison failed" testId="compare-error" />;
}

function NothingYet() {
  const job = useApp((s) => s.compareJob);
  const cancel = useApp((s) => s.cancelCompare);
  const options = useApp((s) => s.compareOptions ?? []);
  const available = options.filter((o) => o.available).length;
  return (
    <EmptyState icon="rules" title={available < 2 ? 'Not enough segmentations to compare' : 'Nothing compared yet'} testId="compare-empty">
      {available < 2 ? (
        <p>
          A comparison needs two segmentations. Fit clusters in the Clusters view, fit a prediction in Predict for propensity bands, or save a rule segment in the Segments tab; funnel
          phases and RFM need computed signals.
        </p>
      ) : (
        <>
          <p>Choose segmentations A and B above and press Compare. The customers of each are crossed as of the date, and what they did in the days after is counted per segment and per cell.</p>
          <p>The heatmap shows where the two agree; any cell can then be saved as a segment of its own.</p>
        </>
      )}
      <EmptyStateJob job={job} onCancel={cancel} testIdPrefix="compare-empty-job" startingText="Starting the comparison…" />
    </EmptyState>
  );
}

function StaleNote() {
  const r = useApp((s) => s.compareResult);
  const draft = useApp((s) => s.compareDraft);
  const job = useApp((s) => s.compareJob);
  if (!r || job || resultKey(r) === compareKey(draft)) return null;
  return (
    <p className="vp-stale muted" data-testid="compare-stale">
      <Icon name="info" size={13} /> The set-up changed since this comparison (shown: {r.a.label} vs {r.b.label}, as of {r.asOf}, {r.outcomeDays} days). Press Compare to update it.
    </p>
  );
}

function Results() {
  const r = useApp((s) => s.compareResult);
  const job = useApp((s) => s.compareJob);
  if (!r) return <NothingYet />;
  return (
    <div className={`vp-results${job ? ' busy' : ''}`} aria-busy={job ? true : undefined}>
      <StaleNote />
      <CompareSummary />
      <div className="cmp-pair">
        <ContingencyPanel />
        <CellPanel />
      </div>
      <OutcomeTables />
    </div>
  );
}

const NO_EVENTS = (
  <NoDataState icon="rules" title="Nothing to compare yet" testId="compare-no-events">
    <p>Comparing segmentations needs customers with events: their segments as of a date and what they bought after it. Import data first.</p>
  </NoDataState>
);

export function CompareTab() {
  const enter = useApp((s) => s.enterCompare);
  const options = useApp((s) => s.compareOptions);
  const loading = useApp((s) => s.compareOptionsLoading);
  const loadError = useApp((s) => s.compareOptionsError);
  return (
    <div className="vp-view" data-testid="compare-tab">
      <SegmentationsBody
        enter={enter}
        options={options}
        loading={loading}
        error={loadError}
        noEvents={NO_EVENTS}
        testIdPrefix="compare"
        bar={(offered) => <CompareSetup options={offered} />}
      >
        <Failure />
        <Results />
      </SegmentationsBody>
    </div>
  );
}
