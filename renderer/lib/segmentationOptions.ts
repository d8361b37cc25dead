// The segmentations a view offers (segmentations-list): one key per reference for selects and
// caches, the choice kept while it is still available, and how an unavailable one reads. Pure.
import type { SegmentationOption, SegmentationRef } from '../../core/api/contract.ts';
import { formatSegmentationRef } from '../../core/api/contract.ts';

/** One string per segmentation, equal for equal references (a select's value): core's name for it. */
export const refKey = (ref: SegmentationRef): string => formatSegmentationRef(ref);

/** The reference kept when it is still offered and available, else null. */
export function stillAvailable(ref: SegmentationRef | null, options: readonly SegmentationOption[]): SegmentationRef | null {
  if (!ref) return null;
  const found = options.find((o) => refKey(o.ref) === refKey(ref));
  return found?.available ? found.ref : null;
}

/** An option's text in a select: its label, and why it cannot be chosen when it cannot. */
export function optionText(o: SegmentationOption): string {
  return o.available ? o.label : `${o.label} — ${o.reason ?? 'not available'}`;
}

/** "Not available now: Clusters (no cluster model); Propensity bands (no prediction fitted)." or null when all are. */
export function unavailableText(options: readonly SegmentationOption[]): string | null {
  const off = options.filter((o) => !o.available);
  if (off.length === 0) return null;
  return `Not available now: ${off.map((o) => `${o.label}${o.reason ? ` (${o.reason.replace(/\.$/, '')})` : ''}`).join('; ')}.`;
}
