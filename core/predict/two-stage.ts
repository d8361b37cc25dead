// How large fits run: above TWO_STAGES.above customers, first on an evenly spread subset of
// TWO_STAGES.firstStage, then refined on everyone from a small simplex (a few dozen likelihood
// evaluations over all the data instead of hundreds). Shared with the benchmark, which times it.
import type { FitResult } from './bgnbd.ts';
import type { MinimiseOptions } from './optimise.ts';

export const TWO_STAGES = {
  firstStage: 100_000,
  above: 200_000,
  /**
   * Parameters to ~1e-5 of themselves: far finer than any published precision, and it halves the
   * evaluations over everyone (measured at 10^6 customers: 162 instead of 250-400).
   */
  tolerance: { xTolerance: 1e-5, fTolerance: 1e-10 } satisfies MinimiseOptions,
  refineStep: 0.02,
} as const;

export function stride(n: number, max: number): Uint32Array {
  const step = n / max;
  return Uint32Array.from({ length: max }, (_, i) => Math.floor(i * step));
}

export type FitOn<P> = (rows: Uint32Array | null, start: P | undefined, options: MinimiseOptions) => FitResult<P>;

/** Both stages' results (first is null when the data is small enough for one stage). */
export function fitInStages<P>(n: number, fitOn: FitOn<P>, options: MinimiseOptions = {}): { first: FitResult<P> | null; full: FitResult<P> } {
  if (n <= TWO_STAGES.above) return { first: null, full: fitOn(null, undefined, options) };
  const loose = { ...options, ...TWO_STAGES.tolerance };
  const first = fitOn(stride(n, TWO_STAGES.firstStage), undefined, loose);
  return { first, full: fitOn(null, first.params, { ...loose, step: TWO_STAGES.refineStep }) };
}
