// The line above the priority list: the date and the totals of the analysis (every customer has one
// primary segment or none), the state of the order being saved with Undo, and the analysis job.
import { useApp } from '../../../store/index.ts';
import { Icon } from '../../../components/Icon.tsx';
import { InlineJob } from '../../signals/InlineJob.tsx';
import { JobFailureNote } from '../../signals/JobFailureNote.tsx';
import { formatInt } from '../../../lib/format.ts';
import { totals } from './priorityOrder.ts';

function SaveState() {
  const state = useApp((s) => s.prioritySaveState);
  const error = useApp((s) => s.prioritySaveError);
  const undo = useApp((s) => s.priorityUndo);
  const undoMove = useApp((s) => s.undoPriorityMove);
  const announcement = useApp((s) => s.priorityAnnouncement);
  let text: React.ReactNode = 'Changes to the order are saved right away.';
  if (state === 'pending' || state === 'saving')
    text = (
      <>
        <span className="spinner" /> Saving the order…
      </>
    );
  else if (state === 'saved')
    text = (
      <>
        <Icon name="check" size={13} /> Order saved.
      </>
    );
  else if (state === 'error') text = <span className="pri-error-text">The order could not be saved: {error}</span>;
  return (
    <div className="pri-save" data-testid="priority-save-state" data-state={state}>
      <span className="pri-save-text" role={state === 'error' ? 'alert' : undefined}>
        {text}
      </span>
      {undo && state !== 'error' ? (
        <button type="button" className="btn small" onClick={undoMove} data-testid="priority-undo" title="Back to the order before the last change">
          <Icon name="undo" size={13} /> Undo
        </button>
      ) : null}
      <span className="visually-hidden" aria-live="polite" data-testid="priority-announcement">
        {announcement}
      </span>
    </div>
  );
}

export function PriorityStatus() {
  const analysis = useApp((s) => s.priorityAnalysis);
  const job = useApp((s) => s.priorityJob);
  const error = useApp((s) => s.priorityError);
  const cancel = useApp((s) => s.cancelPriorityAnalysis);
  const run = useApp((s) => s.runPriorityAnalysis);
  const t = analysis ? totals(analysis) : null;
  return (
    <div className="pri-status-wrap">
      <div className="ru-status" data-testid="priority-status">
        <p className="ru-status-text" data-testid="priority-totals" data-customers={t?.customers} data-primary={t?.primary} data-unassigned={t?.unassigned}>
          {analysis && t ? (
            <>
              As of <strong>{analysis.asOf}</strong>: <span className="num">{formatInt(t.customers)}</span> customers, <span className="num">{formatInt(t.primary)}</span> with a
              primary segment, <span className="num" data-testid="priority-unassigned">{formatInt(t.unassigned)}</span> in none
              {t.consistent ? null : (
                <span className="pri-error-text" data-testid="priority-inconsistent">
                  {' '}
                  (these do not add up: {formatInt(t.primary + t.unassigned)} counted)
                </span>
              )}
            </>
          ) : job ? (
            'Working out who gets which customer…'
          ) : (
            'No analysis yet.'
          )}
        </p>
        {job ? <InlineJob job={job} onCancel={cancel} testIdPrefix="priority-analysis" startingText="Evaluating the segments…" /> : null}
        {!job && (error || !analysis) ? (
          <button type="button" className="btn small" onClick={() => void run(true)} data-testid="priority-analyse">
            <Icon name="refresh" size={13} /> {error ? 'Try again' : 'Analyse'}
          </button>
        ) : null}
        <SaveState />
      </div>
      {error ? <JobFailureNote failure={error} fallback="The priorities could not be analysed" testId="priority-error" /> : null}
    </div>
  );
}
