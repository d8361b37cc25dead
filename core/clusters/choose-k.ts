// Which k to recommend: the best mean silhouette among the k whose clusters come out the same
// whatever the seed (stable), with the elbow of the inertia curve reported alongside. Silhouette
// rewards separated, compact clusters; stability guards against a k that is an accident of the start.
import type { KCandidate } from './types.ts';

/** Mean pairwise ARI across seeds at or above this counts as stable. */
export const STABLE_ARI = 0.8;

/** Kneedle on the inertia curve: the k farthest below the straight line from the first to the last k. */
export function elbowK(candidates: readonly KCandidate[]): number | null {
  if (candidates.length < 3) return null;
  const first = candidates[0]!;
  const last = candidates[candidates.length - 1]!;
  const span = first.inertiaPerCustomer - last.inertiaPerCustomer;
  if (!(span > 0)) return null;
  let best: KCandidate | null = null;
  let bestGap = 0;
  for (const c of candidates) {
    const x = (c.k - first.k) / (last.k - first.k);
    const y = (c.inertiaPerCustomer - last.inertiaPerCustomer) / span;
    const gap = 1 - x - y;
    if (gap > bestGap) {
      bestGap = gap;
      best = c;
    }
  }
  return best?.k ?? null;
}

const fmt = (v: number) => v.toFixed(2);

/** An elbow k whose silhouette is at most this far below the best separates about as well. */
export const SILHOUETTE_SLACK = 0.05;

/**
 * The best silhouette among stable k, unless the elbow of the inertia curve is stable and separates
 * nearly as well: customer data often has a flat silhouette curve that peaks at k = 2 by a hair,
 * while the elbow marks where more clusters stop explaining much more of the differences.
 */
export function recommendK(candidates: KCandidate[], seeds: number): { candidates: KCandidate[]; recommended: number; reason: string } {
  if (candidates.length === 0) throw new Error('no k candidates to choose from');
  const stable = candidates.filter((c) => c.stability >= STABLE_ARI);
  const pool = stable.length ? stable : candidates;
  const best = pool.reduce((a, b) => (b.silhouette > a.silhouette + 1e-9 ? b : a));
  const elbowAt = elbowK(candidates);
  const elbow = pool.find((c) => c.k === elbowAt) ?? null;
  const useElbow = elbow !== null && elbow.k !== best.k && elbow.silhouette >= best.silhouette - SILHOUETTE_SLACK;
  const chosen = useElbow ? elbow : best;
  const parts: string[] = [];
  if (useElbow) {
    parts.push(
      `k = ${chosen.k} is where the inertia curve bends, and its silhouette (${fmt(chosen.silhouette)}) is within ${SILHOUETTE_SLACK} of the best (${fmt(best.silhouette)} at k = ${best.k}), so the extra clusters separate about as well`,
    );
  } else {
    parts.push(`k = ${chosen.k} has the highest silhouette (${fmt(chosen.silhouette)})${stable.length ? ' of the k that give the same clusters whatever the seed' : ''}`);
    if (elbowAt !== null) parts.push(elbowAt === chosen.k ? 'the inertia curve bends at the same k' : `the inertia curve bends at k = ${elbowAt}`);
  }
  parts.push(
    stable.length
      ? `it gives the same clusters across ${seeds} seeds (adjusted Rand index ${fmt(chosen.stability)})`
      : `no k gave the same clusters across ${seeds} seeds (best agreement ${fmt(Math.max(...candidates.map((c) => c.stability)))}), so treat every choice as tentative`,
  );
  if (chosen.silhouette < 0.25) parts.push('a silhouette below 0.25 means the clusters overlap: they are regions of a continuum rather than separate groups');
  return { candidates, recommended: chosen.k, reason: `${parts.join('; ')}.` };
}
