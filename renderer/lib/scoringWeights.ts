// Weights of the intent score as the sliders edit them: signal id -> -100..100, where a missing
// entry means 0 ("not part of the score"). Pure helpers shared by the store and the view.
import { SIGNAL_GROUPS, type SignalGroup, type SignalInfo } from '../../core/api/contract.ts';

export type Weights = Record<string, number>;

export const WEIGHT_MIN = -100;
export const WEIGHT_MAX = 100;
/** What "Equal weights" gives every signal in the score: mid-scale, so each can still go up or down. */
export const EQUAL_WEIGHT = 50;

export const GROUP_LABELS: Record<SignalGroup, string> = {
  value: 'Value (RFM)',
  engagement: 'Engagement',
  intent: 'Intent',
  channel: 'Channel',
  timing: 'Timing',
  price: 'Price sensitivity',
  service: 'Service',
  custom: 'Your signals',
};

/** A whole number within -100..100; anything unreadable is 0. */
export function clampWeight(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.max(WEIGHT_MIN, Math.min(WEIGHT_MAX, Math.round(value)));
}

/** The weights with one signal changed; a weight of 0 removes the entry. */
export function withWeight(weights: Weights, id: string, value: number): Weights {
  const w = clampWeight(value);
  const next = { ...weights };
  if (w === 0) delete next[id];
  else next[id] = w;
  return next;
}

/** The catalogue's default weights (what a new workspace starts with). */
export function defaultWeights(catalog: readonly SignalInfo[]): Weights {
  const out: Weights = {};
  for (const s of catalog) if (s.defaultWeight !== 0) out[s.id] = clampWeight(s.defaultWeight);
  return out;
}

/**
 * Every signal now in the score at the same strength, each keeping its sign (a signal the analyst
 * set to count against intent still does). With nothing in the score, every signal counts.
 */
export function equalWeights(current: Weights, catalog: readonly SignalInfo[]): Weights {
  const known = new Set(catalog.map((s) => s.id));
  const used = Object.entries(current).filter(([id, w]) => w !== 0 && known.has(id));
  if (used.length === 0) return Object.fromEntries(catalog.map((s) => [s.id, EQUAL_WEIGHT]));
  return Object.fromEntries(used.map(([id, w]) => [id, w < 0 ? -EQUAL_WEIGHT : EQUAL_WEIGHT]));
}

/** share = 0 keeps `current`, 1 takes `suggested`, 0.5 averages them; zeros are dropped. */
export function blendWeights(current: Weights, suggested: Weights, share = 0.5): Weights {
  const out: Weights = {};
  for (const id of new Set([...Object.keys(current), ...Object.keys(suggested)])) {
    const w = clampWeight((1 - share) * (current[id] ?? 0) + share * (suggested[id] ?? 0));
    if (w !== 0) out[id] = w;
  }
  return out;
}

/** Signals with a non-zero weight. */
export function weightedCount(weights: Weights): number {
  return Object.values(weights).filter((w) => w !== 0).length;
}

export interface SignalGroupRows {
  group: SignalGroup;
  label: string;
  signals: SignalInfo[];
}

/** Does the signal match the filter text (label, id, description or group, any case)? */
export function matchesFilter(s: SignalInfo, filter: string): boolean {
  const q = filter.trim().toLowerCase();
  if (!q) return true;
  return [s.label, s.id, s.description, s.group, GROUP_LABELS[s.group]].some((t) => t.toLowerCase().includes(q));
}

/** The catalogue in group order, filtered; groups without a matching signal are left out. */
export function groupCatalog(catalog: readonly SignalInfo[], filter = '', onlyWeighted: Weights | null = null): SignalGroupRows[] {
  const rows: SignalGroupRows[] = [];
  for (const group of SIGNAL_GROUPS) {
    const signals = catalog.filter((s) => s.group === group && matchesFilter(s, filter) && (onlyWeighted === null || (onlyWeighted[s.id] ?? 0) !== 0));
    if (signals.length) rows.push({ group, label: GROUP_LABELS[group], signals });
  }
  return rows;
}
