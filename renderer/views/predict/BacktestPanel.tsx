// The backtest: what the model expected in the holdout against what happened — in total, per
// customer (mean absolute error), week by week (tracking), by calibration frequency, and by
// decile of expected purchases (lift). Without a holdout there is nothing to check: a note says so.
import { useMemo } from 'react';
import { useApp } from '../../store/index.ts';
import { EChart } from '../../components/EChart.tsx';
import { Icon } from '../../components/Icon.tsx';
import { formatInt } from '../../lib/format.ts';
import { useChartTheme } from '../signals/useChartTheme.ts';
import { buildTrackingOption } from '../../charts/predict-backtest/buildTrackingOption.ts';
import { buildByFrequencyOption } from '../../charts/predict-backtest/buildByFrequencyOption.ts';
import { buildDecileLiftOption } from '../../charts/predict-backtest/buildDecileLiftOption.ts';
import { backtestTotals } from './backtestText.ts';

export function BacktestPanel() {
  const r = useApp((s) => s.predictResult);
  const theme = useChartTheme();
  const b = r?.backtest ?? null;
  const tracking = useMemo(() => (b && r ? buildTrackingOption(b.tracking, r.calibrationEnd, theme) : null), [b, r, theme]);
  const byFrequency = useMemo(() => (b ? buildByFrequencyOption(b.byFrequency, theme) : null), [b, theme]);
  const deciles = useMemo(() => (b ? buildDecileLiftOption(b.deciles, theme) : null), [b, theme]);
  if (!r) return null;
  if (!b) {
    return (
      <section className="vp-card" aria-labelledby="pr-backtest-title" data-testid="predict-backtest">
        <header className="vp-card-head">
          <h3 id="pr-backtest-title">Backtest</h3>
        </header>
        <p className="vp-note" data-testid="predict-no-holdout">
          <Icon name="info" size={14} /> No holdout: the data has no purchases after the calibration end ({r.calibrationEnd}), so the predictions cannot be checked. Choose an
          earlier calibration end to keep some months to test against.
        </p>
      </section>
    );
  }
  const totals = backtestTotals(b);
  return (
    <section className="vp-card" aria-labelledby="pr-backtest-title" data-testid="predict-backtest">
      <header className="vp-card-head">
        <h3 id="pr-backtest-title">Backtest</h3>
        <span className="muted vp-head-note">
          {formatInt(b.holdoutDays)} holdout days, {r.calibrationEnd} to {r.holdoutEnd ?? 'the last purchase'}
        </span>
      </header>
      <dl className="pr-totals">
        {totals.map((t) => (
          <div key={t.id} title={t.title}>
            <dt>{t.label}</dt>
            <dd className="num" data-testid={`predict-backtest-${t.id}`}>
              {t.value}
            </dd>
          </div>
        ))}
      </dl>
      <figure className="pr-chart-figure">
        <figcaption>Cumulative repeat purchases, week by week: actual vs predicted</figcaption>
        {tracking ? <EChart option={tracking} theme={theme.mode} ariaLabel="Cumulative repeat purchases per week, actual and predicted, with the calibration end marked" className="pr-chart tall" /> : null}
      </figure>
      <div className="pr-pair even">
        <figure className="pr-chart-figure">
          <figcaption>Holdout purchases per customer, by repeat purchases in calibration</figcaption>
          {byFrequency ? <EChart option={byFrequency} theme={theme.mode} ariaLabel="Mean holdout purchases by calibration frequency, actual and predicted" className="pr-chart" /> : null}
        </figure>
        <figure className="pr-chart-figure">
          <figcaption>Decile lift: holdout purchases per customer, ranked by expectation</figcaption>
          {deciles ? <EChart option={deciles} theme={theme.mode} ariaLabel="Actual and predicted holdout purchases per decile of expected purchases, with lift" className="pr-chart" /> : null}
        </figure>
      </div>
    </section>
  );
}
