// Which segment a decision is about, from any view, and where its customers are found again.
import { describe, expect, it } from 'vitest';
import { currentSegment, decisionIdentity, decisionKey } from './identity.ts';

describe('decision identity', () => {
  it('ties cluster decisions to the workspace key, not the model', () => {
    expect(decisionIdentity({ kind: 'clusters', modelId: 3 }, '7')).toEqual({ family: 'clusters', segmentKey: '7' });
    expect(decisionIdentity({ kind: 'clusters' }, '7')).toEqual(decisionIdentity({ kind: 'clusters', modelId: 9 }, '7'));
    expect(currentSegment({ family: 'clusters', segmentKey: '7' })).toEqual({ ref: { kind: 'clusters' }, segmentKey: '7' });
  });

  it('gives a saved segment one identity alone and in the priority list', () => {
    const alone = decisionIdentity({ kind: 'segment', segmentId: 12 }, 'in');
    expect(alone).toEqual(decisionIdentity({ kind: 'rules' }, '12'));
    expect(decisionKey(alone)).toBe('rules|12');
    expect(currentSegment(alone)).toEqual({ ref: { kind: 'segment', segmentId: 12 }, segmentKey: 'in' });
    // Outside a segment is its own thing; so is "no segment" of the priority list.
    expect(decisionIdentity({ kind: 'segment', segmentId: 12 }, 'out')).toEqual({ family: 'segment:12', segmentKey: 'out' });
    expect(currentSegment({ family: 'segment:12', segmentKey: 'out' })).toEqual({ ref: { kind: 'segment', segmentId: 12 }, segmentKey: 'out' });
    expect(currentSegment({ family: 'rules', segmentKey: 'none' })).toEqual({ ref: { kind: 'rules' }, segmentKey: 'none' });
  });

  it('names other segmentations as the CLI does', () => {
    for (const kind of ['phases', 'rfm', 'propensity'] as const) {
      const id = decisionIdentity({ kind }, 'x');
      expect(id).toEqual({ family: kind, segmentKey: 'x' });
      expect(currentSegment(id)).toEqual({ ref: { kind }, segmentKey: 'x' });
    }
  });
});
