// Gauss-Legendre quadrature: nodes and weights on [-1, 1] by Newton's method on the Legendre
// polynomial (Golub-Welsch accuracy is not needed at these orders), then integrals of smooth
// functions given as logarithms (the Pareto/NBD integrands span hundreds of orders of magnitude).

export function gaussLegendre(n: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      derivative = (n * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / derivative;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    nodes[i] = x;
    weights[i] = 2 / ((1 - x * x) * derivative * derivative);
  }
  return { nodes, weights };
}

const RULE = gaussLegendre(16);
const PANELS = 2;
const scratch = new Float64Array(PANELS * RULE.nodes.length);

/** log of the integral over [lo, hi] of exp(logF(u)), for a smooth logF (composite Gauss-Legendre). */
export function logIntegral(logF: (u: number) => number, lo: number, hi: number): number {
  if (!(hi > lo)) return -Infinity;
  // Two passes (values, then one exp each relative to the largest) instead of a log-add per node:
  // this runs for every customer group at every likelihood evaluation.
  const width = (hi - lo) / PANELS;
  const half = width / 2;
  const m = RULE.nodes.length;
  let max = -Infinity;
  for (let p = 0; p < PANELS; p++) {
    const mid = lo + (p + 0.5) * width;
    for (let k = 0; k < m; k++) {
      const v = logF(mid + half * RULE.nodes[k]!);
      scratch[p * m + k] = v;
      if (v > max) max = v;
    }
  }
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let p = 0; p < PANELS; p++) for (let k = 0; k < m; k++) sum += RULE.weights[k]! * Math.exp(scratch[p * m + k]! - max);
  return max + Math.log(sum * half);
}
