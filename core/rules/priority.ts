// The priority list turns overlapping segments into one primary segment per customer (so nobody
// gets two campaigns the same day), and shows what each segment takes from those below it.
import type { PriorityAnalysis, SavedSegment } from './types.ts';

export interface PrimaryAssignment {
  /** Index into the segments (priority order) of each customer's primary segment, -1 for none. */
  primary: Int32Array;
  masks: Uint8Array[];
}

export function assignPrimary(masks: readonly Uint8Array[], n: number): Int32Array {
  const primary = new Int32Array(n).fill(-1);
  for (let s = masks.length - 1; s >= 0; s--) {
    const m = masks[s]!;
    for (let i = 0; i < n; i++) if (m[i]) primary[i] = s;
  }
  return primary;
}

export function analysePriority(segments: readonly SavedSegment[], masks: readonly Uint8Array[], n: number, asOf: string): PriorityAnalysis {
  const primary = assignPrimary(masks, n);
  const k = segments.length;
  const takes = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const members = new Array<number>(k).fill(0);
  const primaryCount = new Array<number>(k).fill(0);
  let unassigned = 0;
  for (let i = 0; i < n; i++) {
    const p = primary[i]!;
    if (p < 0) {
      unassigned++;
      continue;
    }
    primaryCount[p]!++;
    // What the primary segment takes from every lower segment that also holds this customer.
    for (let j = p + 1; j < k; j++) if (masks[j]![i]) takes[p]![j]!++;
  }
  for (let s = 0; s < k; s++) {
    const m = masks[s]!;
    for (let i = 0; i < n; i++) members[s]! += m[i]!;
  }
  return {
    asOf,
    customers: n,
    rows: segments.map((s, i) => ({ segmentId: s.segmentId, name: s.name, members: members[i]!, primary: primaryCount[i]!, claimedAbove: members[i]! - primaryCount[i]! })),
    takes,
    unassigned,
  };
}
