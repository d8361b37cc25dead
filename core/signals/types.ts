// Types and schemas of signals, scoring settings and their results. Part of the API contract
// (re-exported by core/api/contract.ts), so this file stays pure: zod and types only.
import { z } from 'zod';

export const SIGNAL_GROUPS = ['value', 'engagement', 'intent', 'channel', 'timing', 'price', 'service', 'custom'] as const;
export type SignalGroup = (typeof SIGNAL_GROUPS)[number];

export const SIGNAL_UNITS = ['days', 'count', 'money', 'share', 'ratio', 'hour', 'index'] as const;
export type SignalUnit = (typeof SIGNAL_UNITS)[number];

/**
 * How a customer without a value is scored. "worst": no value means the least intent (never
 * purchased -> recency is the worst there is). "exclude": the signal says nothing about them
 * (no email was sent, so there is no open rate) and their score uses the other signals only.
 */
export type MissingPolicy = 'worst' | 'exclude';

export interface SignalInfo {
  id: string;
  label: string;
  description: string;
  group: SignalGroup;
  unit: SignalUnit;
  /** 1: more means more intent; -1: less means more intent (days since last visit). */
  direction: 1 | -1;
  missing: MissingPolicy;
  /** Days before the as-of date the signal looks at; null for all history. */
  windowDays: number | null;
  builtIn: boolean;
  /** Weight in a new workspace's intent score (0 = not part of it until the analyst says so). */
  defaultWeight: number;
}

// ---------- analyst-defined signals ----------

export const SIGNAL_ID = /^[a-z][a-z0-9_]{1,39}$/;

const stringList = z.array(z.string().trim().min(1).max(200)).max(100);

export const signalFilterSchema = z
  .object({
    types: stringList.optional(),
    pageCategories: stringList.optional(),
    urlContains: z.string().trim().min(1).max(200).optional(),
    products: stringList.optional(),
    categories: stringList.optional(),
    channels: stringList.optional(),
    campaigns: stringList.optional(),
  })
  .strict();
export type SignalFilter = z.infer<typeof signalFilterSchema>;

export const SIGNAL_AGGREGATIONS = ['count', 'sum-amount', 'sum-quantity', 'distinct-days', 'days-since-last', 'days-since-first', 'rate'] as const;
export type SignalAggregation = (typeof SIGNAL_AGGREGATIONS)[number];

export const customSignalSchema = z
  .object({
    id: z.string().regex(SIGNAL_ID, 'lower-case letters, digits and _, starting with a letter, 2 to 40 characters'),
    label: z.string().trim().min(1).max(80),
    description: z.string().trim().max(500).default(''),
    filter: signalFilterSchema.default({}),
    aggregation: z.enum(SIGNAL_AGGREGATIONS),
    /** For "rate": the signal this count is divided by (e.g. sessions_30d). */
    per: z.string().regex(SIGNAL_ID).optional(),
    /** Days before the as-of date; null = all history. */
    windowDays: z.number().int().min(1).max(3650).nullable().default(30),
    /** Omitted: less is better for days-since aggregations, more is better otherwise. */
    direction: z.union([z.literal(1), z.literal(-1)]).optional(),
  })
  .strict();
export type CustomSignal = z.output<typeof customSignalSchema>;
export type CustomSignalInput = z.input<typeof customSignalSchema>;

// ---------- scoring settings ----------

export const PHASES = ['orientation', 'consideration', 'decision', 'retention'] as const;
export type Phase = (typeof PHASES)[number];

export interface PhaseAction {
  behaviour: string;
  format: string;
  goal: string;
}

const phaseAction = z.object({ behaviour: z.string().max(300), format: z.string().max(300), goal: z.string().max(300) }).strict();

export const scoringSettingsSchema = z
  .object({
    /** Signal id -> weight (-100..100). Signals without a weight do not count. */
    weights: z.record(z.string().regex(SIGNAL_ID), z.number().min(-100).max(100)),
    normalisation: z.enum(['percentile', 'robust-z']),
    thresholds: z
      .object({ consideration: z.number().min(0).max(100), decision: z.number().min(0).max(100) })
      .strict()
      .refine((t) => t.consideration <= t.decision, { message: 'the consideration threshold must not be above the decision threshold' }),
    retention: z
      .object({
        /** Purchased within this many days before the as-of date ... */
        purchaseWithinDays: z.number().int().min(1).max(3650),
        /** ... and still active (any visit, session, email click) within this many days. */
        activeWithinDays: z.number().int().min(1).max(3650),
      })
      .strict(),
    actions: z.record(z.enum(PHASES), phaseAction),
    /** The as-of date last used (YYYY-MM-DD); null = the day after the newest event. */
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').nullable(),
    /** "Converted" = purchased within this many days after the as-of date (validation, fitting). */
    outcomeDays: z.number().int().min(1).max(365),
  })
  .strict();
export type ScoringSettings = z.output<typeof scoringSettingsSchema>;

// ---------- results ----------

export interface Histogram {
  /** Bin edges, one more than counts. */
  edges: number[];
  counts: number[];
}

export interface SignalSummary {
  id: string;
  missing: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  median: number | null;
  /** Share of customers with a non-zero value. */
  nonZeroShare: number;
  histogram: Histogram;
}

export interface SignalSnapshot {
  asOf: string;
  customers: number;
  computedMs: number;
  signals: SignalSummary[];
}

export interface ScoreSummary {
  asOf: string;
  customers: number;
  /** 100 bins of one score point each. */
  histogram: number[];
  phaseCounts: Record<Phase, number>;
  meanScore: number;
  /** Time spent re-scoring every customer, in milliseconds. */
  scoredMs: number;
}

export interface Contribution {
  signalId: string;
  label: string;
  value: number | null;
  /** Score points this signal adds compared with an average customer (can be negative). */
  points: number;
  /** The signal and the customer's value, in words. */
  text: string;
}

export interface CustomerScore {
  customerId: string;
  score: number;
  phase: Phase;
  /** Why: the phase and the signals that lifted or lowered the score most, in words. */
  explanation: string;
  contributions: Contribution[];
}

export interface PhaseCustomerPage {
  phase: Phase;
  total: number;
  offset: number;
  rows: CustomerScore[];
}

export interface RateWithInterval {
  customers: number;
  converted: number;
  rate: number;
  /** 95% Wilson score interval. */
  low: number;
  high: number;
  /** rate / base rate. */
  lift: number | null;
}

export interface PhaseBacktest {
  asOf: string;
  outcomeDays: number;
  /** Whether purchases are known for the whole outcome window (otherwise the rates are partial). */
  windowComplete: boolean;
  baseRate: RateWithInterval;
  phases: Record<Phase, RateWithInterval>;
  /** decision > consideration > orientation by conversion rate. */
  ordered: boolean;
  warning: string | null;
}

export interface WeightSuggestion {
  trainAsOf: string;
  holdoutAsOf: string;
  outcomeDays: number;
  trainCustomers: number;
  holdoutCustomers: number;
  trainPositives: number;
  holdoutPositives: number;
  intercept: number;
  coefficients: Array<{ signalId: string; label: string; coefficient: number; weight: number }>;
  /** Suggested weights on the same -100..100 scale as the sliders. */
  weights: Record<string, number>;
  /**
   * Thresholds that keep the current share of customers in each phase with the suggested weights
   * (on the holdout): new weights move every score, so the old thresholds would not fit them.
   */
  thresholds: { consideration: number; decision: number };
  auc: { trainSuggested: number; holdoutSuggested: number; holdoutCurrent: number; holdoutEqual: number };
  /** Conversion rate per score decile on the holdout (decile 1 = highest scores). */
  lift: { suggested: number[]; current: number[]; equal: number[]; baseRate: number };
}
