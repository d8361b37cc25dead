// The set-up beside the results: calibration end and holdout, time unit, model, horizon and the
// CLV terms; Fit runs in the background with Cancel.
import { PREDICT_MODELS, PREDICT_TIME_UNITS, type PredictModelChoice } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { isIsoDay } from '../../lib/isoDay.ts';
import { NumberField } from '../signals/NumberField.tsx';
import { InlineJob } from '../signals/InlineJob.tsx';
import { CLV_MONTHS_MAX, HORIZON_MAX, holdoutDays, predictKey, settingsNotes, settingsProblem } from './predictSettings.ts';

const MODEL_TEXT: Record<PredictModelChoice, { label: string; hint: string }> = {
  auto: { label: 'Auto (higher log-likelihood)', hint: 'Both counting models are fitted; the one that explains the calibration data better scores the customers.' },
  bgnbd: { label: 'BG/NBD', hint: 'Customers may drop out only right after a purchase. Fast and robust.' },
  'pareto-nbd': { label: 'Pareto/NBD', hint: 'Customers may drop out at any moment. The classic model; slower to fit.' },
};

function Dates() {
  const draft = useApp((s) => s.predictDraft);
  const range = useApp((s) => s.predictRange);
  const edit = useApp((s) => s.editPredictDraft);
  if (!draft) return null;
  const holdout = holdoutDays(draft, range);
  return (
    <section className="vp-setup-section pr-setup-section" aria-label="Calibration and holdout">
      <h3 className="pr-setup-title">Calibration and holdout</h3>
      <label className="field">
        <span className="label">Calibration end (inclusive)</span>
        <input
          type="date"
          className="input"
          value={draft.calibrationEnd}
          min={range?.first}
          max={range?.last}
          onChange={(e) => {
            const v = e.target.value;
            if (isIsoDay(v)) edit((s) => ({ ...s, calibrationEnd: v }));
          }}
          data-testid="predict-calibration-end"
        />
        <span className="hint">The models learn from purchases up to this day{range ? ` (data: ${range.first} – ${range.last})` : ''}.</span>
      </label>
      <label className="field">
        <span className="label">Holdout end (optional)</span>
        <input
          type="date"
          className="input"
          value={draft.holdoutEnd ?? ''}
          min={draft.calibrationEnd}
          onChange={(e) => {
            const v = e.target.value;
            if (v === '') edit((s) => (s.holdoutEnd === null ? s : { ...s, holdoutEnd: null }));
            else if (isIsoDay(v)) edit((s) => ({ ...s, holdoutEnd: v }));
          }}
          data-testid="predict-holdout-end"
        />
        <span className="hint" data-testid="predict-holdout-hint">
          {draft.holdoutEnd === null ? 'Empty: up to the last purchase. ' : ''}
          {holdout !== null ? `The scores are checked against the ${holdout} days after the calibration end.` : 'No holdout: nothing to backtest against.'}
        </span>
      </label>
    </section>
  );
}

function Model() {
  const draft = useApp((s) => s.predictDraft);
  const edit = useApp((s) => s.editPredictDraft);
  if (!draft) return null;
  return (
    <section className="vp-setup-section pr-setup-section" aria-label="Model">
      <h3 className="pr-setup-title">Model</h3>
      <label className="field">
        <span className="label">Counting model</span>
        <select className="select" value={draft.model} onChange={(e) => edit((s) => ({ ...s, model: e.target.value as PredictModelChoice }))} data-testid="predict-model">
          {PREDICT_MODELS.map((m) => (
            <option key={m} value={m}>
              {MODEL_TEXT[m].label}
            </option>
          ))}
        </select>
        <span className="hint">{MODEL_TEXT[draft.model].hint}</span>
      </label>
      <div className="vp-setup-grid pr-setup-grid">
        <label className="field">
          <span className="label">Time unit</span>
          <select className="select" value={draft.timeUnit} onChange={(e) => edit((s) => ({ ...s, timeUnit: e.target.value as 'day' | 'week' }))} data-testid="predict-time-unit">
            {PREDICT_TIME_UNITS.map((u) => (
              <option key={u} value={u}>
                {u === 'day' ? 'Days' : 'Weeks'}
              </option>
            ))}
          </select>
        </label>
        <label className="field" title="Expected purchases are scored over this many days after the calibration end">
          <span className="label">Horizon (days)</span>
          <NumberField value={draft.horizonDays} min={1} max={HORIZON_MAX} onCommit={(horizonDays) => edit((s) => ({ ...s, horizonDays }))} label="Horizon in days" testId="predict-horizon" />
        </label>
      </div>
    </section>
  );
}

function Clv() {
  const draft = useApp((s) => s.predictDraft);
  const edit = useApp((s) => s.editPredictDraft);
  if (!draft) return null;
  const pct = (v: number) => Math.round(v * 10000) / 100;
  return (
    <section className="vp-setup-section pr-setup-section" aria-label="Lifetime value">
      <h3 className="pr-setup-title">Lifetime value</h3>
      <div className="vp-setup-grid pr-setup-grid three">
        <label className="field" title="CLV sums the expected margin over this many months">
          <span className="label">Months</span>
          <NumberField value={draft.clv.months} min={1} max={CLV_MONTHS_MAX} onCommit={(months) => edit((s) => ({ ...s, clv: { ...s.clv, months } }))} label="CLV months" testId="predict-clv-months" />
        </label>
        <label className="field" title="Discount rate per month: a purchase a year away is worth less today">
          <span className="label">Disc. %/mo</span>
          <NumberField
            value={pct(draft.clv.monthlyDiscount)}
            min={0}
            max={100}
            step={0.1}
            integer={false}
            onCommit={(v) => edit((s) => ({ ...s, clv: { ...s.clv, monthlyDiscount: v / 100 } }))}
            label="Monthly discount in percent"
            testId="predict-clv-discount"
          />
        </label>
        <label className="field" title="Share of revenue that is margin">
          <span className="label">Margin %</span>
          <NumberField value={pct(draft.clv.margin)} min={0} max={100} step={1} integer={false} onCommit={(v) => edit((s) => ({ ...s, clv: { ...s.clv, margin: v / 100 } }))} label="Margin in percent" testId="predict-clv-margin" />
        </label>
      </div>
    </section>
  );
}

function FitFooter() {
  const draft = useApp((s) => s.predictDraft);
  const range = useApp((s) => s.predictRange);
  const job = useApp((s) => s.predictFitJob);
  const fit = useApp((s) => s.fitPredict);
  const cancel = useApp((s) => s.cancelPredictFit);
  const reset = useApp((s) => s.resetPredictDraft);
  const edited = useApp((s) => s.predictDraftEdited);
  const result = useApp((s) => s.predictResult);
  const resultSettings = useApp((s) => s.predictResultSettings);
  if (!draft) return null;
  const problem = settingsProblem(draft, range);
  const notes = settingsNotes(draft, range);
  const changed = result !== null && edited && (resultSettings === null || predictKey(resultSettings) !== predictKey(draft));
  return (
    <div className="vp-setup-foot">
      {job ? (
        <InlineJob job={job} onCancel={cancel} testIdPrefix="predict-fit" startingText="Starting to fit…" />
      ) : (
        <button type="button" className="btn primary pr-fit" onClick={() => void fit()} disabled={problem !== null} title={problem ?? 'Fit the three models and score every customer'} data-testid="predict-fit">
          <Icon name="play" size={13} /> Fit models
        </button>
      )}
      {problem ? (
        <p className="vp-foot-note danger-text" role="alert" data-testid="predict-setup-problem">
          {problem}
        </p>
      ) : null}
      {notes.map((n) => (
        <p key={n} className="vp-foot-note muted" data-testid="predict-setup-note">
          {n}
        </p>
      ))}
      {changed && !job ? (
        <p className="vp-foot-note muted" data-testid="predict-setup-changed">
          Changed since the fit shown.{' '}
          <button type="button" className="vp-link" onClick={reset} data-testid="predict-setup-revert">
            Revert
          </button>
        </p>
      ) : null}
    </div>
  );
}

export function SetupPanel() {
  return (
    <aside className="vp-setup pr-setup" aria-label="Prediction set-up" data-testid="predict-setup">
      <div className="vp-setup-scroll pr-setup-scroll">
        <Dates />
        <Model />
        <Clv />
      </div>
      <FitFooter />
    </aside>
  );
}
