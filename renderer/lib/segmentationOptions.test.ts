import { describe, expect, it } from 'vitest';
import type { SegmentationOption } from '../../core/api/contract.ts';
import { optionText, refKey, stillAvailable, unavailableText } from './segmentationOptions.ts';

const options: SegmentationOption[] = [
  { ref: { kind: 'phases' }, label: 'Funnel phases', available: true, reason: null },
  { ref: { kind: 'rfm' }, label: 'RFM groups', available: true, reason: null },
  { ref: { kind: 'clusters', modelId: 3 }, label: 'Clusters #3', available: true, reason: null },
  { ref: { kind: 'propensity' }, label: 'Propensity bands', available: false, reason: 'No prediction fitted.' },
  { ref: { kind: 'rules' }, label: 'Saved segments', available: false, reason: null },
];

describe('segmentation options', () => {
  it('key equal references equally', () => {
    expect(refKey({ kind: 'clusters' })).toBe('clusters');
    expect(refKey({ kind: 'clusters', modelId: 3 })).toBe('clusters:3');
    expect(refKey({ kind: 'segment', segmentId: 7 })).toBe('segment:7');
    expect(refKey({ kind: 'rfm' })).toBe('rfm');
  });

  it('keep a choice only while it is still available', () => {
    expect(stillAvailable({ kind: 'rfm' }, options)).toEqual({ kind: 'rfm' });
    expect(stillAvailable({ kind: 'propensity' }, options)).toBeNull();
    expect(stillAvailable({ kind: 'segment', segmentId: 9 }, options)).toBeNull();
    expect(stillAvailable(null, options)).toBeNull();
  });

  it('say why an option cannot be chosen', () => {
    expect(optionText(options[0]!)).toBe('Funnel phases');
    expect(optionText(options[3]!)).toBe('Propensity bands — No prediction fitted.');
    expect(optionText(options[4]!)).toBe('Saved segments — not available');
  });

  it('list the unavailable ones in one sentence, or nothing', () => {
    expect(unavailableText(options)).toBe('Not available now: Propensity bands (No prediction fitted); Saved segments.');
    expect(unavailableText(options.slice(0, 3))).toBeNull();
  });
});
