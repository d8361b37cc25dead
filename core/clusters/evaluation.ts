// Clusters against the sample workspace's hidden behaviour types: only sample workspaces have
// them (table ground_truth), and they are read here, never by the clustering itself.
import type { Db } from '../store/db.ts';
import { DAY_MS } from '../signals/catalog.ts';
import { formatDay } from '../signals/as-of.ts';
import { adjustedRandIndex } from './agreement.ts';
import type { Assignment } from './profile.ts';
import type { GroundTruthEvaluation } from './types.ts';

/** keys[j] is the key of cluster index j. Null when the workspace has no ground truth for the month before the as-of date. */
export function evaluateAgainstGroundTruth(db: Db, a: Assignment, keys: readonly number[]): GroundTruthEvaluation | null {
  const hasTable = db.get("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'ground_truth'") !== undefined;
  if (!hasTable) return null;
  // The behaviour that shaped the signals is that of the month the as-of date's previous day is in.
  const wanted = formatDay(a.frame.asOf - DAY_MS).slice(0, 7);
  const month = db.get<{ m: string | null }>('SELECT max(month) AS m FROM ground_truth WHERE month <= ?', [wanted])?.m ?? null;
  if (month === null) return null;
  const typeOf = new Map(db.all<{ customer_id: string; behaviour_type: string }>('SELECT customer_id, behaviour_type FROM ground_truth WHERE month = ?', [month]).map((r) => [r.customer_id, r.behaviour_type]));
  const types = [...new Set(typeOf.values())].sort();
  const typeIndex = new Map(types.map((t, i) => [t, i]));
  const clusterLabels: number[] = [];
  const truthLabels: number[] = [];
  const table = keys.map((key) => ({ key, counts: new Array<number>(types.length).fill(0) }));
  for (let i = 0; i < a.labels.length; i++) {
    const type = typeOf.get(a.frame.customerIds[a.frameRows[i]!]!);
    if (type === undefined) continue;
    const t = typeIndex.get(type)!;
    clusterLabels.push(a.labels[i]!);
    truthLabels.push(t);
    table[a.labels[i]!]!.counts[t]!++;
  }
  if (clusterLabels.length === 0) return null;
  return { month, adjustedRandIndex: adjustedRandIndex(clusterLabels, truthLabels), types, table };
}
