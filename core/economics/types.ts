// Segment economics and the decisions taken on segments: the shapes that cross the API
// (re-exported by the contract). Pure.
import { z } from 'zod';
import { segmentationRefSchema, type SegmentationRef } from '../rules/types.ts';

/**
 * Where the gross margin of an order comes from: a column of the purchase rows kept in the
 * event's props (the source column's name), holding either the cost of goods or the margin in
 * money. Orders without a number there fall back to the margin share.
 */
export const marginColumnSchema = z
  .object({
    key: z.string().trim().min(1).max(200).regex(/^[^"\\]*$/, 'a column name without quotes or backslashes'),
    meaning: z.enum(['cost', 'margin']),
  })
  .strict();
export type MarginColumn = z.infer<typeof marginColumnSchema>;

export const economicsSettingsSchema = z
  .object({
    /** Gross margin as a share of what customers paid (when no margin column says otherwise). */
    margin: z.number().min(0).max(1).default(0.3),
    marginColumn: marginColumnSchema.nullable().default(null),
    /** Cost of one support contact. */
    supportContactCost: z.number().min(0).max(10_000).default(5),
    /** A buyer whose only order is at least this old counts as churned after the first purchase. */
    churnAfterDays: z.number().int().min(1).max(730).default(90),
  })
  .strict();
export type EconomicsSettings = z.output<typeof economicsSettingsSchema>;

export const ECONOMICS_WARNINGS = ['converts-but-churns', 'discount-dependent', 'high-returns', 'high-support-cost'] as const;
export type EconomicsWarning = (typeof ECONOMICS_WARNINGS)[number];

export interface SegmentEconomics {
  key: string;
  name: string;
  customers: number;
  buyers: number;
  /** Purchased in the outcome window after the date (null without data after it). */
  conversionRate: number | null;
  orders: number;
  averageOrderValue: number | null;
  revenuePerCustomer: number;
  grossMarginPerCustomer: number;
  /** Gross margin / revenue of the segment's orders (the setting, or what the margin column gives). */
  marginShare: number | null;
  /** Orders with a discount / orders. */
  discountShare: number | null;
  /** Mean discount on discounted orders. */
  averageDiscount: number | null;
  /** Returns / orders. */
  returnRate: number | null;
  returnValuePerCustomer: number;
  supportContactsPerCustomer: number;
  supportCostPerCustomer: number;
  /** Support cost / gross margin (null without margin). */
  supportShareOfMargin: number | null;
  /** Buyers whose only order is older than churnAfterDays, of buyers whose first order is. */
  churnAfterFirstPurchase: number | null;
  predictedClv: number | null;
  /** Mean predicted chance of a purchase in the prediction's horizon (1 - e^-expected purchases), of customers with a prediction. */
  predictedConversion: number | null;
  /** Gross margin of what was paid, less the margin of what came back, less support cost, per customer. */
  netValuePerCustomer: number;
  warnings: EconomicsWarning[];
}

// ---------- decisions ----------

export const DECISIONS = ['compete', 'maintain', 'dont-compete'] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * The segmentation a decision belongs to. Cluster keys are the workspace's (a re-fit whose cluster
 * matches an old one inherits its key), so decisions on clusters hold across models; a saved
 * segment is one identity whether it is seen as a rule segment or in the priority list.
 */
export type DecisionFamily = string;

export interface SegmentDecision {
  decisionId: number;
  family: DecisionFamily;
  segmentKey: string;
  /** The segment's name when the decision was taken. */
  segmentName: string;
  /** Null: a decision withdrawn (kept in the history). */
  decision: Decision | null;
  rationale: string;
  /** The definition the decision was taken on: "model 12", "version 3", "RFM settings of 2026-11-02"... */
  definitionVersion: string;
  /** The as-of date of the figures the decision was taken on. */
  asOf: string;
  decidedAt: number;
  /** The operating-system user who took it ('' for decisions from before authors were kept). */
  decidedBy: string;
  /** The segment's economics when the decision was taken (null when taken without them). */
  figures: SegmentEconomics | null;
}

const rationale = z.string().trim().max(4000);

export const decisionSaveSchema = z
  .object({
    ref: segmentationRefSchema,
    segmentKey: z.string().min(1).max(200),
    segmentName: z.string().trim().min(1).max(200),
    decision: z.enum(DECISIONS).nullable(),
    rationale,
    /** The date of the economics the decision was taken on; their figures are kept with it. */
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.decision === 'dont-compete' && d.rationale.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['rationale'], message: 'say why this segment is not worth competing for: the rationale travels with the exclusion list' });
    }
  });

// ---------- the economics table ----------

export interface EconomicsRow extends SegmentEconomics {
  /** Observed conversion when the outcome window has data, else the predicted one. */
  likelihood: number | null;
  decision: SegmentDecision | null;
}

export interface EconomicsTable {
  ref: SegmentationRef;
  label: string;
  family: DecisionFamily;
  asOf: string;
  outcomeDays: number;
  /** The outcome window: complete, incomplete (understated), or none (the data ends at the date). */
  outcome: { windowEnd: string; complete: boolean; available: boolean; note: string | null };
  /** What the likelihood axis shows. */
  likelihoodSource: 'observed' | 'predicted' | 'none';
  prediction: { horizonDays: number; fittedOn: string } | null;
  settings: EconomicsSettings;
  /** Purchase rows whose margin came from the margin column (0 without one). */
  purchasesWithMarginColumn: number;
  segments: EconomicsRow[];
  all: SegmentEconomics;
  computedMs: number;
}

export interface ExclusionExport {
  path: string;
  rows: number;
  bytes: number;
  asOf: string;
  /** The don't-compete segments the list was built from, with their members at the date. */
  segments: Array<{ family: DecisionFamily; segmentKey: string; segmentName: string; segmentation: string; customers: number }>;
  /** Decisions whose segment no longer exists (a deleted saved segment, a cluster no model holds). */
  skipped: Array<{ family: DecisionFamily; segmentKey: string; segmentName: string; segmentation: string; reason: string }>;
}
