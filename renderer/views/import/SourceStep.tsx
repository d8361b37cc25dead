// Step 1: which file. From this computer (file picker, uploaded in the browser shell), from a
// folder on the machine running the workbench (in-app browser, no upload), or dropped anywhere.
import type { RefObject } from 'react';
import { useApp } from '../../store/index.ts';
import type { ImportWizard } from '../../store/importSlice.ts';
import { isDesktop } from '../../api/client.ts';
import { Icon } from '../../components/Icon.tsx';
import { formatByteProgress, percent } from '../../lib/format.ts';

interface SourceStepProps {
  w: ImportWizard;
  onChooseFile: () => void;
  chooseButton: RefObject<HTMLButtonElement | null>;
}

export function SourceStep({ w, onChooseFile, chooseButton }: SourceStepProps) {
  const browse = useApp((s) => s.browseImportFile);
  const cancel = useApp((s) => s.cancelImport);
  const busy = w.uploading !== null || w.previewing;

  if (w.uploading) {
    const pct = percent(w.uploading.loaded, w.uploading.total);
    return (
      <div className="import-source-busy" data-testid="import-uploading" aria-busy="true">
        <div className="job-phase">
          <span className="spinner" />
          <strong>Uploading {w.fileName}…</strong>
          {pct !== null ? <span className="job-pct num">{Math.floor(pct)}%</span> : null}
        </div>
        <div className={`progress${pct === null ? ' indeterminate' : ''}`} role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct === null ? undefined : Math.round(pct)} aria-label="Upload">
          <div style={{ width: `${pct ?? 0}%` }} />
        </div>
        <div className="job-meta num">
          <span>{formatByteProgress(w.uploading.loaded, w.uploading.total)}</span>
          <span className="muted">A copy goes to the workbench's uploads folder; nothing leaves this computer.</span>
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn danger" onClick={cancel}>
            Cancel upload
          </button>
        </div>
      </div>
    );
  }

  if (w.previewing) {
    return (
      <div className="import-source-busy muted" role="status">
        <span className="spinner" /> Reading {w.fileName ?? 'the file'} — detecting encoding, delimiter, header and columns…
      </div>
    );
  }

  return (
    <div className="import-source">
      {w.sourceError ? (
        <div className="import-alert error" role="alert" data-testid="import-source-error">
          <Icon name="alert" size={16} />
          <p>{w.sourceError}</p>
        </div>
      ) : null}
      <div className="import-dropzone">
        <span className="empty-icon">
          <Icon name="file-plus" size={28} strokeWidth={1.5} />
        </span>
        <h3>Import customers, orders or events</h3>
        <p className="muted">CSV, TSV and other delimited text, JSON Lines, or an XLSX workbook. You check how the file is read and what each column means before anything is imported.</p>
        <div className="import-source-actions">
          <button ref={chooseButton} type="button" className="btn primary large" onClick={onChooseFile} disabled={busy} data-testid="import-choose-file">
            <Icon name="upload" size={15} /> From this computer…
          </button>
          {isDesktop ? null : (
            <button type="button" className="btn large" onClick={() => void browse()} disabled={busy} data-testid="import-browse">
              <Icon name="folder-open" size={15} /> Browse folders…
            </button>
          )}
        </div>
        <p className="faint import-drop-hint">or drop a file anywhere on this window</p>
        {isDesktop ? null : (
          <p className="hint faint">
            <strong>From this computer</strong> uploads a copy to the workbench. <strong>Browse folders</strong> reads a file where it lies on the machine running the workbench — quicker for big files.
          </p>
        )}
      </div>
    </div>
  );
}
