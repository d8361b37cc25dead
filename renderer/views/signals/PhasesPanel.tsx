// The intent score and its phases: the histogram with the two draggable thresholds, the same
// thresholds as number fields, the normalisation, the retention window, and the phase sizes.
import { useMemo, useRef, useState } from 'react';
import { useApp } from '../../store/index.ts';
import { EChart } from '../../components/EChart.tsx';
import { useElementSize } from '../../hooks/useElementSize.ts';
import { buildScoreHistogramOption } from '../../charts/score-histogram/buildScoreHistogramOption.ts';
import { formatInt } from '../../lib/format.ts';
import { scoreKey } from '../../store/signalsSlice.ts';
import { useChartTheme } from './useChartTheme.ts';
import { ThresholdOverlay } from './ThresholdOverlay.tsx';
import { PhaseCards } from './PhaseCards.tsx';
import { NumberField } from './NumberField.tsx';
import { moveThreshold } from './thresholds.ts';

const EMPTY_HISTOGRAM: number[] = new Array<number>(100).fill(0);

function ScoreHistogram() {
  const summary = useApp((s) => s.summary);
  const thresholds = useApp((s) => s.scoring?.thresholds);
  const ready = useApp((s) => s.snapshotState === 'ready');
  const theme = useChartTheme();
  const [logScale, setLogScale] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const size = useElementSize(wrap);
  const consideration = thresholds?.consideration ?? 0;
  const decision = thresholds?.decision ?? 0;
  const option = useMemo(
    () => buildScoreHistogramOption({ histogram: summary?.histogram ?? EMPTY_HISTOGRAM }, { consideration, decision, logScale }, theme),
    [summary, consideration, decision, logScale, theme],
  );
  return (
    <div className="sig-hist-block">
      <div className="sig-hist-wrap" ref={wrap} data-testid="score-histogram">
        <EChart option={option} theme={theme.mode} className="sig-hist-chart" ariaLabel="Customers per intent score from 0 to 100, coloured by phase" />
        {ready ? <ThresholdOverlay width={size.width} height={size.height} /> : null}
        {!ready ? <div className="sig-hist-veil muted">Compute the signals to see the scores</div> : null}
      </div>
      <label className="check sig-log">
        <input type="checkbox" checked={logScale} onChange={(e) => setLogScale(e.target.checked)} data-testid="histogram-log" />
        Log scale
      </label>
    </div>
  );
}

function ScoreStatus() {
  const summary = useApp((s) => s.summary);
  const error = useApp((s) => s.summaryError);
  const stale = useApp((s) => s.scoring !== null && s.summary !== null && s.summaryKey !== scoreKey(s.scoring));
  if (error) return <p className="danger-text sig-score-status" role="alert">{error}</p>;
  if (!summary) return null;
  return (
    <p className="sig-score-status muted num" data-testid="score-status" aria-live="off">
      {stale ? <span className="spinner" aria-label="Re-scoring" /> : null}
      {`Mean score ${summary.meanScore.toFixed(1)} · ${formatInt(summary.customers)} customers re-scored in ${summary.scoredMs < 1 ? '<1' : Math.round(summary.scoredMs)} ms · `}
      <span className="faint">drag the C and D handles, or focus one and use the arrow keys, to move the thresholds</span>
    </p>
  );
}

function ScoreControls() {
  const scoring = useApp((s) => s.scoring);
  const setThresholds = useApp((s) => s.setThresholds);
  const setRetention = useApp((s) => s.setRetention);
  if (!scoring) return null;
  const t = scoring.thresholds;
  return (
    <div className="sig-controls">
      <fieldset className="sig-fieldset">
        <legend className="visually-hidden">Thresholds</legend>
        <label className="sig-inline-field phase-consideration" title="Customers scoring at least this (and below the decision threshold) are in consideration">
          <span className="sig-swatch" aria-hidden="true" />
          Consideration ≥
          <NumberField
            value={t.consideration}
            min={0}
            max={100}
            integer={false}
            label="Consideration threshold value"
            testId="threshold-consideration-input"
            className="sig-num-3"
            live={(v) => v <= t.decision}
            onCommit={(v) => setThresholds(moveThreshold(t, 'consideration', v))}
          />
        </label>
        <label className="sig-inline-field phase-decision" title="Customers scoring at least this are in decision">
          <span className="sig-swatch" aria-hidden="true" />
          Decision ≥
          <NumberField
            value={t.decision}
            min={0}
            max={100}
            integer={false}
            label="Decision threshold value"
            testId="threshold-decision-input"
            className="sig-num-3"
            live={(v) => v >= t.consideration}
            onCommit={(v) => setThresholds(moveThreshold(t, 'decision', v))}
          />
        </label>
      </fieldset>
      <fieldset className="sig-fieldset phase-retention" title="Recent buyers who are still active are in retention, whatever their score">
        <legend className="visually-hidden">Retention</legend>
        <span className="sig-inline-field">
          <span className="sig-swatch" aria-hidden="true" />
          Retention: bought within
        </span>
        <label className="sig-inline-field">
          <NumberField
            value={scoring.retention.purchaseWithinDays}
            min={1}
            max={3650}
            label="Retention: purchased within days"
            testId="retention-purchase-input"
            className="sig-num-4"
            onCommit={(v) => setRetention({ purchaseWithinDays: v })}
          />
          d, active within
        </label>
        <label className="sig-inline-field">
          <NumberField
            value={scoring.retention.activeWithinDays}
            min={1}
            max={3650}
            label="Retention: active within days"
            testId="retention-active-input"
            className="sig-num-4"
            onCommit={(v) => setRetention({ activeWithinDays: v })}
          />
          d
        </label>
      </fieldset>
    </div>
  );
}

function Normalisation() {
  const value = useApp((s) => s.scoring?.normalisation);
  const setNormalisation = useApp((s) => s.setNormalisation);
  if (!value) return null;
  return (
    <label className="sig-inline-field" title="How each signal is put on a 0–1 scale before weighing: its percentile among all customers, or its distance from the median in MADs">
      Normalisation
      <select className="select sig-select-small" value={value} onChange={(e) => setNormalisation(e.target.value as typeof value)} aria-label="Normalisation" data-testid="normalisation-select">
        <option value="percentile">Percentile rank</option>
        <option value="robust-z">Robust z (median, MAD)</option>
      </select>
    </label>
  );
}

export function PhasesPanel() {
  return (
    <section className="vp-card sig-card sig-phases" aria-labelledby="sig-phases-title" data-testid="phases-panel">
      <header className="vp-card-head sig-card-head">
        <h3 id="sig-phases-title">Intent score and phases</h3>
        <span className="spacer" />
        <Normalisation />
      </header>
      <ScoreStatus />
      <ScoreHistogram />
      <ScoreControls />
      <PhaseCards />
    </section>
  );
}
