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
