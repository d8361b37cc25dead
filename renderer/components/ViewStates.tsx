// The states every analysis view passes through before it has something to show: no data yet,
// a failed load with a retry, loading, and the first result being computed. One look and one
// wording across the views.
import { useEffect, type ReactNode } from 'react';
import type { SegmentationOption } from '../../core/api/contract.ts';
import { useApp } from '../store/index.ts';
import type { LongJob } from '../store/signalsSlice.ts';
import { EmptyState } from './EmptyState.tsx';
import { Icon, type IconName } from './Icon.tsx';
import { JobProgress } from './JobProgress.tsx';

export function NoDataState({ icon, title, testId, children }: { icon: IconName; title: string; testId: string; children: ReactNode }) {
  return (
    <div className="vp-center">
      <EmptyState
        icon={icon}
        title={title}
        testId={testId}
        actions={
          <button type="button" className="btn primary" onClick={() => useApp.getState().setView('data')}>
            <Icon name="file-plus" size={14} /> Import data in the Data view
          </button>
        }
      >
        {children}
      </EmptyState>
    </div>
  );
}

export function LoadErrorState({ title, message, onRetry, testId }: { title: string; message: string; onRetry: () => void; testId?: string }) {
  return (
    <div className="vp-center">
      <EmptyState
        icon="alert"
        title={title}
        {...(testId ? { testId } : {})}
        actions={
          <button type="button" className="btn" onClick={onRetry}>
            <Icon name="refresh" size={14} /> Try again
          </button>
        }
      >
        <p>{message}</p>
      </EmptyState>
    </div>
  );
}

export function LoadingState({ label }: { label: string }) {
  return (
    <div className="vp-center vp-loading muted" role="status">
      <span className="spinner" /> {label}
    </div>
  );
}

interface LoadGateProps<T> {
  /** What the view needs first (the segmentations on offer); null until loaded. */
  value: T | null;
  loading: boolean;
  error: string | null;
  errorTitle: string;
  loadingLabel: string;
  onRetry: () => void;
  errorTestId: string;
  children: (value: T) => ReactNode;
}

/** A failed load with nothing to show says so with a retry; then loading until there is something; then the view. */
export function LoadGate<T>({ value, loading, error, errorTitle, loadingLabel, onRetry, errorTestId, children }: LoadGateProps<T>) {
  if (error && value === null) return <LoadErrorState title={errorTitle} message={error} onRetry={onRetry} testId={errorTestId} />;
  if (loading || value === null) return <LoadingState label={loadingLabel} />;
  return children(value);
}

interface SegmentationsBodyProps {
  /** Lists the segmentations on offer (and whatever else the view needs); again for another workspace. */
  enter: () => Promise<void>;
  options: SegmentationOption[] | null;
  loading: boolean;
  error: string | null;
  /** What to do first in a workspace without events. */
  noEvents: ReactNode;
  /** `<prefix>-load-error`, `<prefix>-main`. */
  testIdPrefix: string;
  /** The set-up bar, given the segmentations on offer. */
  bar: (options: SegmentationOption[]) => ReactNode;
  /** The results, scrolling below the bar. */
  children: ReactNode;
}

/**
 * The body of a view whose set-up bar chooses among the segmentations on offer (Compare, Migration):
 * entered when shown and for every workspace; nothing without a workspace, `noEvents` without
 * events; then the bar, and the results below it.
 */
export function SegmentationsBody({ enter, options, loading, error, noEvents, testIdPrefix, bar, children }: SegmentationsBodyProps) {
  const path = useApp((s) => s.workspace?.path);
  const events = useApp((s) => s.workspace?.events ?? 0);
  useEffect(() => {
    void enter();
  }, [enter, path]);
  if (!path) return null;
  if (events === 0) return noEvents;
  return (
    <LoadGate
      value={options}
      loading={loading}
      error={error}
      errorTitle="The segmentations could not be listed"
      loadingLabel="Loading the segmentations…"
      onRetry={() => void enter()}
      errorTestId={`${testIdPrefix}-load-error`}
    >
      {(offered) => (
        <>
          {bar(offered)}
          <div className="vp-main vp-fill" data-testid={`${testIdPrefix}-main`}>
            {children}
          </div>
        </>
      )}
    </LoadGate>
  );
}

/** The first result's job, under the empty state that says what it will show. */
export function EmptyStateJob({ job, onCancel, testIdPrefix, startingText }: { job: LongJob | null; onCancel: () => void; testIdPrefix: string; startingText: string }) {
  if (!job) return null;
  return (
    <div className="vp-empty-job">
      <JobProgress progress={job.progress} startedAt={job.startedAt} cancelling={job.cancelling} onCancel={onCancel} testIdPrefix={testIdPrefix} startingText={startingText} />
    </div>
  );
}
