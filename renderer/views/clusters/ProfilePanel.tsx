// The centroid profile: every signal × every cluster in z-scores, on a diverging scale capped at
// ±2 (hover for the real value and the members' mean). Clicking a column lists that cluster.
import { useMemo, useRef, useState } from 'react';
import { useApp } from '../../store/index.ts';
import { EChart } from '../../components/EChart.tsx';
import { useElementSize } from '../../hooks/useElementSize.ts';
import { buildProfileHeatmapOption } from '../../charts/cluster-profile/buildProfileHeatmapOption.ts';
import { divergingGradient, PROFILE_CLIP } from '../../charts/cluster-profile/divergingColor.ts';
import { useChartTheme } from '../signals/useChartTheme.ts';
import { formatSignalValue } from './display.ts';

const ROW_PX = 24;
/** Room the signal labels take on the left of the grid. */
const SIGNAL_LABELS_PX = 150;
const MIN_COLUMN_PX = 56;

export function ProfilePanel() {
  const model = useApp((s) => s.clusterModel);
  const select = useApp((s) => s.selectCluster);
  const theme = useChartTheme();
  const [labels, setLabels] = useState(true);
  const scroll = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(scroll);
  const k = model?.clusters.length ?? 1;
  const chartWidth = Math.max(width, SIGNAL_LABELS_PX + k * MIN_COLUMN_PX);
  const columnLabelWidth = Math.floor((chartWidth - SIGNAL_LABELS_PX) / k) - 6;
  const option = useMemo(
    () => (model ? buildProfileHeatmapOption({ signals: model.signals, clusters: model.clusters }, { labels, formatValue: formatSignalValue, columnLabelWidth }, theme) : null),
    [model, labels, theme, columnLabelWidth],
  );
  const events = useMemo(
    () => ({
      click: (p: unknown) => {
        const value = (p as { data?: { value?: [number, number, number] } }).data?.value;
        const cluster = value ? model?.clusters[value[0]] : undefined;
        if (cluster && model?.live) select(cluster.key);
      },
    }),
    [model, select],
  );
  if (!model || !option) return null;
  const height = model.signals.length * ROW_PX + 40;
  return (
    <section className="vp-card cl-card cl-profile" aria-labelledby="cl-profile-title" data-testid="cluster-profile">
      <header className="vp-card-head cl-card-head">
        <h3 id="cl-profile-title">Profile</h3>
        <span className="muted vp-head-note">Each cluster’s mean per signal, in standard deviations from all customers</span>
        <span className="spacer" />
        <label className="check cl-small-check">
          <input type="checkbox" checked={labels} onChange={(e) => setLabels(e.target.checked)} data-testid="profile-labels" />
          Values
        </label>
      </header>
      <div className="cl-profile-scroll" ref={scroll}>
        <EChart
          option={option}
          theme={theme.mode}
          className="cl-profile-chart"
          style={{ height, minWidth: SIGNAL_LABELS_PX + k * MIN_COLUMN_PX }}
          ariaLabel={`Profile heatmap: ${model.signals.length} signals by ${model.clusters.length} clusters, in standard deviations from the mean`}
          onEvents={events}
        />
      </div>
      <div className="vp-legend" aria-label={`Colour scale from −${PROFILE_CLIP} to +${PROFILE_CLIP} standard deviations`}>
        <span className="num">−{PROFILE_CLIP}σ or less</span>
        <span className="vp-legend-bar cl-legend-bar" style={{ background: divergingGradient(theme.mode) }} />
        <span className="num">+{PROFILE_CLIP}σ or more</span>
      </div>
    </section>
  );
}
