// Progress of a long job: phase, bar, done/total, time left, and Cancel.
import { useEffect, useState } from 'react';
import type { Progress } from '../../../core/api/contract.ts';
import { formatEta, formatInt, percent } from '../../lib/format.ts';

interface JobProgressProps {
  progress: Progress | null;
  startedAt: number;
  cancelling: boolean;
  onCancel: () => void;
}

function useElapsed(startedAt: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return Math.max(0, now - startedAt);
}

export function JobProgress({ progress, startedAt, cancelling, onCancel }: JobProgressProps) {
  const elapsed = useElapsed(startedAt);
  const pct = progress ? percent(progress.done, progress.total) : null;
  const eta = progress ? formatEta(progress.etaMs) : '';
  const phase = cancelling ? 'Cancelling…' : (progress?.phase ?? 'Starting…');

  return (
    <div className="job-progress" data-testid="job-progress" aria-busy="true">
      <div className="job-phase" aria-live="polite">
        <span className="spinner" />
        <strong data-testid="job-phase">{phase}</strong>
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
        <span data-testid="job-count">
          {progress ? (progress.total !== null ? `${formatInt(progress.done)} / ${formatInt(progress.total)} ${progress.unit}` : `${formatInt(progress.done)} ${progress.unit}`) : '\u00a0'}
        </span>
        <span className="muted">
          {eta ? `${eta} left · ` : ''}
          {Math.round(elapsed / 1000)} s elapsed
        </span>
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn danger" onClick={onCancel} disabled={cancelling} data-testid="job-cancel" autoFocus>
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      </div>
    </div>
  );
}
