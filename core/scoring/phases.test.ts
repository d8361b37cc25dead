import { describe, expect, it } from 'vitest';
import { PHASES } from '../signals/types.ts';
import { PHASE_CODE, PHASE_NAMES, assignPhases, countPhases, retainedMask } from './phases.ts';

describe('phase codes', () => {
  it('name every code in order', () => {
    expect(PHASE_NAMES).toEqual(['orientation', 'consideration', 'decision', 'retention']);
    for (const phase of PHASES) expect(PHASE_NAMES[PHASE_CODE[phase]]).toBe(phase);
  });
});

describe('assignPhases', () => {
  const thresholds = { consideration: 40, decision: 70 };

  it('places customers by score, thresholds inclusive, retained ones in retention whatever their score', () => {
    const score = Float32Array.from([10, 40, 69.9, 70, 100, 90, 5, NaN]);
    const retained = Uint8Array.from([0, 0, 0, 0, 0, 1, 1, 0]);
    expect(Array.from(assignPhases(score, thresholds, retained))).toEqual([0, 1, 1, 2, 2, 3, 3, 0]);
  });

  it('puts everyone at or above both thresholds in decision when they are equal', () => {
    const phase = assignPhases(Float32Array.from([49, 50, 51]), { consideration: 50, decision: 50 }, new Uint8Array(3));
    expect(Array.from(phase)).toEqual([0, 2, 2]);
  });

  it('writes into the output buffer it is given and checks lengths', () => {
    const out = new Uint8Array(2);
    expect(assignPhases(Float32Array.from([0, 80]), thresholds, new Uint8Array(2), out)).toBe(out);
    expect(Array.from(out)).toEqual([0, 2]);
    expect(() => assignPhases(Float32Array.from([0, 80]), thresholds, new Uint8Array(1))).toThrow(/retention flags/);
    expect(() => assignPhases(Float32Array.from([0]), thresholds, new Uint8Array(1), new Uint8Array(2))).toThrow(/output/);
  });
});

describe('retainedMask', () => {
  it('is 1 only when both recencies are known and within their windows (inclusive)', () => {
    const purchase = Float64Array.from([5, 40, NaN, 10, 30, 30]);
    const active = Float64Array.from([1, 1, 1, NaN, 7, 8]);
    expect(Array.from(retainedMask(purchase, active, 30, 7))).toEqual([1, 0, 0, 0, 1, 0]);
  });
});

describe('countPhases', () => {
  it('counts customers per phase by name', () => {
    expect(countPhases(Uint8Array.from([0, 3, 3, 2, 0, 0]))).toEqual({ orientation: 3, consideration: 0, decision: 1, retention: 2 });
    expect(countPhases(new Uint8Array(0))).toEqual({ orientation: 0, consideration: 0, decision: 0, retention: 0 });
  });

  it('rejects codes that are not phases', () => {
    expect(() => countPhases(Uint8Array.from([4]))).toThrow(/phase code 4/);
  });
});
