// Importing a bundle into this workspace: its progress, the questions core asks first (replace the
// saved segments and every definition? take definitions built on other data?) and what came in —
// with the check that membership at the bundle's date came out the same, segment by segment.
import { useApp } from '../../store/index.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Icon } from '../../components/Icon.tsx';
import { formatInt, plural } from '../../lib/format.ts';
import { baseName } from '../../lib/paths.ts';
import { InlineJob } from '../signals/InlineJob.tsx';
import { importedText, segmentationText } from './exportText.ts';

export function ImportQuestionDialog() {
  const question = useApp((s) => s.exportImport.question);
  const path = useApp((s) => s.exportImport.path);
  const confirm = useApp((s) => s.confirmBundleImport);
  const dismiss = useApp((s) => s.dismissBundleImportQuestion);
  if (!question) return null;
  const replace = question.kind === 'replace';
  return (
    <Dialog
      title={replace ? `Replace ${plural(question.segments, 'saved segment')} and all definitions?` : 'The bundle was built on other data'}
      onCancel={dismiss}
      testId="bundle-import-question"
      className="ex-question"
      footer={
        <>
          <button type="button" className="btn" onClick={dismiss} data-testid="bundle-import-cancel">
            Cancel
          </button>
          <button type="button" className={`btn ${replace ? 'danger' : 'primary'}`} onClick={() => void confirm()} data-testid="bundle-import-confirm">
            {replace ? 'Replace and import' : 'Import the definitions anyway'}
          </button>
        </>
      }
    >
      <div data-kind={question.kind} data-testid={`bundle-import-question-${question.kind}`}>
        <p>{question.message}</p>
        {replace ? (
          <p className="muted">
            Importing <span className="mono vp-path">{path ? baseName(path) : ''}</span> replaces the saved segments, custom signals, page taxonomy, weights and
            thresholds, RFM, decisions and economics settings of this workspace; its cluster model becomes the newest. Export a bundle of this workspace first to keep
            what is here.
          </p>
        ) : (
          <p className="muted">
            Imported anyway, the definitions are reused as they are, but the segments will hold other customers than in the workspace the bundle came from: the
            sizes are not expected to match.
          </p>
        )}
      </div>
    </Dialog>
  );
}

function Differences() {
  const r = useApp((s) => s.exportImport.result);
  if (!r) return null;
  if (r.differences.length === 0) {
    return (
      <div className="sig-alert success" role="status" data-testid="bundle-import-reproduced">
        <Icon name="check" size={16} />
        <p>
          Membership at {r.asOf} reproduced exactly: every segment of every segmentation in the bundle has the same number of customers here.
        </p>
      </div>
    );
  }
  return (
    <>
      <div className="sig-alert warning" role="status" data-testid="bundle-import-differs">
        <Icon name="alert" size={16} />
        <p>
          {plural(r.differences.length, 'segment size')} at {r.asOf} differ{r.differences.length === 1 ? 's' : ''} from the bundle’s
          {r.sameData ? '.' : ': expected, as the bundle was built on other data.'}
        </p>
      </div>
      <div className="ex-table-wrap">
        <table className="vp-table" data-testid="bundle-import-differences">
          <thead>
            <tr>
              <th scope="col">Segmentation</th>
              <th scope="col">Segment</th>
              <th scope="col" className="right">
                Expected
              </th>
              <th scope="col" className="right">
                Here
              </th>
            </tr>
          </thead>
          <tbody>
            {r.differences.map((d) => (
              <tr key={`${d.segmentation}|${d.key}`}>
                <td>{segmentationText(d.segmentation)}</td>
                <td className="mono">{d.key}</td>
                <td className="right num">{formatInt(d.expected)}</td>
                <td className="right num">{formatInt(d.actual)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function BundleImportCard() {
  const state = useApp((s) => s.exportImport);
  const cancel = useApp((s) => s.cancelBundleImport);
  const clear = useApp((s) => s.clearBundleImport);
  const { path, job, result, error, cancelled } = state;
  if (!path || (!job && !result && !error && !cancelled)) return null;
  return (
    <section className="vp-card ex-import" aria-labelledby="ex-import-title" data-testid="bundle-import" data-path={path}>
      <header className="vp-card-head">
        <h3 id="ex-import-title">Import of {baseName(path)}</h3>
        <span className="spacer" />
        {job ? <InlineJob job={job} onCancel={cancel} testIdPrefix="bundle-import" startingText="Reading the bundle…" /> : null}
        {!job ? (
          <button type="button" className="btn small ghost icon-only" onClick={clear} aria-label="Close" title="Close" data-testid="bundle-import-close">
            <Icon name="x" size={14} />
          </button>
        ) : null}
      </header>
      {error ? (
        <div className="sig-alert error" role="alert" data-testid="bundle-import-error" data-code={error.code}>
          <Icon name="alert" size={16} />
          <p>
            <strong>Nothing was imported.</strong> {error.message}
          </p>
        </div>
      ) : null}
      {cancelled ? (
        <p className="vp-note" data-testid="bundle-import-cancelled">
          <Icon name="info" size={14} /> Cancelled. If the definitions had been written before the cancel, they are in place without the membership check: import again to
          check.
        </p>
      ) : null}
      {result ? (
        <>
          <p className="ex-imported" data-testid="bundle-import-result" data-segments={result.segments} data-same-data={result.sameData}>
            {importedText(result)}
          </p>
          {!result.sameData ? (
            <p className="vp-hint warning" data-testid="bundle-import-other-data">
              <Icon name="alert" size={14} /> The bundle was built on other data: the definitions are the same, the members are this workspace’s.
            </p>
          ) : null}
          <Differences />
        </>
      ) : null}
    </section>
  );
}
