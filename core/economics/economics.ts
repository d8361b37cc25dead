// Economics per segment as of a date: what its customers bought, what it cost to keep them
// (discounts, returns, support) and what is left, with warnings for the segments a business
// should think twice about competing for. Thresholds of the warnings are relative to the whole
// customer base, so they mean the same in a shop with 2% returns and one with 30%.
import { DAY_MS } from '../signals/catalog.ts';
import type { SegmentInfo } from '../rules/types.ts';
import type { CustomerFigures } from './figures.ts';
import type { EconomicsSettings, EconomicsWarning, SegmentEconomics } from './types.ts';

export interface EconomicsInput {
  customerIds: readonly string[];
  /** Customer id -> position in customerIds; built here when not given. */
  index?: ReadonlyMap<string, number>;
  labels: Int32Array;
  segments: readonly Omit<SegmentInfo, 'customers'>[];
  figures: CustomerFigures;
  asOf: number;
  /** 1 = purchased in the outcome window; null when there is no data after the date. */
  converted: Uint8Array | null;
  /** Predicted CLV per customer (NaN = none), when a prediction with spend is stored. */
  clv: Float64Array | null;
  /** Expected purchases in the prediction's horizon per customer (NaN = none), when a prediction is stored. */
  expectedPurchases: Float64Array | null;
  settings: EconomicsSettings;
}

interface Sums {
  customers: number;
  buyers: number;
  converted: number;
  orders: number;
  revenue: number;
  margin: number;
  discounted: number;
  discount: number;
  returns: number;
  returnValue: number;
  support: number;
  oldBuyers: number;
  oneAndDone: number;
  clv: number;
  clvCount: number;
  chance: number;
  chanceCount: number;
}

const empty = (): Sums => ({ customers: 0, buyers: 0, converted: 0, orders: 0, revenue: 0, margin: 0, discounted: 0, discount: 0, returns: 0, returnValue: 0, support: 0, oldBuyers: 0, oneAndDone: 0, clv: 0, clvCount: 0, chance: 0, chanceCount: 0 });
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

function describe(key: string, name: string, s: Sums, hasOutcome: boolean, settings: EconomicsSettings): Omit<SegmentEconomics, 'warnings'> {
  const per = (v: number) => (s.customers ? v / s.customers : 0);
  const supportCost = s.support * settings.supportContactCost;
  // What comes back takes its share of the margin with it: the segment's own margin share.
  const marginShare = ratio(s.margin, s.revenue);
  return {
    key,
    name,
    customers: s.customers,
    buyers: s.buyers,
    conversionRate: hasOutcome ? ratio(s.converted, s.customers) : null,
    orders: s.orders,
    averageOrderValue: ratio(s.revenue, s.orders),
    revenuePerCustomer: per(s.revenue),
    grossMarginPerCustomer: per(s.margin),
    marginShare,
    discountShare: ratio(s.discounted, s.orders),
    averageDiscount: ratio(s.discount, s.discounted),
    returnRate: ratio(s.returns, s.orders),
    returnValuePerCustomer: per(s.returnValue),
    supportContactsPerCustomer: per(s.support),
    supportCostPerCustomer: per(supportCost),
    supportShareOfMargin: s.margin > 0 ? supportCost / s.margin : null,
    churnAfterFirstPurchase: ratio(s.oneAndDone, s.oldBuyers),
    predictedClv: s.clvCount ? s.clv / s.clvCount : null,
    predictedConversion: s.chanceCount ? s.chance / s.chanceCount : null,
    netValuePerCustomer: per(s.margin - s.returnValue * (marginShare ?? settings.margin) - supportCost),
  };
}

/** The traps, each against the whole customer base. */
export function warningsFor(seg: Omit<SegmentEconomics, 'warnings'>, all: Omit<SegmentEconomics, 'warnings'>): EconomicsWarning[] {
  const out: EconomicsWarning[] = [];
  const above = (v: number | null, base: number | null, factor: number, floor: number) => v !== null && v >= floor && (base === null || base === 0 || v >= factor * base);
  // Converts at least as well as average, yet one-off buyers stay one-off far more often.
  if (seg.conversionRate !== null && all.conversionRate !== null && seg.conversionRate >= all.conversionRate && above(seg.churnAfterFirstPurchase, all.churnAfterFirstPurchase, 1.5, 0.2)) {
    out.push('converts-but-churns');
  }
  if (above(seg.discountShare, all.discountShare, 1.5, 0.5)) out.push('discount-dependent');
  if (above(seg.returnRate, all.returnRate, 1.5, 0.1)) out.push('high-returns');
  // Support cost against the margin it eats, not per customer: buyers contact support and
  // non-buyers rarely do, so per customer every buyer segment would look expensive.
  // A segment without margin is flagged when it costs as much support per customer as the average.
  const marginless = seg.supportShareOfMargin === null && seg.supportCostPerCustomer > 0 && seg.supportCostPerCustomer >= all.supportCostPerCustomer;
  if (marginless || above(seg.supportShareOfMargin, all.supportShareOfMargin, 1.5, 0.1)) out.push('high-support-cost');
  return out;
}

export function segmentEconomics(input: EconomicsInput): { segments: SegmentEconomics[]; all: SegmentEconomics } {
  const { figures, settings } = input;
  const index = input.index ?? new Map(input.customerIds.map((id, i) => [id, i]));
  const row = new Int32Array(input.customerIds.length).fill(-1);
  figures.ids.forEach((id, r) => {
    const i = index.get(id);
    if (i !== undefined) row[i] = r;
  });
  const sums = input.segments.map(empty);
  const total = empty();
  const churnBefore = input.asOf - settings.churnAfterDays * DAY_MS;
  for (let i = 0; i < input.customerIds.length; i++) {
    const targets = [sums[input.labels[i]!]!, total];
    const r = row[i]!;
    for (const s of targets) {
      s.customers++;
      if (input.converted?.[i]) s.converted++;
      const clv = input.clv?.[i];
      if (clv !== undefined && clv === clv) {
        s.clv += clv;
        s.clvCount++;
      }
      const expected = input.expectedPurchases?.[i];
      if (expected !== undefined && expected === expected) {
        // Poisson: the chance of at least one purchase when this many are expected.
        s.chance += 1 - Math.exp(-expected);
        s.chanceCount++;
      }
      if (r < 0) continue;
      const orders = figures.orders[r]!;
      if (orders > 0) s.buyers++;
      s.orders += orders;
      s.revenue += figures.revenue[r]!;
      s.margin += figures.grossMargin[r]!;
      s.discounted += figures.discountedOrders[r]!;
      s.discount += figures.discountTotal[r]!;
      s.returns += figures.returns[r]!;
      s.returnValue += figures.returnValue[r]!;
      s.support += figures.supportContacts[r]!;
      if (figures.firstPurchase[r]! <= churnBefore) {
        s.oldBuyers++;
        if (orders === 1) s.oneAndDone++;
      }
    }
  }
  const hasOutcome = input.converted !== null;
  const allDescribed = describe('all', 'All customers', total, hasOutcome, settings);
  return {
    segments: input.segments.map((seg, j) => {
      const d = describe(seg.key, seg.name, sums[j]!, hasOutcome, settings);
      return { ...d, warnings: warningsFor(d, allDescribed) };
    }),
    all: { ...allDescribed, warnings: [] },
  };
}
