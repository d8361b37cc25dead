import { describe, expect, it } from 'vitest';
import { clampScore, keyStep, moveThreshold, scoreToX, xToScore } from './thresholds.ts';

describe('moveThreshold', () => {
  const t = { consideration: 20, decision: 45 };
  it('moves one threshold within 0..100', () => {
    expect(moveThreshold(t, 'consideration', 30)).toEqual({ consideration: 30, decision: 45 });
    expect(moveThreshold(t, 'decision', 120)).toEqual({ consideration: 20, decision: 100 });
    expect(moveThreshold(t, 'consideration', -5)).toEqual({ consideration: 0, decision: 45 });
  });

  it('pushes the other threshold along instead of crossing it', () => {
    expect(moveThreshold(t, 'consideration', 60)).toEqual({ consideration: 60, decision: 60 });
    expect(moveThreshold(t, 'decision', 10)).toEqual({ consideration: 10, decision: 10 });
  });

  it('keeps one decimal, as suggested thresholds have', () => {
    expect(clampScore(43.54)).toBe(43.5);
    expect(clampScore(NaN)).toBe(0);
  });
});

describe('plot geometry', () => {
  const g = { width: 548, left: 48, right: 0 };
  it('maps scores to pixels and back', () => {
    expect(scoreToX(0, g)).toBe(48);
    expect(scoreToX(50, g)).toBe(298);
    expect(scoreToX(100, g)).toBe(548);
    expect(xToScore(298, g)).toBe(50);
    expect(xToScore(0, g)).toBe(0);
    expect(xToScore(1000, g)).toBe(100);
    expect(xToScore(10, { width: 20, left: 48, right: 0 })).toBe(0);
  });
});

describe('keyStep', () => {
  it('steps by one, ten, or to the ends', () => {
    expect(keyStep('ArrowRight', false, 20)).toBe(21);
    expect(keyStep('ArrowLeft', true, 20)).toBe(10);
    expect(keyStep('PageUp', false, 20)).toBe(30);
    expect(keyStep('Home', false, 20)).toBe(0);
    expect(keyStep('End', false, 20)).toBe(100);
    expect(keyStep('a', false, 20)).toBeNull();
  });
});
