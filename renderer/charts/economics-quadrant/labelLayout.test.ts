import { describe, expect, it } from 'vitest';
import { candidates, labelHeight, labelWidth, layoutLabels, overlap, type LabelItem } from './labelLayout.ts';

const plot = { x: 0, y: 0, w: 400, h: 300 };
const item = (key: string, cx: number, cy: number, r = 10, w = 60): LabelItem => ({ key, cx, cy, r, w, h: 14 });

describe('label layout', () => {
  it('measures overlaps', () => {
    expect(overlap({ x: 0, y: 0, w: 10, h: 10 }, { x: 5, y: 5, w: 10, h: 10 })).toBe(25);
    expect(overlap({ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 0, w: 10, h: 10 })).toBe(0);
  });

  it('puts a lone label above its bubble', () => {
    const spot = layoutLabels([item('a', 200, 150)], plot).get('a')!;
    expect(spot).toEqual({ x: 170, y: 150 - 10 - 3 - 14, w: 60, h: 14 });
    expect(candidates(item('a', 200, 150))[0]).toEqual(spot);
  });

  it('keeps a label inside the plot: beside a bubble at the top edge, not above it', () => {
    const spot = layoutLabels([item('a', 200, 12)], plot).get('a')!;
    expect(spot.y).toBeGreaterThanOrEqual(0);
    expect(spot.x).toBe(200 + 10 + 3);
  });

  it('moves a label that would cover another one, the larger bubble choosing first', () => {
    const spots = layoutLabels([item('small', 205, 150, 5), item('big', 200, 152, 20)], plot);
    const big = spots.get('big')!;
    const small = spots.get('small')!;
    expect(big.y + big.h).toBeLessThanOrEqual(152 - 20);
    expect(overlap(big, small)).toBe(0);
  });

  it('avoids fixed boxes such as the quadrant names', () => {
    const spot = layoutLabels([item('a', 200, 150)], plot, [{ x: 150, y: 110, w: 100, h: 30 }]).get('a')!;
    expect(overlap(spot, { x: 150, y: 110, w: 100, h: 30 })).toBe(0);
  });

  it('estimates label sizes generously', () => {
    expect(labelWidth('Champions', null)).toBe(60);
    expect(labelWidth('Lost', '⚠ returns')).toBeGreaterThan(labelWidth('Lost', null) + 50);
    expect(labelHeight(true)).toBeGreaterThan(labelHeight(false));
  });
});
