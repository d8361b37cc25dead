import { describe, expect, it } from 'vitest';
import { measureRescore } from './bench-rescore.ts';

describe('measureRescore', () => {
  it('reports percentiles of the re-scoring time for the requested size', () => {
    const result = measureRescore(5000, 7, 5);
    expect(result).toMatchObject({ customers: 5000, signals: 7 });
    expect(result.p50Ms).toBeGreaterThanOrEqual(0);
    expect(result.p95Ms).toBeGreaterThanOrEqual(result.p50Ms);
  });

  it('refuses fewer than one repeat', () => {
    expect(() => measureRescore(10, 2, 0)).toThrow(/repeats/);
  });
});
