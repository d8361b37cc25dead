// The intent score: a weighted mean of normalised signals (0..1 each, NaN = "says nothing"), on 0..100.
//
// For customer i, over the signals with weight != 0 and a value:
//   S = sum |w|,   score = 100 * (sum w*n - sum_{w<0} w) / S   (0 when S = 0).
// A negative weight thus adds |w| * (1 - n): the signal counts "against" intent, and the score
// stays within 0..100 whatever the signs.

/**
 * Customers per block. The numerator and denominator of one block (2 x 8 KiB here) stay in the
 * L1 cache while every signal column streams through it.
 */
const BLOCK = 1024;
/** Signals summed per pass over a block. */
const GROUP = 4;
// Reused across calls: re-scoring after each slider move allocates nothing.
const numerator = new Float64Array(BLOCK);
const denominator = new Float64Array(BLOCK);

export function scoreCustomers(columns: Float32Array[], weights: Float64Array, out?: Float32Array): Float32Array {
  if (columns.length !== weights.length) {
    throw new Error(`scoreCustomers: ${columns.length} columns but ${weights.length} weights`);
  }
  // Weight-0 (and NaN) weights drop their signal here, so its column is never read: it may be
  // empty or all NaN.
  const used: Float32Array[] = [];
  const scale: number[] = [];
  const signal: number[] = [];
  for (let j = 0; j < columns.length; j++) {
    const w = weights[j]!;
    if (w === 0 || w !== w) continue;
    used.push(columns[j]!);
    scale.push(w);
    signal.push(j);
  }
  const n = used[0]?.length ?? out?.length ?? columns[0]?.length ?? 0;
  used.forEach((column, s) => {
    if (column.length !== n) throw new Error(`scoreCustomers: column ${signal[s]} holds ${column.length} customers, expected ${n}`);
  });
  const result = out ?? new Float32Array(n);
  if (result.length !== n) throw new Error(`scoreCustomers: the output holds ${result.length} customers, the columns ${n}`);

  // Loop order: blocks of customers outside, then groups of four signals, customers inside. The
  // inner loop walks four contiguous columns sequentially (reads the prefetcher follows), and the
  // block's sums stay in L1 instead of being re-read from and written back to memory once per
  // signal. Four signals per pass cut those read-modify-writes of the sums by four, which was the
  // measured bottleneck: 1M x 30 took ~85 ms with one signal per pass and ~55-70 ms with four.
  // Going customer by customer over all signals would instead jump between 30 arrays per customer.
  // A column where a random 20% are NaN adds ~4 ms (mispredicted branches); branch-free variants
  // (bit masks, 0/1 factors) measured slower in V8, which compiles them to branches or slow paths.
  for (let start = 0; start < n; start += BLOCK) {
    const size = Math.min(BLOCK, n - start);
    numerator.fill(0, 0, size);
    denominator.fill(0, 0, size);
    const grouped = used.length - (used.length % GROUP);
    for (let s = 0; s < grouped; s += GROUP) {
      const c1 = used[s]!, c2 = used[s + 1]!, c3 = used[s + 2]!, c4 = used[s + 3]!;
      const w1 = scale[s]!, w2 = scale[s + 1]!, w3 = scale[s + 2]!, w4 = scale[s + 3]!;
      // A negative weight adds |w| * (1 - v) = w * v + |w|.
      const b1 = w1 < 0 ? -w1 : 0, b2 = w2 < 0 ? -w2 : 0, b3 = w3 < 0 ? -w3 : 0, b4 = w4 < 0 ? -w4 : 0;
      const a1 = Math.abs(w1), a2 = Math.abs(w2), a3 = Math.abs(w3), a4 = Math.abs(w4);
      for (let k = 0, i = start; k < size; k++, i++) {
        let num = numerator[k]!;
        let den = denominator[k]!;
        const v1 = c1[i]!, v2 = c2[i]!, v3 = c3[i]!, v4 = c4[i]!;
        // v === v is false only for NaN: the signal says nothing about this customer.
        if (v1 === v1) { num += w1 * v1 + b1; den += a1; }
        if (v2 === v2) { num += w2 * v2 + b2; den += a2; }
        if (v3 === v3) { num += w3 * v3 + b3; den += a3; }
        if (v4 === v4) { num += w4 * v4 + b4; den += a4; }
        numerator[k] = num;
        denominator[k] = den;
      }
    }
    // The last one to three signals, one at a time.
    for (let s = grouped; s < used.length; s++) {
      const column = used[s]!;
      const w = scale[s]!;
      const b = w < 0 ? -w : 0;
      const a = Math.abs(w);
      for (let k = 0, i = start; k < size; k++, i++) {
        const v = column[i]!;
        if (v === v) {
          numerator[k]! += w * v + b;
          denominator[k]! += a;
        }
      }
    }
    for (let k = 0; k < size; k++) {
      const d = denominator[k]!;
      result[start + k] = d > 0 ? (100 * numerator[k]!) / d : 0;
    }
  }
  return result;
}

/** Counts per score point: bin b holds scores in [b, b + 1); a score of 100 goes to bin 99. */
export function scoreHistogram(score: Float32Array): number[] {
  const counts = new Array<number>(100).fill(0);
  for (let i = 0; i < score.length; i++) {
    const s = score[i]!;
    if (s !== s) continue;
    const bin = s >= 99 ? 99 : s <= 0 ? 0 : Math.floor(s);
    counts[bin]!++;
  }
  return counts;
}
