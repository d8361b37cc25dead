// Funnel phases from scores: one byte per customer, so a million customers re-phase in a few ms.
import { PHASES, type Phase } from '../signals/types.ts';

export const PHASE_CODE = { orientation: 0, consideration: 1, decision: 2, retention: 3 } as const satisfies Record<Phase, number>;

/** Phase names indexed by code (PHASES is declared in code order). */
export const PHASE_NAMES: readonly Phase[] = PHASES;

/**
 * Retained customers (bought recently and still active) are in retention whatever their score;
 * everyone else is placed by score: >= decision, >= consideration, otherwise orientation.
 * A NaN score lands in orientation.
 */
export function assignPhases(
  score: Float32Array,
  thresholds: { consideration: number; decision: number },
  retained: Uint8Array,
  out?: Uint8Array,
): Uint8Array {
  const n = score.length;
  if (retained.length !== n) throw new Error(`assignPhases: ${n} scores but ${retained.length} retention flags`);
  const phase = out ?? new Uint8Array(n);
  if (phase.length !== n) throw new Error(`assignPhases: the output holds ${phase.length} customers, the scores ${n}`);
  const { consideration, decision } = thresholds;
  for (let i = 0; i < n; i++) {
    const s = score[i]!;
    phase[i] =
      retained[i] === 1
        ? PHASE_CODE.retention
        : s >= decision
          ? PHASE_CODE.decision
          : s >= consideration
            ? PHASE_CODE.consideration
            : PHASE_CODE.orientation;
  }
  return phase;
}

/** 1 where the customer purchased within purchaseWithinDays and was active within activeWithinDays. */
export function retainedMask(
  daysSincePurchase: Float64Array,
  daysSinceActive: Float64Array,
  purchaseWithinDays: number,
  activeWithinDays: number,
): Uint8Array {
  const n = daysSincePurchase.length;
  if (daysSinceActive.length !== n) throw new Error(`retainedMask: ${n} purchase recencies but ${daysSinceActive.length} activity recencies`);
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    // Comparisons with NaN are false, so a customer without either date is never retained.
    mask[i] = daysSincePurchase[i]! <= purchaseWithinDays && daysSinceActive[i]! <= activeWithinDays ? 1 : 0;
  }
  return mask;
}

export function countPhases(phase: Uint8Array): Record<Phase, number> {
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < phase.length; i++) {
    const code = phase[i]!;
    if (code > 3) throw new Error(`countPhases: customer ${i} has phase code ${code}, expected 0..3`);
    counts[code]!++;
  }
  return { orientation: counts[0]!, consideration: counts[1]!, decision: counts[2]!, retention: counts[3]! };
}
