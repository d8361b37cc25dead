// P(alive) by frequency and recency (the matrix for a customer of the longest age) and the
// distribution of predicted lifetime value with its mean, median and total.
import { useMemo, useRef } from 'react';
import { useApp } from '../../store/index.ts';
import { EChart } from '../../components/EChart.tsx';
import { Icon } from '../../components/Icon.tsx';
import { formatMoney } from '../../lib/format.ts';
import { useElementSize } from '../../hooks/useElementSize.ts';
import { useChartTheme } from '../signals/useChartTheme.ts';
import { aliveGradient, buildAliveHeatmapOption } from '../../charts/predict-alive/buildAliveHeatmapOption.ts';
import { buildClvHistogramOption } from '../../charts/predict-clv/buildClvHistogramOption.ts';
import { clvMissingReason, correlationWarning, formatParam } from './display.ts';

export function AlivePanel() {
  const r = useApp((s) => s.predictResult);
  const theme = useChartTheme();
  const box = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(box);
  const m = r?.aliveMatrix ?? null;
  // Values in the cells only when a cell is wide enough for "0.00".
  const labels = m !== null && width > 0 && (width - 60) / m.tx.length >= 30;
  const option = useMemo(() => (m && r ? buildAliveHeatmapOption(m, { unit: r.timeUnit, labels }, theme) : null), [m, r, labels, theme]);
  if (!r) return null;
  return (
    <section className="vp-card" aria-labelledby="pr-alive-title" data-testid="predict-alive">
      <header className="vp-card-head">
        <h3 id="pr-alive-title">P(alive) by frequency and recency</h3>
      </header>
      {m ? (
        <>
          <p className="muted pr-sub">
            For a customer whose first purchase was {formatParam(m.T)} {r.timeUnit}s before the calibration end: the more purchases and the later the last one, the likelier they still buy.
          </p>
          <div ref={box}>{option ? <EChart option={option} theme={theme.mode} ariaLabel="Probability alive by repeat purchases and time of the last purchase" className="pr-chart heat" /> : null}</div>
          <div className="pr-legend" aria-hidden="true">
            <span>0 (gone)</span>
            <span className="pr-legend-bar" style={{ background: aliveGradient(theme.mode) }} />
            <span>1 (alive)</span>
            <span className="faint">Blank: cannot happen (no repeat purchase, so no later last purchase)</span>
          </div>
        </>
      ) : (
        <p className="vp-note">
          <Icon name="info" size={14} /> No matrix: the calibration period is too short to tell recency apart.
        </p>
      )}
    </section>
  );
}

export function ClvPanel() {
  const r = useApp((s) => s.predictResult);
  const theme = useChartTheme();
  const clv = r?.clv ?? null;
  const option = useMemo(() => (clv ? buildClvHistogramOption(clv, theme) : null), [clv, theme]);
  if (!r) return null;
  const biased = correlationWarning(r.frequencyValueCorrelation) !== null;
  return (
    <section className="vp-card" aria-labelledby="pr-clv-title" data-testid="predict-clv">
      <header className="vp-card-head">
        <h3 id="pr-clv-title">Customer lifetime value</h3>
        {clv ? (
          <span className="muted vp-head-note">
            {clv.months} months · {(clv.monthlyDiscount * 100).toFixed(1)}%/month discount · {(clv.margin * 100).toFixed(0)}% margin
          </span>
        ) : null}
      </header>
      {clv ? (
        <>
          <dl className="pr-totals small">
            <div>
              <dt>
                <span className="pr-key mean" aria-hidden="true" /> Mean
              </dt>
              <dd className="num" data-testid="predict-clv-mean">
                {formatMoney(clv.mean)}
              </dd>
            </div>
            <div>
              <dt>
                <span className="pr-key median" aria-hidden="true" /> Median
              </dt>
              <dd className="num" data-testid="predict-clv-median">
                {formatMoney(clv.median)}
              </dd>
            </div>
            <div>
              <dt>Total</dt>
              <dd className="num" data-testid="predict-clv-total">
                {formatMoney(clv.total)}
              </dd>
            </div>
          </dl>
          {biased ? <p className="vp-foot-note warning-text">Frequency and spend are correlated: read these amounts as a ranking.</p> : null}
          {option ? <EChart option={option} theme={theme.mode} ariaLabel="Distribution of predicted lifetime value with mean and median" className="pr-chart" /> : null}
        </>
      ) : (
        <p className="vp-note" data-testid="predict-no-clv">
          <Icon name="info" size={14} /> No lifetime value. {clvMissingReason(r)}
        </p>
      )}
    </section>
  );
}
