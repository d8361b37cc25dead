// Per-customer repeat-purchase summaries for the buy-till-you-die models: x repeat transactions,
// tx the time of the last one and T the customer's age, both from the first purchase, in the
// model's time unit. Customers with identical (x, tx, T) are one weighted group: the likelihood
// is computed once per group (at 10^6 customers with day-resolution times this cuts the work
// several-fold), and x takes small integer values so its terms are computed once per value.

export interface RfmData {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Customers in each group. */
  count: Float64Array;
  groups: number;
  customers: number;
  /** Largest x (x is a whole number of repeat transactions). */
  maxX: number;
  /** The group of each customer, in input order. */
  groupOf: Int32Array;
  /**
   * The distinct values of tx and T (whole days in the model's unit: a few hundred), and each
   * group's index into them: a likelihood evaluation takes log(alpha + t) once per distinct time.
   */
  times: Float64Array;
  txIndex: Int32Array;
  TIndex: Int32Array;
}

export function groupRfm(x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>): RfmData {
  const index = new Map<string, number>();
  const gx: number[] = [];
  const gtx: number[] = [];
  const gT: number[] = [];
  const count: number[] = [];
  let maxX = 0;
  const groupOf = new Int32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    if (!Number.isInteger(xi) || xi < 0) throw new Error(`repeat transactions must be whole numbers >= 0, got ${xi} for customer ${i}`);
    if (!(tx[i]! >= 0 && T[i]! >= tx[i]!)) throw new Error(`customer ${i}: need 0 <= tx <= T, got tx ${tx[i]}, T ${T[i]}`);
    const key = `${xi}|${tx[i]}|${T[i]}`;
    const g = index.get(key);
    if (g !== undefined) {
      count[g]!++;
      groupOf[i] = g;
      continue;
    }
    groupOf[i] = gx.length;
    index.set(key, gx.length);
    gx.push(xi);
    gtx.push(tx[i]!);
    gT.push(T[i]!);
    count.push(1);
    if (xi > maxX) maxX = xi;
  }
  const times = Float64Array.from(new Set([...gtx, ...gT])).sort();
  const timeIndex = new Map(Array.from(times, (t, k) => [t, k]));
  return {
    x: Float64Array.from(gx),
    tx: Float64Array.from(gtx),
    T: Float64Array.from(gT),
    count: Float64Array.from(count),
    groups: gx.length,
    customers: x.length,
    maxX,
    groupOf,
    times,
    txIndex: Int32Array.from(gtx, (t) => timeIndex.get(t)!),
    TIndex: Int32Array.from(gT, (t) => timeIndex.get(t)!),
  };
}
