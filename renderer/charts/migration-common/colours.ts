// One colour per segment of a migration, the same in the area chart, the Sankey, the matrix and the
// movers table: a cluster's own colour, a funnel phase's colour, an RFM group's colour, else a
// palette slot by position; the catch-all segments ("none", "other", "not clustered", "out") grey,
// and newcomers (customers not known yet at the earlier date) a lighter grey. Pure.
import type { SegmentationRef } from '../../../core/api/contract.ts';
import type { ThemeMode } from '../theme.ts';
import { PHASE_COLORS, PHASES, type Phase } from '../phases/palette.ts';
import { GROUP_PALETTE, groupColours, OTHER_COLOUR } from '../rfm-grid/palette.ts';

export interface ColouredSegment {
  key: string;
  colour: string | null;
}

/** Segments that hold "everybody else": neutral, so real segments stand out. */
export const CATCH_ALL_KEYS: ReadonlySet<string> = new Set(['none', 'other', 'unclustered', 'out']);

export const NEW_COLOUR: Record<ThemeMode, string> = { light: '#9aa3ae', dark: '#5d6673' };

const isPhase = (key: string): key is Phase => (PHASES as readonly string[]).includes(key);

export function segmentColours(kind: SegmentationRef['kind'], segments: readonly ColouredSegment[], mode: ThemeMode): string[] {
  const palette = GROUP_PALETTE[mode];
  const rfm = kind === 'rfm' ? groupColours(segments.map((s) => s.key).filter((k) => !CATCH_ALL_KEYS.has(k)), mode) : null;
  let slot = 0;
  return segments.map((s) => {
    if (CATCH_ALL_KEYS.has(s.key)) return OTHER_COLOUR[mode];
    if (s.colour) return s.colour;
    if (kind === 'phases' && isPhase(s.key)) return PHASE_COLORS[mode][s.key];
    if (rfm?.[s.key]) return rfm[s.key]!;
    if (kind === 'segment' && s.key === 'in') return palette[1]!;
    return palette[slot++ % palette.length]!;
  });
}
