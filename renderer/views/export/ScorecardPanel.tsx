// The intent score and phase as a PMML 4.4 Scorecard: what the file holds and how close other
// scorers come (percentile bins frozen at the date's customers; robust z to 1e-6), the date,
// "Export PMML…" through the save dialog and the file written (path, size, signals, date). No cluster
// model is needed: it scores with the workspace's weights and thresholds.
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { formatBytes, plural } from '../../lib/format.ts';
import { SaveFileStatus } from '../files/SaveFileExport.tsx';
import { AsOfField } from './AsOfField.tsx';

function ScorecardFileStatus() {
  const file = useApp((s) => s.exportScorecardFile);
  const cancel = useApp((s) => s.cancelScorecardExport);
  const dismiss = useApp((s) => s.dismissScorecardReplace);
  const exportTo = useApp((s) => s.exportScorecard);
  return (
    <SaveFileStatus
      state={file}
      testIdPrefix="scorecard"
      fileName="The PMML"
      startingText="Computing the signals and writing the Scorecard…"
      replaceWith="the intent score’s Scorecard"
      onCancel={cancel}
      onDismissReplace={dismiss}
      onReplace={(p) => void exportTo(p, true)}
      resultData={(r) => ({ signals: r.signals, 'as-of': r.asOf })}
      describe={(r) => (
        <>
          Wrote the intent score as of {r.asOf} ({formatBytes(r.bytes)}, {plural(r.signals, 'weighted signal')}) to <span className="mono vp-path">{r.path}</span>
        </>
      )}
    />
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
