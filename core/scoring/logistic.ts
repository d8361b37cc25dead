// L2-regularised logistic regression by Newton-Raphson (IRLS), for suggesting signal weights
// from who converted. Columns are the features (one Float32Array per signal), y is 0/1 per row.
import { CholeskyDecomposition, Matrix, solve } from 'ml-matrix';

export interface LogisticOptions {
  /**
   * Penalty l2 / 2 * (sum of squared coefficients) subtracted from the summed (not averaged)
   * log-likelihood; the intercept is not penalised. Default 1.0, the same objective as
   * scikit-learn's LogisticRegression(C = 1). Because the penalty does not grow with the number of
   * rows, its pull fades as the data grows (it acts like a normal prior with variance 1 / l2):
   * it keeps small or separable samples finite, and leaves 100k-row fits practically unpenalised.
   */
  l2?: number;
  maxIterations?: number;
  /** Converged when the Newton step moves no parameter by more than this. */
  tolerance?: number;
}

export interface LogisticFit {
  intercept: number;
  coefficients: number[];
  iterations: number;
  converged: boolean;
  /** Mean of each column's non-missing values (0 for a column without any), used for NaN. */
  means: number[];
}

const MAX_HALVINGS = 30;

export function fitLogistic(columns: Float32Array[], y: Uint8Array, options: LogisticOptions = {}): LogisticFit {
  const l2 = options.l2 ?? 1;
  const maxIterations = options.maxIterations ?? 30;
  const tolerance = options.tolerance ?? 1e-8;
  if (!(l2 >= 0) || !Number.isFinite(l2)) throw new Error(`fitLogistic: l2 must be a finite number >= 0, got ${l2}`);
  const n = y.length;
  columns.forEach((column, j) => {
    if (column.length !== n) throw new Error(`fitLogistic: column ${j} has ${column.length} rows, the outcome ${n}`);
  });
  let positives = 0;
  for (let i = 0; i < n; i++) if (y[i]) positives++;
  if (positives === 0 || positives === n) {
    const only = positives === 0 ? 'no row converted' : 'every row converted';
    throw new Error(`fitLogistic: the outcome has only one class (${only}, ${n} rows); a model needs converters and non-converters`);
  }

  const means = columns.map(presentMean);
  const problem: Problem = { columns, y, means, l2 };
  const size = columns.length + 1;
  // Start at the base rate: intercept = logit(share converted), coefficients 0.
  let beta: Float64Array = new Float64Array(size);
  beta[0] = Math.log(positives / (n - positives));
  let current = evaluate(problem, beta);
  let iterations = 0;
  let converged = false;

  while (iterations < maxIterations) {
    iterations++;
    const step = newtonStep(current.hessian, current.gradient, size);
    // Newton steps can overshoot far from the optimum: halve until the objective does not drop
    // (allowing for rounding noise, so a converged fit still takes its last tiny step).
    const slack = 1e-12 * (1 + Math.abs(current.objective));
    let fraction = 1;
    let accepted: { beta: Float64Array; evaluation: Evaluation } | null = null;
    for (let halving = 0; halving <= MAX_HALVINGS; halving++, fraction /= 2) {
      const candidate = beta.map((b, k) => b + fraction * step[k]!);
      const evaluation = evaluate(problem, candidate);
      if (evaluation.objective >= current.objective - slack) {
        accepted = { beta: candidate, evaluation };
        break;
      }
    }
    if (!accepted) break;
    beta = accepted.beta;
    current = accepted.evaluation;
    // Judged on the full Newton step (the estimated distance to the optimum), not on the accepted
    // move, which step halving can make small far from the optimum.
    if (step.every((d) => Math.abs(d) < tolerance)) {
      converged = true;
      break;
    }
  }
  return { intercept: beta[0]!, coefficients: Array.from(beta.subarray(1)), iterations, converged, means };
}

interface Problem {
  columns: Float32Array[];
  y: Uint8Array;
  means: number[];
  l2: number;
}

interface Evaluation {
  /** Penalised log-likelihood (to maximise). */
  objective: number;
  /** Its gradient. */
  gradient: Float64Array;
  /** Minus its Hessian, X'WX + l2 I (no penalty on the intercept), row-major size x size. */
  hessian: Float64Array;
}

function presentMean(column: Float32Array): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    if (v === v) {
      sum += v;
      count++;
    }
  }
  return count === 0 ? 0 : sum / count;
}

/** log(1 + e^t) without overflow for large t or loss of precision for very negative t. */
function softplus(t: number): number {
  return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
}

/** Rows gathered per block: (p + 1) x 256 doubles stay in the L2 cache for p up to ~50. */
const ROWS_PER_BLOCK = 256;

/**
 * Objective, gradient and Hessian at beta in one pass over the rows. The rows are taken in blocks:
 * each block's features are gathered into a small column-major buffer (x[0] = 1 for the intercept,
 * NaN -> the column mean), and then every entry of the upper triangle of X'WX is a dot product over
 * the block summed in a local variable. Accumulating row by row into the (p+1)^2 matrix instead
 * does the same arithmetic but loads and stores a matrix entry per multiply-add, about 3x slower.
 */
function evaluate(problem: Problem, beta: Float64Array): Evaluation {
  const { columns, y, means, l2 } = problem;
  const size = beta.length;
  const n = y.length;
  const gradient = new Float64Array(size);
  const hessian = new Float64Array(size * size);
  const x = new Float64Array(size * ROWS_PER_BLOCK); // feature a of block row r at a * ROWS_PER_BLOCK + r
  x.fill(1, 0, ROWS_PER_BLOCK);
  const eta = new Float64Array(ROWS_PER_BLOCK);
  const residual = new Float64Array(ROWS_PER_BLOCK);
  const weight = new Float64Array(ROWS_PER_BLOCK);
  const weighted = new Float64Array(ROWS_PER_BLOCK);
  let logLikelihood = 0;

  for (let start = 0; start < n; start += ROWS_PER_BLOCK) {
    const rows = Math.min(ROWS_PER_BLOCK, n - start);
    eta.fill(beta[0]!);
    for (let a = 1; a < size; a++) {
      const column = columns[a - 1]!;
      const mean = means[a - 1]!;
      const coefficient = beta[a]!;
      const offset = a * ROWS_PER_BLOCK;
      for (let r = 0; r < rows; r++) {
        const v = column[start + r]!;
        const value = v === v ? v : mean;
        x[offset + r] = value;
        eta[r]! += coefficient * value;
      }
    }
    for (let r = 0; r < rows; r++) {
      const e = eta[r]!;
      const outcome = y[start + r] ? 1 : 0;
      logLikelihood += outcome * e - softplus(e);
      const probability = 1 / (1 + Math.exp(-e));
      residual[r] = outcome - probability;
      weight[r] = probability * (1 - probability);
    }
    for (let a = 0; a < size; a++) {
      const offsetA = a * ROWS_PER_BLOCK;
      let g = 0;
      for (let r = 0; r < rows; r++) {
        const xa = x[offsetA + r]!;
        g += residual[r]! * xa;
        weighted[r] = weight[r]! * xa;
      }
      gradient[a]! += g;
      // Four entries at a time: four independent sums keep the multiply-adds from waiting on
      // each other's results, and each weighted value is loaded once for four products.
      let b = a;
      for (; b + 3 < size; b += 4) {
        const o0 = b * ROWS_PER_BLOCK, o1 = o0 + ROWS_PER_BLOCK, o2 = o1 + ROWS_PER_BLOCK, o3 = o2 + ROWS_PER_BLOCK;
        let h0 = 0, h1 = 0, h2 = 0, h3 = 0;
        for (let r = 0; r < rows; r++) {
          const wx = weighted[r]!;
          h0 += wx * x[o0 + r]!;
          h1 += wx * x[o1 + r]!;
          h2 += wx * x[o2 + r]!;
          h3 += wx * x[o3 + r]!;
        }
        const entry = a * size + b;
        hessian[entry]! += h0;
        hessian[entry + 1]! += h1;
        hessian[entry + 2]! += h2;
        hessian[entry + 3]! += h3;
      }
      for (; b < size; b++) {
        const offsetB = b * ROWS_PER_BLOCK;
        let h = 0;
        for (let r = 0; r < rows; r++) h += weighted[r]! * x[offsetB + r]!;
        hessian[a * size + b]! += h;
      }
    }
  }

  let penalty = 0;
  for (let k = 1; k < size; k++) {
    penalty += beta[k]! * beta[k]!;
    gradient[k]! -= l2 * beta[k]!;
    hessian[k * size + k]! += l2;
  }
  for (let a = 0; a < size; a++) for (let b = 0; b < a; b++) hessian[a * size + b] = hessian[b * size + a]!;
  return { objective: logLikelihood - (l2 / 2) * penalty, gradient, hessian };
}

/**
 * Solves hessian * step = gradient. The matrix is symmetric positive definite whenever l2 > 0 or
 * the columns are not collinear, so Cholesky is the fast path; with l2 = 0 and collinear or
 * separable data it can be singular, and an LU solve, then a least-squares (SVD) solve, take over.
 */
function newtonStep(hessian: Float64Array, gradient: Float64Array, size: number): Float64Array {
  const rows: number[][] = [];
  for (let a = 0; a < size; a++) rows.push(Array.from(hessian.subarray(a * size, (a + 1) * size)));
  const matrix = new Matrix(rows);
  const rhs = Matrix.columnVector(Array.from(gradient));
  const cholesky = new CholeskyDecomposition(matrix);
  if (cholesky.isPositiveDefinite()) return Float64Array.from(cholesky.solve(rhs).getColumn(0));
  try {
    const step = Float64Array.from(solve(matrix, rhs).getColumn(0));
    if (step.every(Number.isFinite)) return step;
  } catch {
    // singular: fall through to the least-squares solve
  }
  return Float64Array.from(solve(matrix, rhs, true).getColumn(0));
}
