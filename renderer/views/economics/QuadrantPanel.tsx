// The quadrant chart: each segment at (likelihood to convert, net value per customer), sized by its
// customers and coloured by its decision; the all-customers values split the plane into four
// named quadrants. A click on a bubble selects the segment (its row and its decision panel).
import { useMemo, useRef } from 'react';
import type { EconomicsTable } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { EChart } from '../../components/EChart.tsx';
import { Icon } from '../../components/Icon.tsx';
import { useChartTheme } from '../signals/useChartTheme.ts';
import { buildQuadrantOption, placeable, quadrantGeometry, type QuadrantPoint } from '../../charts/economics-quadrant/buildQuadrantOption.ts';
import { plural } from '../../lib/format.ts';
import { useElementSize } from '../../hooks/useElementSize.ts';
import { allLikelihood, earlierAsOf, likelihoodAxisName, WARNING_SHORT, warningText } from './economicsText.ts';

function pointsOf(t: EconomicsTable): QuadrantPoint[] {
  return t.segments.map((r) => ({
    key: r.key,
    name: r.name,
    customers: r.customers,
    likelihood: r.likelihood,
    netValue: r.netValuePerCustomer,
    decision: r.decision?.decision ?? null,
    warnings: r.warnings.map((w) => WARNING_SHORT[w]),
    explanations: r.warnings.map((w) => warningText(w, r, t.all, t.settings)),
  }));
}

/** The chart itself, in a box it measures (labels are placed for the size they are drawn at). */
function QuadrantChart({ t, points }: { t: EconomicsTable; points: QuadrantPoint[] }) {
  const selected = useApp((s) => s.economicsSelected);
  const select = useApp((s) => s.selectEconomicsSegment);
  const theme = useChartTheme();
  const host = useRef<HTMLDivElement>(null);
  const size = useElementSize(host);
  const reference = useMemo(() => ({ likelihood: allLikelihood(t), netValue: t.all.netValuePerCustomer }), [t]);
  const option = useMemo(
    () => buildQuadrantOption({ points, reference, xName: likelihoodAxisName(t), selectedKey: selected }, size, theme),
    [points, reference, t, selected, size, theme],
  );
  // Where each bubble is drawn, for tests and tools that point at one ("key:x,y" in px of the chart).
  const centres = useMemo(
    () =>
      [...quadrantGeometry({ points, reference }, size).bubbles]
        .map(([key, b]) => `${key}:${Math.round(b.cx)},${Math.round(b.cy)}`)
        .join(' '),
    [points, reference, size],
  );
  return (
    <div ref={host} className="ec-quadrant-chart" data-testid="economics-quadrant-chart" data-bubbles={centres}>
      <EChart
        option={option}
        theme={theme.mode}
        className="ec-quadrant-canvas"
        ariaLabel={`Segments of ${t.label} by likelihood to convert and net value per customer; ${plural(placeable(points).length, 'segment')} shown`}
        onEvents={{
          click: (p) => {
            const key = (p as { data?: { key?: string } }).data?.key;
            if (key !== undefined) select(key);
          },
        }}
      />
    </div>
  );
}

export function QuadrantPanel() {
  const t = useApp((s) => s.economicsTable)!;
  const useEarlier = useApp((s) => s.useEarlierEconomicsDate);
  const lastEventAt = useApp((s) => s.workspace?.lastEventAt);
  const points = useMemo(() => pointsOf(t), [t]);
  const shown = placeable(points);
  const left = points.length - shown.length;
  const earlier = earlierAsOf(lastEventAt, t.outcomeDays);
  // For tests and assistive tools: which bubble is drawn in which decision's colour.
  const decided = shown
    .filter((p) => p.decision)
    .map((p) => `${p.key}:${p.decision}`)
    .join(' ');

  return (
    <section className="vp-card ec-card ec-quadrant" aria-labelledby="ec-quadrant-title" data-testid="economics-quadrant" data-points={shown.length} data-decisions={decided}>
      <header className="vp-card-head">
        <h3 id="ec-quadrant-title">Where to compete</h3>
        <span className="muted vp-head-note">bubble area = customers · colour = decision · dashed lines = all customers</span>
      </header>
      {t.likelihoodSource === 'none' ? (
        <div className="ec-chart-empty" data-testid="economics-quadrant-empty">
          <p className="vp-note">
            <Icon name="info" size={14} />
            <span>
              Nothing to place on the likelihood axis as of {t.asOf}: no purchases after it are in the data and no purchase prediction is fitted.{' '}
              {earlier ? (
                <button type="button" className="vp-link" onClick={useEarlier} data-testid="economics-quadrant-earlier">
                  Use {earlier}
                </button>
              ) : null}{' '}
              or fit a prediction in the Predict view.
            </span>
          </p>
        </div>
      ) : (
        <QuadrantChart t={t} points={points} />
      )}
      {left > 0 && t.likelihoodSource !== 'none' ? (
        <p className="faint ec-chart-foot" data-testid="economics-quadrant-left-out">
          {plural(left, 'segment')} not drawn: no customers as of the date, or no likelihood to place {left === 1 ? 'it' : 'them'} by.
        </p>
      ) : null}
    </section>
  );
}
