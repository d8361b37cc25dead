// The counting model next to a signals-based propensity (logistic regression on the signals,
// trained before the calibration end): which ranks the customers who bought in the first days
// after it better. Both are shown so the analyst can see what each approach is worth here.
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { formatInt } from '../../lib/format.ts';

const MODEL_NAMES = { bgnbd: 'BG/NBD', 'pareto-nbd': 'Pareto/NBD' } as const;
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

export function PropensityPanel() {
  const r = useApp((s) => s.predictResult);
  if (!r || !r.chosen) return null;
  const p = r.propensity;
  const counting = MODEL_NAMES[r.chosen];
  return (
    <section className="vp-card" aria-labelledby="pr-propensity-title" data-testid="predict-propensity">
      <header className="vp-card-head">
        <h3 id="pr-propensity-title">Propensity to buy: {counting} against signals</h3>
        {p ? (
          <span className="muted vp-head-note">
            who bought in the {formatInt(p.days)} days after {r.calibrationEnd}: {formatInt(p.buyers)} of {formatInt(p.customers)} customers
          </span>
        ) : null}
      </header>
      {p ? (
        <>
          <dl className="pr-totals">
            <div title={`How often ${counting}'s expected purchases rank a buyer above a non-buyer (0.5 = chance, 1 = always)`}>
              <dt>AUC, {counting}</dt>
              <dd className="num" data-testid="predict-auc-counting">
                {p.auc.countingModel.toFixed(3)}
              </dd>
            </div>
            <div title={`A logistic regression on every signal, learned from signals as of ${p.trainAsOf} and purchases in the ${p.days} days after`}>
              <dt>AUC, signals</dt>
              <dd className="num" data-testid="predict-auc-signals">
                {p.auc.signals.toFixed(3)}
              </dd>
            </div>
            <div title="Purchase rate in the top tenth of each score">
              <dt>Top decile buys</dt>
              <dd className="num">
                {pct(p.decileRates.countingModel[0] ?? 0)} / {pct(p.decileRates.signals[0] ?? 0)}
              </dd>
            </div>
          </dl>
          <p className="muted">
            {p.auc.countingModel >= p.auc.signals
              ? `${counting} ranks next-${p.days}-day buyers at least as well as the signals here, from purchase history alone.`
              : `The signals rank next-${p.days}-day buyers better than ${counting} here: behaviour beyond purchases (visits, emails, carts) adds information.`}
            {p.converged ? '' : ' The logistic fit did not fully converge; treat its figure as rough.'}
          </p>
        </>
      ) : (
        <p className="vp-note" data-testid="predict-no-propensity">
          <Icon name="info" size={14} /> The comparison needs a holdout at least as long as the horizon ({formatInt(r.horizonDays)} days) and customers who bought in the window before the
          calibration end. Choose an earlier calibration end or a shorter horizon.
        </p>
      )}
    </section>
  );
}
