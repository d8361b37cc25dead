// Economics: per segment of any segmentation as of a date, what its customers are worth (margin,
// discounts, returns, support, churn, CLV, net value) against how likely they are to convert; a
// quadrant chart of the two, a sortable table of every figure with warnings for the known traps,
// and a decision per segment — compete, maintain or don't compete — with its rationale and
// history. The "don't compete" segments make the exclusion list, exported as CSV.
import { useEffect } from 'react';
import { useApp } from '../../store/index.ts';
import { LoadGate, NoDataState } from '../../components/ViewStates.tsx';
import { EconomicsHeader } from './EconomicsHeader.tsx';
import { EconomicsToolbar } from './EconomicsToolbar.tsx';
import { EconomicsMain } from './EconomicsMain.tsx';
import './economics.css';

export function EconomicsView() {
  const path = useApp((s) => s.workspace?.path);
  const imports = useApp((s) => s.workspace?.imports);
  const events = useApp((s) => s.workspace?.events ?? 0);
  const enter = useApp((s) => s.enterEconomics);
  const loading = useApp((s) => s.economicsLoading);
  const loadError = useApp((s) => s.economicsLoadError);
  const options = useApp((s) => s.economicsOptions);

  // New data changes every figure: enter again whenever it changes.
  useEffect(() => {
    if (events > 0) void enter();
  }, [enter, path, imports, events]);

  let body;
  if (events === 0) {
    body = (
      <NoDataState icon="economics" title="No purchases to weigh yet" testId="economics-no-events">
        <p>Economics adds up what each segment’s customers bought, returned and cost in support. Import orders or events with purchases first.</p>
      </NoDataState>
    );
  } else {
    body = (
      <LoadGate
        value={options}
        loading={loading}
        error={loadError}
        errorTitle="The economics could not be loaded"
        loadingLabel="Loading…"
        onRetry={() => void enter()}
        errorTestId="economics-load-error"
      >
        {(offered) => (
          <>
            <EconomicsToolbar options={offered} />
            <EconomicsMain />
          </>
        )}
      </LoadGate>
    );
  }

  return (
    <div className="vp-view economics-view" data-testid="view-economics">
      <EconomicsHeader />
      {body}
    </div>
  );
}
