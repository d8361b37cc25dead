import { describe, expect, it } from 'vitest';
import { escapeHtml, formatIndex, formatJaccard, formatLift, formatRate, formatRateInterval, formatRateWithInterval, formatShare } from './format.ts';

describe('comparison number formats', () => {
  it('write rates with one decimal, small ones with two, and a dash for nothing', () => {
    expect(formatRate(0.1234)).toBe('12.3%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatRate(0.0042)).toBe('0.42%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(NaN)).toBe('—');
    expect(formatRate(null)).toBe('—');
  });

  it('write an interval with one unit and a rate with its interval', () => {
    expect(formatRateInterval(0.101, 0.146)).toBe('10.1–14.6%');
    expect(formatRateInterval(0.001, 0.02)).toBe('0.10–2.0%');
    expect(formatRateInterval(NaN, 0.2)).toBe('—');
    expect(formatRateWithInterval({ rate: 0.123, low: 0.101, high: 0.146 })).toBe('12.3% (10.1–14.6%)');
  });

  it('write lifts, shares, indices and Jaccard', () => {
    expect(formatLift(1.8432)).toBe('×1.84');
    expect(formatLift(null)).toBe('—');
    expect(formatShare(25, 100)).toBe('25.0%');
    expect(formatShare(3, 0)).toBe('—');
    expect(formatIndex(0.0812)).toBe('0.08');
    expect(formatIndex(-0.034)).toBe('\u22120.03');
    expect(formatIndex(-0.001)).toBe('0.00');
    expect(formatJaccard(0.12345)).toBe('0.123');
    expect(formatJaccard(0.0001)).toBe('<0.001');
    expect(formatJaccard(0)).toBe('0.000');
  });

  it('escape names before they go into HTML tooltips', () => {
    expect(escapeHtml('<b>Tom & "Jerry"</b>')).toBe('&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;');
  });
});
