// The exclusion list: every customer in a segment decided "don't compete", as of a date — what an
// ad platform or email tool takes as a suppression list. A decided segment is found again through
// its identity (clusters by key in the newest model, saved segments by id), so the list follows
// re-fits and new versions; a segment that no longer exists is reported, never silently dropped.
import { ApiError } from '../api/contract.ts';
import type { Evaluator } from '../rules/segmentations.ts';
import { formatSegmentationRef, type SegmentationRef } from '../rules/types.ts';
import type { CsvValue } from '../files/csv-writer.ts';
import { currentSegment } from './identity.ts';
import type { ExclusionExport, SegmentDecision } from './types.ts';

export const EXCLUSION_HEADER = ['customer_id', 'excluded_by', 'segment_ids'];

/** The segmentations the list needs (for preparing their database conditions). */
export function exclusionRefs(decisions: readonly SegmentDecision[]): SegmentationRef[] {
  return decisions.filter((d) => d.decision === 'dont-compete').map((d) => currentSegment(d).ref);
}

export interface ExclusionList {
  segments: ExclusionExport['segments'];
  skipped: ExclusionExport['skipped'];
  /** Customer ids (frame order) with the decided segments they are in. */
  rows: Array<{ customerId: string; names: string[]; ids: string[] }>;
}

export function exclusionList(evaluator: Evaluator, customerIds: readonly string[], decisions: readonly SegmentDecision[]): ExclusionList {
  const segments: ExclusionList['segments'] = [];
  const skipped: ExclusionList['skipped'] = [];
  const byCustomer = new Map<number, { names: string[]; ids: string[] }>();
  for (const d of decisions) {
    if (d.decision !== 'dont-compete') continue;
    const base = { family: d.family, segmentKey: d.segmentKey, segmentName: d.segmentName };
    const { ref, segmentKey } = currentSegment(d);
    let labelled;
    try {
      labelled = evaluator.segmentation(ref);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      skipped.push({ ...base, segmentation: formatSegmentationRef(ref), reason: e.message });
      continue;
    }
    const segmentation = labelled.info.label;
    const index = labelled.info.segments.findIndex((s) => s.key === segmentKey);
    if (index < 0) {
      skipped.push({ ...base, segmentation, reason: d.family === 'clusters' ? 'the newest cluster model has no cluster matched to it' : `${labelled.info.label} has no segment "${segmentKey}" now` });
      continue;
    }
    let members = 0;
    labelled.labels.forEach((label, i) => {
      if (label !== index) return;
      members++;
      let entry = byCustomer.get(i);
      if (!entry) byCustomer.set(i, (entry = { names: [], ids: [] }));
      entry.names.push(d.segmentName);
      entry.ids.push(`${d.family}:${d.segmentKey}`);
    });
    segments.push({ ...base, segmentation, customers: members });
  }
  const rows = [...byCustomer.entries()].sort((a, b) => a[0] - b[0]).map(([i, e]) => ({ customerId: customerIds[i]!, ...e }));
  return { segments, skipped, rows };
}

export function* exclusionLines(list: ExclusionList): Generator<CsvValue[]> {
  for (const r of list.rows) yield [r.customerId, r.names.join('; '), r.ids.join('; ')];
}
