// How the economics of a segment read: the table's columns (value, format, why a figure is
// missing), their sort, the warnings in words, what the likelihood axis shows, and the settings in
// one line. Pure.
import type { EconomicsRow, EconomicsSettings, EconomicsTable, EconomicsWarning, SegmentEconomics } from '../../../core/api/contract.ts';
import { formatInt, formatMoney } from '../../lib/format.ts';
import { addDays, defaultAsOfDay } from '../../lib/isoDay.ts';
import { workspaceFileName } from '../../lib/paths.ts';

const DASH = '—';

export const pct = (v: number | null | undefined, digits = 1): string => (typeof v === 'number' && Number.isFinite(v) ? `${(v * 100).toFixed(digits)}%` : DASH);
const perCustomer = (v: number | null | undefined): string => (typeof v === 'number' && Number.isFinite(v) ? v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : DASH);

// ---------- the likelihood to convert ----------

/** The all-customers likelihood, the same way the rows have theirs (observed, else predicted). */
export function allLikelihood(t: Pick<EconomicsTable, 'likelihoodSource' | 'all'>): number | null {
  if (t.likelihoodSource === 'observed') return t.all.conversionRate;
  if (t.likelihoodSource === 'predicted') return t.all.predictedConversion;
  return null;
}

/** The chart axis's name: what the likelihood is. */
export function likelihoodAxisName(t: Pick<EconomicsTable, 'likelihoodSource' | 'outcomeDays' | 'prediction'>): string {
  if (t.likelihoodSource === 'observed') return `Likelihood to convert: bought in the ${t.outcomeDays} days after the date`;
  if (t.likelihoodSource === 'predicted') return `Likelihood to convert: predicted purchase in ${t.prediction?.horizonDays ?? '?'} days`;
  return 'Likelihood to convert';
}

/** One sentence on where the likelihood comes from. */
export function likelihoodText(t: Pick<EconomicsTable, 'likelihoodSource' | 'outcomeDays' | 'asOf' | 'outcome' | 'prediction'>): string {
  if (t.likelihoodSource === 'observed') {
    const end = t.outcome.windowEnd;
    return `Likelihood to convert is observed: the share of each segment’s customers who bought in the ${t.outcomeDays} days after ${t.asOf} (to ${end})${t.outcome.complete ? '' : ', a window the data does not fully cover yet, so it understates'}.`;
  }
  if (t.likelihoodSource === 'predicted') {
    const p = t.prediction;
    return `Likelihood to convert is predicted: the chance of a purchase in the next ${p?.horizonDays ?? '?'} days from the purchase prediction${p ? ` fitted on purchases to ${p.fittedOn}` : ''}; no purchases after ${t.asOf} are in the data to observe it.`;
  }
  // Core's outcome note (shown after this) says why nothing can be observed; say only what is missing besides.
  if (t.outcome.note) return `No likelihood to convert as of ${t.asOf}: no purchase prediction is fitted to predict it.`;
  return `No likelihood to convert as of ${t.asOf}: the data has no purchases after that date to observe it, and no purchase prediction is fitted to predict it.`;
}

/** The as-of date whose outcome window ends on the newest data day (a complete window). */
export function earlierAsOf(lastEventAt: number | null | undefined, outcomeDays: number): string | null {
  const after = defaultAsOfDay(lastEventAt);
  return after === null ? null : addDays(after, -outcomeDays);
}

// ---------- the table's columns ----------

export const ECONOMICS_COLUMNS = [
  'segment',
  'customers',
  'buyers',
  'conversion',
  'predictedConversion',
  'netValue',
  'predictedClv',
  'orders',
  'aov',
  'revenue',
  'grossMargin',
  'marginShare',
  'discountShare',
  'averageDiscount',
  'returnRate',
  'returnValue',
  'supportContacts',
  'supportCost',
  'supportShare',
  'churn',
] as const;
export type EconomicsColumn = (typeof ECONOMICS_COLUMNS)[number];
export type NumericColumn = Exclude<EconomicsColumn, 'segment'>;

export interface ColumnInfo {
  label: string;
  /** What the figure is, for the header's tooltip. */
  title: string;
  /** Header group above the column. */
  group: string;
  value: (r: SegmentEconomics) => number | null;
  format: (v: number | null) => string;
}

/** Why a figure is missing, in words (the settings say how old "first order" must be, etc.). */
export interface NullContext {
  hasOutcome: boolean;
  hasPrediction: boolean;
  churnAfterDays: number;
}

export const COLUMN_INFO: Record<NumericColumn, ColumnInfo> = {
  customers: { label: 'Customers', group: 'Size', title: 'Customers in the segment as of the date', value: (r) => r.customers, format: formatInt },
  buyers: { label: 'Buyers', group: 'Size', title: 'Customers with at least one order before the date', value: (r) => r.buyers, format: formatInt },
  conversion: { label: 'Conversion', group: 'Likelihood', title: 'Share of customers who bought in the outcome window after the date (observed)', value: (r) => r.conversionRate, format: (v) => pct(v) },
  predictedConversion: {
    label: 'Predicted',
    group: 'Likelihood',
    title: 'Mean predicted chance of a purchase in the prediction’s horizon, of customers with a prediction',
    value: (r) => r.predictedConversion,
    format: (v) => pct(v),
  },
  netValue: {
    label: 'Net value / cust.',
    group: 'Value',
    title: 'Gross margin of what customers paid, less the margin of what came back, less support cost, per customer',
    value: (r) => r.netValuePerCustomer,
    format: perCustomer,
  },
  predictedClv: { label: 'Predicted CLV', group: 'Value', title: 'Mean predicted customer lifetime value, of customers with a prediction', value: (r) => r.predictedClv, format: formatMoney },
  orders: { label: 'Orders', group: 'Orders', title: 'Orders before the date', value: (r) => r.orders, format: formatInt },
  aov: { label: 'Avg order', group: 'Orders', title: 'Average order value: what customers paid ÷ orders', value: (r) => r.averageOrderValue, format: formatMoney },
  revenue: { label: 'Revenue / cust.', group: 'Orders', title: 'What customers paid (after discounts) per customer', value: (r) => r.revenuePerCustomer, format: perCustomer },
  grossMargin: { label: 'Margin / cust.', group: 'Margin', title: 'Gross margin per customer: from the margin column where orders have it, else the margin share', value: (r) => r.grossMarginPerCustomer, format: perCustomer },
  marginShare: { label: 'Margin %', group: 'Margin', title: 'Gross margin ÷ revenue of the segment’s orders', value: (r) => r.marginShare, format: (v) => pct(v) },
  discountShare: { label: 'Discounted', group: 'Discounts', title: 'Share of orders with a discount', value: (r) => r.discountShare, format: (v) => pct(v) },
  averageDiscount: { label: 'Avg discount', group: 'Discounts', title: 'Mean discount on the discounted orders', value: (r) => r.averageDiscount, format: formatMoney },
  returnRate: { label: 'Return rate', group: 'Returns', title: 'Returns ÷ orders', value: (r) => r.returnRate, format: (v) => pct(v) },
  returnValue: { label: 'Returned / cust.', group: 'Returns', title: 'Value of what came back, per customer', value: (r) => r.returnValuePerCustomer, format: perCustomer },
  supportContacts: {
    label: 'Contacts / cust.',
    group: 'Support',
    title: 'Support contacts per customer',
    value: (r) => r.supportContactsPerCustomer,
    format: (v) => (v === null ? DASH : v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })),
  },
  supportCost: { label: 'Cost / cust.', group: 'Support', title: 'Support contacts × the cost of one contact (settings), per customer', value: (r) => r.supportCostPerCustomer, format: perCustomer },
  supportShare: { label: '% of margin', group: 'Support', title: 'Support cost ÷ gross margin', value: (r) => r.supportShareOfMargin, format: (v) => pct(v) },
  churn: {
    label: 'Churn after 1st',
    group: 'Retention',
    title: 'Buyers whose only order is older than the churn horizon (settings), of buyers whose first order is that old',
    value: (r) => r.churnAfterFirstPurchase,
    format: (v) => pct(v),
  },
};

export const NUMERIC_COLUMNS = ECONOMICS_COLUMNS.filter((c): c is NumericColumn => c !== 'segment');

/** Consecutive columns under one group heading: [group, span]. */
export function columnGroups(columns: readonly NumericColumn[] = NUMERIC_COLUMNS): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const c of columns) {
    const g = COLUMN_INFO[c].group;
    const last = out[out.length - 1];
    if (last && last[0] === g) last[1]++;
    else out.push([g, 1]);
  }
  return out;
}

/** Why a cell shows "—". */
export function nullReason(column: NumericColumn, r: SegmentEconomics, ctx: NullContext): string {
  if (r.customers === 0) return 'No customers in this segment as of the date';
  switch (column) {
    case 'conversion':
      return ctx.hasOutcome ? 'No customers to measure' : 'The data has no days after the as-of date: conversion cannot be observed. Choose an earlier date.';
    case 'predictedConversion':
    case 'predictedClv':
      return ctx.hasPrediction ? 'None of its customers has a prediction' : 'No purchase prediction is fitted: fit one in the Predict view';
    case 'aov':
    case 'marginShare':
    case 'discountShare':
    case 'returnRate':
      return 'No orders before the date';
    case 'averageDiscount':
      return r.orders === 0 ? 'No orders before the date' : 'No order had a discount';
    case 'supportShare':
      return 'No gross margin to weigh the support cost against';
    case 'churn':
      return `No buyer whose first order is more than ${ctx.churnAfterDays} days old`;
    default:
      return 'Not available';
  }
}

export function nullContext(t: Pick<EconomicsTable, 'outcome' | 'prediction' | 'settings'>): NullContext {
  return { hasOutcome: t.outcome.available, hasPrediction: t.prediction !== null, churnAfterDays: t.settings.churnAfterDays };
}

// ---------- sorting ----------

export interface EconomicsSort {
  column: EconomicsColumn;
  desc: boolean;
}

export const DEFAULT_SORT: EconomicsSort = { column: 'segment', desc: false };

/**
 * Rows in the chosen order. The segment column keeps the segmentation's own order (flipped when
 * descending); a figure sorts numerically with missing values last either way; ties keep the order.
 */
export function sortEconomicsRows<R extends SegmentEconomics>(rows: readonly R[], sort: EconomicsSort): R[] {
  const indexed = rows.map((row, order) => ({ row, order }));
  const dir = sort.desc ? -1 : 1;
  if (sort.column === 'segment') return indexed.sort((a, b) => (a.order - b.order) * dir).map((x) => x.row);
  const value = COLUMN_INFO[sort.column].value;
  return indexed
    .sort((a, b) => {
      const x = value(a.row);
      const y = value(b.row);
      const xMissing = x === null || !Number.isFinite(x);
      const yMissing = y === null || !Number.isFinite(y);
      if (xMissing || yMissing) return xMissing === yMissing ? a.order - b.order : xMissing ? 1 : -1;
      return x !== y ? (x - y) * dir : a.order - b.order;
    })
    .map((x) => x.row);
}

/** Clicking a header: the same column flips; a figure starts descending, the segment ascending. */
export function nextEconomicsSort(current: EconomicsSort, column: EconomicsColumn): EconomicsSort {
  if (current.column === column) return { column, desc: !current.desc };
  return { column, desc: column !== 'segment' };
}

// ---------- warnings ----------

export const WARNING_LABEL: Record<EconomicsWarning, string> = {
  'converts-but-churns': 'Converts but churns',
  'discount-dependent': 'Discount-dependent',
  'high-returns': 'High returns',
  'high-support-cost': 'High support cost',
};

/** A short form for the chart's bubbles. */
export const WARNING_SHORT: Record<EconomicsWarning, string> = {
  'converts-but-churns': 'churns',
  'discount-dependent': 'discounts',
  'high-returns': 'returns',
  'high-support-cost': 'support',
};

/** Why a segment has the warning, with its figures against all customers'. */
export function warningText(w: EconomicsWarning, r: SegmentEconomics, all: SegmentEconomics, settings: Pick<EconomicsSettings, 'churnAfterDays'>): string {
  switch (w) {
    case 'converts-but-churns':
      return `It converts (${pct(r.conversionRate)}, all customers ${pct(all.conversionRate)}), but ${pct(r.churnAfterFirstPurchase)} of its buyers whose first order is over ${settings.churnAfterDays} days old never bought again (all customers ${pct(all.churnAfterFirstPurchase)}): winning them buys one sale, rarely a customer.`;
    case 'discount-dependent':
      return `${pct(r.discountShare)} of its orders had a discount (all customers ${pct(all.discountShare)}), ${formatMoney(r.averageDiscount)} off on average: it may buy only on promotion, and every sale costs margin.`;
    case 'high-returns':
      return `${pct(r.returnRate)} of its orders came back (all customers ${pct(all.returnRate)}), ${formatMoney(r.returnValuePerCustomer)} per customer: revenue that looks won is partly given back.`;
    case 'high-support-cost':
      return r.supportShareOfMargin === null
        ? `Its customers cost ${formatMoney(r.supportCostPerCustomer)} each in support (all customers ${formatMoney(all.supportCostPerCustomer)}) and bring no gross margin to pay for it.`
        : `Support costs ${pct(r.supportShareOfMargin)} of its gross margin (all customers ${pct(all.supportShareOfMargin)}), ${formatMoney(r.supportCostPerCustomer)} per customer.`;
  }
}

// ---------- settings ----------

/** "Margin 30% · support 5.00 a contact · churn after 90 d". */
export function settingsSummary(s: EconomicsSettings): string {
  const margin = s.marginColumn ? `Margin from “${s.marginColumn.key}”, else ${pct(s.margin, 0)}` : `Margin ${pct(s.margin, 0)}`;
  return `${margin} · support ${formatMoney(s.supportContactCost)} a contact · churn after ${formatInt(s.churnAfterDays)} d`;
}

/** The settings in full sentences, for the summary's tooltip. */
export function settingsTitle(s: EconomicsSettings): string {
  const margin = s.marginColumn
    ? `Gross margin from the purchase rows’ “${s.marginColumn.key}” column (${s.marginColumn.meaning === 'cost' ? 'cost of goods' : 'the margin itself'}), else ${pct(s.margin, 0)} of what customers paid.`
    : `Gross margin: ${pct(s.margin, 0)} of what customers paid.`;
  return `${margin} One support contact costs ${formatMoney(s.supportContactCost)}. A buyer whose only order is ${formatInt(s.churnAfterDays)} days old or more counts as churned.`;
}

/** What the margin column did in the table on screen. */
export function marginColumnText(t: Pick<EconomicsTable, 'settings' | 'purchasesWithMarginColumn'>): string | null {
  const c = t.settings.marginColumn;
  if (!c) return null;
  if (t.purchasesWithMarginColumn === 0) return `No purchase row before the date has a number in “${c.key}”: every margin comes from the ${pct(t.settings.margin, 0)} share.`;
  return `${formatInt(t.purchasesWithMarginColumn)} purchase rows took their margin from “${c.key}” (${c.meaning === 'cost' ? 'paid − cost' : 'the margin itself'}); the others use the ${pct(t.settings.margin, 0)} share.`;
}

// ---------- rows ----------

/** The row of a key, or null. */
export function rowOf(t: EconomicsTable | null, key: string | null): EconomicsRow | null {
  if (!t || key === null) return null;
  return t.segments.find((s) => s.key === key) ?? null;
}

// ---------- the exclusion list ----------

/** "shop-exclusions.csv", named after the workspace. */
export function exclusionFileName(workspaceName: string): string {
  return workspaceFileName(workspaceName, 'exclusions.csv');
}
