// The selected segment: its key figures against all customers, its warnings in words, the decision
// on it (compete / maintain / don't compete, with a rationale — required for don't compete) and
// every decision taken on it before, with the figures of the time.
import { useId, useState } from 'react';
import { DECISIONS, type Decision, type EconomicsRow, type EconomicsTable, type SegmentDecision } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { DecisionBadge } from '../../components/DecisionBadge.tsx';
import { SegmentedChoice } from '../../components/SegmentedChoice.tsx';
import { Icon } from '../../components/Icon.tsx';
import { formatDateTime, formatInt, formatMoney } from '../../lib/format.ts';
import { DECISION_LABEL, DECISION_MEANING, decisionLabel } from '../../charts/economics-common/decisions.ts';
import { allLikelihood, pct, rowOf, WARNING_LABEL, warningText } from './economicsText.ts';

function Figures({ row, t }: { row: EconomicsRow; t: EconomicsTable }) {
  const all = allLikelihood(t);
  return (
    <dl className="ec-figures">
      <div>
        <dt>Customers</dt>
        <dd className="num">{formatInt(row.customers)}</dd>
      </div>
      <div title="The all-customers value in brackets">
        <dt>Likelihood</dt>
        <dd className="num">
          {pct(row.likelihood)} <span className="faint">({pct(all)})</span>
        </dd>
      </div>
      <div title="Net value per customer; the all-customers value in brackets">
        <dt>Net value</dt>
        <dd className="num" data-testid="economics-selected-net">
          {formatMoney(row.netValuePerCustomer)} <span className="faint">({formatMoney(t.all.netValuePerCustomer)})</span>
        </dd>
      </div>
    </dl>
  );
}

function Warnings({ row, t }: { row: EconomicsRow; t: EconomicsTable }) {
  if (row.warnings.length === 0) return <p className="faint ec-no-warnings">No warnings: none of the known traps stands out against all customers.</p>;
  return (
    <ul className="ec-warning-list" data-testid="economics-selected-warnings">
      {row.warnings.map((w) => (
        <li key={w}>
          <span className="ec-warn-chip">
            <Icon name="alert" size={11} /> {WARNING_LABEL[w]}
          </span>
          <span className="ec-warning-text">{warningText(w, row, t.all, t.settings)}</span>
        </li>
      ))}
    </ul>
  );
}

function DecisionForm({ row, t }: { row: EconomicsRow; t: EconomicsTable }) {
  const save = useApp((s) => s.saveEconomicsDecision);
  const saving = useApp((s) => s.economicsDecisionSaving);
  const error = useApp((s) => s.economicsDecisionError);
  const clearError = useApp((s) => s.clearEconomicsDecisionError);
  const readonly = useApp((s) => s.workspace?.readonly ?? false);
  const current = row.decision;
  const [choice, setChoice] = useState<Decision | null>(current?.decision ?? null);
  const [rationale, setRationale] = useState(current?.rationale ?? '');
  const rationaleId = useId();
  const rationaleIssue = error?.issues.filter((i) => i.field === 'rationale').map((i) => i.message).join('; ');
  const otherError = error && !rationaleIssue ? error.message : null;
  const unchanged = choice === (current?.decision ?? null) && rationale.trim() === (current?.rationale ?? '');

  return (
    <form
      className="ec-decision-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (choice) void save(row.key, choice, rationale);
      }}
      data-testid="economics-decision-form"
    >
      <SegmentedChoice
        options={DECISIONS}
        value={choice}
        onChange={(d) => {
          setChoice(d);
          clearError();
        }}
        label={(d) => DECISION_LABEL[d]}
        ariaLabel={`Decision on ${row.name}`}
        className="ec-decision-choice"
        optionClassName={(d) => `ec-choice ${d}`}
        optionTitle={(d) => DECISION_MEANING[d]}
        optionTestId={(d) => `economics-decide-${d}`}
      />
      {choice ? <p className="faint ec-choice-meaning">{DECISION_MEANING[choice]}</p> : null}
      <div className="field">
        <label htmlFor={rationaleId}>Rationale{choice === 'dont-compete' ? ' (required)' : ''}</label>
        <textarea
          id={rationaleId}
          className="input ec-rationale"
          rows={3}
          maxLength={4000}
          value={rationale}
          placeholder={choice === 'dont-compete' ? 'Why this segment is not worth competing for: it travels with the exclusion list' : 'Why (optional)'}
          onChange={(e) => {
            setRationale(e.target.value);
            if (rationaleIssue) clearError();
          }}
          aria-invalid={rationaleIssue ? true : undefined}
          data-testid="economics-rationale"
        />
        {rationaleIssue ? (
          <span className="field-error" role="alert" data-testid="economics-issue-rationale">
            {rationaleIssue}
          </span>
        ) : null}
      </div>
      {otherError ? (
        <p className="field-error" role="alert" data-testid="economics-decision-error">
          {otherError}
        </p>
      ) : null}
      <div className="ec-decision-actions">
        <button
          type="submit"
          className="btn primary"
          disabled={!choice || saving || readonly || unchanged}
          title={readonly ? 'The workspace is read-only' : `Stored with the figures as of ${t.asOf} and the segment’s current definition`}
          data-testid="economics-decision-save"
        >
          {saving ? <span className="spinner" /> : <Icon name="check" size={14} />} Save decision
        </button>
        {current ? (
          <button type="button" className="btn ghost" disabled={saving || readonly} onClick={() => void save(row.key, null, rationale)} title="The segment becomes undecided; the decision stays in its history" data-testid="economics-decision-withdraw">
            Withdraw
          </button>
        ) : null}
      </div>
    </form>
  );
}

function HistoryFigures({ d }: { d: SegmentDecision }) {
  const f = d.figures;
  if (!f) return <span className="faint">no figures kept</span>;
  return (
    <span className="muted">
      {formatInt(f.customers)} customers · net {formatMoney(f.netValuePerCustomer)} / cust. · conversion {pct(f.conversionRate ?? f.predictedConversion)}
      {f.warnings.length ? ` · ${f.warnings.map((w) => WARNING_LABEL[w].toLowerCase()).join(', ')}` : ''}
    </span>
  );
}

function History() {
  const history = useApp((s) => s.economicsHistory);
  if (!history) return null;
  if (history.error) return <p className="field-error">{history.error}</p>;
  if (history.items === null)
    return (
      <p className="muted ec-history-note">
        <span className="spinner" /> Loading the history…
      </p>
    );
  if (history.items.length === 0) return <p className="faint ec-history-note">No decision taken on this segment yet.</p>;
  return (
    <ol className="ec-history" data-testid="economics-history">
      {history.items.map((d) => (
        <li key={d.decisionId} data-testid="economics-history-item" data-decision={d.decision ?? 'withdrawn'}>
          <div className="ec-history-head">
            <strong className={`ec-history-decision ${d.decision ?? 'withdrawn'}`}>{d.decision ? decisionLabel(d.decision) : 'Withdrawn'}</strong>
            <span className="faint num" title="Who decided, and when (UTC)">
              {d.decidedBy ? `${d.decidedBy} · ` : ''}
              {formatDateTime(d.decidedAt)}
            </span>
          </div>
          {d.rationale ? <p className="ec-history-rationale">“{d.rationale}”</p> : null}
          <p className="ec-history-meta faint">
            Figures as of {d.asOf} · {d.definitionVersion}
            {d.segmentName ? ` · as “${d.segmentName}”` : ''}
          </p>
          <p className="ec-history-meta">
            <HistoryFigures d={d} />
          </p>
        </li>
      ))}
    </ol>
  );
}

export function DecisionPanel() {
  const t = useApp((s) => s.economicsTable)!;
  const key = useApp((s) => s.economicsSelected);
  const select = useApp((s) => s.selectEconomicsSegment);
  const row = rowOf(t, key);
  if (!row) {
    const decided = t.segments.filter((s) => s.decision).length;
    return (
      <aside className="vp-card ec-card ec-decision" aria-label="Decision" data-testid="economics-decision-empty">
        <header className="vp-card-head">
          <h3>Decide where to compete</h3>
        </header>
        <p className="muted">Choose a segment — click its bubble or its row — to see its warnings, decide whether to compete for it, and read the decisions taken before.</p>
        <p className="faint">
          {decided === 0 ? `No segment of ${t.label} is decided yet.` : `${decided} of ${t.segments.length} segments of ${t.label} are decided.`}
        </p>
      </aside>
    );
  }
  return (
    <aside className="vp-card ec-card ec-decision" aria-labelledby="ec-decision-title" data-testid="economics-decision" data-key={row.key}>
      <header className="vp-card-head ec-decision-head">
        <h3 id="ec-decision-title" title={row.name}>
          {row.name}
        </h3>
        <DecisionBadge segmentation={t.ref} segmentKey={row.key} />
        <span className="spacer" />
        <button type="button" className="btn ghost small icon-only" onClick={() => select(null)} aria-label="Close the segment" title="Close">
          <Icon name="x" size={13} />
        </button>
      </header>
      <div className="ec-decision-scroll">
        <Figures row={row} t={t} />
        <Warnings row={row} t={t} />
        <DecisionForm key={`${row.key}|${row.decision?.decisionId ?? 'none'}`} row={row} t={t} />
        <h4 className="ec-subhead">
          <Icon name="history" size={13} /> History
        </h4>
        <History />
      </div>
    </aside>
  );
}
