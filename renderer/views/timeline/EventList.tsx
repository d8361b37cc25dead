// The events, newest first, under one heading per day.
import { memo, useMemo } from 'react';
import type { TimelineEvent } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { TIMELINE_MAX } from '../../store/timelineSlice.ts';
import { Icon } from '../../components/Icon.tsx';
import { eventTypeStyle } from '../../lib/eventTypes.ts';
import { formatDayHeading, formatInt, formatMoney, formatTime, humanize, plural } from '../../lib/format.ts';
import { groupByDay } from './groupByDay.ts';

export function EventList() {
  const timeline = useApp((s) => s.timeline);
  const loading = useApp((s) => s.timelineLoading);
  const error = useApp((s) => s.timelineError);
  const limit = useApp((s) => s.timelineLimit);
  const loadMore = useApp((s) => s.loadMoreEvents);
  const filtering = useApp((s) => s.typeFilter.length > 0);
  const groups = useMemo(() => groupByDay(timeline?.events ?? []), [timeline]);

  if (error) {
    return (
      <div className="tl-error" role="alert">
        <Icon name="alert" size={14} /> {error}
      </div>
    );
  }
  if (!timeline) {
    return (
      <div className="tl-loading muted">
        <span className="spinner" /> Loading events…
      </div>
    );
  }
  if (timeline.events.length === 0) return <p className="faint tl-none">{filtering ? 'No events of the selected types.' : 'This customer has no events.'}</p>;

  const more = timeline.total > timeline.events.length;
  return (
    <div className={`events${loading ? ' refreshing' : ''}`}>
      {groups.map((g) => (
        <section key={g.day} className="day">
          <h5 className="day-head num">
            <span>{formatDayHeading(g.day)}</span>
            <span className="faint">{plural(g.events.length, 'event')}</span>
          </h5>
          <ol className="day-events">
            {g.events.map((e) => (
              <EventRow key={e.id} e={e} />
            ))}
          </ol>
        </section>
      ))}
      <div className="events-foot faint num">
        Showing {formatInt(timeline.events.length)} of {plural(timeline.total, 'event')}
        {more && limit < TIMELINE_MAX ? (
          <button type="button" className="btn small" onClick={loadMore} disabled={loading}>
            Show more
          </button>
        ) : null}
      </div>
    </div>
  );
}

const EventRow = memo(function EventRow({ e }: { e: TimelineEvent }) {
  const style = eventTypeStyle(e.type);
  const where = [e.channel, e.device].filter(Boolean).join(' · ');
  const product = [e.product, e.category].filter(Boolean).join(' · ');
  return (
    <li className="event" data-testid="timeline-event" data-type={e.type}>
      <span className="event-time num">{formatTime(e.ts)}</span>
      <span className="event-icon" style={{ color: style.color, background: `color-mix(in srgb, ${style.color} 16%, transparent)` }} title={humanize(e.type)}>
        <Icon name={style.icon} size={13} strokeWidth={2} />
      </span>
      <div className="event-main">
        <div className="event-line">
          <span className="event-type">{humanize(e.type)}</span>
          {e.pageCategory ? <span className="badge">{e.pageCategory}</span> : null}
          {e.amount !== null ? (
            <span className="event-amount num">
              {formatMoney(e.amount)}
              {e.discount ? <span className="faint"> (−{formatMoney(e.discount)})</span> : null}
              {e.quantity && e.quantity !== 1 ? <span className="faint"> × {e.quantity}</span> : null}
            </span>
          ) : null}
        </div>
        {e.url ? (
          <div className="event-detail mono" title={e.url}>
            {e.url}
          </div>
        ) : null}
        {product || where || e.orderId || e.campaign ? (
          <div className="event-detail">
            {product ? <span>{product}</span> : null}
            {e.orderId ? <span className="mono">order {e.orderId}</span> : null}
            {e.campaign ? <span>campaign {e.campaign}</span> : null}
            {where ? <span className="faint">{where}</span> : null}
          </div>
        ) : null}
      </div>
    </li>
  );
});
