// Why a customer has their score: the points each signal adds compared with an average customer.

export interface ExplainInput {
  index: number;
  /** Normalised columns (0..1, NaN = the signal says nothing about the customer). */
  columns: Float32Array[];
  weights: Float64Array;
  /** Mean of each normalised column over its non-NaN values (see columnMeans). */
  means: Float64Array;
}

/**
 * points_j = 100 * w_j * (n_ij - mean_j) / S_i over the signals with weight != 0 and a value, where
 * S_i = sum of |w| over those signals (the denominator of the score). Dividing by the customer's own
 * S_i makes the points add up to their score minus the score an average customer would get from
 * the same signals, so the listed points explain the gap in the units the analyst sees. Largest
 * effect (either sign) first.
 */
export function contributions(input: ExplainInput): Array<{ signal: number; points: number }> {
  const { index, columns, weights, means } = input;
  if (columns.length !== weights.length || means.length !== weights.length) {
    throw new Error(`contributions: ${columns.length} columns, ${weights.length} weights and ${means.length} means`);
  }
  const present: Array<{ signal: number; deviation: number }> = [];
  let totalWeight = 0;
  for (let j = 0; j < columns.length; j++) {
    const w = weights[j]!;
    if (w === 0 || w !== w) continue;
    const value = columns[j]![index];
    if (value === undefined) throw new Error(`contributions: customer ${index} is outside column ${j}`);
    if (value !== value) continue;
    totalWeight += Math.abs(w);
    present.push({ signal: j, deviation: w * (value - means[j]!) });
  }
  return present
    .map(({ signal, deviation }) => ({ signal, points: (100 * deviation) / totalWeight }))
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.signal - b.signal);
}

/** Mean of each column over its non-NaN values; NaN for a column without any value. */
export function columnMeans(columns: Float32Array[]): Float64Array {
  const means = new Float64Array(columns.length);
  for (let j = 0; j < columns.length; j++) {
    const column = columns[j]!;
    let sum = 0;
    let count = 0;
    for (let i = 0; i < column.length; i++) {
      const v = column[i]!;
      if (v === v) {
        sum += v;
        count++;
      }
    }
    means[j] = count === 0 ? NaN : sum / count;
  }
  return means;
}
