import { describe, expect, it } from 'vitest';
import { segmentColours } from './colours.ts';
import { PHASE_COLORS } from '../phases/palette.ts';
import { OTHER_COLOUR } from '../rfm-grid/palette.ts';

describe('migration colours', () => {
  it('keeps cluster colours, phase colours and RFM colours; catch-alls grey', () => {
    expect(segmentColours('clusters', [{ key: '0', colour: '#4e79a7' }, { key: 'unclustered', colour: null }], 'light')).toEqual(['#4e79a7', OTHER_COLOUR.light]);
    const phases = segmentColours('phases', ['orientation', 'consideration', 'decision', 'retention'].map((key) => ({ key, colour: null })), 'dark');
    expect(phases).toEqual([PHASE_COLORS.dark.orientation, PHASE_COLORS.dark.consideration, PHASE_COLORS.dark.decision, PHASE_COLORS.dark.retention]);
    const rfm = segmentColours('rfm', ['champions', 'lost', 'other', 'none'].map((key) => ({ key, colour: null })), 'light');
    expect(rfm[0]).toBe('#2e8b57');
    expect(rfm[2]).toBe(OTHER_COLOUR.light);
    expect(rfm[3]).toBe(OTHER_COLOUR.light);
    expect(new Set(rfm.slice(0, 2)).size).toBe(2);
  });

  it('gives other segments distinct palette colours', () => {
    const c = segmentColours('rules', ['1', '2', '3', 'none'].map((key) => ({ key, colour: null })), 'light');
    expect(new Set(c.slice(0, 3)).size).toBe(3);
    expect(c[3]).toBe(OTHER_COLOUR.light);
  });
});
