// The sample workspace knows each customer's hidden behaviour type per month (ground_truth), which
// signals never read. Phases computed from behaviour alone must line up with those types.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../sample/generate.ts';
import { openDatabase, type Db } from '../store/db.ts';
import { PHASE_NAMES } from '../scoring/phases.ts';
import { tempDir } from '../../test/support/temp.ts';
import { builtInInfos } from './catalog.ts';
import { computeSignals } from './compute.ts';
import { ScoringState } from './scoring-state.ts';
import { defaultSettings } from './settings.ts';

const tmp = tempDir('segwb-truth-');
let db: Db;
const shares = new Map<string, Map<string, number>>();

beforeAll(async () => {
  const path = tmp.file('sample.segwb');
  await generateSample({ path, customers: 8000, seed: 21, months: 12 }, { isCancelled: () => false, progress: () => {} });
  db = openDatabase(path, { readonly: true });
  const frame = computeSignals(db, { asOf: Date.UTC(2026, 0, 1) });
  const scored = new ScoringState(frame).score(defaultSettings(builtInInfos()));
  const truth = new Map(db.all<{ customer_id: string; behaviour_type: string }>("SELECT customer_id, behaviour_type FROM ground_truth WHERE month = '2025-12'").map((r) => [r.customer_id, r.behaviour_type]));
  const counts = new Map<string, Map<string, number>>();
  frame.customerIds.forEach((id, i) => {
    const type = truth.get(id);
    if (!type) return;
    for (const group of [PHASE_NAMES[scored.phase[i]!]!, 'all']) {
      const m = counts.get(group) ?? new Map<string, number>();
      m.set(type, (m.get(type) ?? 0) + 1);
      m.set('*', (m.get('*') ?? 0) + 1);
      counts.set(group, m);
    }
  });
  for (const [group, m] of counts) shares.set(group, new Map([...m].map(([t, n]) => [t, n / m.get('*')!])));
}, 120_000);
afterAll(() => {
  db.close();
  tmp.cleanup();
});

const share = (phase: string, type: string) => shares.get(phase)?.get(type) ?? 0;

describe('phases against the sample ground truth', () => {
  it('decision is rich in comparison shoppers and poor in customers cooling off', () => {
    expect(share('decision', 'comparison_shopper')).toBeGreaterThan(2 * share('all', 'comparison_shopper'));
    expect(share('decision', 'cooling_off')).toBeLessThan(share('all', 'cooling_off') / 2);
  });

  it('retention is rich in loyal repeaters, and window browsers are never retained', () => {
    expect(share('retention', 'loyal_repeater')).toBeGreaterThan(2 * share('all', 'loyal_repeater'));
    expect(share('retention', 'window_browser')).toBeLessThan(0.02);
  });
});
