// Choose k: elbow, silhouette and stability over k = 2..15 on a seeded sample, the recommended k
// with core's reason, and a way to set k — click a point in a chart or a k below.
import { useMemo } from 'react';
import type { KRecommendation } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { EChart } from '../../components/EChart.tsx';
import { Icon } from '../../components/Icon.tsx';
import { formatInt } from '../../lib/format.ts';
import { buildKMetricOption, K_METRICS, type KMetric } from '../../charts/cluster-k/buildKMetricOption.ts';
import { clusterFailureTitle } from '../../store/clustersSlice.ts';
import { useChartTheme } from '../signals/useChartTheme.ts';
import { InlineJob } from '../signals/InlineJob.tsx';
import { chooseKKey } from './clusterSettings.ts';

function MetricChart({ rec, metric, title, hint, selectedK }: { rec: KRecommendation; metric: KMetric; title: string; hint: string; selectedK: number | null }) {
  const theme = useChartTheme();
  const setK = useApp((s) => s.setClusterK);
  const option = useMemo(() => buildKMetricOption(rec.candidates, { metric, recommended: rec.recommended, selectedK }, theme), [rec, metric, selectedK, theme]);
  const ks = useMemo(() => [...rec.candidates].map((c) => c.k).sort((a, b) => a - b), [rec]);
  const events = useMemo(
    () => ({
      click: (p: unknown) => {
        const { componentType, dataIndex, value } = p as { componentType?: string; dataIndex?: number; value?: unknown };
        // A point of the line, or a k on the axis (triggerEvent).
        const k = componentType === 'series' && typeof dataIndex === 'number' ? ks[dataIndex] : componentType === 'xAxis' ? Number(value) : undefined;
        if (typeof k === 'number' && Number.isFinite(k)) setK(k);
      },
    }),
    [ks, setK],
  );
  return (
    <figure className="cl-k-chart" data-testid={`k-chart-${metric}`}>
      <figcaption title={hint}>
        <strong>{title}</strong>
        <span className="faint">{hint}</span>
      </figcaption>
      <EChart option={option} theme={theme.mode} className="cl-k-canvas" ariaLabel={`${title} for k from ${ks[0]} to ${ks[ks.length - 1]}`} onEvents={events} />
    </figure>
  );
}

function KChoices({ rec, selectedK }: { rec: KRecommendation; selectedK: number | null }) {
  const setK = useApp((s) => s.setClusterK);
  const sorted = [...rec.candidates].sort((a, b) => a.k - b.k);
  return (
    <div className="cl-k-choices" role="group" aria-label="Set k">
      <span className="muted">Set k:</span>
      {sorted.map((c) => {
        const rec_ = c.k === rec.recommended;
        return (
          <button
            key={c.k}
            type="button"
            className={`cl-k-choice${rec_ ? ' recommended' : ''}${selectedK === c.k ? ' active' : ''}`}
            aria-pressed={selectedK === c.k}
            onClick={() => setK(c.k)}
            title={`k = ${c.k}: silhouette ${c.silhouette.toFixed(3)}, stability ${c.stability.toFixed(3)}, inertia per customer ${c.inertiaPerCustomer.toFixed(3)}${rec_ ? ' — recommended' : ''}`}
            data-testid={`k-choice-${c.k}`}
          >
            {c.k}
            {rec_ ? <span className="cl-k-star" aria-label="recommended">★</span> : null}
          </button>
        );
      })}
    </div>
  );
}

export function ChooseKPanel() {
  const rec = useApp((s) => s.kRecommendation);
  const recKey = useApp((s) => s.kRecommendationKey);
  const job = useApp((s) => s.chooseKJob);
  const error = useApp((s) => s.chooseKError);
  const draft = useApp((s) => s.clusterDraft);
  const run = useApp((s) => s.runChooseK);
  const cancel = useApp((s) => s.cancelChooseK);
  const close = useApp((s) => s.setChooseKOpen);
  const setK = useApp((s) => s.setClusterK);
  const stale = rec !== null && draft !== null && recKey !== chooseKKey(draft);
  const selectedK = draft?.k ?? null;
  return (
    <section className="vp-card cl-card cl-choose-k" aria-labelledby="cl-k-title" data-testid="choose-k-panel">
      <header className="vp-card-head cl-card-head">
        <h3 id="cl-k-title">Choose k</h3>
        {rec ? (
          <span className="muted cl-k-sample">
            on a seeded sample of {formatInt(rec.sampleSize)} customers (silhouette on {formatInt(rec.silhouetteSampleSize)}), seeds {rec.seeds.join(', ')}
          </span>
        ) : null}
        <span className="spacer" />
        {job ? (
          <InlineJob job={job} onCancel={cancel} testIdPrefix="choose-k" startingText="Starting…" />
        ) : rec ? (
          <button type="button" className={`btn small${stale ? ' primary' : ''}`} onClick={() => void run(true)} data-testid="choose-k-rerun">
            <Icon name="refresh" size={12} /> {stale ? 'Run for the new set-up' : 'Run again'}
          </button>
        ) : null}
        <button type="button" className="btn small ghost icon-only" onClick={() => close(false)} aria-label="Close choose k" title="Close">
          <Icon name="x" size={13} />
        </button>
      </header>
      {error ? (
        <div className="sig-alert error" role="alert" data-testid="choose-k-error" data-code={error.code}>
          <Icon name="alert" size={16} />
          <p>
            <strong>{clusterFailureTitle(error, 'k could not be compared')}.</strong> {error.message}
          </p>
        </div>
      ) : null}
      {!rec && job ? <p className="muted cl-pad">Fitting k = 2 to 15 on a sample, several seeds each. This takes a few seconds per 100,000 customers.</p> : null}
      {!rec && !job && !error ? (
        <div className="cl-pad" data-testid="choose-k-idle">
          <span className="muted">Not run for this set-up (or cancelled).</span>
          <button type="button" className="btn small primary" onClick={() => void run(true)} data-testid="choose-k-run">
            <Icon name="play" size={12} /> Compare k = 2 to 15
          </button>
        </div>
      ) : null}
      {rec ? (
        <>
          {stale ? (
            <p className="sig-alert info cl-stale" data-testid="choose-k-stale">
              <Icon name="info" size={14} /> Computed for a different set-up (signals, weights, scaling, missing values or seed changed).
            </p>
          ) : null}
          <div className="cl-k-recommend" data-testid="choose-k-recommendation" data-k={rec.recommended}>
            <div className="cl-k-big">
              <span className="faint">Recommended</span>
              <strong className="num">k = {rec.recommended}</strong>
            </div>
            <p className="cl-k-reason" data-testid="choose-k-reason">
              {rec.reason}
            </p>
            {selectedK !== rec.recommended ? (
              <button type="button" className="btn primary" onClick={() => setK(rec.recommended)} data-testid="choose-k-use">
                Use k = {rec.recommended}
              </button>
            ) : (
              <span className="badge accent" data-testid="choose-k-in-use">
                <Icon name="check" size={11} /> k = {rec.recommended} is set
              </span>
            )}
          </div>
          <div className="cl-k-charts">
            {K_METRICS.map((m) => (
              <MetricChart key={m.id} rec={rec} metric={m.id} title={m.title} hint={m.hint} selectedK={selectedK} />
            ))}
          </div>
          <KChoices rec={rec} selectedK={selectedK} />
        </>
      ) : null}
    </section>
  );
}
