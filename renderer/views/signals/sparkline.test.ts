import { describe, expect, it } from 'vitest';
import { rangeText, shortNumber, sparkBarsPath } from './sparkline.ts';

describe('sparkBarsPath', () => {
  it('draws one bar per non-empty bin, the fullest one full height', () => {
    const path = sparkBarsPath([4, 0, 1], 30, 20, 0);
    expect(path).toBe('M0 0h10V20h-10ZM20 10h10V20h-10Z');
  });

  it('keeps tiny bins visible', () => {
    expect(sparkBarsPath([1_000_000, 1], 20, 10, 0)).toContain('M10 9h10V10h-10Z');
  });

  it('draws a constant signal as one thin bar', () => {
    expect(sparkBarsPath([4000], 64, 20, 1)).toBe('M0 0h4V20h-4Z');
  });

  it('draws nothing for empty input', () => {
    expect(sparkBarsPath([], 30, 20)).toBe('');
    expect(sparkBarsPath([0, 0], 30, 20)).toBe('');
  });
});

describe('rangeText', () => {
  it('shows the covered range compactly', () => {
    expect(rangeText(0.0033, 548.52)).toBe('0 – 549');
    expect(rangeText(0, 1)).toBe('0 – 1');
    expect(rangeText(0, 0)).toBe('all 0');
    expect(rangeText(null, null)).toBe('no values');
    expect(shortNumber(123456)).toBe('123k');
    expect(shortNumber(0.125)).toBe('0.13');
    expect(shortNumber(2_500_000)).toBe('2.5M');
  });
});
