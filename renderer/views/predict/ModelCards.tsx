// The three models side by side: parameters with their meaning, log-likelihood, convergence and
// fit time; which counting model scores the customers and why; Gamma-Gamma's assumption check.
// A model with a problem shows the problem, and its estimates only on request, marked as unusable.
import type { ModelFit, PredictionSummary } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { formatDuration, formatInt } from '../../lib/format.ts';
import { CHOSEN_KEY, chosenReason, convergenceText, correlationWarning, derivedFacts, formatLogLik, formatParam, isUsable, MODEL_TITLES, PARAM_MEANINGS, PARAM_ORDER, type ModelKey } from './display.ts';

function Params({ fit, keyName }: { fit: ModelFit; keyName: ModelKey }) {
  const names = PARAM_ORDER[keyName].filter((p) => p in fit.params);
  return (
    <table className="pr-params">
      <tbody>
        {names.map((p) => (
          <tr key={p} data-testid="predict-param" data-param={p}>
            <th scope="row" className="mono">
              {PARAM_MEANINGS[p]?.symbol ?? p}
            </th>
            <td className="num">{formatParam(fit.params[p]!)}</td>
            <td className="pr-param-meaning">{PARAM_MEANINGS[p]?.meaning ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ModelCard({ keyName, fit, chosen, summary, missing }: { keyName: ModelKey; fit: ModelFit | null; chosen: boolean; summary: PredictionSummary; missing?: string }) {
  const usable = isUsable(fit);
  const t = MODEL_TITLES[keyName];
  const facts = fit && usable && keyName !== 'gammaGamma' ? derivedFacts(keyName, fit.params, summary.timeUnit) : [];
  return (
    <li className={`pr-model${chosen ? ' chosen' : ''}${usable ? '' : ' unusable'}`} data-testid="predict-model-card" data-model={keyName} data-usable={usable} data-chosen={chosen}>
      <div className="pr-model-head">
        <h4>{t.title}</h4>
        {chosen ? (
          <span className="badge accent" data-testid="predict-chosen-badge">
            <Icon name="check" size={11} /> Used for scores
          </span>
        ) : null}
        {fit && !usable ? (
          <span className="badge warning" data-testid="predict-model-problem-badge">
            Not usable
          </span>
        ) : null}
      </div>
      <p className="pr-model-role muted">{t.role}</p>
      {fit === null ? (
        <p className="pr-model-missing" data-testid="predict-model-missing">
          Not fitted. {missing}
        </p>
      ) : (
        <>
          {fit.problem ? (
            <p className="pr-model-problem" role="status" data-testid="predict-model-problem">
              <Icon name="alert" size={13} /> {fit.problem}
            </p>
          ) : null}
          {usable ? (
            <>
              <Params fit={fit} keyName={keyName} />
              {facts.length ? (
                <ul className="pr-facts muted">
                  {facts.map((f) => (
                    <li key={f}>{f}</li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : (
            <details className="pr-invalid">
              <summary>Estimates where the optimiser stopped (not valid)</summary>
              <Params fit={fit} keyName={keyName} />
            </details>
          )}
          <dl className="pr-fit-stats">
            <div>
              <dt>Log-likelihood</dt>
              <dd className={`num${usable ? '' : ' faint'}`} data-testid="predict-loglik">
                {usable ? formatLogLik(fit.logLikelihood) : '—'}
              </dd>
            </div>
            <div>
              <dt>Convergence</dt>
              <dd className={fit.converged ? 'pr-ok' : 'danger-text'} data-testid="predict-convergence">
                {convergenceText(fit)}
              </dd>
            </div>
            <div>
              <dt>Fit time</dt>
              <dd className="num">{formatDuration(fit.fitMs)}</dd>
            </div>
          </dl>
        </>
      )}
    </li>
  );
}

export function ModelCards() {
  const r = useApp((s) => s.predictResult);
  const requested = useApp((s) => s.predictResultSettings?.model ?? null);
  if (!r) return null;
  const chosenKey = r.chosen ? CHOSEN_KEY[r.chosen] : null;
  const warning = correlationWarning(r.frequencyValueCorrelation);
  const ggMissing = `Gamma-Gamma needs at least 20 repeat buyers; the calibration period has ${formatInt(r.repeatBuyers)}. Without it there is no CLV.`;
  return (
    <section className="vp-card" aria-labelledby="pr-models-title" data-testid="predict-models">
      <header className="vp-card-head">
        <h3 id="pr-models-title">Models</h3>
        <span className="muted vp-head-note" data-testid="predict-customers-count">
          {formatInt(r.customers)} customers with a purchase by {r.calibrationEnd}, {formatInt(r.repeatBuyers)} of them bought again · time in {r.timeUnit}s
        </span>
      </header>
      <p className={`pr-chosen${r.chosen ? '' : ' none'}`} data-testid="predict-chosen-reason" role={r.chosen ? undefined : 'alert'}>
        {r.chosen ? <Icon name="info" size={14} /> : <Icon name="alert" size={14} />} {chosenReason(r, requested)}
      </p>
      <ul className="pr-models">
        <ModelCard keyName="bgnbd" fit={r.models.bgnbd} chosen={chosenKey === 'bgnbd'} summary={r} />
        <ModelCard keyName="paretoNbd" fit={r.models.paretoNbd} chosen={chosenKey === 'paretoNbd'} summary={r} />
        <ModelCard keyName="gammaGamma" fit={r.models.gammaGamma} chosen={false} summary={r} missing={ggMissing} />
      </ul>
      {warning ? (
        <div className="sig-alert warning" role="status" data-testid="predict-correlation-warning">
          <Icon name="alert" size={16} />
          <p>{warning}</p>
        </div>
      ) : r.frequencyValueCorrelation !== null ? (
        <p className="faint pr-corr" data-testid="predict-correlation">
          Frequency–spend correlation r = {r.frequencyValueCorrelation.toFixed(2)}: small enough for Gamma-Gamma’s independence assumption.
        </p>
      ) : null}
    </section>
  );
}
