// Exports: the shapes that cross the API (re-exported by the contract). Pure.
import type { DataFingerprint } from './bundle/schema.ts';

export type { DataFingerprint };

export interface BundleExportResult {
  path: string;
  bytes: number;
  asOf: string;
  fingerprint: DataFingerprint;
  segments: number;
  clusterModel: number | null;
}

export interface ApplySummary {
  segments: number;
  replacedSegments: number;
  customSignals: number;
  taxonomyRules: number;
  decisions: number;
  /** The id the cluster model got here (null: the bundle has none). */
  modelId: number | null;
}

export interface SizeCheck {
  segmentation: string;
  key: string;
  expected: number;
  actual: number;
}

export interface BundleImportResult extends ApplySummary {
  asOf: string;
  sameData: boolean;
  /** Sizes at the bundle's date that differ from the bundle's (empty: membership reproduced). */
  differences: SizeCheck[];
}

export interface BundleChange {
  area: 'weights' | 'thresholds' | 'signals' | 'taxonomy' | 'clusters' | 'rfm' | 'segments' | 'priority' | 'decisions' | 'settings';
  /** What changed, in words ("days_since_purchase", "Repeat buyers", "centroid of cluster 3 (Bargain hunters)"). */
  item: string;
  kind: 'added' | 'removed' | 'changed';
  /** The value before and after, as text (JSON for structures); null where there is none. */
  before: string | null;
  after: string | null;
  /** For numbers: after − before (weights), or the distance a centroid moved in the model's scaled units. */
  amount?: number;
}

export interface BundleDiff {
  from: { asOf: string; createdAt: string };
  to: { asOf: string; createdAt: string };
  /** Both built on the same data (same fingerprint). */
  sameData: boolean;
  changes: BundleChange[];
}

export interface PmmlExportResult {
  path: string;
  bytes: number;
  modelId: number;
  clusters: number;
  signals: number;
}

export interface ScorecardPmmlExportResult {
  path: string;
  bytes: number;
  /** The export date (YYYY-MM-DD) whose population the percentile bins and robust-z constants come from. */
  asOf: string;
  /** Weighted signals in the scorecard. */
  signals: number;
}

export interface SqlPreview {
  dialect: 'sqlite' | 'postgres';
  /** The date the script computes as of (a refresh moves it). */
  asOf: string;
  /** The whole script. */
  text: string;
  /** What the script creates for readers, in order (views, and the snapshots of signals and scores). */
  views: string[];
  membershipView: string;
  signals: number;
  segments: number;
  clusterModels: number[];
}

export type SqlExportResult = Omit<SqlPreview, 'text'> & { path: string; bytes: number };
