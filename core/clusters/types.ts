// Types and schemas of the cluster workbench. Part of the API contract (re-exported by
// core/api/contract.ts), so this file stays pure: zod and types only.
import { z } from 'zod';
import { SIGNAL_ID } from '../signals/types.ts';

/**
 * How each signal is put on a common scale before distances are taken.
 * z-score: (x - mean) / sd. robust: (x - median) / (1.4826 MAD), clipped to ±4 so a handful of
 * extreme customers cannot claim a cluster of their own. percentile: share of customers below.
 */
export const CLUSTER_SCALINGS = ['z-score', 'robust', 'percentile'] as const;
export type ClusterScaling = (typeof CLUSTER_SCALINGS)[number];

/**
 * Customers without a value for a chosen signal. signal-policy: the signal's own rule (never
 * purchased -> the worst recency observed; no emails -> the median, i.e. no pull either way).
 * median: always the median. drop: such customers are left out of the clustering.
 */
export const CLUSTER_MISSING = ['signal-policy', 'median', 'drop'] as const;
export type ClusterMissing = (typeof CLUSTER_MISSING)[number];

export const MAX_CLUSTERS = 30;

const signalList = z.array(z.string().regex(SIGNAL_ID)).min(1).max(40);

export const clusterSettingsSchema = z
  .object({
    signals: signalList,
    /** Multiplies a signal's scaled value: 2 makes a difference in it count twice in the distance. Default 1. */
    weights: z.record(z.string().regex(SIGNAL_ID), z.number().min(0).max(10)).default({}),
    scaling: z.enum(CLUSTER_SCALINGS).default('robust'),
    missing: z.enum(CLUSTER_MISSING).default('signal-policy'),
    k: z.number().int().min(2).max(MAX_CLUSTERS),
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
    maxIterations: z.number().int().min(1).max(1000).default(100),
    /** Outcome window after the as-of date for each cluster's conversion rate and revenue. */
    outcomeDays: z.number().int().min(1).max(365).default(30),
  })
  .strict();
export type ClusterSettings = z.output<typeof clusterSettingsSchema>;
export type ClusterSettingsIn = z.input<typeof clusterSettingsSchema>;

/** The settings of choose-k: everything but k itself. */
export const chooseKSettingsSchema = clusterSettingsSchema.omit({ k: true, maxIterations: true, outcomeDays: true }).extend({
  kMin: z.number().int().min(2).max(MAX_CLUSTERS).default(2),
  kMax: z.number().int().min(2).max(MAX_CLUSTERS).default(15),
});
export type ChooseKSettings = z.output<typeof chooseKSettingsSchema>;

export interface ClusterOutcome {
  /** Members who purchased within outcomeDays after the as-of date. */
  converted: number;
  conversionRate: number;
  /** Purchases minus returns in that window, per member. */
  revenuePerCustomer: number;
}

export interface ClusterInfo {
  /** Stable identity: survives re-fits and new as-of dates (matched by centroid), so names, colours and decisions stay attached. */
  key: number;
  name: string;
  generatedName: string;
  renamed: boolean;
  /** CSS colour, fixed per key. */
  colour: string;
  size: number;
  share: number;
  /** Per model signal: the members' mean minus the population mean, in population standard deviations. */
  profile: number[];
  /** Per model signal: the members' mean in the signal's own unit (null when no member has a value). */
  means: (number | null)[];
  /** The signals that set this cluster apart most (|z| descending), at most 3. */
  distinguishing: { signal: string; z: number }[];
  /** Null when the outcome window after the as-of date is not in the data yet. */
  outcome: ClusterOutcome | null;
  /** Mean predicted CLV of the members (the predicted_clv signal of a fitted prediction); null without one. */
  clvPerCustomer: number | null;
  /** The cluster of the previous model this one continues (its name there), and the share of this cluster's members that were in it. */
  continues: { modelId: number; key: number; name: string; overlap: number } | null;
}

export interface GroundTruthEvaluation {
  /** The month of the hidden behaviour types compared (the as-of date's month, or the last before it). */
  month: string;
  adjustedRandIndex: number;
  types: string[];
  /** One row per cluster key: members per type, in `types` order. */
  table: { key: number; counts: number[] }[];
}

export interface ClusterModel {
  modelId: number;
  createdAt: number;
  asOf: string;
  settings: ClusterSettings;
  signals: { id: string; label: string; unit: string }[];
  customers: number;
  clustered: number;
  /** Left out because a chosen signal had no value (missing = drop). */
  dropped: number;
  iterations: number;
  converged: boolean;
  /** Sum of squared distances to the assigned centroids, in the scaled space. */
  inertia: number;
  fitMs: number;
  outcome: { days: number; complete: boolean; baseRate: number; revenuePerCustomer: number } | null;
  clusters: ClusterInfo[];
  previousModelId: number | null;
  /** True while this session holds the model's assignments (members, projection, explanations). */
  live: boolean;
  evaluation: GroundTruthEvaluation | null;
}

export interface ClusterModelListItem {
  modelId: number;
  createdAt: number;
  asOf: string;
  k: number;
  signals: number;
  names: string[];
}

export interface KCandidate {
  k: number;
  /** Mean squared distance to the nearest centroid (inertia per customer) on the sample. */
  inertiaPerCustomer: number;
  /** Mean silhouette on the silhouette sample, -1..1. */
  silhouette: number;
  /** Mean adjusted Rand index between fits with different seeds, 0..1 (1 = always the same clusters). */
  stability: number;
}

export interface KRecommendation {
  sampleSize: number;
  silhouetteSampleSize: number;
  seeds: number[];
  candidates: KCandidate[];
  recommended: number;
  reason: string;
}

export interface ClusterProjection {
  modelId: number;
  x: number[];
  y: number[];
  /** Cluster key per point. */
  key: number[];
  /** Row of the customer in the model's assignment (for cluster-members with `rows`). */
  row: number[];
  sampled: boolean;
  total: number;
  /** Share of the variance along each axis. */
  explained: [number, number];
  /** What each axis mostly measures: the signals with the largest loadings, with sign. */
  axes: [{ signal: string; loading: number }[], { signal: string; loading: number }[]];
}

export interface ClusterMember {
  row: number;
  customerId: string;
  key: number;
  distance: number;
  /** Raw values of the model's signals, in model order (null = no value). */
  values: (number | null)[];
}

export interface ClusterMemberPage {
  total: number;
  offset: number;
  rows: ClusterMember[];
}

export interface ClusterExplanation {
  customerId: string;
  key: number;
  distance: number;
  /** Distances to every centroid, nearest first. */
  distances: { key: number; distance: number }[];
  /**
   * Signals that pull the customer to this centroid rather than the next nearest, strongest first:
   * the customer's value, where each centroid lies in the signal's own unit, and the share of the pull.
   */
  reasons: { signal: string; value: number | null; clusterMean: number | null; otherMean: number | null; pull: number }[];
  text: string;
}

/** What a new clustering starts with: value, engagement, intent, channel, timing and price behaviour. */
export const DEFAULT_CLUSTER_SIGNALS: readonly string[] = [
  'days_since_purchase',
  'orders',
  'revenue',
  'days_since_visit',
  'sessions_30d',
  'pricing_days_30d',
  'email_open_rate_90d',
  'mobile_share_90d',
  'evening_share_90d',
  'discount_share',
  'return_rate',
  'support_contacts_90d',
];
