// Weekly activity of the loaded events, stacked by type, in the timeline's colours.
import { useMemo } from 'react';
import { useApp } from '../../store/index.ts';
import { resolvedTheme } from '../../store/uiSlice.ts';
import { EChart } from '../../components/EChart.tsx';
import { chartTheme } from '../../charts/theme.ts';
import { weeklyActivity } from '../../charts/activity/weeklyActivity.ts';
import { buildActivityOption } from '../../charts/activity/buildActivityOption.ts';
import { formatInt } from '../../lib/format.ts';

export function ActivityChart() {
  const timeline = useApp((s) => s.timeline);
  const mode = useApp(resolvedTheme);
  const data = useMemo(() => weeklyActivity(timeline?.events ?? []), [timeline]);
  const option = useMemo(() => buildActivityOption(data, {}, chartTheme(mode)), [data, mode]);
  const partial = timeline !== null && timeline.events.length < timeline.total;

  return (
    <section className="tl-section">
      <div className="tl-section-head">
        <h4>Activity per week</h4>
        {partial ? <span className="faint num">newest {formatInt(timeline.events.length)} events</span> : null}
      </div>
      {timeline && data.total === 0 ? (
        <p className="faint tl-chart-empty">No events to chart.</p>
      ) : (
        <EChart option={option} theme={mode} className="tl-chart" ariaLabel={`Events per week by type, ${data.weeks.length} weeks`} />
      )}
    </section>
  );
}
