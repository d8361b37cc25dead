// The import history: every import into this workspace, newest first — what came in, what was
// rejected and where the report is, and why failed ones failed. Sample workspaces list their
// generation as an import of kind "sample".
import { useEffect } from 'react';
import type { ImportRecord } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { CopyButton } from '../../components/CopyButton.tsx';
import { formatBytes, formatDateTime, formatDuration, formatInt } from '../../lib/format.ts';
import { displayFileName } from '../../lib/importDisplay.ts';

const STATUS_LABEL: Record<ImportRecord['status'], string> = { done: 'Done', failed: 'Failed', cancelled: 'Cancelled', running: 'Running' };

function StatusBadge({ status }: { status: ImportRecord['status'] }) {
  return (
    <span className={`badge status-${status}`} data-testid="imports-status">
      {status === 'done' ? <Icon name="check" size={11} strokeWidth={2.5} /> : status === 'failed' ? <Icon name="alert" size={11} /> : status === 'running' ? <span className="spinner" /> : <Icon name="x" size={11} />}
      {STATUS_LABEL[status]}
    </span>
  );
}

/** Figures of what an import did; a cancelled one did nothing, whatever it had counted so far. */
const n = (v: number, status: ImportRecord['status']) => (status === 'done' || (status === 'failed' && v > 0) ? formatInt(v) : '—');

function ImportRow({ r }: { r: ImportRecord }) {
  const shown = r.file ? displayFileName(r.file) : null;
  const file = shown ? shown.name : r.kind === 'sample' ? 'Generated sample data' : '—';
  return (
    <>
      <tr className={`imports-row status-${r.status}`} data-testid="imports-row" data-status={r.status} data-kind={r.kind}>
        <td>
          <StatusBadge status={r.status} />
        </td>
        <td>
          <div className="imports-file">
            <span className="imports-file-name" title={r.file ?? undefined}>
              {file}
            </span>
            <span className="faint num">
              #{r.importId}
              {r.sizeBytes !== null ? ` · ${formatBytes(r.sizeBytes)}` : ''}
              {shown?.uploaded ? ' · uploaded' : ''}
            </span>
          </div>
        </td>
        <td>
          <span className={`badge${r.kind === 'sample' ? ' accent' : ''}`}>{r.kind}</span>
        </td>
        <td className="num">{formatDateTime(r.startedAt)}</td>
        <td className="num right">{formatDuration(r.durationMs ?? (r.finishedAt !== null ? r.finishedAt - r.startedAt : null))}</td>
        <td className="num right">{n(r.rowsImported, r.status)}</td>
        <td className={`num right${r.rowsRejected > 0 && r.status !== 'cancelled' ? ' warning-text' : ''}`}>{n(r.rowsRejected, r.status)}</td>
        <td className="num right">{n(r.rowsDuplicate, r.status)}</td>
        <td className="num right">{n(r.customersAdded, r.status)}</td>
        <td className="num right">{n(r.eventsAdded, r.status)}</td>
        <td className="imports-report">
          {r.rejectedReport ? (
            <CopyButton text={r.rejectedReport} label="Copy path" className="btn small ghost" testId="imports-report-copy" />
          ) : (
            <span className="faint">—</span>
          )}
        </td>
      </tr>
      {r.message && r.status !== 'done' ? (
        <tr className="imports-message">
          <td />
          <td colSpan={10}>
            <span className={r.status === 'failed' ? 'danger-text' : 'muted'}>{r.message}</span>
          </td>
        </tr>
      ) : null}
    </>
  );
}

export function ImportsPanel() {
  const imports = useApp((s) => s.imports);
  const loading = useApp((s) => s.importsLoading);
  const error = useApp((s) => s.importsError);
  const load = useApp((s) => s.loadImports);
  const openImport = useApp((s) => s.openImport);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="imports-panel" data-testid="imports-panel">
      <div className="toolbar">
        <span className="muted">Every import into this workspace, newest first. Failed and cancelled imports changed nothing.</span>
        <span className="spacer" />
        <button type="button" className="btn small ghost" onClick={() => void load()} disabled={loading}>
          <Icon name="refresh" size={13} /> Refresh
        </button>
      </div>
      {error ? (
        <div className="import-alert error" role="alert">
          <Icon name="alert" size={16} />
          <p>{error}</p>
        </div>
      ) : null}
      {imports === null ? (
        <div className="imports-loading muted" role="status">
          <span className="spinner" /> Reading the import history…
        </div>
      ) : imports.length === 0 ? (
        <div className="imports-empty">
          <EmptyState
            icon="history"
            title="Nothing imported yet"
            actions={
              <button type="button" className="btn primary" onClick={openImport}>
                <Icon name="file-plus" size={14} /> Import a file…
              </button>
            }
          >
            Each import is recorded here with its file, row counts and any rejected-rows report.
          </EmptyState>
        </div>
      ) : (
        <div className="imports-scroll">
          <table className="data-table imports-table">
            <thead>
              <tr>
                <th>Status</th>
                <th>File</th>
                <th>Kind</th>
                <th>Started (UTC)</th>
                <th className="right">Duration</th>
                <th className="right">Imported</th>
                <th className="right">Rejected</th>
                <th className="right">Duplicates</th>
                <th className="right">Customers +</th>
                <th className="right">Events +</th>
                <th title="The CSV listing each rejected row: file, line, column, value, reason">Report</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((r) => (
                <ImportRow key={r.importId} r={r} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
