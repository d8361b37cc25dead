// Progress of a long job: phase, bar, done/total, time left, elapsed, and Cancel. Shared by the
// sample generator and the import wizard; `testIdPrefix` keeps their test ids apart.
import { useEffect, useState } from 'react';
import type { Progress } from '../../core/api/contract.ts';
import { formatDuration, formatEta, formatProgressCount, percent } from '../lib/format.ts';

interface JobProgressProps {
  progress: Progress | null;
  startedAt: number;
  cancelling: boolean;
  onCancel: () => void;
  /** 'job' gives job-progress, job-phase, job-count, job-cancel. */
  testIdPrefix?: string;
  /** Shown before the first report arrives. */
  startingText?: string;
}

function useElapsed(startedAt: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return Math.max(0, now - startedAt);
}

export function JobProgress({ progress, startedAt, cancelling, onCancel, testIdPrefix = 'job', startingText = 'Starting…' }: JobProgressProps) {
  const elapsed = useElapsed(startedAt);
  const pct = progress ? percent(progress.done, progress.total) : null;
  const eta = progress ? formatEta(progress.etaMs) : '';
  const phase = cancelling ? 'Cancelling…' : (progress?.phase ?? startingText);
  const id = (name: string) => `${testIdPrefix}-${name}`;

  return (
    <div className="job-progress" data-testid={id('progress')} aria-busy="true">
      <div className="job-phase" aria-live="polite">
        <span className="spinner" />
        <strong data-testid={id('phase')}>{phase}</strong>
        {pct !== null ? <span className="job-pct num">{Math.floor(pct)}%</span> : null}
      </div>
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
      <div className="job-meta num">
        <span data-testid={id('count')}>{progress ? formatProgressCount(progress) : '\u00a0'}</span>
        <span className="muted">
          {eta ? `${eta} left · ` : ''}
          {elapsed < 60_000 ? `${Math.floor(elapsed / 1000)} s` : formatDuration(elapsed)} elapsed
        </span>
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn danger" onClick={onCancel} disabled={cancelling} data-testid={id('cancel')} autoFocus>
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      </div>
    </div>
  );
}
