// Nelder-Mead minimisation for the maximum-likelihood fits. Written here because the npm option
// (fmin 0.0.4) is broken as published: its package says "type": "module" but its main file is a
// UMD bundle (nothing is exported under Node), and its shrink step uses an undeclared variable
// (a ReferenceError in strict mode). Tested on functions with known minima (optimise.test.ts).

export interface MinimiseOptions {
  maxIterations?: number;
  /** Stop when every vertex is within this distance of the best one (per coordinate)... */
  xTolerance?: number;
  /**
   * ...and their function values differ by less than this times (1 + |best value|): relative,
   * because a log-likelihood over 10^6 customers cannot be summed more exactly than ~1e-10 of itself.
   */
  fTolerance?: number;
  /** Size of the starting simplex along each coordinate. */
  step?: number;
  /** Called once per iteration; throw from it to stop (cancellation). */
  onIteration?: (iteration: number) => void;
}

export interface Minimum {
  x: number[];
  fx: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

/**
 * Model parameters are fitted as logarithms within ±LOG_BOUND (1e-7 .. 1e7): beyond that a
 * likelihood is only creeping towards a degenerate limit (a Pareto/NBD with beta -> 0), and a
 * fit that ends near the bound is reported as not usable rather than shown.
 */
export const LOG_BOUND = 16;

export function withinLogBounds(f: (v: number[]) => number): (v: number[]) => number {
  return (v) => (v.every((x) => Math.abs(x) <= LOG_BOUND) ? f(v) : Infinity);
}

/** The parameters (by name) whose logarithm ended within 1 of the bound. */
export function atLogBound(params: Record<string, number>): string[] {
  return Object.entries(params)
    .filter(([, value]) => Math.abs(Math.log(value)) > LOG_BOUND - 1)
    .map(([name]) => name);
}

export function nelderMead(f: (x: number[]) => number, x0: readonly number[], options: MinimiseOptions = {}): Minimum {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 2000 * n;
  const xTol = options.xTolerance ?? 1e-8;
  const fTol = options.fTolerance ?? 1e-12;
  const step = options.step ?? 0.5;
  let evaluations = 0;
  // Where the function cannot be computed (non-finite, or it throws), the point counts as +Infinity.
  const value = (x: number[]) => {
    evaluations++;
    let v: number;
    try {
      v = f(x);
    } catch {
      return Infinity;
    }
    return Number.isFinite(v) ? v : Infinity;
  };
  const simplex: { x: number[]; fx: number }[] = [{ x: [...x0], fx: value([...x0]) }];
  for (let i = 0; i < n; i++) {
    const x = [...x0];
    x[i]! += step;
    simplex.push({ x, fx: value(x) });
  }
  const combine = (a: number[], wa: number, b: number[], wb: number) => a.map((v, i) => wa * v + wb * b[i]!);

  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    options.onIteration?.(iterations);
    simplex.sort((p, q) => p.fx - q.fx);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    let spread = 0;
    for (let v = 1; v <= n; v++) for (let i = 0; i < n; i++) spread = Math.max(spread, Math.abs(simplex[v]!.x[i]! - best.x[i]!));
    if (spread < xTol && Math.abs(worst.fx - best.fx) < fTol * (1 + Math.abs(best.fx))) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let v = 0; v < n; v++) for (let i = 0; i < n; i++) centroid[i]! += simplex[v]!.x[i]! / n;
    const reflected = combine(centroid, 2, worst.x, -1);
    const fr = value(reflected);
    if (fr < best.fx) {
      const expanded = combine(centroid, 3, worst.x, -2);
      const fe = value(expanded);
      simplex[n] = fe < fr ? { x: expanded, fx: fe } : { x: reflected, fx: fr };
      continue;
    }
    if (fr < simplex[n - 1]!.fx) {
      simplex[n] = { x: reflected, fx: fr };
      continue;
    }
    // Contract towards the better of the worst point and its reflection.
    const outside = fr < worst.fx;
    const contracted = outside ? combine(centroid, 1.5, worst.x, -0.5) : combine(centroid, 0.5, worst.x, 0.5);
    const fc = value(contracted);
    if (fc < (outside ? fr : worst.fx)) {
      simplex[n] = { x: contracted, fx: fc };
      continue;
    }
    // Shrink everything towards the best vertex.
    for (let v = 1; v <= n; v++) {
      const x = combine(best.x, 0.5, simplex[v]!.x, 0.5);
      simplex[v] = { x, fx: value(x) };
    }
  }
  simplex.sort((p, q) => p.fx - q.fx);
  return { x: simplex[0]!.x, fx: simplex[0]!.fx, iterations, evaluations, converged };
}
