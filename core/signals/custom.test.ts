// Analyst-defined signals: compiled into the same statement as the built-ins, values checked by
// hand, and every malformed definition refused with a message that says what is wrong.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../store/workspace.ts';
import { rebuildCustomerStats } from '../customers/stats.ts';
import { tempDir } from '../../test/support/temp.ts';
import { computeSignals } from './compute.ts';
import { columnOf, indexOfCustomer } from './frame.ts';
import { customInfo, deleteCustomSignal, loadCustomSignals, saveCustomSignal } from './custom.ts';
import { customSignalSchema, type CustomSignalInput } from './types.ts';

const DAY = 86_400_000;
const T = Date.UTC(2024, 5, 1);

let tmp: ReturnType<typeof tempDir>;
let ws: Workspace;
beforeEach(() => {
  tmp = tempDir();
  ws = createWorkspace(tmp.file('custom.segwb'));
  const ins = ws.db.prepare('INSERT INTO events (customer_id, ts, type, url, product, campaign, channel, amount, quantity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  ws.db.transaction(() => {
    ins.run(['k', T - 2 * DAY, 'page_view', 'https://shop.example/gift-cards?x=1', null, null, null, null, null]);
    ins.run(['k', T - 2 * DAY + 1000, 'page_view', 'https://shop.example/gift-cards/buy', null, null, null, null, null]);
    ins.run(['k', T - 9 * DAY, 'page_view', 'https://shop.example/gift-cards', null, null, null, null, null]);
    ins.run(['k', T - 60 * DAY, 'page_view', 'https://shop.example/gift-cards', null, null, null, null, null]);
    ins.run(['k', T - 3 * DAY, 'session_start', null, null, 'spring', 'app', null, null]);
    ins.run(['k', T - 4 * DAY, 'session_start', null, null, 'spring', 'web', null, null]);
    ins.run(['k', T - 4 * DAY, 'purchase', null, 'SKU-1', 'spring', null, 40, 2]);
    ins.run(['k', T - 20 * DAY, 'purchase', null, 'SKU-2', null, null, 15, 1]);
    ins.run(['m', T - 1 * DAY, 'page_view', '/home', null, null, null, null, null]);
  });
  rebuildCustomerStats(ws.db);
});
afterEach(() => {
  ws.db.close();
  tmp.cleanup();
});

const define = (s: CustomSignalInput) => customSignalSchema.parse(s);
const noSqlCheck = () => {};

function valueOf(id: string, customer: string, asOf = T): number {
  const f = computeSignals(ws.db, { asOf });
  return columnOf(f, id)![indexOfCustomer(f, customer)]!;
}

describe('analyst-defined signals', () => {
  it('count, sum, distinct days, days since and rate, with filters and windows', () => {
    const defs = [
      define({ id: 'gift_card_views', label: 'Gift card views', filter: { types: ['page_view'], urlContains: 'gift-cards' }, aggregation: 'count', windowDays: 30 }),
      define({ id: 'gift_card_days', label: 'Gift card days', filter: { urlContains: 'gift-cards' }, aggregation: 'distinct-days', windowDays: null }),
      define({ id: 'spring_revenue', label: 'Spring revenue', filter: { types: ['purchase'], campaigns: ['spring'] }, aggregation: 'sum-amount', windowDays: 30 }),
      define({ id: 'units', label: 'Units', filter: { types: ['purchase'] }, aggregation: 'sum-quantity', windowDays: null }),
      define({ id: 'since_sku2', label: 'Days since SKU-2', filter: { products: ['SKU-2'] }, aggregation: 'days-since-last', windowDays: null }),
      define({ id: 'app_sessions', label: 'App sessions', filter: { types: ['session_start'], channels: ['app'] }, aggregation: 'count', windowDays: 30 }),
      define({ id: 'gift_per_session', label: 'Gift card views per session', filter: { urlContains: 'gift-cards' }, aggregation: 'rate', per: 'sessions_30d', windowDays: 30 }),
    ];
    for (const d of defs) saveCustomSignal(ws.db, d, noSqlCheck);
    expect(loadCustomSignals(ws.db).map((s) => s.id)).toEqual(defs.map((d) => d.id));
    expect(valueOf('gift_card_views', 'k')).toBe(3);
    expect(valueOf('gift_card_days', 'k')).toBe(3);
    expect(valueOf('spring_revenue', 'k')).toBe(40);
    expect(valueOf('units', 'k')).toBe(3);
    expect(valueOf('since_sku2', 'k')).toBeCloseTo(20, 9);
    expect(valueOf('since_sku2', 'm')).toBeNaN();
    expect(valueOf('app_sessions', 'k')).toBe(1);
    expect(valueOf('gift_per_session', 'k')).toBeCloseTo(3 / 2, 9);
    // no sessions: a rate is unknown, not 0 or infinite
    expect(valueOf('gift_per_session', 'm')).toBeNaN();
    expect(valueOf('gift_card_views', 'm')).toBe(0);
  });

  it('describes itself and picks a sensible direction and missing-value policy', () => {
    const since = customInfo(define({ id: 'since_x', label: 'Since X', aggregation: 'days-since-last', filter: { types: ['purchase'] } }));
    expect(since).toMatchObject({ direction: -1, missing: 'worst', unit: 'days', group: 'custom', builtIn: false });
    const rate = customInfo(define({ id: 'r_x', label: 'R', aggregation: 'rate', per: 'sessions_30d' }));
    expect(rate).toMatchObject({ direction: 1, missing: 'exclude', unit: 'ratio' });
    expect(customInfo(define({ id: 'n_x', label: 'N', aggregation: 'count', filter: { pageCategories: ['pricing'] }, windowDays: 7 })).description).toBe(
      'Number of events with page category pricing in the 7 days before the as-of date.',
    );
  });

  it('treats filter values as data, never as SQL', () => {
    saveCustomSignal(ws.db, define({ id: 'quoted', label: 'Quoted', filter: { urlContains: "x') OR 1=1 --", types: ["page_view'; DROP TABLE events; --"] }, aggregation: 'count' }), noSqlCheck);
    expect(valueOf('quoted', 'k')).toBe(0);
    expect(ws.db.get<{ n: number }>('SELECT count(*) AS n FROM events')?.n).toBe(9);
  });
});

describe('malformed analyst-defined signals get clear errors', () => {
  const rejects = (s: CustomSignalInput, message: RegExp) => expect(() => saveCustomSignal(ws.db, define(s), noSqlCheck)).toThrow(message);

  it('a rate without "per", or per a signal that does not exist, or itself, or another rate', () => {
    rejects({ id: 'r1', label: 'R1', aggregation: 'rate' }, /"R1" \(r1\) cannot be used: a rate needs "per"/);
    rejects({ id: 'r2', label: 'R2', aggregation: 'rate', per: 'nope' }, /there is no signal "nope" to divide by/);
    rejects({ id: 'r3', label: 'R3', aggregation: 'rate', per: 'r3' }, /cannot be divided by itself/);
    rejects({ id: 'r4', label: 'R4', aggregation: 'rate', per: 'purchase_regularity' }, /"purchase_regularity" is not a single aggregate/);
    saveCustomSignal(ws.db, define({ id: 'r5', label: 'R5', aggregation: 'rate', per: 'sessions_30d' }), noSqlCheck);
    rejects({ id: 'r6', label: 'R6', aggregation: 'rate', per: 'r5' }, /"r5" is itself a rate/);
  });

  it('a built-in name, "per" without a rate, and deleting what another signal divides by', () => {
    rejects({ id: 'orders', label: 'Mine', aggregation: 'count' }, /"orders" is the name of a built-in signal/);
    rejects({ id: 'c1', label: 'C1', aggregation: 'count', per: 'orders' }, /"per" only applies to the "rate" aggregation/);
    saveCustomSignal(ws.db, define({ id: 'base_count', label: 'Base count', aggregation: 'count' }), noSqlCheck);
    saveCustomSignal(ws.db, define({ id: 'share_of', label: 'Share of', aggregation: 'rate', per: 'base_count' }), noSqlCheck);
    expect(() => deleteCustomSignal(ws.db, 'base_count')).toThrow(/"base_count" cannot be deleted: Share of divide by it/);
    expect(() => deleteCustomSignal(ws.db, 'orders')).toThrow(/built-in signal and cannot be deleted/);
    expect(() => deleteCustomSignal(ws.db, 'ghost')).toThrow(/no analyst-defined signal "ghost"/);
  });

  it('schema errors: bad id, unknown aggregation, window out of range', () => {
    expect(customSignalSchema.safeParse({ id: 'Bad Id', label: 'x', aggregation: 'count' }).success).toBe(false);
    expect(customSignalSchema.safeParse({ id: 'ok_id', label: 'x', aggregation: 'median' }).success).toBe(false);
    expect(customSignalSchema.safeParse({ id: 'ok_id', label: 'x', aggregation: 'count', windowDays: 0 }).success).toBe(false);
    expect(customSignalSchema.safeParse({ id: 'ok_id', label: 'x', aggregation: 'count', filter: { colour: ['red'] } }).success).toBe(false);
  });
});
