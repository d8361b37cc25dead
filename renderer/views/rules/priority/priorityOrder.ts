// The priority list as the analyst reorders it: the saved order, moving a segment by drag, by
// keyboard or by buttons, what a drop position means, and reading the analysis (who takes from
// whom, whether the counts add up). Pure.
import type { PriorityAnalysis, SavedSegment } from '../../../../core/api/contract.ts';
import { dirName, joinPath, workspaceFileName } from '../../../lib/paths.ts';
import { moveItem } from '../rfm/rfmSettings.ts';

export { moveItem };

/** Segment ids in priority order (first claims its customers first). */
export function orderOf(segments: readonly SavedSegment[]): number[] {
  return [...segments].sort((a, b) => a.priority - b.priority || a.segmentId - b.segmentId).map((s) => s.segmentId);
}

export function sameOrder(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The segments in the given order; segments the order does not know yet go at the end. */
export function inOrder(segments: readonly SavedSegment[], order: readonly number[]): SavedSegment[] {
  const byId = new Map(segments.map((s) => [s.segmentId, s]));
  const known = order.map((id) => byId.get(id)).filter((s): s is SavedSegment => s !== undefined);
  const rest = segments.filter((s) => !order.includes(s.segmentId)).sort((a, b) => a.priority - b.priority || a.segmentId - b.segmentId);
  return [...known, ...rest];
}

/** Moves one segment by `delta` places (clamped); the same array when it cannot move. */
export function moveBy(order: readonly number[], segmentId: number, delta: number): number[] {
  const from = order.indexOf(segmentId);
  if (from < 0) return order as number[];
  return moveItem(order, from, from + delta);
}

/**
 * Where a dragged item lands when dropped on the upper or lower half of the item at `over`:
 * the index it takes in the list after it has been taken out.
 */
export function dropTarget(from: number, over: number, half: 'before' | 'after'): number {
  const slot = half === 'before' ? over : over + 1;
  return slot > from ? slot - 1 : slot;
}

/** Keyboard moves on a focused row: Alt+↑/↓ one place, Alt+Home/End to the top or bottom. */
export function keyboardDelta(e: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean }, index: number, length: number): number | null {
  if (!e.altKey || e.ctrlKey || e.metaKey) return null;
  if (e.key === 'ArrowUp') return index > 0 ? -1 : 0;
  if (e.key === 'ArrowDown') return index < length - 1 ? 1 : 0;
  if (e.key === 'Home') return -index;
  if (e.key === 'End') return length - 1 - index;
  return null;
}

export function positionText(name: string, index: number, length: number): string {
  return `${name}: position ${index + 1} of ${length}`;
}

// ---------- the analysis ----------

export interface Take {
  segmentId: number;
  name: string;
  customers: number;
}

/** Customers segment i takes from each lower segment, largest first (the per-row breakdown). */
export function takesFrom(a: PriorityAnalysis, i: number): Take[] {
  const out: Take[] = [];
  a.rows.forEach((row, j) => {
    const n = j > i ? (a.takes[i]?.[j] ?? 0) : 0;
    if (n > 0) out.push({ segmentId: row.segmentId, name: row.name, customers: n });
  });
  return out.sort((x, y) => y.customers - x.customers);
}

/** Customers the segments above i take from it, largest first. */
export function takenBy(a: PriorityAnalysis, i: number): Take[] {
  const out: Take[] = [];
  a.rows.forEach((row, j) => {
    const n = j < i ? (a.takes[j]?.[i] ?? 0) : 0;
    if (n > 0) out.push({ segmentId: row.segmentId, name: row.name, customers: n });
  });
  return out.sort((x, y) => y.customers - x.customers);
}

/** The largest number any segment takes from another (for shading the matrix). */
export function maxTake(a: PriorityAnalysis): number {
  let max = 0;
  a.takes.forEach((row, i) => row.forEach((n, j) => (j > i && n > max ? (max = n) : 0)));
  return max;
}

export interface Totals {
  primary: number;
  unassigned: number;
  customers: number;
  /** Every customer has exactly one primary segment or none. */
  consistent: boolean;
}

export function totals(a: PriorityAnalysis): Totals {
  const primary = a.rows.reduce((s, r) => s + r.primary, 0);
  return { primary, unassigned: a.unassigned, customers: a.customers, consistent: primary + a.unassigned === a.customers };
}

/** The analysis belongs to this order (it is stale while a new order is being saved). */
export function analysisMatches(a: PriorityAnalysis, order: readonly number[]): boolean {
  return sameOrder(
    a.rows.map((r) => r.segmentId),
    order,
  );
}

// ---------- export ----------

/** Next to the workspace file: "<workspace>-primary-segments.csv". */
export function defaultExportPath(workspacePath: string, workspaceName: string): string {
  return joinPath(dirName(workspacePath), workspaceFileName(workspaceName, 'primary-segments.csv'));
}
