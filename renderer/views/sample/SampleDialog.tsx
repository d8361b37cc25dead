// "Create a sample workspace": the form, then the running job with progress and Cancel, then
// how it ended. The dialog cannot be dismissed while the job runs — Cancel is the way out.
import { useApp } from '../../store/index.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Icon } from '../../components/Icon.tsx';
import { SampleForm } from './SampleForm.tsx';
import { JobProgress } from '../../components/JobProgress.tsx';

export function SampleDialog() {
  const sample = useApp((s) => s.sample);
  const close = useApp((s) => s.closeSampleDialog);
  const cancel = useApp((s) => s.cancelSample);
  const reset = useApp((s) => s.resetSampleForm);
  if (!sample) return null;

  const running = sample.phase === 'running' || sample.phase === 'cancelling';
  return (
    // While the job runs, neither Escape nor a stray click on the backdrop may end it: Cancel does.
    <Dialog title="Create a sample workspace" onCancel={running ? undefined : close} className="sample-dialog" testId="sample-dialog">
      {sample.phase === 'form' ? <SampleForm /> : null}
      {running ? <JobProgress progress={sample.progress} startedAt={sample.startedAt} cancelling={sample.phase === 'cancelling'} onCancel={cancel} /> : null}
      {sample.phase === 'cancelled' ? (
        <div className="job-outcome" data-testid="job-cancelled" role="status">
          <Icon name="info" size={20} />
          <div>
            <strong>Cancelled — nothing was written</strong>
            <p className="muted">No workspace file was created. You can start again with the same or other settings.</p>
          </div>
        </div>
      ) : null}
      {sample.phase === 'failed' ? (
        <div className="job-outcome failed" data-testid="job-failed" role="alert">
          <Icon name="alert" size={20} />
          <div>
            <strong>{sample.title}</strong>
            <p>{sample.message}</p>
          </div>
        </div>
      ) : null}
      {sample.phase === 'cancelled' || sample.phase === 'failed' ? (
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={close}>
            Close
          </button>
          <button type="button" className="btn primary" onClick={reset} autoFocus>
            Back to settings
          </button>
        </div>
      ) : null}
    </Dialog>
  );
}
