// Suggest weights: a logistic regression of "purchased within the outcome window" on every
// signal as of a training date, judged on a later holdout date it never saw — AUC and lift by
// decile for the suggested, current and equal weights, the coefficients, and Accept / Blend.
import { useMemo, useState } from 'react';
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { EChart } from '../../components/EChart.tsx';
import { JobProgress } from '../../components/JobProgress.tsx';
import { buildLiftOption, LIFT_SERIES, liftColors } from '../../charts/lift/buildLiftOption.ts';
import { formatInt } from '../../lib/format.ts';
import { addDays, isIsoDay } from '../../lib/isoDay.ts';
import { validationKey } from '../../store/signalsSlice.ts';
import { useChartTheme } from './useChartTheme.ts';
import { JobFailureNote } from './JobFailureNote.tsx';

function AucCards() {
  const s = useApp((st) => st.suggestion)!;
  const theme = useChartTheme();
  const colors = liftColors(theme);
  const cards = [
    { key: 'suggested' as const, label: 'Suggested', value: s.auc.holdoutSuggested, note: `${s.auc.trainSuggested.toFixed(3)} on the training date` },
    { key: 'current' as const, label: 'Current weights', value: s.auc.holdoutCurrent, note: 'your sliders now' },
    { key: 'equal' as const, label: 'Equal weights', value: s.auc.holdoutEqual, note: 'same weight for each signal in the score' },
  ];
  const best = Math.max(...cards.map((c) => c.value));
  return (
    <div className="sig-auc-cards" role="list" aria-label="Holdout AUC">
      {cards.map((c) => (
        <div key={c.key} role="listitem" className={`sig-auc-card${c.value === best ? ' best' : ''}`} data-testid={`suggest-auc-${c.key}`} data-auc={c.value.toFixed(4)}>
          <span className="sig-auc-label">
            <span className="sig-line-swatch" style={{ background: colors[c.key] }} aria-hidden="true" />
            {c.label}
          </span>
          <span className="sig-auc-value num">{c.value.toFixed(3)}</span>
          <span className="faint sig-auc-note">{c.note}</span>
        </div>
      ))}
    </div>
  );
}

function CoefficientTable() {
  const s = useApp((st) => st.suggestion)!;
  const weights = useApp((st) => st.scoring?.weights ?? {});
  const rows = useMemo(() => [...s.coefficients].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || Math.abs(b.coefficient) - Math.abs(a.coefficient)), [s]);
  return (
    <div className="sig-coef-scroll">
      <table className="data-table sig-small-table" data-testid="suggest-coefficients">
        <thead>
          <tr>
            <th>Signal</th>
            <th className="right" title="Log-odds per unit of the normalised (0–1) signal">Coefficient</th>
            <th className="right">Suggested</th>
            <th className="right">Current</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => {
            const cur = weights[c.signalId] ?? 0;
            return (
              <tr key={c.signalId} data-testid="coefficient-row" data-signal-id={c.signalId}>
                <td className="sig-td-label" title={c.signalId}>
                  {c.label}
                </td>
                <td className="num right muted">{c.coefficient.toFixed(3)}</td>
                <td className="num right">
                  <span className="sig-weight-cell">
                    <span className="sig-mini-bar" aria-hidden="true">
                      <span className={c.weight < 0 ? 'down' : 'up'} style={{ width: `${Math.abs(c.weight) / 2}%`, left: c.weight < 0 ? `${50 - Math.abs(c.weight) / 2}%` : '50%' }} />
                    </span>
                    <strong>{c.weight}</strong>
                  </span>
                </td>
                <td className={`num right${cur === c.weight ? ' faint' : ''}`}>{cur}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function SuggestResult() {
  const s = useApp((st) => st.suggestion)!;
  const stale = useApp((st) => st.scoring !== null && st.suggestionKey !== validationKey(st.scoring));
  const accept = useApp((st) => st.acceptSuggestion);
  const blend = useApp((st) => st.blendSuggestion);
  const theme = useChartTheme();
  const [withThresholds, setWithThresholds] = useState(true);
  const option = useMemo(() => buildLiftOption(s.lift, { legend: true }, theme), [s, theme]);
  const better = s.auc.holdoutSuggested - s.auc.holdoutCurrent;
  return (
    <div className="sig-result" data-testid="suggest-result">
      <p className="muted sig-lead">
        Fitted on {formatInt(s.trainCustomers)} customers as of {s.trainAsOf} ({formatInt(s.trainPositives)} purchased within {s.outcomeDays} days), judged on{' '}
        {formatInt(s.holdoutCustomers)} customers as of {s.holdoutAsOf} ({formatInt(s.holdoutPositives)} purchased). AUC on the holdout — 0.5 is a coin
        toss, 1.0 ranks every buyer first:
      </p>
      <AucCards />
      {stale ? (
        <p className="sig-alert info" data-testid="suggest-stale">
          <Icon name="info" size={15} /> The weights or settings changed since this suggestion: “Current weights” above are the ones it was compared with.
        </p>
      ) : null}
      <div className="sig-suggest-actions">
        <button type="button" className="btn primary" onClick={() => accept(withThresholds)} data-testid="suggest-accept">
          <Icon name="check" size={13} /> Accept suggested weights
        </button>
        <button type="button" className="btn" onClick={blend} data-testid="suggest-blend" title="Each weight halfway between the current and the suggested one">
          Blend 50/50
        </button>
        <label className="check">
          <input type="checkbox" checked={withThresholds} onChange={(e) => setWithThresholds(e.target.checked)} data-testid="suggest-with-thresholds" />
          Also set thresholds to {s.thresholds.consideration} / {s.thresholds.decision}
          <span className="faint">(keeps today’s phase sizes)</span>
        </label>
        <span className={`sig-delta num ${better > 0 ? 'up' : 'down'}`}>
          {better >= 0 ? '+' : '−'}
          {Math.abs(better).toFixed(3)} AUC vs current
        </span>
      </div>
      <div className="sig-result-grid">
        <div>
          <h4 className="sig-sub">Conversion by score decile (holdout)</h4>
          <EChart option={option} theme={theme.mode} className="sig-lift-chart" ariaLabel={`Conversion rate per score decile on the holdout for ${LIFT_SERIES.map((x) => x.name.toLowerCase()).join(', ')}`} />
        </div>
        <div>
          <h4 className="sig-sub">Coefficients</h4>
          <CoefficientTable />
        </div>
      </div>
    </div>
  );
}

export function SuggestPanel() {
  const trainAsOf = useApp((s) => s.suggestTrainAsOf);
  const setTrainAsOf = useApp((s) => s.setSuggestTrainAsOf);
  const outcomeDays = useApp((s) => s.scoring?.outcomeDays ?? 30);
  const run = useApp((s) => s.runSuggest);
  const cancel = useApp((s) => s.cancelSuggest);
  const job = useApp((s) => s.suggestJob);
  const error = useApp((s) => s.suggestError);
  const result = useApp((s) => s.suggestion);
  const valid = isIsoDay(trainAsOf);
  return (
    <div className="sig-validation" data-testid="suggest-panel">
      <p className="sig-lead muted">
        Learns from the data which signals predict a purchase within {outcomeDays} days: fitted as of the training date, then judged one outcome window
        later on customers and purchases it never saw. Nothing changes until you accept or blend.
      </p>
      <div className="sig-form-row">
        <label className="sig-field">
          <span>Fit as of</span>
          <input
            type="date"
            className="input"
            value={trainAsOf}
            onChange={(e) => setTrainAsOf(e.target.value)}
            aria-label="Training as-of date"
            aria-invalid={!valid}
            data-testid="suggest-train-asof"
            disabled={job !== null}
          />
        </label>
        <button type="button" className="btn primary" onClick={() => void run()} disabled={job !== null || !valid} data-testid="suggest-run">
          <Icon name="sparkles" size={13} /> Suggest weights
        </button>
        {valid ? (
          <span className="faint sig-form-note">
            Holdout as of {addDays(trainAsOf, outcomeDays)}, purchases until {addDays(trainAsOf, 2 * outcomeDays - 1)}. Outcome window: {outcomeDays} days (set in
            Backtest).
          </span>
        ) : null}
      </div>
      {job ? (
        <div className="sig-job">
          <JobProgress progress={job.progress} startedAt={job.startedAt} cancelling={job.cancelling} onCancel={cancel} testIdPrefix="suggest-job" startingText="Computing signals for the training and holdout dates…" />
        </div>
      ) : null}
      {error ? <JobFailureNote failure={error} fallback="No suggestion" testId="suggest-error" /> : null}
      {result ? <SuggestResult /> : !job ? <p className="faint sig-pad">No suggestion yet. It computes the signals twice, so it takes about twice as long as a backtest.</p> : null}
    </div>
  );
}
