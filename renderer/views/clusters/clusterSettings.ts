// The clustering set-up as the analyst edits it: which signals, their weights, scaling, missing
// values, k, seed and the outcome window. Pure helpers shared by the store and the set-up panel.
import {
  DEFAULT_CLUSTER_SIGNALS,
  MAX_CLUSTERS,
  SIGNAL_GROUPS,
  type ChooseKSettings,
  type ClusterSettings,
  type SignalInfo,
} from '../../../core/api/contract.ts';
import { GROUP_LABELS, matchesFilter, type SignalGroupRows } from '../../lib/scoringWeights.ts';

/** What the contract accepts (clusterSettingsSchema). */
export const MAX_CLUSTER_SIGNALS = 40;
export const MIN_K = 2;
export const MAX_K = MAX_CLUSTERS;
export const DEFAULT_K = 6;
export const WEIGHT_MIN = 0;
export const WEIGHT_MAX = 10;
export const OUTCOME_DAYS_MAX = 365;
export const SEED_MAX = 2 ** 31 - 1;
/** The range choose-k scans when nothing else is asked for (the contract's defaults). */
export const CHOOSE_K_MIN = 2;
export const CHOOSE_K_MAX = 15;

/** A new clustering: the default signals that this workspace has, robust scaling, k = 6. */
export function defaultClusterSettings(catalog: readonly SignalInfo[]): ClusterSettings {
  const known = new Set(catalog.map((s) => s.id));
  return {
    signals: DEFAULT_CLUSTER_SIGNALS.filter((id) => known.has(id)),
    weights: {},
    scaling: 'robust',
    missing: 'signal-policy',
    k: DEFAULT_K,
    seed: 1,
    maxIterations: 100,
    outcomeDays: 30,
  };
}

/** A copy of settings (from a stored model) without signals the catalogue no longer has. */
export function knownSettings(settings: ClusterSettings, catalog: readonly SignalInfo[]): ClusterSettings {
  const known = new Set(catalog.map((s) => s.id));
  const signals = settings.signals.filter((id) => known.has(id));
  const weights = Object.fromEntries(Object.entries(settings.weights).filter(([id]) => known.has(id)));
  return { ...settings, signals, weights };
}

/** Adds a signal at the end, or removes it together with its weight. */
export function withSignal(settings: ClusterSettings, id: string, on: boolean): ClusterSettings {
  const has = settings.signals.includes(id);
  if (on === has) return settings;
  if (on) {
    if (settings.signals.length >= MAX_CLUSTER_SIGNALS) return settings;
    return { ...settings, signals: [...settings.signals, id] };
  }
  const weights = { ...settings.weights };
  delete weights[id];
  return { ...settings, signals: settings.signals.filter((s) => s !== id), weights };
}

/** Exactly these signals (Defaults, None), in the given order. */
export function withSignals(settings: ClusterSettings, ids: readonly string[]): ClusterSettings {
  const keep = new Set(ids);
  const weights = Object.fromEntries(Object.entries(settings.weights).filter(([id]) => keep.has(id)));
  return { ...settings, signals: ids.slice(0, MAX_CLUSTER_SIGNALS), weights };
}

/** 0..10 in steps of 0.1; anything unreadable is the default 1. */
export function clampClusterWeight(value: number): number {
  if (!Number.isFinite(value)) return 1;
  return Math.round(Math.max(WEIGHT_MIN, Math.min(WEIGHT_MAX, value)) * 10) / 10;
}

/** The weight of a chosen signal (1 unless set). */
export function weightOf(settings: ClusterSettings, id: string): number {
  return settings.weights[id] ?? 1;
}

/** A weight of 1 is the default and is not stored, so equal set-ups compare equal. */
export function withSignalWeight(settings: ClusterSettings, id: string, value: number): ClusterSettings {
  const w = clampClusterWeight(value);
  if (weightOf(settings, id) === w) return settings;
  const weights = { ...settings.weights };
  if (w === 1) delete weights[id];
  else weights[id] = w;
  return { ...settings, weights };
}

/** The choose-k request for these settings: everything but k, the iteration cap and the outcome window. */
export function chooseKSettingsOf(s: ClusterSettings, kMin = CHOOSE_K_MIN, kMax = CHOOSE_K_MAX): ChooseKSettings {
  return { signals: [...s.signals], weights: { ...s.weights }, scaling: s.scaling, missing: s.missing, seed: s.seed, kMin, kMax };
}

function sortedWeights(weights: Record<string, number>): Array<[string, number]> {
  return Object.entries(weights)
    .filter(([, w]) => w !== 1)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** What a choose-k answer depends on; a recommendation is current while this key matches. */
export function chooseKKey(s: Pick<ClusterSettings, 'signals' | 'weights' | 'scaling' | 'missing' | 'seed'>): string {
  return JSON.stringify([s.signals, sortedWeights(s.weights), s.scaling, s.missing, s.seed]);
}

/** What a fit depends on: the set-up differs from a model's when these keys differ. */
export function fitKey(s: ClusterSettings): string {
  return JSON.stringify([chooseKKey(s), s.k, s.maxIterations, s.outcomeDays]);
}

/** Why these settings cannot be fitted yet, in words; null when they can. */
export function settingsProblem(s: ClusterSettings): string | null {
  if (s.signals.length === 0) return 'Choose at least one signal to cluster on.';
  if (s.signals.every((id) => weightOf(s, id) === 0)) return 'Every chosen signal has weight 0: give at least one a weight above 0.';
  if (s.k < MIN_K || s.k > MAX_K) return `k must be between ${MIN_K} and ${MAX_K}.`;
  return null;
}

/** The catalogue grouped as in the Signals view, filtered by text; chosen signals stay visible. */
export function groupForPicker(catalog: readonly SignalInfo[], chosen: readonly string[], filter: string, onlyChosen: boolean): SignalGroupRows[] {
  const picked = new Set(chosen);
  const rows: SignalGroupRows[] = [];
  for (const group of SIGNAL_GROUPS) {
    const signals = catalog.filter((s) => s.group === group && (onlyChosen ? picked.has(s.id) : true) && matchesFilter(s, filter));
    if (signals.length) rows.push({ group, label: GROUP_LABELS[group], signals });
  }
  return rows;
}
