// Economics figures and tables for the unit tests of the view's helpers and its slice.
import type { EconomicsRow, EconomicsTable, SegmentDecision, SegmentEconomics } from '../../../core/api/contract.ts';

export function econ(over: Partial<SegmentEconomics> = {}): SegmentEconomics {
  return {
    key: 'k',
    name: 'Segment',
    customers: 100,
    buyers: 60,
    conversionRate: 0.12,
    orders: 150,
    averageOrderValue: 80,
    revenuePerCustomer: 120,
    grossMarginPerCustomer: 36,
    marginShare: 0.3,
    discountShare: 0.2,
    averageDiscount: 12.5,
    returnRate: 0.05,
    returnValuePerCustomer: 4,
    supportContactsPerCustomer: 0.3,
    supportCostPerCustomer: 1.5,
    supportShareOfMargin: 0.04,
    churnAfterFirstPurchase: 0.3,
    predictedClv: null,
    predictedConversion: null,
    netValuePerCustomer: 33.3,
    warnings: [],
    ...over,
  };
}

export function row(over: Partial<EconomicsRow> = {}): EconomicsRow {
  const e = econ(over);
  return { ...e, likelihood: e.conversionRate, decision: null, ...over };
}

export function economicsTable(over: Partial<EconomicsTable> = {}): EconomicsTable {
  return {
    ref: { kind: 'rfm' },
    label: 'RFM groups',
    family: 'rfm',
    asOf: '2025-12-02',
    outcomeDays: 30,
    outcome: { windowEnd: '2025-12-31', complete: true, available: true, note: null },
    likelihoodSource: 'observed',
    prediction: null,
    settings: { margin: 0.3, marginColumn: null, supportContactCost: 5, churnAfterDays: 90 },
    purchasesWithMarginColumn: 0,
    segments: [
      row({ key: 'champions', name: 'Champions', customers: 150, conversionRate: 0.22, netValuePerCustomer: 242.86 }),
      row({ key: 'lost', name: 'Lost', customers: 85, conversionRate: 0.13, netValuePerCustomer: 20.5, warnings: ['high-returns'] }),
      row({ key: 'none', name: 'No purchase yet', customers: 626, conversionRate: 0.07, netValuePerCustomer: 0 }),
    ],
    all: econ({ key: 'all', name: 'All customers', customers: 861, conversionRate: 0.14, netValuePerCustomer: 60.46 }),
    computedMs: 120,
    ...over,
  };
}

export function decision(over: Partial<SegmentDecision> = {}): SegmentDecision {
  return {
    decisionId: 1,
    family: 'rfm',
    segmentKey: 'lost',
    segmentName: 'Lost',
    decision: 'dont-compete',
    rationale: 'Only buys on discount and returns a lot.',
    definitionVersion: 'default RFM settings',
    asOf: '2025-12-02',
    decidedAt: Date.parse('2026-01-05T10:00:00Z'),
    decidedBy: 'ana',
    figures: null,
    ...over,
  };
}
