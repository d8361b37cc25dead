// Segmentations by name: "clusters", "clusters:12", "phases", "rfm", "rules", "segment:3",
// "propensity" — how the CLI and the compiled SQL (segment_members.segmentation) refer to them.
import { ApiError } from '../api/contract.ts';
import type { SegmentationRef } from './types.ts';

export { formatSegmentationRef } from './types.ts';

export function parseSegmentationRef(text: string): SegmentationRef {
  const [kind, id, ...rest] = text.trim().split(':');
  const n = id === undefined ? undefined : Number(id);
  const validId = n !== undefined && Number.isInteger(n) && n > 0 && rest.length === 0;
  if (kind === 'clusters' && (id === undefined || validId)) return n === undefined ? { kind } : { kind, modelId: n };
  if (kind === 'segment' && validId) return { kind, segmentId: n };
  if ((kind === 'phases' || kind === 'rfm' || kind === 'rules' || kind === 'propensity') && id === undefined) return { kind };
  throw new ApiError({
    code: 'invalid-args',
    message: `"${text}" is not a segmentation. Use clusters, clusters:MODEL_ID, phases, rfm, rules, segment:SEGMENT_ID or propensity.`,
  });
}
