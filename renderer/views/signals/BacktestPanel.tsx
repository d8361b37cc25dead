// Backtest: the phases as of a past date (only events before it), against who purchased in the
// following outcome window — conversion per phase with 95% intervals, lift over the base rate,
// and a prominent warning when the phases are not ordered or the window is not complete.
import { useMemo } from 'react';
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { EChart } from '../../components/EChart.tsx';
import { JobProgress } from '../../components/JobProgress.tsx';
import { buildPhaseConversionOption, pct } from '../../charts/phase-conversion/buildPhaseConversionOption.ts';
import { PHASE_LABELS, PHASES } from '../../charts/phases/palette.ts';
import { formatDate, formatInt } from '../../lib/format.ts';
import { addDays, isIsoDay } from '../../lib/isoDay.ts';
import { validationKey } from '../../store/signalsSlice.ts';
import { useChartTheme } from './useChartTheme.ts';
import { NumberField } from './NumberField.tsx';
import { JobFailureNote } from './JobFailureNote.tsx';

function BacktestResult() {
  const result = useApp((s) => s.backtest)!;
  const stale = useApp((s) => s.scoring !== null && s.backtestKey !== validationKey(s.scoring));
  const theme = useChartTheme();
  const option = useMemo(() => buildPhaseConversionOption(result, { intervals: true }, theme), [result, theme]);
  const decision = result.phases.decision;
  return (
    <div className="sig-result" data-testid="backtest-result">
      {stale ? (
        <p className="sig-alert info" data-testid="backtest-stale">
          <Icon name="info" size={15} /> The settings changed since this backtest ran: run it again to check the phases you see now.
        </p>
      ) : null}
      {result.warning ? (
        <div className="sig-alert warning sig-warning-strong" role="alert" data-testid="backtest-warning">
          <Icon name="alert" size={18} />
          <div>
            <strong>{!result.ordered ? 'The phases are not in funnel order' : 'The outcome window is not complete'}</strong>
            <p>{result.warning}</p>
          </div>
        </div>
      ) : (
        <p className="sig-alert success" data-testid="backtest-ok">
          <Icon name="check" size={15} /> Phases are in funnel order: decision converts {decision.lift === null ? '—' : `${decision.lift.toFixed(1)}×`} the base rate of{' '}
          {pct(result.baseRate.rate)}.
        </p>
      )}
      <div className="sig-result-grid">
        <EChart option={option} theme={theme.mode} className="sig-conv-chart" ariaLabel={`Conversion rate per phase within ${result.outcomeDays} days after ${result.asOf}, with 95% intervals`} />
        <table className="data-table sig-small-table" data-testid="backtest-table">
          <thead>
            <tr>
              <th>Phase</th>
              <th className="right">Customers</th>
              <th className="right">Converted</th>
              <th className="right">Rate</th>
              <th className="right">95% interval</th>
              <th className="right">Lift</th>
            </tr>
          </thead>
          <tbody>
            {PHASES.map((p) => {
              const r = result.phases[p];
              return (
                <tr key={p} data-testid={`backtest-row-${p}`}>
                  <td>
                    <span className={`sig-swatch phase-${p}`} aria-hidden="true" /> {PHASE_LABELS[p]}
                  </td>
                  <td className="num right">{formatInt(r.customers)}</td>
                  <td className="num right">{formatInt(r.converted)}</td>
                  <td className="num right" data-testid={`backtest-rate-${p}`}>
                    {r.customers ? pct(r.rate) : '—'}
                  </td>
                  <td className="num right muted">{r.customers ? `${pct(r.low)}–${pct(r.high)}` : '—'}</td>
                  <td className="num right">{r.lift === null || !r.customers ? '—' : `${r.lift.toFixed(2)}×`}</td>
                </tr>
              );
            })}
            <tr className="sig-total-row">
              <td>All customers</td>
              <td className="num right">{formatInt(result.baseRate.customers)}</td>
              <td className="num right">{formatInt(result.baseRate.converted)}</td>
              <td className="num right" data-testid="backtest-base-rate">
                {pct(result.baseRate.rate)}
              </td>
              <td className="num right muted">
                {pct(result.baseRate.low)}–{pct(result.baseRate.high)}
              </td>
              <td className="num right">1.00×</td>
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function BacktestPanel() {
  const asOf = useApp((s) => s.backtestAsOf);
  const setAsOf = useApp((s) => s.setBacktestAsOf);
  const outcomeDays = useApp((s) => s.scoring?.outcomeDays ?? 30);
  const setOutcomeDays = useApp((s) => s.setOutcomeDays);
  const run = useApp((s) => s.runBacktest);
  const cancel = useApp((s) => s.cancelBacktest);
  const job = useApp((s) => s.backtestJob);
  const error = useApp((s) => s.backtestError);
  const result = useApp((s) => s.backtest);
  const lastEventAt = useApp((s) => s.workspace?.lastEventAt ?? null);
  const snapshotAsOf = useApp((s) => s.snapshot?.asOf ?? null);
  const valid = isIsoDay(asOf);
  return (
    <div className="sig-validation" data-testid="backtest-panel">
      <p className="sig-lead muted">
        Places every customer in a phase as of an earlier date, using only the events before it, and counts who purchased within the following
        outcome window. Well-set phases convert in order: decision above consideration above orientation.
      </p>
      <div className="sig-form-row">
        <label className="sig-field">
          <span>Look back from</span>
          <input
            type="date"
            className="input"
            value={asOf}
            max={snapshotAsOf ?? undefined}
            onChange={(e) => setAsOf(e.target.value)}
            aria-label="Backtest as-of date"
            aria-invalid={!valid}
            data-testid="backtest-asof"
            disabled={job !== null}
          />
        </label>
        <label className="sig-field">
          <span>Outcome window</span>
          <span className="sig-with-unit">
            <NumberField value={outcomeDays} min={1} max={365} label="Outcome days" testId="outcome-days" className="sig-num-4" onCommit={setOutcomeDays} disabled={job !== null} />
            days
          </span>
        </label>
        <button type="button" className="btn primary" onClick={() => void run()} disabled={job !== null || !valid} data-testid="backtest-run">
          <Icon name="play" size={13} /> Run backtest
        </button>
        {valid ? (
          <span className="faint sig-form-note">
            Purchases {asOf} to {addDays(asOf, outcomeDays - 1)}; data ends {formatDate(lastEventAt)}.
          </span>
        ) : null}
      </div>
      {job ? (
        <div className="sig-job">
          <JobProgress progress={job.progress} startedAt={job.startedAt} cancelling={job.cancelling} onCancel={cancel} testIdPrefix="backtest-job" startingText="Computing signals as of the backtest date…" />
        </div>
      ) : null}
      {error ? <JobFailureNote failure={error} fallback="The backtest failed" testId="backtest-error" /> : null}
      {result ? <BacktestResult /> : !job ? <p className="faint sig-pad">No backtest yet. It takes about as long as computing the signals.</p> : null}
    </div>
  );
}
