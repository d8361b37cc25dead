// The built-in signals. Each is one SQL aggregate over a customer's events strictly before the
// as-of date, so all of them come out of a single GROUP BY pass over the events table (see sql.ts).
// Windows are literal bounds computed from the as-of date, not SQL date functions per row.
import { SQLITE, type SqlDialect } from './sql-dialect.ts';
import type { SignalInfo } from './types.ts';

export const DAY_MS = 86_400_000;

/** What an aggregate expression needs to know: the as-of instant and the local-time offset. */
export interface SqlContext {
  asOf: number;
  /** Milliseconds added to UTC timestamps to get the workspace's local clock (timing signals). */
  utcOffsetMs: number;
  /** The engine the text is for (default SQLite, the app's). */
  dialect?: SqlDialect;
  /**
   * An SQL expression for the as-of instant (exported views read it from a parameter view, so one
   * export re-evaluates at any date); without it the instant and every window bound are literals.
   */
  asOfSql?: string;
}

export interface BuiltInSignal extends SignalInfo {
  /** A SQL aggregate over `events` rows of one customer (rows are already ts < as-of). */
  aggregate(ctx: SqlContext): string;
  /** Value for customers without any event before the as-of date: 0 for counts, null for "unknown". */
  fill: 0 | null;
}

export const dialectOf = (ctx: SqlContext): SqlDialect => ctx.dialect ?? SQLITE;
/** The instant `ms` milliseconds before the as-of instant (exact integer arithmetic either way). */
export function before(ctx: SqlContext, ms: number): string {
  if (ctx.asOfSql === undefined) return String(ctx.asOf - ms);
  return ms === 0 ? ctx.asOfSql : `(${ctx.asOfSql} - ${ms})`;
}
/** Lower bound of a window of `days` before the as-of date. */
export const since = (ctx: SqlContext, days: number): string => `ts >= ${before(ctx, days * DAY_MS)}`;
/** Days from a timestamp expression to the as-of instant, as a double. */
export const daysSince = (ctx: SqlContext, ts: string) => `(${before(ctx, 0)} - ${ts}) / ${dialectOf(ctx).double(DAY_MS)}`;
const count = (condition: string) => `sum(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
const ratio = (ctx: SqlContext, numerator: string, denominator: string) => `${dialectOf(ctx).real(numerator)} / nullif(${denominator}, 0)`;
const ORDER_KEY = `coalesce(order_id, 'event:' || id)`;
/** Events the customer did themselves (not messages sent to them). */
const OWN_ACTIVITY = `type NOT IN ('email_sent', 'sms_sent')`;
const VISIT = `type IN ('page_view', 'session_start', 'login', 'add_to_cart', 'checkout_start', 'purchase')`;
/** The channel of an event; email/SMS events without one are obviously email/SMS, the rest web. */
export const channelSql = (d: SqlDialect) =>
  `coalesce(channel, CASE WHEN ${d.startsWith('type', 'email_')} THEN 'email' WHEN ${d.startsWith('type', 'sms_')} THEN 'sms' ELSE 'web' END)`;
const localMs = (ctx: SqlContext) => (ctx.utcOffsetMs === 0 ? 'ts' : `(ts + ${ctx.utcOffsetMs})`);
/** Hour of day on the local clock, 0..23.999. */
const localHour = (ctx: SqlContext) => `((${localMs(ctx)} % ${DAY_MS}) / ${dialectOf(ctx).double(3_600_000)})`;
/** Day of week on the local clock, 0 = Sunday (1970-01-01 was a Thursday). */
const localWeekday = (ctx: SqlContext) => `((${localMs(ctx)} / ${DAY_MS} + 4) % 7)`;

/** Responses per message sent in 90 days, capped at 1; unknown when nothing was sent. */
function rateCapped(ctx: SqlContext, response: string, sent: string): string {
  const d = dialectOf(ctx);
  return d.least(d.double(1), ratio(ctx, count(`type = '${response}' AND ${since(ctx, 90)}`), count(`type = '${sent}' AND ${since(ctx, 90)}`)));
}

function pageViews(category: string, label: string, days = 30, weight = 0): BuiltInSignal {
  return {
    id: `${category}_views_${days}d`,
    label: `${label} page views (${days} d)`,
    description: `Page views in the "${category}" page category in the ${days} days before the as-of date.`,
    group: 'intent',
    unit: 'count',
    direction: 1,
    missing: 'worst',
    windowDays: days,
    builtIn: true,
    defaultWeight: weight,
    aggregate: (ctx) => count(`type = 'page_view' AND page_category = '${category}' AND ${since(ctx, days)}`),
    fill: 0,
  };
}

function signal(s: Omit<BuiltInSignal, 'builtIn'>): BuiltInSignal {
  return { ...s, builtIn: true };
}

export const BUILT_IN_SIGNALS: readonly BuiltInSignal[] = [
  // ---- value (RFM) ----
  signal({
    id: 'days_since_purchase',
    label: 'Days since last purchase',
    description: 'Recency: days between the last purchase and the as-of date. Never purchased counts as the worst value.',
    group: 'value',
    unit: 'days',
    direction: -1,
    missing: 'worst',
    windowDays: null,
    defaultWeight: 0,
    aggregate: (ctx) => daysSince(ctx, `max(CASE WHEN type = 'purchase' THEN ts END)`),
    fill: null,
  }),
  signal({
    id: 'orders',
    label: 'Orders',
    description: 'Frequency: distinct orders (purchase events without an order id count one each), all history.',
    group: 'value',
    unit: 'count',
    direction: 1,
    missing: 'worst',
    windowDays: null,
    defaultWeight: 0,
    aggregate: () => `count(DISTINCT CASE WHEN type = 'purchase' THEN ${ORDER_KEY} END)`,
    fill: 0,
  }),
  signal({
    id: 'revenue',
    label: 'Revenue',
    description: 'Monetary: purchase amounts minus returned amounts, all history.',
    group: 'value',
    unit: 'money',
    direction: 1,
    missing: 'worst',
    windowDays: null,
    defaultWeight: 0,
    aggregate: (ctx) => {
      const sum = dialectOf(ctx).sum;
      return `coalesce(${sum(`CASE WHEN type = 'purchase' THEN amount END`)}, 0) - coalesce(${sum(`CASE WHEN type = 'return' THEN abs(amount) END`)}, 0)`;
    },
    fill: 0,
  }),
  signal({
    id: 'avg_order_value',
    label: 'Average order value',
    description: 'Purchase amounts divided by orders. Unknown for customers who never purchased.',
    group: 'value',
    unit: 'money',
    direction: 1,
    missing: 'exclude',
    windowDays: null,
    defaultWeight: 0,
    aggregate: (ctx) => ratio(ctx, dialectOf(ctx).sum(`CASE WHEN type = 'purchase' THEN amount END`), `count(DISTINCT CASE WHEN type = 'purchase' THEN ${ORDER_KEY} END)`),
    fill: null,
  }),
  signal({
    id: 'tenure_days',
    label: 'Tenure (days)',
    description: 'Days since the first event of the customer.',
    group: 'value',
    unit: 'days',
    direction: 1,
    missing: 'worst',
    windowDays: null,
    defaultWeight: 0,
    aggregate: (ctx) => daysSince(ctx, 'min(ts)'),
    fill: null,
  }),

  // ---- engagement ----
  signal({
    id: 'days_since_visit',
    label: 'Days since last visit',
    description: 'Days since the last page view, session, login, cart or purchase.',
    group: 'engagement',
    unit: 'days',
    direction: -1,
    missing: 'worst',
    windowDays: null,
    defaultWeight: 15,
    aggregate: (ctx) => daysSince(ctx, `max(CASE WHEN ${VISIT} THEN ts END)`),
    fill: null,
  }),
  signal({
    id: 'days_since_active',
    label: 'Days since last activity',
    description: 'Days since anything the customer did (visit, email open or click, SMS reply, purchase, support contact). Used for retention.',
    group: 'engagement',
    unit: 'days',
    direction: -1,
    missing: 'worst',
    windowDays: null,
    defaultWeight: 0,
    aggregate: (ctx) => daysSince(ctx, `max(CASE WHEN ${OWN_ACTIVITY} THEN ts END)`),
    fill: null,
  }),
  signal({
    id: 'sessions_7d',
    label: 'Sessions (7 d)',
    description: 'Sessions started in the 7 days before the as-of date.',
    group: 'engagement',
    unit: 'count',
    direction: 1,
    missing: 'worst',
    windowDays: 7,
    defaultWeight: 15,
    aggregate: (ctx) => count(`type = 'session_start' AND ${since(ctx, 7)}`),
    fill: 0,
  }),
  signal({
    id: 'sessions_30d',
    label: 'Sessions (30 d)',
    description: 'Sessions started in the 30 days before the as-of date.',
    group: 'engagement',
    unit: 'count',
    direction: 1,
    missing: 'worst',
    windowDays: 30,
    defaultWeight: 10,
    aggregate: (ctx) => count(`type = 'session_start' AND ${since(ctx, 30)}`),
    fill: 0,
  }),
  signal({
    id: 'active_days_30d',
    label: 'Active days (30 d)',
    description: 'Distinct days with any activity of the customer in the 30 days before the as-of date.',
    group: 'engagement',
    unit: 'count',
    direction: 1,
    missing: 'worst',
    windowDays: 30,
    defaultWeight: 0,
    aggregate: (ctx) => `count(DISTINCT CASE WHEN ${OWN_ACTIVITY} AND ${since(ctx, 30)} THEN ${localMs(ctx)} / ${DAY_MS} END)`,
    fill: 0,
  }),
  signal({
    id: 'session_gap_trend',
    label: 'Session gap trend',
    description:
      'Average gap between sessions 30–60 days before the as-of date divided by the average gap in the last 30 days. ' +
      'Above 1: visits are getting closer together (acceleration). Unknown with fewer than two sessions in either window.',
    group: 'engagement',
    unit: 'ratio',
    direction: 1,
    missing: 'exclude',
    windowDays: 60,
    defaultWeight: 10,
    aggregate: (ctx) => {
      // Mean gap between consecutive sessions in a window = (last - first) / (sessions - 1).
      const inWindow = (from: number, to: number) => `type = 'session_start' AND ts >= ${before(ctx, from * DAY_MS)} AND ts < ${before(ctx, to * DAY_MS)}`;
      const meanGap = (w: string) => `(max(CASE WHEN ${w} THEN ts END) - min(CASE WHEN ${w} THEN ts END)) / nullif(${count(w)} - 1, 0)`;
      // Whole milliseconds (integer division in both engines), then the ratio of the two means.
      return `${dialectOf(ctx).real(meanGap(inWindow(60, 30)))} / nullif(${meanGap(inWindow(30, 0))}, 0)`;
    },
    fill: null,
  }),

  // ---- intent ----
  pageViews('pricing', 'Pricing', 30, 25),
  signal({
    id: 'pricing_days_30d',
    label: 'Days with pricing views (30 d)',
    description: 'Distinct days on which the customer viewed pricing pages in the last 30 days: repeated pricing visits.',
    group: 'intent',
    unit: 'count',
    direction: 1,
    missing: 'worst',
    windowDays: 30,
    defaultWeight: 20,
    aggregate: (ctx) => `count(DISTINCT CASE WHEN type = 'page_view' AND page_category = 'pricing' AND ${since(ctx, 30)} THEN ${localMs(ctx)} / ${DAY_MS} END)`,
    fill: 0,
  }),
  pageViews('faq', 'FAQ', 30, 10),
  pageViews('returns', 'Returns policy', 30, 5),
  pageViews('shipping', 'Shipping', 30, 15),
  pageViews('reviews', 'Reviews', 30, 10),
  pageViews('comparison', 'Comparison', 30, 10),
  pageViews('product', 'Product', 30, 10),
  signal({
    id: 'cart_adds_unbought_48h',
    label: 'Cart adds without purchase (48 h)',
    description: 'Items added to the cart in the 48 hours before the as-of date, when no purchase followed the latest one.',
    group: 'intent',
    unit: 'count',
    direction: 1,
    missing: 'worst',
    windowDays: 2,
    defaultWeight: 25,
    aggregate: (ctx) => {
      const lastCart = `max(CASE WHEN type = 'add_to_cart' THEN ts END)`;
      const lastPurchase = `coalesce(max(CASE WHEN type = 'purchase' THEN ts END), 0)`;
      return `CASE WHEN ${lastCart} > ${lastPurchase} THEN ${count(`type = 'add_to_cart' AND ${since(ctx, 2)}`)} ELSE 0 END`;
    },
    fill: 0,
  }),
  signal({
    id: 'checkout_starts_30d',
    label: 'Checkout starts (30 d)',
    description: 'Checkouts started in the 30 days before the as-of date.',
    group: 'intent',
    unit: 'count',
    direction: 1,
    missing: 'worst',
    windowDays: 30,
    defaultWeight: 20,
    aggregate: (ctx) => count(`type = 'checkout_start' AND ${since(ctx, 30)}`),
    fill: 0,
  }),

  // ---- channels and devices ----
  signal({
    id: 'email_open_rate_90d',
    label: 'Email open rate (90 d)',
    description: 'Email opens per email sent in the last 90 days (at most 1). Unknown when no email was sent.',
    group: 'channel',
    unit: 'share',
    direction: 1,
    missing: 'exclude',
    windowDays: 90,
    defaultWeight: 5,
    aggregate: (ctx) => rateCapped(ctx, 'email_open', 'email_sent'),
    fill: null,
  }),
  signal({
    id: 'email_click_rate_90d',
    label: 'Email click rate (90 d)',
    description: 'Email clicks per email sent in the last 90 days (at most 1). Unknown when no email was sent.',
    group: 'channel',
    unit: 'share',
    direction: 1,
    missing: 'exclude',
    windowDays: 90,
    defaultWeight: 10,
    aggregate: (ctx) => rateCapped(ctx, 'email_click', 'email_sent'),
    fill: null,
  }),
  signal({
    id: 'sms_reply_rate_90d',
    label: 'SMS reply rate (90 d)',
    description: 'SMS replies per SMS sent in the last 90 days (at most 1). Unknown when no SMS was sent.',
    group: 'channel',
    unit: 'share',
    direction: 1,
    missing: 'exclude',
    windowDays: 90,
    defaultWeight: 0,
    aggregate: (ctx) => rateCapped(ctx, 'sms_reply', 'sms_sent'),
    fill: null,
  }),
  signal({
    id: 'channels_48h',
    label: 'Channels touched (48 h)',
    description: 'Distinct channels (web, app, email, SMS, store, support...) with activity of the customer in the 48 hours before the as-of date: multichannel touches.',
    group: 'channel',
    unit: 'count',
    direction: 1,
    missing: 'worst',
    windowDays: 2,
    defaultWeight: 10,
    aggregate: (ctx) => `count(DISTINCT CASE WHEN ${OWN_ACTIVITY} AND ${since(ctx, 2)} THEN ${channelSql(dialectOf(ctx))} END)`,
    fill: 0,
  }),
  signal({
    id: 'mobile_share_90d',
    label: 'Mobile share (90 d)',
    description: 'Share of the events with a known device in the last 90 days that came from a mobile phone.',
    group: 'channel',
    unit: 'share',
    direction: 1,
    missing: 'exclude',
    windowDays: 90,
    defaultWeight: 0,
    aggregate: (ctx) => ratio(ctx, count(`device = 'mobile' AND ${since(ctx, 90)}`), count(`device IS NOT NULL AND ${since(ctx, 90)}`)),
    fill: null,
  }),
  signal({
    id: 'desktop_shift_30d',
    label: 'Mobile-to-desktop shift',
    description:
      'Desktop share of events in the last 30 days minus the desktop share 30–90 days before: positive when the customer moved from phone to desktop, which often precedes a purchase.',
    group: 'channel',
    unit: 'share',
    direction: 1,
    missing: 'exclude',
    windowDays: 90,
    defaultWeight: 5,
    aggregate: (ctx) => {
      const recent = since(ctx, 30);
      const earlier = `ts >= ${before(ctx, 90 * DAY_MS)} AND ts < ${before(ctx, 30 * DAY_MS)}`;
      const share = (w: string) => ratio(ctx, count(`device = 'desktop' AND ${w}`), count(`device IS NOT NULL AND ${w}`));
      return `${share(recent)} - ${share(earlier)}`;
    },
    fill: null,
  }),

  // ---- timing ----
  signal({
    id: 'preferred_hour',
    label: 'Preferred hour',
    description: 'Circular mean of the local hour of the customer’s own activity in the last 90 days (23:00 and 01:00 average to midnight).',
    group: 'timing',
    unit: 'hour',
    direction: 1,
    missing: 'exclude',
    windowDays: 90,
    defaultWeight: 0,
    aggregate: (ctx) => {
      const d = dialectOf(ctx);
      const angle = `${localHour(ctx)} * ${d.double((2 * Math.PI) / 24)}`;
      const w = `${OWN_ACTIVITY} AND ${since(ctx, 90)}`;
      const sumSin = d.sum(`CASE WHEN ${w} THEN sin(${angle}) END`);
      const sumCos = d.sum(`CASE WHEN ${w} THEN cos(${angle}) END`);
      // Into [0, 24) without SQLite's %, which truncates REAL operands to integers (10.5 % 24 = 10).
      const hour = `(atan2(${sumSin}, ${sumCos}) * ${d.double(24 / (2 * Math.PI))} + 24)`;
      return `CASE WHEN ${sumSin} IS NULL THEN NULL ELSE ${hour} - 24 * ${d.trunc(`${hour} / 24`)} END`;
    },
    fill: null,
  }),
  signal({
    id: 'evening_share_90d',
    label: 'Evening share (90 d)',
    description: 'Share of the customer’s own activity in the last 90 days between 18:00 and midnight, local time.',
    group: 'timing',
    unit: 'share',
    direction: 1,
    missing: 'exclude',
    windowDays: 90,
    defaultWeight: 0,
    aggregate: (ctx) => ratio(ctx, count(`${OWN_ACTIVITY} AND ${since(ctx, 90)} AND ${localHour(ctx)} >= 18`), count(`${OWN_ACTIVITY} AND ${since(ctx, 90)}`)),
    fill: null,
  }),
  signal({
    id: 'weekend_share_90d',
    label: 'Weekend share (90 d)',
    description: 'Share of the customer’s own activity in the last 90 days on Saturdays and Sundays, local time.',
    group: 'timing',
    unit: 'share',
    direction: 1,
    missing: 'exclude',
    windowDays: 90,
    defaultWeight: 0,
    aggregate: (ctx) => ratio(ctx, count(`${OWN_ACTIVITY} AND ${since(ctx, 90)} AND ${localWeekday(ctx)} IN (0, 6)`), count(`${OWN_ACTIVITY} AND ${since(ctx, 90)}`)),
    fill: null,
  }),
  signal({
    id: 'seasonal_concentration',
    label: 'Seasonal concentration',
    description:
      'How much the customer’s purchases cluster at one time of year: the length of the mean vector of purchase days on the yearly circle ' +
      '(1 = always the same season, near 0 = spread over the year). Unknown with fewer than three purchases.',
    group: 'timing',
    unit: 'index',
    direction: 1,
    missing: 'exclude',
    windowDays: null,
    defaultWeight: 0,
    aggregate: (ctx) => {
      const d = dialectOf(ctx);
      const angle = `(ts % 31556952000) * ${d.double((2 * Math.PI) / 31556952000)}`; // mean Gregorian year in ms
      const p = `type = 'purchase'`;
      return `CASE WHEN ${count(p)} >= 3 THEN sqrt(power(${d.sum(`CASE WHEN ${p} THEN cos(${angle}) END`)}, 2) + power(${d.sum(`CASE WHEN ${p} THEN sin(${angle}) END`)}, 2)) / ${count(p)} END`;
    },
    fill: null,
  }),

  // ---- price and service ----
  signal({
    id: 'discount_share',
    label: 'Discounted order share',
    description: 'Share of orders with a discount: price sensitivity and discount dependency. Unknown for customers who never purchased.',
    group: 'price',
    unit: 'share',
    direction: 1,
    missing: 'exclude',
    windowDays: null,
    defaultWeight: 0,
    aggregate: (ctx) =>
      ratio(ctx, `count(DISTINCT CASE WHEN type = 'purchase' AND discount > 0 THEN ${ORDER_KEY} END)`, `count(DISTINCT CASE WHEN type = 'purchase' THEN ${ORDER_KEY} END)`),
    fill: null,
  }),
  signal({
    id: 'return_rate',
    label: 'Return rate',
    description: 'Returned lines per purchased line, all history. Unknown for customers who never purchased.',
    group: 'service',
    unit: 'share',
    direction: -1,
    missing: 'exclude',
    windowDays: null,
    defaultWeight: 0,
    aggregate: (ctx) => ratio(ctx, count(`type = 'return'`), count(`type = 'purchase'`)),
    fill: null,
  }),
  signal({
    id: 'support_contacts_90d',
    label: 'Support contacts (90 d)',
    description: 'Contacts with customer support in the last 90 days.',
    group: 'service',
    unit: 'count',
    direction: 1,
    missing: 'worst',
    windowDays: 90,
    defaultWeight: 0,
    aggregate: (ctx) => count(`type = 'support_contact' AND ${since(ctx, 90)}`),
    fill: 0,
  }),
];

/** Purchase-interval regularity needs the gaps between orders, so it comes from its own subquery (sql.ts). */
export const REGULARITY_SIGNAL: SignalInfo = {
  id: 'purchase_regularity',
  label: 'Purchase regularity',
  description:
    'How evenly spaced the customer’s orders are: 1 / (1 + coefficient of variation of the days between orders). ' +
    '1 = like clockwork. Unknown with fewer than three orders.',
  group: 'value',
  unit: 'index',
  direction: 1,
  missing: 'exclude',
  windowDays: null,
  builtIn: true,
  defaultWeight: 0,
};

export function builtInInfos(): SignalInfo[] {
  return [...BUILT_IN_SIGNALS.map(({ aggregate: _a, fill: _f, ...info }) => info), REGULARITY_SIGNAL];
}

export const BUILT_IN_IDS: ReadonlySet<string> = new Set(builtInInfos().map((s) => s.id));
