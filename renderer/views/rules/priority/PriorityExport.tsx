// Export every customer's primary segment (and all the segments they are in) as CSV. The path is
// proposed next to the workspace; it can be typed, or chosen with "Choose…" (the native save
// dialog on the desktop, the app's own file dialog in the browser). When the file exists core
// refuses; the analyst is asked whether to replace it. A folder that does not exist is core's
// message under the form.
import { useRef } from 'react';
import { useApp } from '../../../store/index.ts';
import { savePathOptionsFor } from '../../../store/fileDialogSlice.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { Icon } from '../../../components/Icon.tsx';
import { InlineJob } from '../../signals/InlineJob.tsx';
import { formatBytes, formatInt } from '../../../lib/format.ts';

function ReplaceDialog() {
  const path = useApp((s) => s.priorityReplacePath);
  const dismiss = useApp((s) => s.dismissPriorityReplace);
  const exportPrimary = useApp((s) => s.exportPrimary);
  if (!path) return null;
  return (
    <Dialog
      title="Replace the file?"
      onCancel={dismiss}
      testId="priority-replace-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={dismiss} data-testid="priority-replace-cancel">
            Cancel
          </button>
          <button type="button" className="btn primary" onClick={() => void exportPrimary(true)} data-testid="priority-replace-confirm">
            Replace
          </button>
        </>
      }
    >
      <p>
        <span className="mono pri-path">{path}</span> already exists. Replace it with the primary segments of every customer?
      </p>
    </Dialog>
  );
}

export function PriorityExport() {
  const path = useApp((s) => s.priorityExportPath);
  const setPath = useApp((s) => s.setPriorityExportPath);
  const job = useApp((s) => s.priorityExportJob);
  const result = useApp((s) => s.priorityExportResult);
  const error = useApp((s) => s.priorityExportError);
  const exportPrimary = useApp((s) => s.exportPrimary);
  const cancel = useApp((s) => s.cancelPriorityExport);
  const pickSavePath = useApp((s) => s.pickSavePath);
  const runRef = useRef<HTMLButtonElement>(null);
  async function choose() {
    const options = savePathOptionsFor('Export the primary segments', path, 'csv');
    const chosen = await pickSavePath({ ...options, suggestedName: options.suggestedName || 'primary-segments.csv' });
    if (!chosen) return;
    setPath(chosen);
    // Enter now exports to the chosen file.
    requestAnimationFrame(() => runRef.current?.focus());
  }
  return (
    <section className="vp-card pri-card" aria-labelledby="pri-export-title" data-testid="priority-export">
      <header className="vp-card-head">
        <h3 id="pri-export-title">Export the primary assignment</h3>
        <span className="muted pri-head-note">CSV: customer_id, primary segment, and every segment the customer is in</span>
      </header>
      <form
        className="pri-export-form"
        onSubmit={(e) => {
          e.preventDefault();
          void exportPrimary();
        }}
      >
        <div className="field pri-export-path">
          <label htmlFor="pri-export-path">File (on the computer running the workbench)</label>
          <input
            id="pri-export-path"
            className="input mono"
            value={path}
            onChange={(e) => setPath(e.target.value)}
            spellCheck={false}
            disabled={job !== null}
            data-testid="priority-export-path"
          />
        </div>
        <button type="button" className="btn" onClick={() => void choose()} disabled={job !== null} title="Choose the folder and file name" data-testid="priority-export-choose">
          <Icon name="folder-open" size={14} /> Choose…
        </button>
        <button ref={runRef} type="submit" className="btn primary" disabled={job !== null || path.trim() === ''} data-testid="priority-export-run">
          <Icon name="export" size={14} /> Export CSV
        </button>
      </form>
      {job ? <InlineJob job={job} onCancel={cancel} testIdPrefix="priority-export" startingText="Writing…" /> : null}
      {error ? (
        <div className="sig-alert error" role="alert" data-testid="priority-export-error">
          <Icon name="alert" size={16} />
          <p>
            <strong>The file was not written.</strong> {error}
          </p>
        </div>
      ) : null}
      {result ? (
        <div className="sig-alert success" role="status" data-testid="priority-export-result" data-rows={result.rows} data-path={result.path}>
          <Icon name="check" size={16} />
          <p>
            Wrote <strong className="num">{formatInt(result.rows)}</strong> customers ({formatBytes(result.bytes)}) to <span className="mono pri-path">{result.path}</span>
          </p>
        </div>
      ) : null}
      <ReplaceDialog />
    </section>
  );
}
