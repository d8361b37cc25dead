// Rule segments, RFM, segmentations, comparisons and priorities: the shapes that cross the API.
// Part of the contract (re-exported by core/api/contract.ts), so this file stays pure: zod and types.
//
// A rule is a tree of AND / OR groups whose nodes may be negated; its leaves test a signal, a
// customer attribute, event occurrences, or membership of another segmentation. The same JSON is
// evaluated in the app, compiled to SQL, stored with every version of a saved segment and exported.
import { z } from 'zod';
import { SIGNAL_ID } from '../signals/types.ts';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** Tests of a text field. "is-not" and "not-in" include customers without a value. Case-insensitive. */
export const TEXT_OPS = ['is', 'is-not', 'in', 'not-in', 'contains', 'starts-with', 'is-empty', 'is-present'] as const;
/** Tests of a number. A missing value fails every comparison; "is-empty" finds it. */
export const NUMBER_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'is-empty', 'is-present'] as const;
export type TextOp = (typeof TEXT_OPS)[number];
export type NumberOp = (typeof NUMBER_OPS)[number];

/** Event columns a rule can filter on (fixed names: a rule never names a column itself). */
export const EVENT_TEXT_FIELDS = ['channel', 'device', 'url', 'page_category', 'product', 'category', 'campaign', 'order_id', 'session_id'] as const;
export const EVENT_NUMBER_FIELDS = ['amount', 'discount', 'quantity'] as const;
/** Customer columns a rule can test; any other imported column is reached as an attribute key. */
export const CUSTOMER_TEXT_FIELDS = ['country', 'city', 'email', 'name', 'phone'] as const;
/** How event occurrences are measured against atLeast / atMost. */
export const EVENT_MEASURES = ['count', 'amount', 'days'] as const;
/** The intent score (0-100) of the workspace's scoring settings, usable like a signal. */
export const INTENT_SCORE = 'intent_score';

/** An attribute key from the customers file's extra columns (bound as a JSON path, never pasted into SQL). */
export const ATTRIBUTE_KEY = /^[^"\\\u0000-\u001f]{1,64}$/;

const text = z.string().max(500);
const textTest = z
  .object({
    op: z.enum(TEXT_OPS),
    value: text.optional(),
    values: z.array(text).max(500).optional(),
  })
  .strict();
const numberTest = z
  .object({
    op: z.enum(NUMBER_OPS),
    value: z.number().finite().optional(),
    /** Upper bound of "between" (inclusive). */
    max: z.number().finite().optional(),
  })
  .strict();

function checkText(t: { op: TextOp; value?: string | undefined; values?: string[] | undefined }, ctx: z.RefinementCtx): void {
  if ((t.op === 'in' || t.op === 'not-in') && !t.values?.length) ctx.addIssue({ code: 'custom', message: `"${t.op}" needs a list of values`, path: ['values'] });
  if (['is', 'is-not', 'contains', 'starts-with'].includes(t.op) && t.value === undefined) ctx.addIssue({ code: 'custom', message: `"${t.op}" needs a value`, path: ['value'] });
}

function checkNumber(t: { op: NumberOp; value?: number | undefined; max?: number | undefined }, ctx: z.RefinementCtx): void {
  if (t.op !== 'is-empty' && t.op !== 'is-present' && t.value === undefined) ctx.addIssue({ code: 'custom', message: `"${t.op}" needs a value`, path: ['value'] });
  if (t.op === 'between' && (t.max === undefined || t.value === undefined || t.max < t.value)) {
    ctx.addIssue({ code: 'custom', message: '"between" needs a value and a max at least as large', path: ['max'] });
  }
}

export const eventFilterSchema = z.union([
  textTest.extend({ field: z.enum(EVENT_TEXT_FIELDS) }).strict().superRefine(checkText),
  numberTest.extend({ field: z.enum(EVENT_NUMBER_FIELDS) }).strict().superRefine(checkNumber),
]);
export type EventFilter = z.infer<typeof eventFilterSchema>;

/** Which events count: all before the as-of date, the last N days, calendar dates (inclusive), or this month so far. */
export const eventWindowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('last'), days: z.number().int().min(1).max(3650) }).strict(),
  z.object({ kind: z.literal('between'), from: isoDay, to: isoDay }).strict(),
  z.object({ kind: z.literal('month-to-date') }).strict(),
]);
export type EventWindow = z.infer<typeof eventWindowSchema>;

// ---------- segmentations (any partition of the customers: compared, referenced by rules) ----------

export const segmentationRefSchema = z.discriminatedUnion('kind', [
  /** A stored cluster model applied to the customers as of the date (the newest when modelId is left out). */
  z.object({ kind: z.literal('clusters'), modelId: z.number().int().positive().optional() }).strict(),
  /** Funnel phases of the workspace's scoring settings. */
  z.object({ kind: z.literal('phases') }).strict(),
  /** RFM groups of the workspace's RFM settings. */
  z.object({ kind: z.literal('rfm') }).strict(),
  /** Each customer's primary saved segment by priority ("none" when no segment takes them). */
  z.object({ kind: z.literal('rules') }).strict(),
  /** One saved segment: in or out. */
  z.object({ kind: z.literal('segment'), segmentId: z.number().int().positive() }).strict(),
  /** Bands of expected purchases from the stored purchase prediction: top 20%, next 30%, bottom 50%. */
  z.object({ kind: z.literal('propensity') }).strict(),
]);
export type SegmentationRef = z.infer<typeof segmentationRefSchema>;

/** A segmentation by name: "clusters", "clusters:12", "phases", "rfm", "rules", "segment:3", "propensity" (CLI, SQL, keys). */
export function formatSegmentationRef(ref: SegmentationRef): string {
  switch (ref.kind) {
    case 'clusters':
      return ref.modelId === undefined ? 'clusters' : `clusters:${ref.modelId}`;
    case 'segment':
      return `segment:${ref.segmentId}`;
    default:
      return ref.kind;
  }
}

// ---------- rules ----------

const common = { not: z.boolean().default(false) };

export const signalConditionSchema = numberTest
  .extend({
    kind: z.literal('signal'),
    /** A signal id of the catalogue, or "intent_score". */
    signal: z.string().regex(SIGNAL_ID),
    ...common,
  })
  .strict()
  .superRefine(checkNumber);

export const attributeConditionSchema = textTest
  .extend({
    kind: z.literal('attribute'),
    /** A customer column, or "attribute" with key = an extra column of the customers file. */
    field: z.enum([...CUSTOMER_TEXT_FIELDS, 'attribute']),
    key: z.string().regex(ATTRIBUTE_KEY, 'an attribute key without quotes, backslashes or control characters').optional(),
    ...common,
  })
  .strict()
  .superRefine((c, ctx) => {
    checkText(c, ctx);
    if (c.field === 'attribute' && !c.key) ctx.addIssue({ code: 'custom', message: 'an attribute condition needs the attribute key', path: ['key'] });
  });

export const eventConditionSchema = z
  .object({
    kind: z.literal('event'),
    /** false: customers who did NOT do it (as measured) in the window. */
    did: z.boolean().default(true),
    types: z.array(z.string().trim().min(1).max(100)).min(1).max(20),
    filters: z.array(eventFilterSchema).max(20).default([]),
    measure: z.enum(EVENT_MEASURES).default('count'),
    /** Default 1 (for count and days); 0 allows customers with no such event when atMost is set. */
    atLeast: z.number().min(0).optional(),
    atMost: z.number().min(0).optional(),
    window: eventWindowSchema.default({ kind: 'all' }),
    ...common,
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.atLeast !== undefined && c.atMost !== undefined && c.atMost < c.atLeast) ctx.addIssue({ code: 'custom', message: 'atMost must be at least atLeast', path: ['atMost'] });
    if (c.window.kind === 'between' && c.window.to < c.window.from) ctx.addIssue({ code: 'custom', message: 'the window ends before it starts', path: ['window', 'to'] });
  });

export const segmentConditionSchema = z
  .object({
    kind: z.literal('segment'),
    segmentation: segmentationRefSchema,
    /** Segment keys of that segmentation (see SegmentationInfo); a customer in any of them matches. */
    segments: z.array(z.string().min(1).max(100)).min(1).max(100),
    ...common,
  })
  .strict();

export type SignalCondition = z.output<typeof signalConditionSchema>;
export type AttributeCondition = z.output<typeof attributeConditionSchema>;
export type EventCondition = z.output<typeof eventConditionSchema>;
export type SegmentCondition = z.output<typeof segmentConditionSchema>;
export type RuleLeaf = SignalCondition | AttributeCondition | EventCondition | SegmentCondition;

export interface RuleGroup {
  kind: 'group';
  combine: 'and' | 'or';
  not: boolean;
  children: RuleNode[];
}
export type RuleNode = RuleGroup | RuleLeaf;

/** Input form (defaults may be left out). */
export type RuleGroupIn = z.input<typeof ruleGroupSchema>;

export const MAX_RULE_DEPTH = 6;

export const ruleNodeSchema: z.ZodType<RuleNode, unknown> = z.lazy(() => z.union([ruleGroupSchema, signalConditionSchema, attributeConditionSchema, eventConditionSchema, segmentConditionSchema])) as never;

/** Levels of groups: 1 for a group of conditions only. */
export function groupDepth(node: { kind: string; children?: unknown[] }): number {
  if (node.kind !== 'group' || !node.children) return 0;
  return 1 + Math.max(0, ...node.children.map((c) => groupDepth(c as { kind: string; children?: unknown[] })));
}

export const ruleGroupSchema = z
  .object({
    kind: z.literal('group'),
    combine: z.enum(['and', 'or']),
    not: z.boolean().default(false),
    children: z.array(z.lazy(() => ruleNodeSchema)).max(50),
  })
  .strict()
  .superRefine((g, ctx) => {
    if (groupDepth(g) > MAX_RULE_DEPTH) ctx.addIssue({ code: 'custom', message: `groups nest at most ${MAX_RULE_DEPTH} deep`, path: ['children'] });
  });

/** A rule document: what `segwb rules --rule FILE` reads and what a saved segment holds. */
export const ruleDocumentSchema = z
  .object({
    format: z.literal('segment-workbench-rule').default('segment-workbench-rule'),
    version: z.literal(1).default(1),
    name: z.string().trim().max(120).optional(),
    rule: ruleGroupSchema,
  })
  .strict();

// ---------- results ----------

/** Customers matching each node, mirroring the rule's shape (a leaf has no children). */
export interface RuleCount {
  count: number;
  children?: RuleCount[];
}

export interface RuleEvaluation {
  asOf: string;
  /** Customers known as of the date (the signals' customers). */
  customers: number;
  matched: number;
  counts: RuleCount;
  /** The rule as one parameterised SQL statement over the documented tables (what gets exported). */
  sql: { text: string; params: Array<string | number | null> };
  evaluatedMs: number;
}

export interface RuleMember {
  customerId: string;
  orders: number | null;
  revenue: number | null;
  daysSincePurchase: number | null;
  daysSinceActive: number | null;
}

export interface RuleMemberPage {
  total: number;
  offset: number;
  rows: RuleMember[];
}

export interface SavedSegment {
  segmentId: number;
  name: string;
  description: string;
  rule: RuleGroup;
  /** Bumped whenever the rule, name or description changes. */
  version: number;
  /** Position in the priority list (0 = first to claim customers). */
  priority: number;
  createdAt: number;
  updatedAt: number;
}

export interface SegmentInfo {
  key: string;
  name: string;
  /** A display colour where the segmentation has one (clusters). */
  colour: string | null;
  customers: number;
}

export interface SegmentationInfo {
  ref: SegmentationRef;
  label: string;
  segments: SegmentInfo[];
}

export interface SegmentationOption {
  ref: SegmentationRef;
  label: string;
  available: boolean;
  /** Why it is not available (no cluster model, no prediction, no saved segments). */
  reason: string | null;
}

export interface Interval {
  value: number;
  low: number;
  high: number;
}

export interface SegmentOutcome {
  key: string;
  customers: number;
  converters: number;
  /** Conversion rate with its 95% Wilson interval. */
  rate: number;
  low: number;
  high: number;
  /** rate / base rate; null when the base rate is 0. */
  lift: number | null;
  revenuePerCustomer: number;
}

export interface ComparisonOutcome {
  /** Last day of the outcome window. */
  windowEnd: string;
  /** False when the data ends inside the window (rates then understate). */
  complete: boolean;
  baseRate: number;
  converters: number;
  revenuePerCustomer: number;
  a: SegmentOutcome[];
  b: SegmentOutcome[];
  /** [a segment][b segment], aligned with the contingency table. */
  cells: SegmentOutcome[][];
  /**
   * How well each segmentation separates converters: AUC of the segment's conversion rate used
   * as a score, with 95% bootstrap intervals from the same resamples (so the difference is paired).
   */
  separation: {
    a: Interval;
    b: Interval;
    /** a minus b. */
    difference: Interval;
    /** Both together (the cell's rate as the score): what combining them adds. */
    combined: Interval;
    better: 'a' | 'b' | 'neither';
    replicates: number;
    text: string;
  };
}

export interface Comparison {
  asOf: string;
  outcomeDays: number;
  customers: number;
  a: SegmentationInfo;
  b: SegmentationInfo;
  /** Customers in each (a segment, b segment) pair. */
  contingency: number[][];
  /** |A ∩ B| / |A ∪ B| for each pair. */
  jaccard: number[][];
  /** Adjusted Rand index and normalised mutual information (arithmetic mean), as scikit-learn defines them. */
  ari: number;
  nmi: number;
  outcome: ComparisonOutcome | null;
  /** Why there is no outcome, or what limits it. */
  outcomeNote: string | null;
  computedMs: number;
}

// ---------- RFM ----------

const scoreRange = z.tuple([z.number().int().min(1).max(5), z.number().int().min(1).max(5)]);
const fourCuts = z.array(z.number().finite()).length(4);

export const rfmGroupSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
    name: z.string().trim().min(1).max(60),
    /** Inclusive ranges of the R score and of the FM score (the rounded mean of F and M). */
    r: scoreRange,
    fm: scoreRange,
  })
  .strict();

export const rfmSettingsSchema = z
  .object({
    /** quantiles: cut-offs at the 20/40/60/80% points of the buyers as of the date; cutoffs: the ones below. */
    method: z.enum(['quantiles', 'cutoffs']).default('quantiles'),
    /**
     * Ascending. R = 5 for days since purchase <= recencyDays[0], ..., 1 above recencyDays[3];
     * F = 1 for orders <= orders[0], ..., 5 above orders[3]; M likewise with revenue.
     */
    cutoffs: z.object({ recencyDays: fourCuts, orders: fourCuts, revenue: fourCuts }).strict(),
    /** First matching group wins; customers no group matches fall into "Other". */
    groups: z.array(rfmGroupSchema).min(1).max(20),
  })
  .strict()
  .superRefine((s, ctx) => {
    for (const k of ['recencyDays', 'orders', 'revenue'] as const) {
      const c = s.cutoffs[k];
      if (c.some((v, i) => i > 0 && v < c[i - 1]!)) ctx.addIssue({ code: 'custom', message: 'cut-offs must be ascending', path: ['cutoffs', k] });
    }
    const ids = new Set<string>();
    s.groups.forEach((g, i) => {
      if (ids.has(g.id)) ctx.addIssue({ code: 'custom', message: `group id "${g.id}" is used twice`, path: ['groups', i, 'id'] });
      ids.add(g.id);
      if (g.r[1] < g.r[0] || g.fm[1] < g.fm[0]) ctx.addIssue({ code: 'custom', message: 'a range must not end below its start', path: ['groups', i] });
    });
  });
export type RfmSettings = z.output<typeof rfmSettingsSchema>;
export type RfmGroup = z.output<typeof rfmGroupSchema>;

/** The usual segment map over R and FM scores; together the ranges cover the whole 5 x 5 grid. */
export const DEFAULT_RFM_GROUPS: readonly RfmGroup[] = [
  { id: 'champions', name: 'Champions', r: [4, 5], fm: [4, 5] },
  { id: 'loyal', name: 'Loyal', r: [3, 5], fm: [3, 5] },
  { id: 'potential-loyalist', name: 'Potential loyalist', r: [4, 5], fm: [2, 3] },
  { id: 'new', name: 'New', r: [4, 5], fm: [1, 1] },
  { id: 'needs-attention', name: 'Needs attention', r: [3, 3], fm: [1, 2] },
  { id: 'cant-lose', name: "Can't lose them", r: [1, 2], fm: [5, 5] },
  { id: 'at-risk', name: 'At risk', r: [1, 2], fm: [3, 4] },
  { id: 'hibernating', name: 'Hibernating', r: [2, 2], fm: [1, 2] },
  { id: 'lost', name: 'Lost', r: [1, 1], fm: [1, 2] },
];

/** What a workspace uses until the analyst saves RFM settings (also "Reset to defaults"). */
export function defaultRfmSettings(): RfmSettings {
  return {
    method: 'quantiles',
    cutoffs: { recencyDays: [30, 90, 180, 365], orders: [1, 2, 3, 5], revenue: [50, 150, 400, 1000] },
    groups: DEFAULT_RFM_GROUPS.map((g) => ({ ...g, r: [...g.r], fm: [...g.fm] })),
  };
}

export interface RfmGroupSummary {
  id: string;
  name: string;
  customers: number;
  share: number;
  meanDaysSincePurchase: number | null;
  meanOrders: number | null;
  meanRevenue: number | null;
}

export interface RfmSummary {
  asOf: string;
  customers: number;
  buyers: number;
  /** The cut-offs used (computed from the data for the quantile method). */
  cutoffs: { recencyDays: number[]; orders: number[]; revenue: number[] };
  /** Buyers per (R, FM) score: grid[r - 1][fm - 1]. */
  grid: number[][];
  /** The group each grid cell belongs to: gridGroup[r - 1][fm - 1] (group id or "other"). */
  gridGroup: string[][];
  /** In settings order, then "other" and "none" (no purchase before the date). */
  groups: RfmGroupSummary[];
}

// ---------- priority ----------

export interface PriorityRow {
  segmentId: number;
  name: string;
  /** Customers the segment's rule matches. */
  members: number;
  /** Of those, the ones whose primary segment this is. */
  primary: number;
  /** Members already claimed by segments higher in the list. */
  claimedAbove: number;
}

export interface PriorityAnalysis {
  asOf: string;
  customers: number;
  rows: PriorityRow[];
  /** takes[i][j]: customers in both segments i and j whose primary segment is i (i above j). */
  takes: number[][];
  /** Customers no segment matches. */
  unassigned: number;
}
