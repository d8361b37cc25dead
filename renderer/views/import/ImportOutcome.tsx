// How an import ended: the figures and the rejected-rows report, the error that stopped it
// (which says nothing was imported), or the cancellation.
import type { ImportSummary } from '../../../core/api/contract.ts';
import type { ImportWizard } from '../../store/importSlice.ts';
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { CopyButton } from '../../components/CopyButton.tsx';
import { formatDuration, formatInt } from '../../lib/format.ts';

function Figure({ label, value, testId, tone }: { label: string; value: number | string; testId?: string; tone?: 'warning' | 'muted' }) {
  return (
    <div className={`import-figure${tone ? ` ${tone}` : ''}`}>
      <span className="import-figure-label">{label}</span>
      <span className="import-figure-value num" data-testid={testId}>
        {typeof value === 'number' ? formatInt(value) : value}
      </span>
    </div>
  );
}

export function ReportPath({ path }: { path: string }) {
  return (
    <div className="import-report">
      <div className="import-report-line">
        <Icon name="file" size={14} />
        <code className="import-report-path" data-testid="import-report-path" title={path}>
          {path}
        </code>
        <CopyButton text={path} testId="import-report-copy" />
      </div>
      <p className="hint faint">A CSV listing file, line, column, value and reason for each rejected row.</p>
    </div>
  );
}

function Result({ r }: { r: ImportSummary }) {
  return (
    <div className="import-result" data-testid="import-result">
      <div className="job-outcome success" role="status">
        <Icon name="check" size={20} />
        <div>
          <strong>
            Imported {formatInt(r.rowsImported)} {r.rowsImported === 1 ? 'row' : 'rows'} in {formatDuration(r.durationMs)}
          </strong>
          <p className="muted">
            Import #{r.importId} · {r.kind}
            {r.rowsRejected > 0 ? ` · ${formatInt(r.rowsRejected)} rows were skipped, see the report below` : ''}
          </p>
        </div>
      </div>
      <div className="import-figures">
        <Figure label="Rows read" value={r.rowsRead} />
        <Figure label="Imported" value={r.rowsImported} testId="import-result-imported" />
        <Figure label="Duplicates skipped" value={r.rowsDuplicate} tone={r.rowsDuplicate ? undefined : 'muted'} />
        <Figure label="Rejected" value={r.rowsRejected} testId="import-result-rejected" tone={r.rowsRejected ? 'warning' : 'muted'} />
        <Figure label="Customers added" value={r.customersAdded} />
        <Figure label="Events added" value={r.eventsAdded} />
        <Figure label="Duration" value={formatDuration(r.durationMs)} />
      </div>
      {r.rejectedReport ? <ReportPath path={r.rejectedReport} /> : null}
    </div>
  );
}

export function ImportOutcome({ w }: { w: ImportWizard }) {
  const setOptions = useApp((s) => s.setImportOptions);
  const start = useApp((s) => s.startImport);
  if (w.step === 'done' && w.result) return <Result r={w.result} />;
  if (w.step === 'cancelled') {
    return (
      <div className="job-outcome" data-testid="import-cancelled" role="status">
        <Icon name="info" size={20} />
        <div>
          <strong>Cancelled — the workspace is unchanged</strong>
          <p className="muted">Nothing from {w.fileName} was written. You can change the mapping and import again.</p>
        </div>
      </div>
    );
  }
  if (w.step === 'failed' && w.failure) {
    const report = w.failure.report;
    return (
      <div className="job-outcome failed import-error" data-testid="import-error" role="alert" data-error-code={w.failure.code}>
        <Icon name="alert" size={20} />
        <div>
          <strong>{w.failure.title}</strong>
          <p className="import-error-message">{w.failure.message}</p>
          {report ? <ReportPath path={report} /> : null}
          {w.failure.code === 'rows-rejected' ? (
            <div className="import-retry">
              <p className="muted">Check the mapping if many rows were rejected (a wrong date format or column does that), or import every other row and keep the report of the rejected ones.</p>
              <button
                type="button"
                className="btn"
                onClick={() => {
                  setOptions({ skipBadRows: true });
                  void start();
                }}
                data-testid="import-retry-skip"
              >
                Skip bad rows and import the rest
              </button>
            </div>
          ) : null}
        </div>
      </div>
    );
  }
  return null;
}
