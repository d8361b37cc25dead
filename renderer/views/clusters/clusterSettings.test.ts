import { describe, expect, it } from 'vitest';
import type { ClusterSettings, SignalInfo } from '../../../core/api/contract.ts';
import {
  chooseKKey,
  chooseKSettingsOf,
  clampClusterWeight,
  defaultClusterSettings,
  fitKey,
  groupForPicker,
  knownSettings,
  MAX_CLUSTER_SIGNALS,
  settingsProblem,
  weightOf,
  withSignal,
  withSignals,
  withSignalWeight,
} from './clusterSettings.ts';

const info = (id: string, group: SignalInfo['group'], label = id): SignalInfo => ({
  id,
  label,
  description: `${label} description`,
  group,
  unit: 'count',
  direction: 1,
  missing: 'worst',
  windowDays: null,
  builtIn: true,
  defaultWeight: 0,
});

const CATALOG = [info('orders', 'value', 'Orders'), info('revenue', 'value', 'Revenue'), info('sessions_30d', 'engagement', 'Sessions'), info('pricing_days_30d', 'intent', 'Pricing days')];

const base: ClusterSettings = { signals: ['orders', 'revenue'], weights: {}, scaling: 'robust', missing: 'signal-policy', k: 5, seed: 1, maxIterations: 100, outcomeDays: 30 };

describe('cluster settings', () => {
  it('start from the default signals this workspace has', () => {
    const s = defaultClusterSettings(CATALOG);
    expect(s.signals).toEqual(['days_since_purchase', 'orders', 'revenue', 'sessions_30d', 'pricing_days_30d'].filter((id) => CATALOG.some((c) => c.id === id)));
    expect(s).toMatchObject({ scaling: 'robust', missing: 'signal-policy', k: 6, seed: 1, outcomeDays: 30 });
  });

  it('drop signals a stored model used but the catalogue no longer has', () => {
    const s = knownSettings({ ...base, signals: ['orders', 'gone'], weights: { gone: 2, orders: 3 } }, CATALOG);
    expect(s.signals).toEqual(['orders']);
    expect(s.weights).toEqual({ orders: 3 });
  });

  it('add and remove signals, removing their weight too', () => {
    const added = withSignal(base, 'sessions_30d', true);
    expect(added.signals).toEqual(['orders', 'revenue', 'sessions_30d']);
    expect(withSignal(added, 'sessions_30d', true)).toBe(added);
    const weighted = withSignalWeight(added, 'revenue', 2);
    const removed = withSignal(weighted, 'revenue', false);
    expect(removed.signals).toEqual(['orders', 'sessions_30d']);
    expect(removed.weights).toEqual({});
  });

  it('never take more signals than the contract allows', () => {
    const full = withSignals(base, Array.from({ length: MAX_CLUSTER_SIGNALS }, (_, i) => `s${i}`));
    expect(withSignal(full, 'orders', true)).toBe(full);
    expect(withSignals(base, Array.from({ length: 50 }, (_, i) => `s${i}`)).signals).toHaveLength(MAX_CLUSTER_SIGNALS);
  });

  it('keep weights in 0..10, store only those that are not 1', () => {
    expect(clampClusterWeight(12)).toBe(10);
    expect(clampClusterWeight(-1)).toBe(0);
    expect(clampClusterWeight(1.26)).toBe(1.3);
    expect(clampClusterWeight(NaN)).toBe(1);
    const w = withSignalWeight(base, 'orders', 2.5);
    expect(w.weights).toEqual({ orders: 2.5 });
    expect(weightOf(w, 'orders')).toBe(2.5);
    expect(weightOf(w, 'revenue')).toBe(1);
    expect(withSignalWeight(w, 'orders', 1).weights).toEqual({});
    expect(withSignalWeight(base, 'orders', 1)).toBe(base);
  });

  it('key choose-k by everything but k, and fits by everything', () => {
    const k9: ClusterSettings = { ...base, k: 9 };
    expect(chooseKKey(k9)).toBe(chooseKKey(base));
    expect(chooseKKey({ ...base, seed: 2 })).not.toBe(chooseKKey(base));
    // A weight of 1 written out is the same as none.
    expect(chooseKKey({ ...base, weights: { orders: 1 } })).toBe(chooseKKey(base));
    expect(fitKey({ ...base, k: 9 })).not.toBe(fitKey(base));
    expect(fitKey({ ...base, outcomeDays: 60 })).not.toBe(fitKey(base));
    expect(chooseKSettingsOf(base)).toEqual({ signals: ['orders', 'revenue'], weights: {}, scaling: 'robust', missing: 'signal-policy', seed: 1, kMin: 2, kMax: 15 });
  });

  it('say why a set-up cannot be fitted', () => {
    expect(settingsProblem(base)).toBeNull();
    expect(settingsProblem({ ...base, signals: [] })).toMatch(/at least one signal/);
    expect(settingsProblem({ ...base, weights: { orders: 0, revenue: 0 } })).toMatch(/weight 0/);
    expect(settingsProblem({ ...base, k: 1 })).toMatch(/between 2 and 30/);
  });

  it('group the catalogue like the Signals view, filtered', () => {
    expect(groupForPicker(CATALOG, [], '', false).map((g) => g.group)).toEqual(['value', 'engagement', 'intent']);
    expect(groupForPicker(CATALOG, [], 'pric', false).flatMap((g) => g.signals.map((s) => s.id))).toEqual(['pricing_days_30d']);
    expect(groupForPicker(CATALOG, ['revenue'], '', true).flatMap((g) => g.signals.map((s) => s.id))).toEqual(['revenue']);
  });
});
