// Which segment a decision is about, independent of the view that shows it. Pure: the renderer
// uses it to find the decision of any segment it draws.
//  - Clusters: the workspace's cluster keys. A re-fit whose cluster matches an old one (Hungarian
//    matching of centroids, clusters/identity.ts) inherits its key, so the decision follows it to
//    the new model; a cluster that matches nothing has a new key and no decision.
//  - A saved segment is the same segment in the priority list ("rules", key = its id) and on its
//    own ("segment:ID", key "in"): one identity, "rules" + id.
//  - Everything else: the segmentation's name and the segment's key.
import { formatSegmentationRef, type SegmentationRef } from '../rules/types.ts';

export interface DecisionIdentity {
  family: string;
  segmentKey: string;
}

export function decisionIdentity(ref: SegmentationRef, segmentKey: string): DecisionIdentity {
  if (ref.kind === 'clusters') return { family: 'clusters', segmentKey };
  if (ref.kind === 'segment' && segmentKey === 'in') return { family: 'rules', segmentKey: String(ref.segmentId) };
  return { family: formatSegmentationRef(ref), segmentKey };
}

export const decisionKey = (d: DecisionIdentity): string => `${d.family}|${d.segmentKey}`;

/** The segmentation to evaluate to find a decided segment's customers now, and the key to look for. */
export function currentSegment(identity: DecisionIdentity): { ref: SegmentationRef; segmentKey: string } {
  const { family, segmentKey } = identity;
  if (family === 'clusters') return { ref: { kind: 'clusters' }, segmentKey };
  if (family === 'rules' && /^\d+$/.test(segmentKey)) return { ref: { kind: 'segment', segmentId: Number(segmentKey) }, segmentKey: 'in' };
  const [kind, id] = family.split(':');
  if (kind === 'segment') return { ref: { kind: 'segment', segmentId: Number(id) }, segmentKey };
  return { ref: { kind: kind as 'phases' | 'rfm' | 'rules' | 'propensity' }, segmentKey };
}
