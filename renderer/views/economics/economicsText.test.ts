import { describe, expect, it } from 'vitest';
import type { SegmentEconomics } from '../../../core/api/contract.ts';
import {
  allLikelihood,
  columnGroups,
  COLUMN_INFO,
  earlierAsOf,
  exclusionFileName,
  likelihoodText,
  marginColumnText,
  nextEconomicsSort,
  nullReason,
  NUMERIC_COLUMNS,
  settingsSummary,
  settingsTitle,
  sortEconomicsRows,
  WARNING_LABEL,
  warningText,
} from './economicsText.ts';
import { econ } from './fixtures.test-support.ts';

const settings = { margin: 0.3, marginColumn: null, supportContactCost: 5, churnAfterDays: 90 };

describe('economics text', () => {
  it('sorts by a figure, missing values last in both directions, ties in the segmentation’s order', () => {
    const rows = [econ({ key: 'a', netValuePerCustomer: 10, churnAfterFirstPurchase: null }), econ({ key: 'b', netValuePerCustomer: 50 }), econ({ key: 'c', netValuePerCustomer: 10, churnAfterFirstPurchase: 0.5 })];
    const keys = (rs: SegmentEconomics[]) => rs.map((r) => r.key);
    expect(keys(sortEconomicsRows(rows, { column: 'netValue', desc: true }))).toEqual(['b', 'a', 'c']);
    expect(keys(sortEconomicsRows(rows, { column: 'netValue', desc: false }))).toEqual(['a', 'c', 'b']);
    expect(keys(sortEconomicsRows(rows, { column: 'churn', desc: true }))).toEqual(['c', 'b', 'a']);
    expect(keys(sortEconomicsRows(rows, { column: 'churn', desc: false }))).toEqual(['b', 'c', 'a']);
    expect(keys(sortEconomicsRows(rows, { column: 'segment', desc: true }))).toEqual(['c', 'b', 'a']);
    expect(keys(sortEconomicsRows(rows, { column: 'segment', desc: false }))).toEqual(['a', 'b', 'c']);
  });

  it('a new column sorts descending first (segment ascending); the same column flips', () => {
    expect(nextEconomicsSort({ column: 'segment', desc: false }, 'netValue')).toEqual({ column: 'netValue', desc: true });
    expect(nextEconomicsSort({ column: 'netValue', desc: true }, 'netValue')).toEqual({ column: 'netValue', desc: false });
    expect(nextEconomicsSort({ column: 'netValue', desc: true }, 'segment')).toEqual({ column: 'segment', desc: false });
  });

  it('formats every figure; money with two decimals, shares as percentages, missing as a dash', () => {
    const r = econ({ averageOrderValue: 1234.5, predictedClv: null });
    const text = Object.fromEntries(NUMERIC_COLUMNS.map((c) => [c, COLUMN_INFO[c].format(COLUMN_INFO[c].value(r))]));
    expect(text).toMatchObject({ customers: '100', conversion: '12.0%', aov: '1,234.50', netValue: '33.30', predictedClv: '—', marginShare: '30.0%', averageDiscount: '12.50', supportContacts: '0.30' });
    expect(columnGroups().map(([g]) => g)).toEqual(['Size', 'Likelihood', 'Value', 'Orders', 'Margin', 'Discounts', 'Returns', 'Support', 'Retention']);
    expect(columnGroups().reduce((s, [, n]) => s + n, 0)).toBe(NUMERIC_COLUMNS.length);
  });

  it('says why a figure is missing', () => {
    const ctx = { hasOutcome: false, hasPrediction: false, churnAfterDays: 90 };
    expect(nullReason('conversion', econ(), ctx)).toContain('Choose an earlier date');
    expect(nullReason('predictedClv', econ(), ctx)).toContain('Predict view');
    expect(nullReason('predictedClv', econ(), { ...ctx, hasPrediction: true })).toBe('None of its customers has a prediction');
    expect(nullReason('churn', econ(), ctx)).toBe('No buyer whose first order is more than 90 days old');
    expect(nullReason('averageDiscount', econ(), ctx)).toBe('No order had a discount');
    expect(nullReason('averageDiscount', econ({ orders: 0 }), ctx)).toBe('No orders before the date');
    expect(nullReason('aov', econ({ customers: 0 }), ctx)).toBe('No customers in this segment as of the date');
  });

  it('explains each warning with the segment’s figures against all customers', () => {
    const all = econ({ conversionRate: 0.1, churnAfterFirstPurchase: 0.2, discountShare: 0.2, returnRate: 0.05, supportShareOfMargin: 0.04, supportCostPerCustomer: 1 });
    const seg = econ({ conversionRate: 0.15, churnAfterFirstPurchase: 0.45, discountShare: 0.62, averageDiscount: 18, returnRate: 0.21, returnValuePerCustomer: 30, supportShareOfMargin: 0.25, supportCostPerCustomer: 9 });
    expect(warningText('converts-but-churns', seg, all, settings)).toBe(
      'It converts (15.0%, all customers 10.0%), but 45.0% of its buyers whose first order is over 90 days old never bought again (all customers 20.0%): winning them buys one sale, rarely a customer.',
    );
    expect(warningText('discount-dependent', seg, all, settings)).toBe('62.0% of its orders had a discount (all customers 20.0%), 18.00 off on average: it may buy only on promotion, and every sale costs margin.');
    expect(warningText('high-returns', seg, all, settings)).toBe('21.0% of its orders came back (all customers 5.0%), 30.00 per customer: revenue that looks won is partly given back.');
    expect(warningText('high-support-cost', seg, all, settings)).toBe('Support costs 25.0% of its gross margin (all customers 4.0%), 9.00 per customer.');
    expect(warningText('high-support-cost', econ({ supportShareOfMargin: null, supportCostPerCustomer: 3 }), all, settings)).toContain('bring no gross margin');
    expect(Object.values(WARNING_LABEL)).toEqual(['Converts but churns', 'Discount-dependent', 'High returns', 'High support cost']);
  });

  it('says where the likelihood comes from, and which date gives a complete window', () => {
    const base = { asOf: '2025-12-01', outcomeDays: 30, outcome: { windowEnd: '2025-12-30', complete: true, available: true, note: null }, prediction: null, all: econ({ conversionRate: 0.1, predictedConversion: 0.2 }) };
    expect(likelihoodText({ ...base, likelihoodSource: 'observed' })).toContain('bought in the 30 days after 2025-12-01 (to 2025-12-30)');
    expect(likelihoodText({ ...base, likelihoodSource: 'predicted', prediction: { horizonDays: 90, fittedOn: '2025-06-30' } })).toContain('next 90 days from the purchase prediction fitted on purchases to 2025-06-30');
    expect(likelihoodText({ ...base, likelihoodSource: 'none' })).toContain('the data has no purchases after that date to observe it, and no purchase prediction is fitted');
    expect(likelihoodText({ ...base, likelihoodSource: 'none', outcome: { ...base.outcome, available: false, note: 'The data ends before 2025-12-01.' } })).toBe(
      'No likelihood to convert as of 2025-12-01: no purchase prediction is fitted to predict it.',
    );
    expect(allLikelihood({ ...base, likelihoodSource: 'observed' })).toBe(0.1);
    expect(allLikelihood({ ...base, likelihoodSource: 'predicted' })).toBe(0.2);
    expect(allLikelihood({ ...base, likelihoodSource: 'none' })).toBeNull();
    expect(earlierAsOf(Date.parse('2025-12-31T20:00:00Z'), 30)).toBe('2025-12-02');
    expect(earlierAsOf(null, 30)).toBeNull();
  });

  it('puts the settings and the margin column’s use in words', () => {
    expect(settingsSummary(settings)).toBe('Margin 30% · support 5.00 a contact · churn after 90 d');
    expect(settingsTitle(settings)).toBe('Gross margin: 30% of what customers paid. One support contact costs 5.00. A buyer whose only order is 90 days old or more counts as churned.');
    const withColumn = { ...settings, marginColumn: { key: 'cost', meaning: 'cost' as const } };
    expect(settingsSummary(withColumn)).toBe('Margin from “cost”, else 30% · support 5.00 a contact · churn after 90 d');
    expect(settingsTitle(withColumn)).toContain('“cost” column (cost of goods), else 30%');
    expect(marginColumnText({ settings, purchasesWithMarginColumn: 0 })).toBeNull();
    expect(marginColumnText({ settings: withColumn, purchasesWithMarginColumn: 1520 })).toBe('1,520 purchase rows took their margin from “cost” (paid − cost); the others use the 30% share.');
    expect(marginColumnText({ settings: withColumn, purchasesWithMarginColumn: 0 })).toContain('No purchase row');
    expect(exclusionFileName('My shop.segwb')).toBe('My-shop-exclusions.csv');
    expect(exclusionFileName('  ')).toBe('workspace-exclusions.csv');
  });
});
