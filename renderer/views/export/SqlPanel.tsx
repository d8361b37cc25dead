// SQL views for SQLite or PostgreSQL: what the script is and how to run it, the dialect and the date
// it starts at, "Export SQL…" through the save dialog, then the preview: a summary (views, signals,
// segments, cluster models) and the script itself. Definitions SQL cannot re-run are refused by core
// with the reason; the card says it as core does, and what to change.
import { useState } from 'react';
import { useApp } from '../../store/index.ts';
import { isSqlRefusal, SQL_DIALECTS, type ExportFailure, type SqlDialect } from '../../store/exportSlice.ts';
import { Icon } from '../../components/Icon.tsx';
import { SegmentedChoice } from '../../components/SegmentedChoice.tsx';
import { formatBytes, plural } from '../../lib/format.ts';
import { SaveFileStatus } from '../files/SaveFileExport.tsx';
import { InlineJob } from '../signals/InlineJob.tsx';
import { AsOfField } from './AsOfField.tsx';
import { CodeBlock } from './CodeBlock.tsx';
import { SQL_DIALECT_NAMES, sqlSummary } from './exportText.ts';
import { PreviewError, PreviewIdle } from './PreviewStates.tsx';

/** Lines of the script shown before "Show all" (the whole script is 40–400 KB, some lines long). */
export const SCRIPT_LINES = 200;

/** `refused`: the definitions changed since the last file was written, so its line would mislead. */
function SqlFileStatus({ refused }: { refused: boolean }) {
  const file = useApp((s) => s.exportSqlFile);
  const cancel = useApp((s) => s.cancelSqlExport);
  const dismiss = useApp((s) => s.dismissSqlReplace);
  const exportTo = useApp((s) => s.exportSql);
  return (
    <SaveFileStatus
      state={file}
      testIdPrefix="sql"
      fileName="The SQL"
      startingText="Writing the SQL…"
      replaceWith="the SQL views of the current definitions"
      onCancel={cancel}
      onDismissReplace={dismiss}
      onReplace={(p) => void exportTo(p, true)}
      hideResult={refused}
      resultData={(r) => ({ dialect: r.dialect, views: r.views.length })}
      describe={(r) => (
        <>
          Wrote {plural(r.views.length, 'view')} for {SQL_DIALECT_NAMES[r.dialect]} as of {r.asOf} ({formatBytes(r.bytes)}, {plural(r.segments, 'saved segment')}) to{' '}
          <span className="mono vp-path">{r.path}</span>
        </>
      )}
    />
  );
}

/** Core's refusal as it says it, and what to change (the definitions, in Signals or Rules). */
function SqlRefusal({ error }: { error: ExportFailure }) {
  const go = useApp((s) => s.setView);
  const cycle = error.code === 'segment-cycle';
  return (
    <div className="sig-alert warning ex-refusal" role="alert" data-testid="sql-refusal" data-code={error.code}>
      <Icon name="alert" size={16} />
      <div>
        <p>
          <strong>{cycle ? 'A saved segment depends on itself.' : 'These definitions cannot be exported as SQL.'}</strong> {error.message}
        </p>
        <p className="muted">
          {cycle
            ? 'Open the segment in Rules and remove the condition that leads back to it; then the script can be written.'
            : 'SQL can compute every signal from the raw tables, but not the fitted purchase prediction. Give that signal a weight of 0 in Signals, or change the segment that uses it in Rules — or take the JSON bundle or the PMML files, which carry it.'}
        </p>
        <div className="ex-refusal-actions">
          {cycle ? null : (
            <button type="button" className="btn small" onClick={() => go('signals')} data-testid="sql-refusal-signals">
              <Icon name="signal" size={13} /> Go to Signals
            </button>
          )}
          <button type="button" className="btn small" onClick={() => go('rules')} data-testid="sql-refusal-rules">
            <Icon name="rules" size={13} /> Go to Rules
          </button>
        </div>
      </div>
    </div>
  );
}

function SqlPreviewCard() {
  const p = useApp((s) => s.exportPreviews.sql);
  const run = useApp((s) => s.runExportPreview);
  const cancel = useApp((s) => s.cancelExportPreview);
  const [script, setScript] = useState(true);
  const v = p.value;
  // Core's refusal is said in the card above, by the button it disables.
  if (p.error !== null && isSqlRefusal(p.error.code)) return null;
  return (
    <section className="vp-card ex-preview" aria-labelledby="ex-sp-title" data-testid="sql-preview" data-dialect={v?.dialect}>
      <header className="vp-card-head">
        <h3 id="ex-sp-title">What the script holds</h3>
        {v ? (
          <span className="muted vp-head-note">
            {SQL_DIALECT_NAMES[v.dialect]}, computed as of {v.asOf} until refreshed at another date
          </span>
        ) : null}
        <span className="spacer" />
        {p.job ? <InlineJob job={p.job} onCancel={() => cancel('sql')} testIdPrefix="sql-preview" startingText="Writing the script…" /> : null}
      </header>
      <PreviewError error={p.error} testId="sql-preview-error" />
      {v ? (
        <div className={`ex-preview-body${p.job ? ' busy' : ''}`}>
          <dl className="ex-areas ex-sql-summary" data-testid="sql-summary">
            {sqlSummary(v).map((a) => (
              <div key={a.id} className="ex-area" data-testid="sql-summary-item" data-item={a.id}>
                <dt>{a.label}</dt>
                <dd>
                  <span className="ex-area-value">{a.value}</span>
                </dd>
              </div>
            ))}
          </dl>
          <p className="ex-columns" data-testid="sql-views">
            <span className="muted">In creation order:</span>{' '}
            {v.views.map((name) => (
              <code key={name} className={`ex-col${name === v.membershipView ? ' ex-col-main' : ''}`}>
                {name}
              </code>
            ))}
          </p>
          <button type="button" className="btn small ghost ex-raw-toggle" aria-expanded={script} aria-controls="ex-sql" onClick={() => setScript(!script)} data-testid="sql-script-toggle">
            <Icon name={script ? 'chevron-down' : 'chevron-right'} size={13} /> The script
          </button>
          {script ? <CodeBlock key={`${v.dialect}|${v.asOf}`} id="ex-sql" text={v.text} what={`the ${SQL_DIALECT_NAMES[v.dialect]} script`} testId="sql-script" maxLines={SCRIPT_LINES} /> : null}
        </div>
      ) : !p.job && !p.error ? (
        <PreviewIdle onRun={() => void run('sql', true)} testId="sql-preview-run" />
      ) : null}
    </section>
  );
}

export function SqlPanel() {
  const job = useApp((s) => s.exportSqlFile.job);
  const dialect = useApp((s) => s.exportSqlDialect);
  const setDialect = useApp((s) => s.setSqlDialect);
  const prompt = useApp((s) => s.promptSqlExport);
  const error = useApp((s) => s.exportPreviews.sql.error);
  const refusal = error !== null && isSqlRefusal(error.code) ? error : null;
  const blocked = refusal !== null || (error?.issues.length ?? 0) > 0;
  return (
    <>
      <section className="vp-card ex-format-card" aria-labelledby="ex-s-title" data-testid="export-sql">
        <header className="vp-card-head ex-card-head">
          <div className="ex-card-title">
            <h3 id="ex-s-title">SQL views</h3>
            <span className="muted vp-head-note">
              One script of views over two raw tables, customers and events (their layout is in the script’s header), that compute every signal, the intent score
              and phase, RFM, the cluster assignment, each saved segment and a <code>segwb_membership</code> view with one row per customer — so a warehouse
              re-evaluates the segments on its own data.
            </span>
          </div>
          <button type="button" className="btn primary" onClick={() => void prompt()} disabled={job !== null || blocked} data-testid="sql-export-run">
            <Icon name="export" size={14} /> Export SQL…
          </button>
        </header>
        {refusal ? <SqlRefusal error={refusal} /> : null}
        <SqlFileStatus refused={refusal !== null} />
        <div className="ex-options">
          <div className="field ex-dialect-field">
            <span className="label" id="export-sql-dialect-label">
              Dialect
            </span>
            <SegmentedChoice<SqlDialect>
              options={SQL_DIALECTS}
              value={dialect}
              onChange={setDialect}
              label={(d) => SQL_DIALECT_NAMES[d]}
              ariaLabel="SQL dialect"
              optionTestId={(d) => `sql-dialect-${d}`}
              testId="sql-dialect"
            />
            <span className="hint">{dialect === 'postgres' ? 'PostgreSQL 12 or later.' : 'SQLite 3.43 or later with the math functions (the sqlite3 shell has them).'}</span>
          </div>
          <AsOfField format="sql" />
        </div>
        <ul className="ex-holds" data-testid="sql-notes">
          <li>
            Run the script once; then <code>SELECT * FROM segwb_membership</code>. To re-evaluate at another date or after new data,{' '}
            {dialect === 'postgres' ? (
              <code>CALL segwb_refresh(&lt;ms&gt;)</code>
            ) : (
              <>
                the refresh statements at the end of the script, with <code>UPDATE segwb_params SET as_of_ms = &lt;ms&gt;</code>
              </>
            )}{' '}
            (a UTC midnight in epoch milliseconds). Signals and scores are kept as {dialect === 'postgres' ? 'materialised views' : 'tables'}, computed once per refresh.
          </li>
          <li>Verified customer by customer against this workbench on real SQLite and PostgreSQL.</li>
          {dialect === 'postgres' ? (
            <li data-testid="sql-jit-note">
              <strong>PostgreSQL:</strong> if reading the views is slow, try <code>SET jit = off</code> in that session: the plans are wide, and JIT compiling them can
              take longer than the query itself.
            </li>
          ) : null}
        </ul>
      </section>
      <SqlPreviewCard />
    </>
  );
}
