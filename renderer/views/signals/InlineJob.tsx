// A long job's progress in one line (phase, bar, percent, Cancel), for the view's header or set-up
// bar where a full JobProgress block would push everything down; and the Run button it replaces.
import type { LongJob } from '../../store/signalsSlice.ts';
import { Icon } from '../../components/Icon.tsx';
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

interface RunOrProgressProps {
  job: LongJob | null;
  onCancel: () => void;
  /** `<prefix>-run` for the button, `<prefix>-progress`… while the job runs. */
  testIdPrefix: string;
  startingText: string;
  onRun: () => void;
  /** The result on screen answers the set-up: the button offers to run again and is no longer the primary one. */
  fresh: boolean;
  disabled: boolean;
  title: string;
  label: string;
  againLabel: string;
  className?: string;
}

/** A set-up bar's Run button, or the job's progress with Cancel while it runs. */
export function RunOrProgress({ job, onCancel, testIdPrefix, startingText, onRun, fresh, disabled, title, label, againLabel, className }: RunOrProgressProps) {
  if (job) return <InlineJob job={job} onCancel={onCancel} testIdPrefix={testIdPrefix} startingText={startingText} />;
  return (
    <button type="button" className={`btn${fresh ? '' : ' primary'}${className ? ` ${className}` : ''}`} onClick={onRun} disabled={disabled} title={title} data-testid={`${testIdPrefix}-run`}>
      <Icon name={fresh ? 'refresh' : 'play'} size={13} /> {fresh ? againLabel : label}
    </button>
  );
}
