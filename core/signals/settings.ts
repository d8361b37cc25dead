// Scoring settings persist in the workspace (workbench_settings 'scoring'). A workspace without
// any gets defaults from the signal catalogue; weights of signals that no longer exist are dropped.
import type { Db } from '../store/db.ts';
import { readSetting, writeSetting } from '../store/settings.ts';
import { PHASES, scoringSettingsSchema, type PhaseAction, type Phase, type ScoringSettings, type SignalInfo } from './types.ts';

const KEY = 'scoring';

export const DEFAULT_ACTIONS: Record<Phase, PhaseAction> = {
  orientation: {
    behaviour: 'Occasional visits to content and categories; no pricing, cart or checkout yet',
    format: 'Inspiring content, newsletter, social proof',
    goal: 'Awareness and a first return visit',
  },
  consideration: {
    behaviour: 'Compares products, reads reviews, FAQ, shipping and returns pages',
    format: 'Comparison guides, reviews, answers in targeted email',
    goal: 'Answer the open questions; get onto the shortlist',
  },
  decision: {
    behaviour: 'Repeated pricing visits, cart adds and checkout starts, visits closer together',
    format: 'Personal follow-up, cart reminder, sales handover',
    goal: 'Close the purchase',
  },
  retention: {
    behaviour: 'Bought recently and keeps interacting',
    format: 'Onboarding, care tips, loyalty offers, cross-sell',
    goal: 'Second purchase, lower churn',
  },
};

export function defaultSettings(signals: readonly SignalInfo[]): ScoringSettings {
  return {
    weights: Object.fromEntries(signals.filter((s) => s.defaultWeight !== 0).map((s) => [s.id, s.defaultWeight])),
    normalisation: 'percentile',
    thresholds: { consideration: 20, decision: 45 },
    retention: { purchaseWithinDays: 90, activeWithinDays: 30 },
    actions: { ...DEFAULT_ACTIONS },
    asOf: null,
    outcomeDays: 30,
  };
}

/** Keeps only weights of signals that exist, and fills phases missing from the action matrix. */
export function reconcileSettings(settings: ScoringSettings, signals: readonly SignalInfo[]): ScoringSettings {
  const known = new Set(signals.map((s) => s.id));
  const actions = { ...settings.actions };
  for (const p of PHASES) actions[p] ??= DEFAULT_ACTIONS[p];
  return { ...settings, weights: Object.fromEntries(Object.entries(settings.weights).filter(([id]) => known.has(id))), actions };
}

export function loadSettings(db: Db, signals: readonly SignalInfo[]): ScoringSettings {
  const row = readSetting(db, KEY);
  if (!row) return defaultSettings(signals);
  const parsed = scoringSettingsSchema.safeParse(row.value);
  // Settings written by another version that no longer validate: start from defaults rather than fail.
  return parsed.success ? reconcileSettings(parsed.data, signals) : defaultSettings(signals);
}

export function saveSettings(db: Db, settings: ScoringSettings, signals: readonly SignalInfo[]): ScoringSettings {
  const clean = reconcileSettings(settings, signals);
  writeSetting(db, KEY, clean);
  return clean;
}
