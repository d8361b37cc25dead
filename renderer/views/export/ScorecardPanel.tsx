// The intent score and phase as a PMML 4.4 Scorecard: what the file holds and how close other
// scorers come (percentile bins frozen at the date's customers; robust z to 1e-6), the date,
// "Export PMML…" through the save dialog and the file written (path, size, signals, date). No cluster
// model is needed: it scores with the workspace's weights and thresholds.
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { formatBytes, plural } from '../../lib/format.ts';
import { ReplaceFileDialog } from '../files/SaveFileExport.tsx';
import { InlineJob } from '../signals/InlineJob.tsx';
import { AsOfField } from './AsOfField.tsx';

function ScorecardFileStatus() {
  const { job, error, result, replacePath } = useApp((s) => s.exportScorecardFile);
  const cancel = useApp((s) => s.cancelScorecardExport);
  const dismiss = useApp((s) => s.dismissScorecardReplace);
  const exportTo = useApp((s) => s.exportScorecard);
  return (
    <>
      {job ? <InlineJob job={job} onCancel={cancel} testIdPrefix="scorecard-export" startingText="Computing the signals and writing the Scorecard…" /> : null}
      {error ? (
        <div className="sig-alert error" role="alert" data-testid="scorecard-export-error">
          <Icon name="alert" size={16} />
          <p>
            <strong>The PMML was not written.</strong> {error}
          </p>
        </div>
      ) : null}
      {result ? (
        <div className="sig-alert success" role="status" data-testid="scorecard-export-result" data-path={result.path} data-signals={result.signals} data-as-of={result.asOf}>
          <Icon name="check" size={16} />
          <p>
            Wrote the intent score as of {result.asOf} ({formatBytes(result.bytes)}, {plural(result.signals, 'weighted signal')}) to{' '}
            <span className="mono vp-path">{result.path}</span>
          </p>
        </div>
      ) : null}
      <ReplaceFileDialog path={replacePath} replaceWith="the intent score’s Scorecard" testIdPrefix="scorecard" onCancel={dismiss} onReplace={(p) => void exportTo(p, true)} />
    </>
  );
}

export function ScorecardPanel() {
  const job = useApp((s) => s.exportScorecardFile.job);
  const prompt = useApp((s) => s.promptScorecardExport);
  return (
    <section className="vp-card ex-format-card" aria-labelledby="ex-sc-title" data-testid="export-scorecard">
      <header className="vp-card-head ex-card-head">
        <div className="ex-card-title">
          <h3 id="ex-sc-title">PMML (intent score)</h3>
          <span className="muted vp-head-note">
            The intent score and its funnel phase as a PMML 4.4 Scorecard, so PMML scorers such as JPMML, Spark and KNIME score new customers as the workbench does.
            Give them the same signals, computed as the workbench computes them. No cluster model is needed.
          </span>
        </div>
        <button type="button" className="btn primary" onClick={() => void prompt()} disabled={job !== null} data-testid="scorecard-export-run">
          <Icon name="export" size={14} /> Export PMML…
        </button>
      </header>
      <ScorecardFileStatus />
      <div className="ex-options">
        <AsOfField format="scorecard" />
      </div>
      <div className="ex-pmml-holds" data-testid="scorecard-holds">
        <h4>What the file holds</h4>
        <ul>
          <li>The weights, the normalisation and the phase thresholds: one Characteristic per weighted signal, each a DataField.</li>
          <li>Reason codes: which signals lifted a customer’s score above the usual, in order.</li>
          <li>The phase as an output field, from the score, the thresholds and the days since purchase and activity.</li>
        </ul>
        <h4>How close other scorers come</h4>
        <ul data-testid="scorecard-accuracy">
          <li>
            <strong>Percentile normalisation</strong> is frozen at the date’s customers: a value seen that day scores exactly as here; a new value gets the percentile it
            would have had that day.
          </li>
          <li>
            <strong>Robust z</strong> (median and spread of the date’s customers): scores differ from the workbench’s by less than 1e-6.
          </li>
        </ul>
      </div>
    </section>
  );
}
