// Export every customer's primary segment (and all the segments they are in) as CSV. The path is
// proposed next to the workspace; it can be typed, or chosen with "Choose…" (the native save
// dialog on the desktop, the app's own file dialog in the browser). When the file exists core
// refuses; the analyst is asked whether to replace it. A folder that does not exist is core's
// message under the form.
import { useRef } from 'react';
import { useApp } from '../../../store/index.ts';
import { savePathOptionsFor } from '../../../store/fileDialogSlice.ts';
import { Icon } from '../../../components/Icon.tsx';
import { SaveFileStatus } from '../../files/SaveFileExport.tsx';

export function PriorityExport() {
  const path = useApp((s) => s.priorityExportPath);
  const setPath = useApp((s) => s.setPriorityExportPath);
  const state = useApp((s) => s.priorityExport);
  const exportPrimary = useApp((s) => s.exportPrimary);
  const cancel = useApp((s) => s.cancelPriorityExport);
  const dismissReplace = useApp((s) => s.dismissPriorityReplace);
  const pickSavePath = useApp((s) => s.pickSavePath);
  const runRef = useRef<HTMLButtonElement>(null);
  const job = state.job;
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
      <SaveFileStatus
        state={state}
        rowsName="customers"
        replaceWith="the primary segments of every customer"
        testIdPrefix="priority"
        onCancel={cancel}
        onDismissReplace={dismissReplace}
        onReplace={() => void exportPrimary(true)}
      />
    </section>
  );
}
