// Decisions on segments (table segment_decisions): each one with its rationale, the definition it
// was taken on ("model 12", "version 3"...), the as-of date and the segment's economics then. A new
// decision is a new row; the newest row per segment is its decision (a withdrawal has none).
import { userInfo } from 'node:os';
import type { Db } from '../store/db.ts';
import { readSetting } from '../store/settings.ts';
import { loadModel } from '../clusters/models.ts';
import { listSegments } from '../rules/segments-store.ts';
import { formatDay } from '../signals/as-of.ts';
import type { SegmentationRef } from '../rules/types.ts';
import { decisionIdentity, decisionKey, type DecisionIdentity } from './identity.ts';
import type { Decision, SegmentDecision, SegmentEconomics } from './types.ts';

interface Row {
  decision_id: number;
  family: string;
  segment_key: string;
  segment_name: string;
  decision: Decision | null;
  rationale: string;
  definition_version: string;
  as_of: string;
  decided_at: number;
  decided_by: string;
  figures: string | null;
}

const decode = (r: Row): SegmentDecision => ({
  decisionId: r.decision_id,
  family: r.family,
  segmentKey: r.segment_key,
  segmentName: r.segment_name,
  decision: r.decision,
  rationale: r.rationale,
  definitionVersion: r.definition_version,
  asOf: r.as_of,
  decidedAt: r.decided_at,
  decidedBy: r.decided_by,
  figures: r.figures ? (JSON.parse(r.figures) as SegmentEconomics) : null,
});

const savedOn = (db: Db, key: string, what: string) => {
  const s = readSetting(db, key);
  return s ? `${what} of ${formatDay(s.savedAt)}` : `default ${what}`;
};

/** The definition a segment has now, in words: what a decision taken today was taken on. */
export function definitionVersion(db: Db, ref: SegmentationRef, segmentKey: string): string {
  switch (ref.kind) {
    case 'clusters': {
      const model = loadModel(db, ref.modelId);
      return model ? `model ${model.summary.modelId} (as of ${model.summary.asOf})` : 'no model';
    }
    case 'segment':
    case 'rules': {
      const id = ref.kind === 'segment' ? ref.segmentId : Number(segmentKey);
      const segment = listSegments(db).find((s) => s.segmentId === id);
      if (segment) return `version ${segment.version}`;
      return ref.kind === 'rules' ? 'priority list' : 'deleted segment';
    }
    case 'rfm':
      return savedOn(db, 'rfm', 'RFM settings');
    case 'phases':
      return savedOn(db, 'scoring', 'weights and thresholds');
    case 'propensity':
      return savedOn(db, 'prediction', 'prediction');
  }
}

export interface DecisionInput {
  ref: SegmentationRef;
  segmentKey: string;
  segmentName: string;
  decision: Decision | null;
  rationale: string;
  asOf: string;
  figures: SegmentEconomics | null;
}

/** The operating-system user, or '' where the platform has none (some containers). */
function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

export function saveDecision(db: Db, input: DecisionInput, now = Date.now(), decidedBy = currentUser()): SegmentDecision {
  const id = decisionIdentity(input.ref, input.segmentKey);
  const result = db.run(
    `INSERT INTO segment_decisions (family, segment_key, segment_name, decision, rationale, definition_version, as_of, decided_at, decided_by, figures)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id.family, id.segmentKey, input.segmentName, input.decision, input.rationale, definitionVersion(db, input.ref, input.segmentKey), input.asOf, now, decidedBy, input.figures ? JSON.stringify(input.figures) : null],
  );
  return decode(db.get<Row>('SELECT * FROM segment_decisions WHERE decision_id = ?', [Number(result.lastInsertRowid)])!);
}

/** Each segment's newest decision, withdrawals left out; newest first. */
export function currentDecisions(db: Db): SegmentDecision[] {
  return db
    .all<Row>(
      `SELECT d.* FROM segment_decisions d
       WHERE d.decision_id = (SELECT max(decision_id) FROM segment_decisions e WHERE e.family = d.family AND e.segment_key = d.segment_key)
         AND d.decision IS NOT NULL
       ORDER BY d.decision_id DESC`,
    )
    .map(decode);
}

export function decisionHistory(db: Db, identity: DecisionIdentity): SegmentDecision[] {
  return db.all<Row>('SELECT * FROM segment_decisions WHERE family = ? AND segment_key = ? ORDER BY decision_id DESC', [identity.family, identity.segmentKey]).map(decode);
}

/** Current decisions by decisionKey(identity). */
export function decisionsByKey(db: Db): Map<string, SegmentDecision> {
  return new Map(currentDecisions(db).map((d) => [decisionKey(d), d]));
}
