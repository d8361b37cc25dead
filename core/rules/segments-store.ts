// Saved rule segments (tables segments and segment_versions). A change to the name, description or
// rule makes a new version; the old one stays readable. New segments join the end of the priority list.
import { ApiError } from '../api/contract.ts';
import type { Db } from '../store/db.ts';
import { leavesOf } from './evaluate.ts';
import type { RuleGroup, SavedSegment, SegmentationRef } from './types.ts';

interface Row {
  segment_id: number;
  name: string;
  description: string;
  definition: string;
  version: number;
  priority: number;
  created_at: number;
  updated_at: number;
}

const decode = (r: Row): SavedSegment => ({
  segmentId: r.segment_id,
  name: r.name,
  description: r.description,
  rule: JSON.parse(r.definition) as RuleGroup,
  version: r.version,
  priority: r.priority,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** In priority order. */
export function listSegments(db: Db): SavedSegment[] {
  return db.all<Row>('SELECT * FROM segments ORDER BY priority, segment_id').map(decode);
}

export function requireSegment(db: Db, segmentId: number): SavedSegment {
  const row = db.get<Row>('SELECT * FROM segments WHERE segment_id = ?', [segmentId]);
  if (!row) throw new ApiError({ code: 'segment-not-found', message: `There is no saved segment ${segmentId} in this workspace.` });
  return decode(row);
}

/** Segmentations a rule refers to (through its segment-membership conditions). */
export function referencedSegmentations(rule: RuleGroup): SegmentationRef[] {
  return leavesOf(rule).flatMap((l) => (l.kind === 'segment' ? [l.segmentation] : []));
}

/** Saved segments a rule refers to directly. */
function dependsOn(rule: RuleGroup, all: ReadonlyMap<number, SavedSegment>): number[] {
  return referencedSegmentations(rule).flatMap((r) => (r.kind === 'segment' && all.has(r.segmentId) ? [r.segmentId] : []));
}

/**
 * Refuses a rule that refers to a segment that does not exist, to the priority list (which holds
 * every saved segment, so the segment would depend on itself), or, for segment `selfId`, to a
 * segment that leads back to it.
 */
export function checkReferences(db: Db, rule: RuleGroup, selfId: number | null): void {
  const all = new Map(listSegments(db).map((s) => [s.segmentId, s]));
  const refs = referencedSegmentations(rule);
  for (const ref of refs) {
    if (ref.kind === 'segment' && !all.has(ref.segmentId)) {
      throw new ApiError({ code: 'segment-not-found', message: `The rule refers to saved segment ${ref.segmentId}, which does not exist (any more).` });
    }
    if (ref.kind === 'rules') {
      throw new ApiError({ code: 'segment-cycle', message: 'A saved segment cannot refer to the primary segments (the priority list): the list includes the segment itself.' });
    }
  }
  if (selfId === null) return;
  const seen = new Set<number>();
  const stack = dependsOn(rule, all);
  while (stack.length) {
    const id = stack.pop()!;
    if (id === selfId) {
      throw new ApiError({ code: 'segment-cycle', message: `The rule would make "${all.get(selfId)?.name ?? selfId}" depend on itself through the segments it refers to.` });
    }
    if (seen.has(id)) continue;
    seen.add(id);
    const s = all.get(id);
    if (s) stack.push(...dependsOn(s.rule, all));
  }
}

export interface SegmentInput {
  segmentId?: number | undefined;
  name: string;
  description: string;
  rule: RuleGroup;
}

function nameTaken(db: Db, name: string, exceptId: number | null): boolean {
  return db.get<{ n: number }>('SELECT count(*) AS n FROM segments WHERE name = ? AND segment_id IS NOT ?', [name, exceptId])!.n > 0;
}

export function saveSegment(db: Db, input: SegmentInput, now = Date.now()): number {
  const selfId = input.segmentId ?? null;
  if (nameTaken(db, input.name, selfId)) {
    throw new ApiError({ code: 'segment-name-taken', message: `There is already a segment called "${input.name}". Choose another name.` });
  }
  checkReferences(db, input.rule, selfId);
  const definition = JSON.stringify(input.rule);
  return db.transaction(() => {
    let id: number;
    let version: number;
    if (selfId === null) {
      const priority = db.get<{ p: number | null }>('SELECT max(priority) AS p FROM segments')!.p;
      id = Number(
        db.run('INSERT INTO segments (name, description, definition, version, priority, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?)', [
          input.name,
          input.description,
          definition,
          priority === null ? 0 : priority + 1,
          now,
          now,
        ]).lastInsertRowid,
      );
      version = 1;
    } else {
      const current = requireSegment(db, selfId);
      if (current.name === input.name && current.description === input.description && JSON.stringify(current.rule) === definition) return selfId;
      id = selfId;
      version = current.version + 1;
      db.run('UPDATE segments SET name = ?, description = ?, definition = ?, version = ?, updated_at = ? WHERE segment_id = ?', [input.name, input.description, definition, version, now, id]);
    }
    db.run('INSERT INTO segment_versions (segment_id, version, name, description, definition, saved_at) VALUES (?, ?, ?, ?, ?, ?)', [id, version, input.name, input.description, definition, now]);
    return id;
  });
}

export function deleteSegment(db: Db, segmentId: number): void {
  const target = requireSegment(db, segmentId);
  const users = listSegments(db).filter((s) => s.segmentId !== segmentId && referencedSegmentations(s.rule).some((r) => r.kind === 'segment' && r.segmentId === segmentId));
  if (users.length) {
    throw new ApiError({
      code: 'segment-in-use',
      message: `"${target.name}" cannot be deleted: ${users.map((u) => `"${u.name}"`).join(', ')} refer${users.length === 1 ? 's' : ''} to it. Change ${users.length === 1 ? 'that rule' : 'those rules'} first.`,
    });
  }
  db.transaction(() => {
    db.run('DELETE FROM segments WHERE segment_id = ?', [segmentId]);
    // Close the gap so priorities stay 0..n-1.
    db.run('UPDATE segments SET priority = priority - 1 WHERE priority > ?', [target.priority]);
  });
}

export function savePriority(db: Db, order: readonly number[]): void {
  const ids = listSegments(db).map((s) => s.segmentId);
  const given = new Set(order);
  if (given.size !== order.length || given.size !== ids.length || ids.some((id) => !given.has(id))) {
    throw new ApiError({
      code: 'invalid-priority',
      message: `The priority list must name every saved segment exactly once (${ids.length} segments; got ${order.length} ids${given.size !== order.length ? ' with repeats' : ''}).`,
    });
  }
  db.transaction(() => order.forEach((id, i) => db.run('UPDATE segments SET priority = ? WHERE segment_id = ?', [i, id])));
}
