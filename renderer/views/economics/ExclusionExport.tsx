// "Export exclusion list…": every customer of a segment decided "don't compete", as CSV (customer
// id, the segments that exclude them) for an ad platform's or email tool's suppression list. The
// file is chosen in a save dialog (native on the desktop, the app's own in the browser); an
// existing file is replaced only when the analyst says so. The result says what went in and which
// decided segments no longer exist (and so were left out).
import { useApp } from '../../store/index.ts';
import { dontCompeteCount } from '../../store/decisionsSlice.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Icon } from '../../components/Icon.tsx';
import { InlineJob } from '../signals/InlineJob.tsx';
import { ReplaceFileDialog } from '../files/SaveFileExport.tsx';
import { formatBytes, formatInt, plural } from '../../lib/format.ts';
import { baseName, dirName } from '../../lib/paths.ts';
import { exclusionFileName } from './economicsText.ts';

function ReplaceDialog() {
  const path = useApp((s) => s.economicsExport.replacePath);
  const dismiss = useApp((s) => s.dismissExclusionsReplace);
  const run = useApp((s) => s.exportExclusions);
  return <ReplaceFileDialog path={path} replaceWith="the exclusion list" testIdPrefix="exclusions" onCancel={dismiss} onReplace={(p) => void run(p, true)} />;
}

function ResultDialog() {
  const result = useApp((s) => s.economicsExport.result);
  const error = useApp((s) => s.economicsExport.error);
  const path = useApp((s) => s.economicsExportPath);
  const dismiss = useApp((s) => s.dismissExclusionsResult);
  if (!result && !error) return null;
  return (
    <Dialog
      title={result ? 'Exclusion list exported' : 'The exclusion list was not written'}
      onCancel={dismiss}
      testId="exclusions-result-dialog"
      className="ec-export-dialog"
      footer={
        <button type="button" className="btn primary" onClick={dismiss} data-testid="exclusions-result-close">
          Close
        </button>
      }
    >
      {error ? (
        <div className="sig-alert error" role="alert" data-testid="exclusions-error">
          <Icon name="alert" size={16} />
          <p>
            {error} <span className="mono vp-path">{path}</span>
          </p>
        </div>
      ) : null}
      {result ? (
        <div className="ec-export-result" data-testid="exclusions-result" data-rows={result.rows} data-path={result.path}>
          <p>
            Wrote <strong className="num">{plural(result.rows, 'customer')}</strong> ({formatBytes(result.bytes)}) as of {result.asOf} to <span className="mono vp-path">{result.path}</span>
          </p>
          <h4>Segments in the list</h4>
          {result.segments.length ? (
            <ul className="ec-export-list" data-testid="exclusions-segments">
              {result.segments.map((s) => (
                <li key={`${s.family}|${s.segmentKey}`} data-testid="exclusions-segment" data-customers={s.customers}>
                  <span className="ec-export-name">{s.segmentName}</span> <span className="faint">{s.segmentation}</span>
                  <span className="num muted">{plural(s.customers, 'customer')}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">None: no segment is decided “don’t compete”.</p>
          )}
          {result.skipped.length ? (
            <>
              <h4>Left out</h4>
              <ul className="ec-export-list" data-testid="exclusions-skipped">
                {result.skipped.map((s) => (
                  <li key={`${s.family}|${s.segmentKey}`} data-testid="exclusions-skipped-segment">
                    <span className="ec-export-name">{s.segmentName}</span> <span className="faint">{s.segmentation}</span> <span className="muted">{s.reason}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="faint ec-export-cols">Columns: customer_id, excluded_by (segment names), segment_ids. A customer in several excluded segments is one row.</p>
        </div>
      ) : null}
    </Dialog>
  );
}

export function ExclusionExport() {
  const job = useApp((s) => s.economicsExport.job);
  const cancel = useApp((s) => s.cancelExclusionsExport);
  const run = useApp((s) => s.exportExclusions);
  const pickSavePath = useApp((s) => s.pickSavePath);
  const lastPath = useApp((s) => s.economicsExportPath);
  const workspace = useApp((s) => s.workspace);
  const excluded = useApp(dontCompeteCount);
  const loaded = useApp((s) => s.decisions !== null);

  async function choose() {
    if (!workspace) return;
    const suggestedName = lastPath ? baseName(lastPath) : exclusionFileName(workspace.name);
    const dir = lastPath ? dirName(lastPath) : dirName(workspace.path);
    const path = await pickSavePath({ title: 'Export the exclusion list', suggestedName, extension: 'csv', ...(dir ? { dir } : {}) });
    if (path) void run(path);
  }

  const title = !loaded
    ? 'Loading the decisions…'
    : excluded === 0
      ? 'No segment is decided “don’t compete” yet: choose a segment and decide'
      : `Every customer of the ${plural(excluded, 'segment')} decided “don’t compete”, as of the newest data, as CSV`;
  return (
    <div className="ec-export">
      {job ? (
        <InlineJob job={job} onCancel={cancel} testIdPrefix="exclusions" startingText="Writing the exclusion list…" />
      ) : (
        <button type="button" className="btn" onClick={() => void choose()} disabled={!loaded || excluded === 0} title={title} data-testid="exclusions-export">
          <Icon name="export" size={14} /> Export exclusion list…
          {excluded > 0 ? <span className="badge num">{formatInt(excluded)}</span> : null}
        </button>
      )}
      <ReplaceDialog />
      <ResultDialog />
    </div>
  );
}
