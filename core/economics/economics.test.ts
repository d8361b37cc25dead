// Segment economics on a hand-built shop: margins, discounts, returns, support cost, churn after
// the first purchase and the warnings, each figure checked against the event list by hand.
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createWorkspace } from '../store/workspace.ts';
import { tempDir } from '../../test/support/temp.ts';
import { readCustomerFigures } from './figures.ts';
import { segmentEconomics } from './economics.ts';
import { economicsSettingsSchema } from './types.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const AS_OF = T0 + 200 * DAY;
const d = (day: number) => T0 + day * DAY;

// [customer, day, type, order, amount, discount]
type Ev = [string, number, string, string | null, number | null, number | null];
const EVENTS: Ev[] = [
  // Bargain hunters: every order discounted, one return, two support contacts.
  ['H1', 10, 'purchase', 'o1', 80, 20],
  ['H1', 50, 'purchase', 'o2', 40, 10],
  ['H1', 52, 'return', 'o2', -40, null],
  ['H1', 60, 'support_contact', null, null, null],
  ['H2', 20, 'purchase', 'o3', 60, 15],
  ['H2', 21, 'support_contact', null, null, null],
  ['H2', 25, 'purchase', 'o8', 30, 5],
  ['H2', 26, 'return', 'o8', -30, null],
  // Full-price buyers: no discount, no returns; F2 bought once long ago and never again.
  ['F1', 30, 'purchase', 'o4', 200, 0],
  ['F1', 150, 'purchase', 'o5', 100, null],
  ['F2', 40, 'purchase', 'o6', 50, null],
  // After the date: ignored.
  ['F2', 210, 'purchase', 'o7', 999, null],
];

const tmp = tempDir('segwb-economics-');
afterAll(() => tmp.cleanup());

const ws = createWorkspace(join(tmp.dir, 'shop.segwb'), { name: 'Economics shop' });
ws.db.transaction(() => {
  const add = ws.db.prepare('INSERT INTO events (customer_id, ts, type, order_id, amount, discount) VALUES (?, ?, ?, ?, ?, ?)');
  for (const [c, day, type, order, amount, discount] of EVENTS) add.run([c, d(day), type, order, amount, discount]);
  // A cost column kept from the orders file: a number on o1, text on o4 (falls back to the share).
  ws.db.run(`UPDATE events SET props = '{"Unit cost": 50}' WHERE order_id = 'o1'`);
  ws.db.run(`UPDATE events SET props = '{"Unit cost": "n/a"}' WHERE order_id = 'o4'`);
});

const settings = economicsSettingsSchema.parse({ margin: 0.4, supportContactCost: 10, churnAfterDays: 90 });
const segments = [
  { key: 'hunters', name: 'Hunters', colour: null },
  { key: 'full', name: 'Full price', colour: null },
];

describe('segment economics', () => {
  const figures = readCustomerFigures(ws.db, AS_OF, settings);
  const ids = ['F1', 'F2', 'H1', 'H2', 'N1'];
  const labels = Int32Array.of(1, 1, 0, 0, 1);
  // Converted in the outcome window: F2 only.
  const converted = Uint8Array.of(0, 1, 0, 0, 0);
  const { segments: rows, all } = segmentEconomics({ customerIds: ids, labels, segments, figures, asOf: AS_OF, converted, clv: Float64Array.of(120, 10, NaN, 30, NaN), expectedPurchases: Float64Array.of(1, 0.5, NaN, NaN, NaN), settings });
  const [hunters, full] = rows as [(typeof rows)[0], (typeof rows)[0]];

  it('reads each customer\'s orders, payments, discounts, returns and contacts before the date', () => {
    expect(figures.ids).toEqual(['F1', 'F2', 'H1', 'H2']);
    expect([...figures.orders]).toEqual([2, 1, 2, 2]);
    expect([...figures.revenue]).toEqual([300, 50, 120, 90]);
    expect([...figures.discountedOrders]).toEqual([0, 0, 2, 2]);
    expect([...figures.discountTotal]).toEqual([0, 0, 30, 20]);
    expect([...figures.returns]).toEqual([0, 0, 1, 1]);
    expect([...figures.returnValue]).toEqual([0, 0, 40, 30]);
    expect([...figures.supportContacts]).toEqual([0, 0, 1, 1]);
  });

  it('computes margins, discount dependency, returns, support cost and net value per segment', () => {
    expect(hunters).toMatchObject({ customers: 2, buyers: 2, orders: 4, conversionRate: 0 });
    expect(hunters.averageOrderValue).toBeCloseTo(210 / 4, 12);
    expect(hunters.grossMarginPerCustomer).toBeCloseTo((210 * 0.4) / 2, 12);
    expect(hunters.discountShare).toBe(1);
    expect(hunters.averageDiscount).toBeCloseTo(50 / 4, 12);
    expect(hunters.returnRate).toBe(0.5);
    expect(hunters.returnValuePerCustomer).toBe(35);
    expect(hunters.supportCostPerCustomer).toBe(10);
    // ((210 - 70) * 0.4 - 2 * 10) / 2
    expect(hunters.netValuePerCustomer).toBeCloseTo(18, 12);
    expect(hunters.predictedClv).toBe(30);
    expect(hunters.predictedConversion).toBeNull();
    expect(hunters.marginShare).toBeCloseTo(0.4, 12);
    // N1 has no purchases: a customer of the segment, not a buyer.
    expect(full).toMatchObject({ customers: 3, buyers: 2, orders: 3, discountShare: 0, returnRate: 0, supportCostPerCustomer: 0 });
    expect(full.conversionRate).toBeCloseTo(1 / 3, 12);
    expect(full.netValuePerCustomer).toBeCloseTo((350 * 0.4) / 3, 12);
    expect(full.predictedClv).toBe(65);
    expect(full.predictedConversion).toBeCloseTo((1 - Math.exp(-1) + 1 - Math.exp(-0.5)) / 2, 12);
    // F2's only order is 160 days old, F1 bought twice: one of two old buyers churned.
    expect(full.churnAfterFirstPurchase).toBe(0.5);
    expect(hunters.churnAfterFirstPurchase).toBe(0);
    expect(all.customers).toBe(5);
    expect(all.orders).toBe(7);
    expect(all.churnAfterFirstPurchase).toBe(0.25);
  });

  it('warns about discount dependency, returns and support cost, relative to everyone', () => {
    expect(hunters.warnings).toEqual(['discount-dependent', 'high-returns', 'high-support-cost']);
    // Full-price buyers convert above the base rate (1/3 vs 1/5) and half their old buyers bought
    // once only, against a quarter overall.
    expect(full.warnings).toEqual(['converts-but-churns']);
  });
});

describe('gross margin from a cost or margin column', () => {
  it('uses the column where it holds a number and the margin share elsewhere', () => {
    const cost = readCustomerFigures(ws.db, AS_OF, { ...settings, marginColumn: { key: 'Unit cost', meaning: 'cost' } });
    // H1: o1 80 paid, 50 cost -> 30; o2 40 x 0.4 = 16. F1: "n/a" is not a number -> 300 x 0.4.
    expect([...cost.grossMargin]).toEqual([120, 20, 46, 36]);
    expect(cost.rowsWithMarginColumn).toBe(1);
    const margin = readCustomerFigures(ws.db, AS_OF, { ...settings, marginColumn: { key: 'Unit cost', meaning: 'margin' } });
    expect(margin.grossMargin[2]).toBeCloseTo(50 + 16, 12);
    const none = readCustomerFigures(ws.db, AS_OF, settings);
    expect([...none.grossMargin]).toEqual([120, 20, 48, 36]);
    expect(none.rowsWithMarginColumn).toBe(0);
  });

  it('takes returns off at the segment\'s own margin share', () => {
    const figures = readCustomerFigures(ws.db, AS_OF, { ...settings, marginColumn: { key: 'Unit cost', meaning: 'cost' } });
    const { segments: rows } = segmentEconomics({ customerIds: ['H1', 'H2'], labels: Int32Array.of(0, 0), segments: segments.slice(0, 1), figures, asOf: AS_OF, converted: null, clv: null, expectedPurchases: null, settings });
    const h = rows[0]!;
    const share = (46 + 36) / 210;
    expect(h.marginShare).toBeCloseTo(share, 12);
    expect(h.netValuePerCustomer).toBeCloseTo((46 + 36 - 70 * share - 20) / 2, 12);
    expect(h.conversionRate).toBeNull();
  });
});
