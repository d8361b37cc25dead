// A long job's progress in one line (phase, bar, percent, Cancel), for the view's header where a
// full JobProgress block would push everything down.
import type { LongJob } from '../../store/signalsSlice.ts';
import { percent } from '../../lib/format.ts';

interface InlineJobProps {
  job: LongJob;
  onCancel: () => void;
  testIdPrefix: string;
  startingText?: string;
}

export function InlineJob({ job, onCancel, testIdPrefix, startingText = 'Starting…' }: InlineJobProps) {
  const pct = job.progress ? percent(job.progress.done, job.progress.total) : null;
  const phase = job.cancelling ? 'Cancelling…' : (job.progress?.phase ?? startingText);
  return (
    <div className="sig-inline-job" data-testid={`${testIdPrefix}-progress`} aria-busy="true">
      <span className="spinner" />
      <span className="sig-inline-phase" data-testid={`${testIdPrefix}-phase`} aria-live="polite" title={phase}>
        {phase}
      </span>
      <div
        className={`progress${pct === null ? ' indeterminate' : ''}`}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct === null ? undefined : Math.round(pct)}
        aria-label={phase}
      >
        <div style={{ width: `${pct ?? 0}%` }} />
      </div>
      <span className="num muted sig-inline-pct">{pct === null ? '' : `${Math.floor(pct)}%`}</span>
      <button type="button" className="btn small danger" onClick={onCancel} disabled={job.cancelling} data-testid={`${testIdPrefix}-cancel`}>
        {job.cancelling ? 'Cancelling…' : 'Cancel'}
      </button>
    </div>
  );
}
