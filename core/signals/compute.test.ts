// Signals on small hand-built timelines in a real workspace file, checked against values worked
// out by hand, and point-in-time correctness: nothing at or after the as-of instant counts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../store/workspace.ts';
import { rebuildCustomerStats } from '../customers/stats.ts';
import { tempDir } from '../../test/support/temp.ts';
import { computeSignals } from './compute.ts';
import { columnOf, indexOfCustomer, type SignalFrame } from './frame.ts';
import { BUILT_IN_SIGNALS } from './catalog.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const T = Date.UTC(2024, 3, 1); // as-of 2024-04-01 00:00 UTC, a Monday

interface Ev {
  c: string;
  ts: number;
  type: string;
  page?: string;
  device?: string;
  channel?: string;
  order?: string;
  amount?: number;
  discount?: number;
}

const A: Ev[] = [
  // orders o1 (T-100d, discounted), o2 (two lines, T-50d), o3 (T-10d); one returned line
  { c: 'a', ts: T - 100 * DAY, type: 'purchase', order: 'o1', amount: 100, discount: 10 },
  { c: 'a', ts: T - 50 * DAY, type: 'purchase', order: 'o2', amount: 30 },
  { c: 'a', ts: T - 50 * DAY + 60_000, type: 'purchase', order: 'o2', amount: 20 },
  { c: 'a', ts: T - 10 * DAY, type: 'purchase', order: 'o3', amount: 70 },
  { c: 'a', ts: T - 5 * DAY + HOUR, type: 'return', order: 'o3', amount: -20 },
  // sessions: 30-60 days before, every 10 days; last 30 days, every 5 days
  ...[55, 45, 35, 20, 15, 10, 5].map((d) => ({ c: 'a', ts: T - d * DAY + 2 * HOUR, type: 'session_start', device: d > 30 ? 'mobile' : 'desktop' })),
  // pricing on two distinct days (three views), FAQ outside the 30-day window
  { c: 'a', ts: T - 3 * DAY + 10 * HOUR, type: 'page_view', page: 'pricing', device: 'desktop' },
  { c: 'a', ts: T - 2 * DAY + 10 * HOUR, type: 'page_view', page: 'pricing', device: 'desktop' },
  { c: 'a', ts: T - 2 * DAY + 11 * HOUR, type: 'page_view', page: 'pricing', device: 'desktop' },
  { c: 'a', ts: T - 40 * DAY, type: 'page_view', page: 'faq', device: 'mobile' },
  // email: 4 sent, 2 opened, 1 clicked
  ...[80, 60, 40, 20].map((d) => ({ c: 'a', ts: T - d * DAY, type: 'email_sent', channel: 'email' })),
  { c: 'a', ts: T - 39 * DAY, type: 'email_open' },
  { c: 'a', ts: T - 1 * DAY, type: 'email_open' },
  { c: 'a', ts: T - 19 * DAY, type: 'email_click' },
  // an item in the cart after the last purchase, within 48 h
  { c: 'a', ts: T - 1 * DAY + 3 * HOUR, type: 'add_to_cart', channel: 'web' },
];

const B: Ev[] = [
  // late-night visitor: 23:00 on Saturday and 01:00 on Sunday
  { c: 'b', ts: T - 3 * DAY + 23 * HOUR, type: 'page_view', page: 'reviews' },
  { c: 'b', ts: T - 1 * DAY - 23 * HOUR, type: 'page_view', page: 'comparison' },
];

function build(ws: Workspace, events: Ev[]) {
  ws.db.transaction(() => {
    const ins = ws.db.prepare('INSERT INTO events (customer_id, ts, type, channel, device, page_category, order_id, amount, discount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const e of events) ins.run([e.c, e.ts, e.type, e.channel ?? null, e.device ?? null, e.page ?? null, e.order ?? null, e.amount ?? null, e.discount ?? null]);
    ws.db.run("INSERT INTO customers (customer_id, first_seen) VALUES ('d', ?), ('late', ?)", [T - 30 * DAY, T + DAY]);
  });
  rebuildCustomerStats(ws.db);
}

let tmp: ReturnType<typeof tempDir>;
let ws: Workspace;
beforeEach(() => {
  tmp = tempDir();
  ws = createWorkspace(tmp.file('signals.segwb'));
  build(ws, [...A, ...B]);
});
afterEach(() => {
  ws.db.close();
  tmp.cleanup();
});

function value(frame: SignalFrame, customer: string, signal: string): number {
  const i = indexOfCustomer(frame, customer);
  expect(i, `customer ${customer} in the frame`).toBeGreaterThanOrEqual(0);
  const column = columnOf(frame, signal);
  expect(column, `signal ${signal}`).not.toBeNull();
  return column![i]!;
}

describe('built-in signals on hand-built timelines', () => {
  it('includes customers known before the as-of date, in id order, and no one who appears later', () => {
    const f = computeSignals(ws.db, { asOf: T });
    expect(f.customerIds).toEqual(['a', 'b', 'd']);
    expect(f.values.every((v) => v.length === 3)).toBe(true);
  });

  it('computes recency, frequency, monetary, order value, discounts, returns and regularity', () => {
    const f = computeSignals(ws.db, { asOf: T });
    expect(value(f, 'a', 'days_since_purchase')).toBeCloseTo(10, 9);
    expect(value(f, 'a', 'orders')).toBe(3);
    expect(value(f, 'a', 'revenue')).toBeCloseTo(100 + 50 + 70 - 20, 9);
    expect(value(f, 'a', 'avg_order_value')).toBeCloseTo(220 / 3, 9);
    expect(value(f, 'a', 'discount_share')).toBeCloseTo(1 / 3, 9);
    expect(value(f, 'a', 'return_rate')).toBeCloseTo(1 / 4, 9);
    expect(value(f, 'a', 'tenure_days')).toBeCloseTo(100, 9);
    // order gaps 50 and 40 days: mean 45, sd 5 -> 1 / (1 + 5/45)
    expect(value(f, 'a', 'purchase_regularity')).toBeCloseTo(1 / (1 + 5 / 45), 6);
    // never purchased: unknown, not zero; counts are zero
    expect(value(f, 'b', 'days_since_purchase')).toBeNaN();
    expect(value(f, 'b', 'avg_order_value')).toBeNaN();
    expect(value(f, 'b', 'orders')).toBe(0);
    expect(value(f, 'd', 'revenue')).toBe(0);
    expect(value(f, 'd', 'days_since_visit')).toBeNaN();
  });

  it('computes sessions, gap trend, page intent, carts, email rates and channels', () => {
    const f = computeSignals(ws.db, { asOf: T });
    expect(value(f, 'a', 'sessions_7d')).toBe(1);
    expect(value(f, 'a', 'sessions_30d')).toBe(4);
    // gaps of 10 days 30-60 days ago, 5 days in the last 30: visits twice as frequent
    expect(value(f, 'a', 'session_gap_trend')).toBeCloseTo(2, 9);
    expect(value(f, 'a', 'pricing_views_30d')).toBe(3);
    expect(value(f, 'a', 'pricing_days_30d')).toBe(2);
    expect(value(f, 'a', 'faq_views_30d')).toBe(0);
    expect(value(f, 'a', 'cart_adds_unbought_48h')).toBe(1);
    expect(value(f, 'a', 'email_open_rate_90d')).toBeCloseTo(0.5, 9);
    expect(value(f, 'a', 'email_click_rate_90d')).toBeCloseTo(0.25, 9);
    expect(value(f, 'b', 'email_open_rate_90d')).toBeNaN();
    // last 48 h: email open (email) and cart add (web)
    expect(value(f, 'a', 'channels_48h')).toBe(2);
    expect(value(f, 'a', 'days_since_visit')).toBeCloseTo(1 - 3 / 24, 9);
    expect(value(f, 'a', 'days_since_active')).toBeCloseTo(1 - 3 / 24, 9);
  });

  it('computes device shift and timing preferences', () => {
    const f = computeSignals(ws.db, { asOf: T });
    // last 30 days: 4 desktop sessions + 3 desktop pricing views; 30-90 days: 3 mobile sessions + 1 mobile FAQ view
    expect(value(f, 'a', 'desktop_shift_30d')).toBeCloseTo(1 - 0, 9);
    expect(value(f, 'a', 'mobile_share_90d')).toBeCloseTo(4 / 11, 9);
    // 23:00 and 01:00 average to midnight on the circle, not to noon
    const hour = value(f, 'b', 'preferred_hour');
    expect(Math.min(hour, 24 - hour)).toBeLessThan(1e-6);
    expect(value(f, 'b', 'evening_share_90d')).toBeCloseTo(0.5, 9);
    // 2024-03-29 23:00 is a Friday, 2024-03-30 01:00 a Saturday
    expect(value(f, 'b', 'weekend_share_90d')).toBeCloseTo(0.5, 9);
  });

  it('keeps the fraction of the preferred hour (10:00 and 11:00 average to 10:30)', () => {
    ws.db.transaction(() => {
      for (const h of [10, 11]) ws.db.run("INSERT INTO events (customer_id, ts, type, page_category) VALUES ('h', ?, 'page_view', 'pricing')", [T - 2 * DAY + h * HOUR]);
    });
    rebuildCustomerStats(ws.db);
    expect(value(computeSignals(ws.db, { asOf: T }), 'h', 'preferred_hour')).toBeCloseTo(10.5, 9);
  });

  it('has one value per built-in signal and customer, NaN only where a signal can be unknown', () => {
    const f = computeSignals(ws.db, { asOf: T });
    for (const s of BUILT_IN_SIGNALS) {
      const column = columnOf(f, s.id)!;
      if (s.fill === 0) expect(Array.from(column).some(Number.isNaN), s.id).toBe(false);
    }
  });
});

describe('point in time', () => {
  it('an event at or one millisecond after the as-of instant changes nothing; one before does', () => {
    const before = computeSignals(ws.db, { asOf: T });
    build2(ws, [
      { c: 'a', ts: T, type: 'purchase', order: 'o9', amount: 999 },
      { c: 'a', ts: T + 1, type: 'page_view', page: 'pricing' },
      { c: 'b', ts: T + 1, type: 'session_start' },
      { c: 'new', ts: T + 1, type: 'page_view' },
    ]);
    const after = computeSignals(ws.db, { asOf: T });
    expect(after.customerIds).toEqual(before.customerIds);
    after.values.forEach((column, j) => expect(Array.from(column), after.signals[j]!.id).toEqual(Array.from(before.values[j]!)));

    build2(ws, [{ c: 'a', ts: T - 1, type: 'page_view', page: 'pricing' }]);
    const changed = computeSignals(ws.db, { asOf: T });
    expect(value(changed, 'a', 'pricing_views_30d')).toBe(4);
  });
});

function build2(w: Workspace, events: Ev[]) {
  const ins = w.db.prepare('INSERT INTO events (customer_id, ts, type, page_category, order_id, amount) VALUES (?, ?, ?, ?, ?, ?)');
  w.db.transaction(() => {
    for (const e of events) ins.run([e.c, e.ts, e.type, e.page ?? null, e.order ?? null, e.amount ?? null]);
  });
  rebuildCustomerStats(w.db);
}
