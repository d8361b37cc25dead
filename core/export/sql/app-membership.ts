// The app's own answer in the shape of the exported segwb_membership view, for checking what an
// engine computes from the exported SQL (the equivalence tests and `npm run bench -- export-sql`).
import type { AsOfData } from '../../rules/as-of-data.ts';
import type { Evaluator } from '../../rules/segmentations.ts';
import type { SegmentationRef } from '../../rules/types.ts';

export interface MembershipRow {
  customer_id: string;
  primary_segment_id: string;
  segment_ids: string;
  phase: string;
  intent_score: number;
  rfm_group: string;
  /** Absent when the workspace has no cluster model (the view then has no such column). */
  cluster_key?: string;
}

/** The key of every customer of the frame in a segmentation. */
export function segmentKeys(evaluator: Evaluator, ref: SegmentationRef): (i: number) => string {
  const { info, labels } = evaluator.segmentation(ref);
  return (i) => info.segments[labels[i]!]!.key;
}

export function appMembershipRows(evaluator: Evaluator, data: AsOfData, withClusters: boolean): MembershipRow[] {
  const segments = evaluator.segments();
  const masks = segments.map((s) => evaluator.segmentMask(s));
  const [primary, phase, rfm] = [segmentKeys(evaluator, { kind: 'rules' }), segmentKeys(evaluator, { kind: 'phases' }), segmentKeys(evaluator, { kind: 'rfm' })];
  const cluster = withClusters ? segmentKeys(evaluator, { kind: 'clusters' }) : null;
  const score = evaluator.intentScores();
  return data.frame.customerIds.map((id, i) => ({
    customer_id: id,
    primary_segment_id: primary(i),
    segment_ids: segments.filter((_, s) => masks[s]![i]).map((s) => s.segmentId).join(';'),
    phase: phase(i),
    intent_score: score[i]!,
    rfm_group: rfm(i),
    ...(cluster ? { cluster_key: cluster(i) } : {}),
  }));
}
