import { describe, expect, it } from 'vitest';
import { divergingBar, formatPoints, maxAbsPoints } from './diverging.ts';

describe('divergingBar', () => {
  it('grows right from the centre for positive points and left for negative ones', () => {
    expect(divergingBar(10, 10)).toEqual({ left: 50, width: 50, positive: true });
    expect(divergingBar(-5, 10)).toEqual({ left: 25, width: 25, positive: false });
    expect(divergingBar(0, 0)).toEqual({ left: 50, width: 0, positive: true });
    expect(divergingBar(NaN, 10).width).toBe(0);
  });

  it('scales to the largest contribution', () => {
    expect(maxAbsPoints([{ points: 3 }, { points: -8 }, { points: NaN }])).toBe(8);
  });

  it('formats points with a sign', () => {
    expect(formatPoints(11.33)).toBe('+11.3');
    expect(formatPoints(-2)).toBe('\u22122.0');
    expect(formatPoints(0.01)).toBe('0.0');
  });
});
