// The one contract between the UI and core. Every operation is declared here once: its name
// (kebab-case noun-verb), the schema its arguments are validated against at the boundary, and the
// type of its result. This file is pure (zod + types): the renderer imports its types, core
// implements it, and every transport (in-process, HTTP, Electron IPC) carries it unchanged.
import { z } from 'zod';
import type { ImportPreview, ImportSummary } from '../import/types.ts';
import { CUSTOMER_FIELDS, EVENT_FIELDS, ORDER_FIELDS } from '../import/types.ts';
import { customSignalSchema, PHASES, scoringSettingsSchema, SIGNAL_ID } from '../signals/types.ts';
import { chooseKSettingsSchema, clusterSettingsSchema } from '../clusters/types.ts';
import { predictSettingsSchema } from '../predict/types.ts';
import { EVENT_TEXT_FIELDS as RULE_TEXT_FIELDS, rfmSettingsSchema, ruleGroupSchema, segmentationRefSchema } from '../rules/types.ts';
import type { MigrationSeries, MoverPage } from '../migration/types.ts';
import { decisionSaveSchema, economicsSettingsSchema } from '../economics/types.ts';
import type { EconomicsSettings, EconomicsTable, ExclusionExport, SegmentDecision } from '../economics/types.ts';
import type { BundleDiff, BundleExportResult, BundleImportResult, PmmlExportResult, ScorecardPmmlExportResult, SqlExportResult, SqlPreview } from '../export/types.ts';
import type { Bundle } from '../export/bundle/schema.ts';
import type { Comparison, PriorityAnalysis, RfmSettings, RfmSummary, RuleEvaluation, RuleMemberPage, SavedSegment, SegmentationInfo, SegmentationOption } from '../rules/types.ts';
import type { CustomerPredictionPage, PredictionSummary } from '../predict/types.ts';
import type { ClusterExplanation, ClusterMemberPage, ClusterModel, ClusterModelListItem, ClusterProjection, KRecommendation } from '../clusters/types.ts';
import type { CustomerScore, PhaseBacktest, PhaseCustomerPage, ScoreSummary, ScoringSettings, SignalInfo, SignalSnapshot, WeightSuggestion } from '../signals/types.ts';

export type { ImportPreview, ImportSummary, ColumnMapping, FileFormat, ImportKind, DateDetection, RowProblem } from '../import/types.ts';
/** The fields each kind of import can fill: part of the contract, so the UI offers exactly these. */
export { CUSTOMER_FIELDS, EVENT_FIELDS, ORDER_FIELDS } from '../import/types.ts';
export type * from '../signals/types.ts';
export { PHASES, SIGNAL_AGGREGATIONS, SIGNAL_GROUPS, SIGNAL_ID } from '../signals/types.ts';
export type * from '../clusters/types.ts';
export type * from '../predict/types.ts';
export { PREDICT_MODELS, PREDICT_TIME_UNITS } from '../predict/types.ts';
export type * from '../rules/types.ts';
export type * from '../migration/types.ts';
export type * from '../economics/types.ts';
export type * from '../export/types.ts';
export type { Bundle } from '../export/bundle/schema.ts';
export { DECISIONS, ECONOMICS_WARNINGS } from '../economics/types.ts';
export { decisionIdentity, decisionKey } from '../economics/identity.ts';
export { ATTRIBUTE_KEY, CUSTOMER_TEXT_FIELDS, DEFAULT_RFM_GROUPS, defaultRfmSettings, formatSegmentationRef, EVENT_MEASURES, EVENT_NUMBER_FIELDS, EVENT_TEXT_FIELDS, INTENT_SCORE, MAX_RULE_DEPTH, NUMBER_OPS, TEXT_OPS } from '../rules/types.ts';
export { CLUSTER_MISSING, CLUSTER_SCALINGS, DEFAULT_CLUSTER_SIGNALS, MAX_CLUSTERS } from '../clusters/types.ts';

// ---------- shared result types ----------

export interface WorkspaceInfo {
  path: string;
  name: string;
  readonly: boolean;
  schemaVersion: number;
  createdAt: number | null;
  customers: number;
  events: number;
  /** Earliest and latest event timestamps (epoch ms), null when there are no events. */
  firstEventAt: number | null;
  lastEventAt: number | null;
  /** True when the workspace holds the sample generator's hidden behaviour types. */
  hasGroundTruth: boolean;
  imports: number;
}

export interface RecentWorkspace {
  path: string;
  name: string;
  openedAt: number;
  exists: boolean;
}

export interface AppInfo {
  version: string;
  /** Where new workspaces are proposed by default. */
  defaultDir: string;
  workspace: WorkspaceInfo | null;
  sampleDefaults: { customers: number; seed: number; months: number };
}

export const CUSTOMER_COLUMNS = [
  'customer_id',
  'name',
  'email',
  'country',
  'city',
  'first_seen',
  'last_seen',
  'events',
  'sessions',
  'purchases',
  'revenue',
  'last_purchase',
] as const;
export type CustomerColumn = (typeof CUSTOMER_COLUMNS)[number];

export interface CustomerRow {
  customer_id: string;
  name: string | null;
  email: string | null;
  country: string | null;
  city: string | null;
  first_seen: number | null;
  last_seen: number | null;
  events: number;
  sessions: number;
  purchases: number;
  revenue: number;
  last_purchase: number | null;
}

export interface CustomerPage {
  /** Rows matching the filter (not only those returned). */
  total: number;
  offset: number;
  rows: CustomerRow[];
}

export interface CustomerDetail extends CustomerRow {
  phone: string | null;
  attributes: Record<string, unknown>;
  /** Hidden behaviour type per month; present only in sample workspaces. */
  groundTruth: Array<{ month: string; behaviourType: string }>;
}

export interface TimelineEvent {
  id: number;
  ts: number;
  type: string;
  channel: string | null;
  device: string | null;
  sessionId: string | null;
  url: string | null;
  pageCategory: string | null;
  product: string | null;
  category: string | null;
  campaign: string | null;
  orderId: string | null;
  amount: number | null;
  discount: number | null;
  quantity: number | null;
}

export interface Timeline {
  customerId: string;
  total: number;
  /** Newest first. */
  events: TimelineEvent[];
  /** Event counts per type over the customer's whole history. */
  typeCounts: Record<string, number>;
}

export interface FileEntry {
  name: string;
  path: string;
  kind: 'dir' | 'workspace' | 'file';
  size: number;
  modified: number;
}

export interface DirListing {
  dir: string;
  parent: string | null;
  entries: FileEntry[];
}

/** A progress report of a long operation, delivered while it runs. */
export interface Progress {
  jobId: string;
  /** Short words for what is happening now: "Generating customers", "Building indexes". */
  phase: string;
  done: number;
  /** Null when the amount of work is unknown. */
  total: number | null;
  unit: string;
  /** Estimated milliseconds left, when it can be estimated. */
  etaMs: number | null;
}

/** One row of the import history. */
export interface ImportRecord {
  importId: number;
  kind: string;
  file: string | null;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  startedAt: number;
  finishedAt: number | null;
  sizeBytes: number | null;
  rowsRead: number;
  rowsImported: number;
  rowsDuplicate: number;
  rowsRejected: number;
  customersAdded: number;
  eventsAdded: number;
  rejectedReport: string | null;
  durationMs: number | null;
  message: string | null;
}

export interface TaxonomyRule {
  pattern: string;
  match: 'contains' | 'prefix' | 'regex';
  category: string;
  priority: number;
}

export interface SavedMapping {
  name: string;
  kind: string;
  savedAt: number;
  mapping: z.infer<typeof mappingSchema>;
}

// ---------- argument schemas ----------

const path = z.string().trim().min(1, 'a file path is required');

export const sortSchema = z.object({
  column: z.enum(CUSTOMER_COLUMNS),
  direction: z.enum(['asc', 'desc']),
});
export type CustomerSort = z.infer<typeof sortSchema>;

export const customerFilterSchema = z.object({
  /** Case-insensitive substring of customer id, name, email, country or city. */
  text: z.string().max(200).optional(),
  country: z.string().max(100).optional(),
  minPurchases: z.number().int().min(0).optional(),
});
export type CustomerFilter = z.infer<typeof customerFilterSchema>;

const empty = z.object({}).strict();
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const sqlDialect = z.enum(['sqlite', 'postgres']);

const importKind = z.enum(['customers', 'orders', 'events']);
const encoding = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']);
const delimiter = z.enum([',', ';', '\t', '|', 'whitespace']);
const personalPolicy = z.enum(['keep', 'hash', 'drop']);
const targetField = z.enum([...new Set<string>([...CUSTOMER_FIELDS, ...ORDER_FIELDS, ...EVENT_FIELDS])] as [string, ...string[]]);

export const formatSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('delimited'), encoding, bomBytes: z.number().int().min(0).max(3), delimiter, hasHeader: z.boolean() }).strict(),
  z.object({ type: z.literal('jsonl'), encoding, bomBytes: z.number().int().min(0).max(3) }).strict(),
  z.object({ type: z.literal('xlsx'), sheet: z.string().min(1), hasHeader: z.boolean() }).strict(),
]);

export const mappingSchema = z
  .object({
    kind: importKind,
    fields: z.partialRecord(targetField, z.string().min(1)),
    dateFormat: z.enum(['iso', 'epoch-s', 'epoch-ms', 'yyyymmdd', 'dmy', 'mdy']),
    timezone: z.string().min(1).max(64),
    personal: z.object({ email: personalPolicy, phone: personalPolicy, name: personalPolicy }).strict(),
    ignore: z.array(z.string()),
    decimalComma: z.boolean().optional(),
  })
  .strict();

/** Which movers: a segmentation between two dates, optionally one flow (from one segment, to another). */
const bundleSide = z.union([z.object({ path }).strict(), z.object({ current: z.literal(true) }).strict()]);

const moversQuery = z.object({
  ref: segmentationRefSchema,
  from: isoDay,
  to: isoDay,
  fromKey: z.string().min(1).max(100).optional(),
  toKey: z.string().min(1).max(100).optional(),
});

interface OpSpec<A extends z.ZodType, R> {
  args: A;
  /** Long operations run off the thread that answers requests, report progress and can be cancelled. */
  long: boolean;
  /** Phantom: carries the result type only. */
  result?: R;
}

function op<R>() {
  return <A extends z.ZodType>(args: A, options: { long?: boolean } = {}): OpSpec<A, R> => ({
    args,
    long: options.long ?? false,
  });
}

export const contract = {
  'app-info': op<AppInfo>()(empty),

  'workspace-create': op<WorkspaceInfo>()(z.object({ path, name: z.string().max(200).optional() }).strict()),
  'workspace-open': op<WorkspaceInfo>()(z.object({ path }).strict()),
  'workspace-close': op<null>()(empty),
  'workspace-info': op<WorkspaceInfo | null>()(empty),
  'workspace-recent': op<RecentWorkspace[]>()(empty),
  'workspace-recent-forget': op<RecentWorkspace[]>()(z.object({ path }).strict()),

  'sample-create': op<WorkspaceInfo>()(
    z
      .object({
        path,
        customers: z.number().int().min(10).max(5_000_000).default(20_000),
        seed: z.number().int().min(0).max(2 ** 31 - 1).default(42),
        months: z.number().int().min(3).max(60).default(18),
      })
      .strict(),
    { long: true },
  ),

  'customers-page': op<CustomerPage>()(
    z
      .object({
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(2000),
        sort: sortSchema.optional(),
        filter: customerFilterSchema.optional(),
      })
      .strict(),
  ),
  'customers-countries': op<Array<{ country: string; customers: number }>>()(empty),
  'customer-get': op<CustomerDetail>()(z.object({ customerId: z.string().min(1) }).strict()),
  'customer-timeline': op<Timeline>()(
    z
      .object({
        customerId: z.string().min(1),
        limit: z.number().int().min(1).max(5000).default(500),
        types: z.array(z.string()).optional(),
      })
      .strict(),
  ),

  'files-list': op<DirListing>()(z.object({ dir: z.string().optional() }).strict()),

  'import-preview': op<ImportPreview>()(
    z
      .object({
        path,
        kind: importKind.optional(),
        encoding: encoding.optional(),
        delimiter: delimiter.optional(),
        hasHeader: z.boolean().optional(),
        sheet: z.string().optional(),
        mapping: mappingSchema.optional(),
      })
      .strict(),
  ),
  'import-run': op<ImportSummary>()(
    z
      .object({
        path,
        format: formatSchema,
        columns: z.array(z.string()).min(1),
        mapping: mappingSchema,
        sha256: z.string().regex(/^[0-9a-f]{64}$/, 'the SHA-256 from import-preview'),
        skipBadRows: z.boolean().default(false),
        allowReimport: z.boolean().default(false),
      })
      .strict(),
    { long: true },
  ),
  'imports-list': op<ImportRecord[]>()(empty),
  'import-mappings-list': op<SavedMapping[]>()(empty),
  'import-mapping-save': op<SavedMapping[]>()(z.object({ name: z.string().trim().min(1).max(100), mapping: mappingSchema }).strict()),
  'taxonomy-list': op<TaxonomyRule[]>()(empty),
  'taxonomy-save': op<{ rules: TaxonomyRule[]; eventsRecategorised: number }>()(
    z
      .object({
        rules: z
          .array(
            z
              .object({
                pattern: z.string().trim().min(1).max(500),
                match: z.enum(['contains', 'prefix', 'regex']),
                category: z.string().trim().min(1).max(100),
                priority: z.number().int().min(0).max(100000),
              })
              .strict(),
          )
          .max(1000),
        /** Re-derive page_category of existing events from their URLs with the new rules. */
        recategorise: z.boolean().default(true),
      })
      .strict(),
  ),
  'customer-erase': op<{ customerId: string; rowsDeleted: Record<string, number> }>()(
    z.object({ customerId: z.string().min(1) }).strict(),
  ),

  // Signals: built-in and analyst-defined, computed per customer as of a date.
  'signals-catalog': op<SignalInfo[]>()(empty),
  'signal-save': op<SignalInfo[]>()(z.object({ signal: customSignalSchema }).strict()),
  'signal-delete': op<SignalInfo[]>()(z.object({ id: z.string().regex(SIGNAL_ID) }).strict()),
  /** Computes every signal as of the date (default: the day after the newest event) and keeps them for scoring. */
  'signals-compute': op<SignalSnapshot>()(z.object({ asOf: isoDay.optional() }).strict(), { long: true }),
  /** The signals computed last in this session, or null. */
  'signals-snapshot': op<SignalSnapshot | null>()(empty),

  // Intent score and funnel phases over the computed signals.
  'scoring-settings-get': op<ScoringSettings>()(empty),
  'scoring-settings-save': op<ScoringSettings>()(z.object({ settings: scoringSettingsSchema }).strict()),
  /** Re-scores every customer with these settings: fast enough to call on every slider move. */
  'scores-summary': op<ScoreSummary>()(z.object({ settings: scoringSettingsSchema }).strict()),
  'phase-customers': op<PhaseCustomerPage>()(
    z
      .object({
        settings: scoringSettingsSchema,
        phase: z.enum(PHASES),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
  ),
  'customer-score': op<CustomerScore>()(z.object({ settings: scoringSettingsSchema, customerId: z.string().min(1) }).strict()),
  /** Phases as of a past date against who purchased in the following outcomeDays. */
  'phases-backtest': op<PhaseBacktest>()(z.object({ settings: scoringSettingsSchema, asOf: isoDay }).strict(), { long: true }),
  /** Logistic regression of conversion on signals as of trainAsOf; judged on a later, separate holdout. */
  'weights-suggest': op<WeightSuggestion>()(z.object({ settings: scoringSettingsSchema, trainAsOf: isoDay }).strict(), { long: true }),

  // Clusters work on the signals computed by signals-compute (as of that date).
  /** k-means on the chosen signals; the result is stored as a new model whose clusters continue the previous model's. */
  'cluster-fit': op<ClusterModel>()(z.object({ settings: clusterSettingsSchema }).strict(), { long: true }),
  /** Elbow, silhouette and stability for k = kMin..kMax on a seeded sample, with a recommended k. */
  'cluster-choose-k': op<KRecommendation>()(z.object({ settings: chooseKSettingsSchema }).strict(), { long: true }),
  'cluster-models': op<ClusterModelListItem[]>()(empty),
  /** One stored model (the newest when modelId is left out); null when there is none. */
  'cluster-model': op<ClusterModel | null>()(z.object({ modelId: z.number().int().positive().optional() }).strict()),
  /** An empty name goes back to the generated one. */
  'cluster-rename': op<ClusterModel>()(z.object({ modelId: z.number().int().positive(), key: z.number().int().min(0), name: z.string().trim().max(120) }).strict()),
  /** Customers in two dimensions (PCA), at most maxPoints of them (a seeded sample beyond that). Needs the model live in this session. */
  'cluster-projection': op<ClusterProjection>()(
    z.object({ modelId: z.number().int().positive(), maxPoints: z.number().int().min(100).max(200_000).default(100_000) }).strict(),
  ),
  /** Members of one cluster (nearest first), or the given rows (a brushed selection), a page at a time. */
  'cluster-members': op<ClusterMemberPage>()(
    z
      .object({
        modelId: z.number().int().positive(),
        key: z.number().int().min(0).optional(),
        rows: z.array(z.number().int().min(0)).max(2_000_000).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
  ),
  /** Why a customer is in their cluster: distances to every centroid and the signals that decide. */
  'cluster-customer': op<ClusterExplanation>()(z.object({ modelId: z.number().int().positive(), customerId: z.string().min(1).max(200) }).strict()),

  /** BG/NBD, Pareto/NBD and Gamma-Gamma on purchases up to the calibration end, scored and backtested on the holdout. */
  'predict-fit': op<PredictionSummary>()(z.object({ settings: predictSettingsSchema }).strict(), { long: true }),
  /** The prediction fitted in this session, or null. */
  'predict-result': op<PredictionSummary | null>()(empty),
  /** Scored customers, a page at a time, by expected purchases, P(alive), CLV or id order; or one customer. */
  'predict-customers': op<CustomerPredictionPage>()(
    z
      .object({
        sort: z.enum(['expected', 'p-alive', 'clv', 'customer']).default('expected'),
        customerId: z.string().min(1).max(200).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
  ),

  // Rule segments, RFM, comparisons and priorities. Rules are evaluated on the customers as of
  // the date (default: the computed signals' date; signals are computed first when there are none).
  /** Customers matching a rule and each of its nodes (live counts while editing), plus the rule as SQL. */
  'rule-evaluate': op<RuleEvaluation>()(z.object({ rule: ruleGroupSchema, asOf: isoDay.optional() }).strict(), { long: true }),
  /** Customers matching a rule, a page at a time, in customer id order. */
  'rule-members': op<RuleMemberPage>()(
    z
      .object({
        rule: ruleGroupSchema,
        asOf: isoDay.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
    { long: true },
  ),
  /** Values seen for an event field in the newest events (suggestions for the rule builder's pickers). */
  'event-field-values': op<{ values: Array<{ value: string; events: number }>; scanned: number }>()(
    z
      .object({
        field: z.enum([...RULE_TEXT_FIELDS, 'type']),
        types: z.array(z.string().min(1).max(100)).max(20).optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ),
  /** Extra customer columns (JSON attribute keys), most common first. */
  'customer-attribute-keys': op<Array<{ key: string; customers: number }>>()(empty),
  'segments-list': op<SavedSegment[]>()(empty),
  /** Creates (no segmentId) or changes a saved segment; a change makes a new version. New segments go to the end of the priority list. */
  'segment-save': op<SavedSegment[]>()(
    z
      .object({
        segmentId: z.number().int().positive().optional(),
        name: z.string().trim().min(1, 'a segment needs a name').max(120),
        description: z.string().max(2000).default(''),
        rule: ruleGroupSchema,
      })
      .strict(),
  ),
  /** Refused while another segment's rule refers to it. */
  'segment-delete': op<SavedSegment[]>()(z.object({ segmentId: z.number().int().positive() }).strict()),
  /** The priority list: every saved segment's id, first = claims its customers first. */
  'segments-priority-save': op<SavedSegment[]>()(z.object({ order: z.array(z.number().int().positive()).max(1000) }).strict()),
  /** Primary segment of every customer by priority, and how many customers each segment takes from the others. */
  'segments-priority': op<PriorityAnalysis>()(z.object({ asOf: isoDay.optional() }).strict(), { long: true }),
  /** Writes customer_id, primary segment and all segments as CSV; refuses to overwrite unless told to. */
  'segments-primary-export': op<{ path: string; rows: number; bytes: number }>()(
    z.object({ path, overwrite: z.boolean().default(false), asOf: isoDay.optional() }).strict(),
    { long: true },
  ),
  'rfm-settings-get': op<RfmSettings>()(empty),
  'rfm-settings-save': op<RfmSettings>()(z.object({ settings: rfmSettingsSchema }).strict()),
  /** R, F and M scores and groups of these settings as of the date. */
  'rfm-summary': op<RfmSummary>()(z.object({ settings: rfmSettingsSchema, asOf: isoDay.optional() }).strict(), { long: true }),
  /** The segmentations this workspace can offer now, with the reason when one is not available. */
  'segmentations-list': op<SegmentationOption[]>()(empty),
  /** One segmentation's segments and sizes as of the date. */
  'segmentation-get': op<SegmentationInfo>()(z.object({ ref: segmentationRefSchema, asOf: isoDay.optional() }).strict(), { long: true }),
  /** Contingency, Jaccard, ARI, NMI and (when the data reaches past the date) conversion per segment and cell. */
  'segments-compare': op<Comparison>()(
    z
      .object({
        a: segmentationRefSchema,
        b: segmentationRefSchema,
        asOf: isoDay.optional(),
        outcomeDays: z.number().int().min(1).max(365).default(30),
        /** Bootstrap replicates for the separation intervals. */
        replicates: z.number().int().min(50).max(2000).default(200),
      })
      .strict(),
    { long: true },
  ),

  // Migration: a segmentation as of a series of dates, customers followed from date to date.
  /** Sizes per date, transitions between every pair of dates, drift agreement in sample workspaces. */
  'migration-run': op<MigrationSeries>()(
    z
      .object({
        ref: segmentationRefSchema,
        days: z.array(isoDay).min(2, 'at least two dates').max(36, 'at most 36 dates'),
      })
      .strict(),
    { long: true },
  ),
  /** Customers whose segment differs between two dates (optionally from one segment, to another), with the signals that changed most. */
  'migration-movers': op<MoverPage>()(
    moversQuery.extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) }).strict(),
    { long: true },
  ),
  /** The same movers as CSV (customer, from, to, the three signals that changed most); refuses to overwrite unless told to. */
  'migration-movers-export': op<{ path: string; rows: number; bytes: number }>()(
    moversQuery.extend({ path, overwrite: z.boolean().default(false) }).strict(),
    { long: true },
  ),

  // Economics per segment, and the decisions on which segments to compete for.
  'economics-settings-get': op<EconomicsSettings>()(empty),
  'economics-settings-save': op<EconomicsSettings>()(z.object({ settings: economicsSettingsSchema }).strict()),
  /** Numeric columns kept on purchase rows (event props): candidates for the margin column. */
  'economics-margin-columns': op<Array<{ key: string; rows: number }>>()(empty),
  /** Per segment of a segmentation as of a date: conversion, order value, margin, discounts, returns, support, churn, CLV, net value, warnings, decision. */
  'economics-table': op<EconomicsTable>()(
    z.object({ ref: segmentationRefSchema, asOf: isoDay.optional(), outcomeDays: z.number().int().min(1).max(365).default(30) }).strict(),
    { long: true },
  ),
  /** Every segment's current decision (withdrawn ones left out), newest first. */
  'decisions-list': op<SegmentDecision[]>()(empty),
  /** All decisions ever taken on one segment, newest first. */
  'decision-history': op<SegmentDecision[]>()(z.object({ family: z.string().min(1).max(200), segmentKey: z.string().min(1).max(200) }).strict()),
  /** A new decision on a segment (decision null withdraws it), stored with the definition's version, the date and the figures of that date. */
  'decision-save': op<SegmentDecision>()(decisionSaveSchema),
  /** Customers of every "don't compete" segment as of the date, as CSV; refuses to overwrite unless told to. */
  'decisions-exclusions-export': op<ExclusionExport>()(
    z.object({ asOf: isoDay.optional(), path, overwrite: z.boolean().default(false) }).strict(),
    { long: true },
  ),

  // Exports (issue 9): definitions and memberships other systems can use.
  /** One row per customer: saved segments, primary segment, phase, intent score, RFM group, cluster, prediction scores, optional hashed email/phone. */
  'export-membership': op<{ path: string; rows: number; bytes: number; columns: string[]; asOf: string }>()(
    z
      .object({
        asOf: isoDay.optional(),
        path,
        overwrite: z.boolean().default(false),
        hashEmail: z.boolean().default(false),
        hashPhone: z.boolean().default(false),
        /** Country code for phones written without one, e.g. "+44". */
        defaultCountryCode: z.string().trim().regex(/^\+?\d{1,4}$/, 'a country code such as +44').optional(),
      })
      .strict(),
    { long: true },
  ),
  /** The JSON bundle of every definition (signals, weights, thresholds, cluster model, RFM, segments, priority, decisions) with the data's fingerprint. */
  'export-bundle': op<BundleExportResult>()(z.object({ asOf: isoDay.optional(), path, overwrite: z.boolean().default(false) }).strict(), { long: true }),
  /** Replaces this workspace's definitions with a bundle's; refuses other data unless accepted, and saved segments unless replacing. */
  'bundle-import': op<BundleImportResult>()(
    z.object({ path, replace: z.boolean().default(false), acceptDifferentData: z.boolean().default(false) }).strict(),
    { long: true },
  ),
  /** The first rows of the membership CSV with these options, and how many customers it would hold. */
  'export-membership-preview': op<{ header: string[]; rows: Array<Array<string | number | null>>; customers: number; asOf: string }>()(
    z
      .object({
        asOf: isoDay.optional(),
        hashEmail: z.boolean().default(false),
        hashPhone: z.boolean().default(false),
        defaultCountryCode: z.string().trim().regex(/^\+?\d{1,4}$/, 'a country code such as +44').optional(),
        limit: z.number().int().min(1).max(200).default(20),
      })
      .strict(),
    { long: true },
  ),
  /** The bundle an export would write now (nothing is written). */
  'bundle-preview': op<Bundle>()(z.object({ asOf: isoDay.optional() }).strict(), { long: true }),
  /** What changed between two bundles: a file and the workspace's current definitions, or two files. */
  'bundle-diff': op<BundleDiff>()(
    z.object({ from: bundleSide, to: bundleSide }).strict(),
    { long: true },
  ),
  /** A cluster model (the newest by default) as a PMML 4.4 ClusteringModel with its own scaling, for PMML scorers. */
  'export-pmml': op<PmmlExportResult>()(
    z.object({ path, overwrite: z.boolean().default(false), modelId: z.number().int().positive().optional() }).strict(),
  ),
  /** The intent score and phases as a PMML 4.4 Scorecard; percentile normalisation is frozen at the date's population. */
  'export-pmml-scorecard': op<ScorecardPmmlExportResult>()(
    z.object({ path, overwrite: z.boolean().default(false), asOf: isoDay.optional() }).strict(),
    { long: true },
  ),
  /** The SQL script an export would write (views over the documented raw tables), nothing written. */
  'export-sql-preview': op<SqlPreview>()(z.object({ dialect: sqlDialect, asOf: isoDay.optional() }).strict()),
  /** The segment definitions as SQL views for SQLite or PostgreSQL over the documented raw tables. */
  'export-sql': op<SqlExportResult>()(
    z.object({ path, overwrite: z.boolean().default(false), dialect: sqlDialect, asOf: isoDay.optional() }).strict(),
  ),
} as const;

// ---------- derived types ----------

export type Contract = typeof contract;
export type OpName = keyof Contract;
/** What a caller passes (defaults may be omitted). */
export type ArgsIn<K extends OpName> = z.input<Contract[K]['args']>;
/** What a handler receives (after validation and defaults). */
export type Args<K extends OpName> = z.output<Contract[K]['args']>;
export type Result<K extends OpName> = Exclude<Contract[K]['result'], undefined>;

export const OP_NAMES = Object.keys(contract) as OpName[];
export const isLongOp = (name: string): boolean => Object.hasOwn(contract, name) && contract[name as OpName].long;

export interface SendOptions {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

/** What every transport offers the UI (and tests). */
export interface ApiClient {
  send<K extends OpName>(name: K, args: ArgsIn<K>, options?: SendOptions): Promise<Result<K>>;
}

/** Errors cross every transport as this shape. */
export interface ApiErrorShape {
  code: string;
  message: string;
  /** For invalid arguments: which field and why. */
  issues?: Array<{ path: string; message: string }>;
  /** Machine-readable facts the message also states, e.g. the rejected-rows report's path. */
  details?: Record<string, string | number>;
}

export class ApiError extends Error implements ApiErrorShape {
  readonly code: string;
  readonly issues?: Array<{ path: string; message: string }>;
  readonly details?: Record<string, string | number>;
  constructor(shape: ApiErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    if (shape.issues) this.issues = shape.issues;
    if (shape.details) this.details = shape.details;
  }
  toJSON(): ApiErrorShape {
    return { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}), ...(this.details ? { details: this.details } : {}) };
  }
}

export const CANCELLED = 'cancelled';

// ---------- wire format and the desktop bridge ----------

/** How a result or an error travels over HTTP and Electron IPC. */
export type WireResult = { ok: true; result: unknown } | { ok: false; error: ApiErrorShape };

/** Commands the desktop shell's native menu sends to the renderer. */
export const MENU_COMMANDS = [
  'new-workspace',
  'open-workspace',
  'create-sample',
  'import-file',
  'close-workspace',
  'go-data',
  'go-signals',
  'go-clusters',
  'go-predict',
  'go-rules',
  'go-migration',
  'go-economics',
  'go-export',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * The one object Electron's preload exposes to the page as `window.segwb`. Narrow by design:
 * one generic call carrying the contract's operations, progress, cancellation, and native dialogs.
 */
export interface DesktopBridge {
  send(name: string, args: unknown, jobId: string): Promise<WireResult>;
  cancel(jobId: string): void;
  onProgress(listener: (p: Progress) => void): () => void;
  /** Native open/save dialog for a workspace file; null when the user cancels. */
  pickWorkspace(mode: 'open' | 'create', suggestedName?: string): Promise<string | null>;
  /**
   * Native save dialog for a file the app writes (an export), filtered to `extension` ('csv'; a
   * leading dot is ignored), starting in `dir` (default: the workspaces folder). The extension is
   * added when the name lacks it. Null when the user cancels. Overwriting is confirmed by the caller.
   */
  pickSavePath(options: { title: string; suggestedName: string; extension: string; dir?: string }): Promise<string | null>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** The file-system path of a file dropped on or picked in the page (Electron's webUtils). */
  pathForFile(file: File): string;
}
