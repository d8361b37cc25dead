// The membership CSV: options (date, hashed email and phone), what the file will hold (the first
// rows, the customer count, the columns) and "Export CSV…" through the save dialog; a file that
// exists is replaced only when the analyst says so.
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { formatInt, plural } from '../../lib/format.ts';
import { SaveFileStatus } from '../files/SaveFileExport.tsx';
import { InlineJob } from '../signals/InlineJob.tsx';
import { AsOfField } from './AsOfField.tsx';
import { PreviewError, PreviewIdle } from './PreviewStates.tsx';

function HashOptions() {
  const draft = useApp((s) => s.exportMembershipDraft);
  const setDraft = useApp((s) => s.setMembershipDraft);
  const issue = useApp((s) => s.exportPreviews.membership.error?.issues.find((i) => i.field === 'defaultCountryCode')?.message);
  return (
    <fieldset className="ex-hash">
      <legend>Hashed contacts</legend>
      <label className="ex-check">
        <input type="checkbox" checked={draft.hashEmail} onChange={(e) => setDraft({ hashEmail: e.target.checked })} data-testid="export-hash-email" />
        <span>
          <strong>email_sha256</strong> — SHA-256 of the normalised email (trimmed, lower case)
        </span>
      </label>
      <label className="ex-check">
        <input type="checkbox" checked={draft.hashPhone} onChange={(e) => setDraft({ hashPhone: e.target.checked })} data-testid="export-hash-phone" />
        <span>
          <strong>phone_sha256</strong> — SHA-256 of the phone in international form (+ and digits)
        </span>
      </label>
      <div className="field ex-cc-field">
        <label htmlFor="export-country-code">Country code for phones without one</label>
        <input
          id="export-country-code"
          className={`input mono${issue ? ' invalid' : ''}`}
          value={draft.countryCode}
          placeholder="+44"
          onChange={(e) => setDraft({ countryCode: e.target.value })}
          disabled={!draft.hashPhone}
          spellCheck={false}
          inputMode="tel"
          aria-invalid={issue ? true : undefined}
          data-testid="export-country-code"
        />
        {issue ? (
          <span className="field-error" role="alert" data-testid="export-issue-defaultCountryCode">
            {issue}
          </span>
        ) : (
          <span className="hint">07700 900123 with +44 becomes +447700900123; empty: such numbers are hashed as written.</span>
        )}
      </div>
      <p className="ex-note muted">
        Google Customer Match and Meta custom audiences take these hashes: they hash their own users’ contacts the same way and match, so plain addresses never leave
        this computer. A workspace that hashed emails or phones at import keeps those hashes (made the same way) and exports them as they are.
      </p>
    </fieldset>
  );
}

function PreviewTable() {
  const preview = useApp((s) => s.exportPreviews.membership.value);
  if (!preview) return null;
  const numeric = preview.header.map((_, c) => preview.rows.some((r) => typeof r[c] === 'number'));
  return (
    <div className="ex-table-wrap" tabIndex={0} aria-label="The first rows of the file">
      <table className="vp-table ex-preview-table" data-testid="export-membership-preview" data-rows={preview.rows.length} data-customers={preview.customers}>
        <thead>
          <tr>
            {preview.header.map((h, c) => (
              <th key={h} scope="col" className={numeric[c] ? 'right' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row, r) => (
            <tr key={r} data-testid="export-membership-row">
              {row.map((v, c) => {
                const text = v === null ? '' : String(v);
                const long = text.length > 24;
                return (
                  <td key={c} className={`${numeric[c] ? 'right num' : ''}${long ? ' ex-long' : ''}`} title={long ? text : undefined}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PreviewCard() {
  const p = useApp((s) => s.exportPreviews.membership);
  const run = useApp((s) => s.runExportPreview);
  const cancel = useApp((s) => s.cancelExportPreview);
  const v = p.value;
  return (
    <section className="vp-card ex-preview" aria-labelledby="ex-mp-title" data-testid="export-membership-preview-card">
      <header className="vp-card-head">
        <h3 id="ex-mp-title">Preview</h3>
        {v ? (
          <span className="muted vp-head-note" data-testid="export-membership-count" data-customers={v.customers}>
            first {formatInt(v.rows.length)} of <strong className="num">{plural(v.customers, 'customer')}</strong> as of {v.asOf}
          </span>
        ) : null}
        <span className="spacer" />
        {p.job ? <InlineJob job={p.job} onCancel={() => cancel('membership')} testIdPrefix="export-membership-preview" startingText="Evaluating the segments…" /> : null}
      </header>
      <PreviewError error={p.error} testId="export-membership-preview-error" />
      {v ? (
        <div className={`ex-preview-body${p.job ? ' busy' : ''}`}>
          <p className="ex-columns" data-testid="export-membership-columns">
            <span className="muted">{plural(v.header.length, 'column')}:</span>{' '}
            {v.header.map((h) => (
              <code key={h} className="ex-col">
                {h}
              </code>
            ))}
          </p>
          <PreviewTable />
        </div>
      ) : !p.job && !p.error ? (
        <PreviewIdle onRun={() => void run('membership', true)} testId="export-membership-preview-run" />
      ) : null}
    </section>
  );
}

export function MembershipPanel() {
  const file = useApp((s) => s.exportMembershipFile);
  const prompt = useApp((s) => s.promptMembershipExport);
  const exportTo = useApp((s) => s.exportMembership);
  const cancel = useApp((s) => s.cancelMembershipExport);
  const dismiss = useApp((s) => s.dismissMembershipReplace);
  const blocked = useApp((s) => (s.exportPreviews.membership.error?.issues.length ?? 0) > 0);
  return (
    <>
      <section className="vp-card ex-format-card" aria-labelledby="ex-m-title" data-testid="export-membership">
        <header className="vp-card-head ex-card-head">
          <div className="ex-card-title">
            <h3 id="ex-m-title">Membership CSV</h3>
            <span className="muted vp-head-note">
              Per customer: primary segment, segments, phase, intent score, RFM group, cluster and prediction scores.
            </span>
          </div>
          <button type="button" className="btn primary" onClick={() => void prompt()} disabled={file.job !== null || blocked} data-testid="export-membership-run">
            <Icon name="export" size={14} /> Export CSV…
          </button>
        </header>
        <SaveFileStatus
          state={file}
          rowsName="customers"
          replaceWith="the membership of every customer"
          testIdPrefix="membership"
          onCancel={cancel}
          onDismissReplace={dismiss}
          onReplace={(path) => void exportTo(path, true)}
        />
        <div className="ex-options">
          <AsOfField format="membership" />
          <HashOptions />
        </div>
        <p className="ex-note faint" data-testid="export-membership-safety">
          <Icon name="info" size={13} /> UTF-8 with a header row. Cells that start with = + - or @ are prefixed with an apostrophe so a spreadsheet never runs them as
          formulas (formula injection).
        </p>
      </section>
      <PreviewCard />
    </>
  );
}
