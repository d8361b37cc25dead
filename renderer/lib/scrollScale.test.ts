import { describe, expect, it } from 'vitest';
import { computeScrollScale, MAX_SCROLL_PX, scrollTopToReveal, virtualizerPaddingEnd, virtualOffset, visibleRows } from './scrollScale.ts';

describe('computeScrollScale', () => {
  it('does not scale content that fits', () => {
    const s = computeScrollScale(10_000, 28, 500);
    expect(s).toEqual({ contentHeight: 280_000, spacerHeight: 280_000, ratio: 1 });
  });

  it('caps a million rows below the browser limit and maps both ends exactly', () => {
    const view = 560;
    const s = computeScrollScale(1_000_000, 28, view);
    expect(s.spacerHeight).toBe(MAX_SCROLL_PX);
    expect(s.ratio).toBeGreaterThan(1);
    const maxReal = s.spacerHeight - view;
    expect(virtualOffset(0, s, view)).toBe(0);
    expect(virtualOffset(maxReal, s, view)).toBeCloseTo(s.contentHeight - view, 3);
    // The last row is drawn exactly at the bottom when scrolled to the end.
    const r = visibleRows(virtualOffset(maxReal, s, view), view, 28, 1_000_000, 0);
    expect(r.end).toBe(999_999);
  });

  it('handles an empty table', () => {
    expect(computeScrollScale(0, 28, 500)).toEqual({ contentHeight: 0, spacerHeight: 0, ratio: 1 });
    expect(visibleRows(0, 500, 28, 0, 5)).toEqual({ start: 0, end: -1 });
  });
});

describe('virtualizerPaddingEnd', () => {
  it('makes the compressed rows end where the spacer ends', () => {
    const view = 675;
    const s = computeScrollScale(1_000_000, 28, view);
    const compressed = 1_000_000 * (28 / s.ratio);
    expect(compressed + virtualizerPaddingEnd(s)).toBeCloseTo(s.spacerHeight, 3);
    // …so the row the virtualizer finds at the last scroll position is the last screenful's first row.
    const maxReal = s.spacerHeight - view;
    expect(Math.floor(maxReal / (28 / s.ratio))).toBe(Math.floor((s.contentHeight - view) / 28));
  });

  it('is zero when nothing is scaled', () => {
    expect(virtualizerPaddingEnd(computeScrollScale(100, 28, 500))).toBe(0);
  });
});

describe('visibleRows', () => {
  it('covers the viewport plus overscan, clamped to the table', () => {
    expect(visibleRows(0, 280, 28, 1000, 5)).toEqual({ start: 0, end: 14 });
    expect(visibleRows(280, 280, 28, 1000, 5)).toEqual({ start: 5, end: 24 });
    expect(visibleRows(27_720, 280, 28, 1000, 5)).toEqual({ start: 985, end: 999 });
  });

  it('includes partly visible rows', () => {
    expect(visibleRows(14, 28, 28, 100, 0)).toEqual({ start: 0, end: 1 });
  });
});

describe('scrollTopToReveal', () => {
  const view = 280;
  it('returns null when the row is visible', () => {
    const s = computeScrollScale(1000, 28, view);
    expect(scrollTopToReveal(3, 0, s, view, 28)).toBeNull();
  });

  it('scrolls just enough up or down', () => {
    const s = computeScrollScale(1000, 28, view);
    expect(scrollTopToReveal(10, 0, s, view, 28)).toBe(28);
    expect(scrollTopToReveal(2, 280, s, view, 28)).toBe(56);
  });

  it('reveals rows in scaled space', () => {
    const s = computeScrollScale(1_000_000, 28, view);
    const target = scrollTopToReveal(600_000, 0, s, view, 28)!;
    const offset = virtualOffset(target, s, view);
    expect(600_000 * 28).toBeGreaterThanOrEqual(offset);
    expect(600_001 * 28).toBeLessThanOrEqual(offset + view + s.ratio);
  });
});
