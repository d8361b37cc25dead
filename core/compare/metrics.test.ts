// Agreement and separation metrics. ARI and NMI are checked against scikit-learn (the module
// promises an analyst can reproduce a figure in a notebook), with small cases also worked out by
// hand; segmentAuc against the per-customer AUC of core/scoring/stats.ts on the expanded data;
// the bootstrap of separation() for determinism, its point values and its intervals.
import { describe, expect, it } from 'vitest';
import { adjustedRandFromTable, crossTable, jaccardTable, normalisedMutualInformation, segmentAuc, separation } from './metrics.ts';
import { auc } from '../scoring/stats.ts';
import { mulberry32 } from '../scoring/test-random.ts';

/** The contingency table of two labelings, with ka / kb segments (default: the labels used). */
function tableOf(a: readonly number[], b: readonly number[], ka = Math.max(-1, ...a) + 1, kb = Math.max(-1, ...b) + 1): number[][] {
  return crossTable(Int32Array.from(a), Int32Array.from(b), ka, kb);
}

/**
 * The labelings of the random cases: Park-Miller's minimal standard generator
 * x -> 16807 x mod (2^31 - 1), which is exact in doubles and one line of Python.
 */
function parkMiller(seed: number, count: number): number[] {
  const out: number[] = [];
  let x = seed;
  for (let i = 0; i < count; i++) {
    x = (x * 16807) % 2147483647;
    out.push(x);
  }
  return out;
}

/**
 * Reference values from scikit-learn 1.2.1 (adjusted_rand_score, normalized_mutual_info_score with
 * the default average_method='arithmetic'), printed by
 *   python3 -c "from sklearn.metrics import adjusted_rand_score as ari, normalized_mutual_info_score as nmi; cases=[([0,0,1,1,2,2,2],[2,2,0,0,1,1,1]),([0,0,1,1],[0,0,1,2]),([0,0,0,1,1,1,2,2,2],[0,0,1,1,1,2,2,2,0]),([0,0,1,1],[0,1,0,1]),([0,0,0],[1,1,1]),([0,0,0,0],[0,1,2,3]),([0,0,0,0,0,0],[0,0,1,1,2,2])]; [print(repr(ari(a, b)), repr(nmi(a, b, average_method='arithmetic'))) for a, b in cases]"
 */
const SKLEARN_CASES: { name: string; a: number[]; b: number[]; ari: number; nmi: number }[] = [
  { name: 'identical partitions with different label numbers', a: [0, 0, 1, 1, 2, 2, 2], b: [2, 2, 0, 0, 1, 1, 1], ari: 1.0, nmi: 1.0 },
  { name: 'the 2 x 3 example of the scikit-learn docs', a: [0, 0, 1, 1], b: [0, 0, 1, 2], ari: 0.5714285714285714, nmi: 0.7999999999999999 },
  { name: 'a 3 x 3 rotation', a: [0, 0, 0, 1, 1, 1, 2, 2, 2], b: [0, 0, 1, 1, 1, 2, 2, 2, 0], ari: 0.1111111111111111, nmi: 0.42061983571430506 },
  { name: 'independent partitions', a: [0, 0, 1, 1], b: [0, 1, 0, 1], ari: -0.5, nmi: 0.0 },
  { name: 'both sides a single cluster', a: [0, 0, 0], b: [1, 1, 1], ari: 1.0, nmi: 1.0 },
  { name: 'one side a single cluster, the other all singletons', a: [0, 0, 0, 0], b: [0, 1, 2, 3], ari: 0.0, nmi: 0.0 },
  { name: 'one side a single cluster, the other three pairs', a: [0, 0, 0, 0, 0, 0], b: [0, 0, 1, 1, 2, 2], ari: 0.0, nmi: 0.0 },
];

describe('crossTable', () => {
  it('counts customers per (a, b) pair, keeping segments nobody is in as zero rows and columns', () => {
    expect(tableOf([0, 1, 1, 2, 1], [1, 0, 1, 1, 0], 4, 3)).toEqual([
      [0, 1, 0],
      [2, 1, 0],
      [0, 1, 0],
      [0, 0, 0],
    ]);
    expect(tableOf([], [], 2, 2)).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it('puts every customer in exactly one cell', () => {
    const rnd = mulberry32(5);
    const a = Array.from({ length: 1000 }, () => Math.floor(rnd() * 3));
    const b = Array.from({ length: 1000 }, () => Math.floor(rnd() * 4));
    const t = tableOf(a, b);
    expect(t.flat().reduce((s, v) => s + v, 0)).toBe(1000);
    expect(t[2]![3]).toBe(a.filter((v, i) => v === 2 && b[i] === 3).length);
  });
});

describe('adjusted Rand index and normalised mutual information match scikit-learn', () => {
  it.each(SKLEARN_CASES)('$name', ({ a, b, ari, nmi }) => {
    const t = tableOf(a, b);
    expect(adjustedRandFromTable(t)).toBeCloseTo(ari, 12);
    expect(normalisedMutualInformation(t)).toBeCloseTo(nmi, 12);
    // Both are symmetric in the two partitions.
    const transposed = tableOf(b, a);
    expect(adjustedRandFromTable(transposed)).toBeCloseTo(ari, 12);
    expect(normalisedMutualInformation(transposed)).toBeCloseTo(nmi, 12);
  });

  it('the 2 x 3 docs example, by hand', () => {
    // a = [0,0,1,1], b = [0,0,1,2]: table [[2,0,0],[0,1,1]], n = 4.
    // ARI: sum C(n_ij, 2) = 1; rows 2, 2 -> sum C = 2; columns 2, 1, 1 -> sum C = 1; C(4, 2) = 6.
    //   expected = 2 * 1 / 6 = 1/3, max = (2 + 1) / 2 = 3/2, ARI = (1 - 1/3) / (3/2 - 1/3) = 4/7.
    // NMI: MI = 1/2 ln(0.5 / 0.25) + 2 * 1/4 ln(0.25 / 0.125) = ln 2; H(a) = ln 2,
    //   H(b) = 1/2 ln 2 + 2 * 1/4 ln 4 = 3/2 ln 2; NMI = ln 2 / ((1 + 3/2) / 2 * ln 2) = 0.8.
    const t = tableOf([0, 0, 1, 1], [0, 0, 1, 2]);
    expect(t).toEqual([
      [2, 0, 0],
      [0, 1, 1],
    ]);
    expect(adjustedRandFromTable(t)).toBeCloseTo(4 / 7, 14);
    expect(normalisedMutualInformation(t)).toBeCloseTo(0.8, 14);
  });

  it('the 3 x 3 rotation, by hand', () => {
    // Table [[2,1,0],[0,2,1],[1,0,2]], n = 9, every row and column sums to 3.
    // ARI: sum C(n_ij, 2) = 3 * C(2, 2) = 3; rows and columns: 3 * C(3, 2) = 9 each; C(9, 2) = 36.
    //   expected = 9 * 9 / 36 = 2.25, max = 9, ARI = (3 - 2.25) / (9 - 2.25) = 1/9.
    // NMI: the 2-cells give 3 * 2/9 ln((2/9) / (1/9)) = 2/3 ln 2, the 1-cells ln 1 = 0;
    //   H(a) = H(b) = ln 3, NMI = (2/3) ln 2 / ln 3.
    const t = tableOf([0, 0, 0, 1, 1, 1, 2, 2, 2], [0, 0, 1, 1, 1, 2, 2, 2, 0]);
    expect(t).toEqual([
      [2, 1, 0],
      [0, 2, 1],
      [1, 0, 2],
    ]);
    expect(adjustedRandFromTable(t)).toBeCloseTo(1 / 9, 14);
    expect(normalisedMutualInformation(t)).toBeCloseTo(((2 / 3) * Math.log(2)) / Math.log(3), 14);
  });

  it('segments with 0 customers (empty rows and columns) change nothing', () => {
    for (const { a, b, ari, nmi } of SKLEARN_CASES) {
      const plain = tableOf(a, b);
      // Labels spread out (0 -> 1, 1 -> 3, ...) with two extra empty segments at the end on each side.
      const padded = tableOf(
        a.map((v) => 2 * v + 1),
        b.map((v) => 2 * v + 1),
        2 * Math.max(...a) + 4,
        2 * Math.max(...b) + 4,
      );
      expect(padded.length).toBeGreaterThan(plain.length);
      expect(padded.flat().filter((v) => v > 0).sort()).toEqual(plain.flat().filter((v) => v > 0).sort());
      expect(adjustedRandFromTable(padded)).toBe(adjustedRandFromTable(plain));
      expect(normalisedMutualInformation(padded)).toBe(normalisedMutualInformation(plain));
      expect(adjustedRandFromTable(padded)).toBeCloseTo(ari, 12);
      expect(normalisedMutualInformation(padded)).toBeCloseTo(nmi, 12);
    }
    // A single used cell in a bigger table is still "both single-cluster"; a single used row
    // against several used columns is still "one side single-cluster".
    const single = [
      [0, 0, 0],
      [0, 7, 0],
    ];
    expect(adjustedRandFromTable(single)).toBe(1);
    expect(normalisedMutualInformation(single)).toBe(1);
    const oneSide = [
      [0, 0, 0, 0],
      [2, 0, 3, 1],
      [0, 0, 0, 0],
    ];
    expect(adjustedRandFromTable(oneSide)).toBe(0);
    expect(normalisedMutualInformation(oneSide)).toBe(0);
  });

  it('an empty table counts as two identical (empty) partitions, as in scikit-learn', () => {
    expect(adjustedRandFromTable([])).toBe(1);
    expect(normalisedMutualInformation([])).toBe(1);
    expect(normalisedMutualInformation([[0, 0]])).toBe(1);
  });

  it('independent random partitions: ARI about 0, NMI small', () => {
    // 2000 customers, a = d[2i] % 4, b = d[2i+1] % 5 with Park-Miller draws d from seed 777.
    // scikit-learn 1.2.1:
    //   python3 -c "from sklearn.metrics import adjusted_rand_score as ari, normalized_mutual_info_score as nmi; import itertools as it; d=list(it.accumulate(range(4000), lambda s, _: s*16807 % 2147483647, initial=777))[1:]; a=[d[2*i]%4 for i in range(2000)]; b=[d[2*i+1]%5 for i in range(2000)]; print(repr(ari(a, b)), repr(nmi(a, b)))"
    //   -> 0.0016978735736998308 0.0039600421423399345
    const d = parkMiller(777, 4000);
    const a = Array.from({ length: 2000 }, (_, i) => d[2 * i]! % 4);
    const b = Array.from({ length: 2000 }, (_, i) => d[2 * i + 1]! % 5);
    const t = tableOf(a, b, 4, 5);
    expect(adjustedRandFromTable(t)).toBeCloseTo(0.0016978735736998308, 12);
    expect(normalisedMutualInformation(t)).toBeCloseTo(0.0039600421423399345, 12);
    expect(Math.abs(adjustedRandFromTable(t))).toBeLessThan(0.01);
    expect(normalisedMutualInformation(t)).toBeLessThan(0.01);
  });

  it('a random 5000-customer case with 6 x 9 segments', () => {
    // a = d[3i] % 6; b = (2a + 1) % 9 when d[3i+1] % 10 < 4, else d[3i+2] % 9 (Park-Miller, seed 12345).
    // scikit-learn 1.2.1:
    //   python3 -c "from sklearn.metrics import adjusted_rand_score as ari, normalized_mutual_info_score as nmi; import itertools as it; d=list(it.accumulate(range(15000), lambda s, _: s*16807 % 2147483647, initial=12345))[1:]; a=[d[3*i]%6 for i in range(5000)]; b=[(2*a[i]+1)%9 if d[3*i+1]%10<4 else d[3*i+2]%9 for i in range(5000)]; print(repr(ari(a, b)), repr(nmi(a, b)))"
    //   -> 0.18496562796695143 0.18502440304518294
    const d = parkMiller(12345, 15000);
    expect(d.slice(0, 3)).toEqual([207482415, 1790989824, 2035175616]); // same stream as Python's
    const a = Array.from({ length: 5000 }, (_, i) => d[3 * i]! % 6);
    const b = a.map((ai, i) => (d[3 * i + 1]! % 10 < 4 ? (2 * ai + 1) % 9 : d[3 * i + 2]! % 9));
    expect(a.slice(0, 10)).toEqual([3, 2, 2, 3, 2, 4, 1, 3, 1, 4]);
    expect(b.slice(0, 10)).toEqual([0, 5, 5, 7, 7, 0, 4, 1, 8, 8]);
    const t = tableOf(a, b, 6, 9);
    expect(t.flat().reduce((s, v) => s + v, 0)).toBe(5000);
    expect(adjustedRandFromTable(t)).toBeCloseTo(0.18496562796695143, 12);
    expect(normalisedMutualInformation(t)).toBeCloseTo(0.18502440304518294, 12);
  });
});

describe('jaccardTable', () => {
  it('is |A ∩ B| / |A ∪ B| per pair, 0 for an empty union', () => {
    // Rows sum to 4 and 6 (and 0 for the empty third row); columns to 5, 1, 4 and 0.
    const j = jaccardTable([
      [3, 1, 0, 0],
      [2, 0, 4, 0],
      [0, 0, 0, 0],
    ]);
    const expected = [
      [3 / (4 + 5 - 3), 1 / (4 + 1 - 1), 0 / (4 + 4), 0 / 4],
      [2 / (6 + 5 - 2), 0 / (6 + 1), 4 / (6 + 4 - 4), 0 / 6],
      [0 / 5, 0 / 1, 0 / 4, 0], // the last: empty segment against empty segment
    ];
    expect(j.length).toBe(3);
    j.forEach((row, r) => row.forEach((v, c) => expect(v).toBeCloseTo(expected[r]![c]!, 15)));
    expect(j[0]).toEqual([0.5, 0.25, 0, 0]);
    expect(j[1]![2]).toBeCloseTo(2 / 3, 15);
  });

  it('is 1 for the same segment in both segmentations', () => {
    const t = tableOf([0, 0, 1, 2, 2, 2], [1, 1, 2, 0, 0, 0]);
    expect(jaccardTable(t)).toEqual([
      [0, 1, 0],
      [0, 0, 1],
      [1, 0, 0],
    ]);
  });
});

/** The per-customer data behind a (positives, negatives) table: score = the segment's rate. */
function expand(positives: readonly number[], negatives: readonly number[]): { score: Float64Array; positive: Uint8Array } {
  const score: number[] = [];
  const positive: number[] = [];
  positives.forEach((p, s) => {
    const q = negatives[s]!;
    const rate = p / (p + q);
    for (let i = 0; i < p; i++) {
      score.push(rate);
      positive.push(1);
    }
    for (let i = 0; i < q; i++) {
      score.push(rate);
      positive.push(0);
    }
  });
  return { score: Float64Array.from(score), positive: Uint8Array.from(positive) };
}

describe('segmentAuc', () => {
  it('a two-segment case by hand', () => {
    // Rates 1/4 and 3/4; P = Q = 4. Converters in the high segment beat the 3 non-converters of
    // the low one and tie the 1 of their own: 3 * (3 + 0.5); the low converter ties 3: 1 * 1.5.
    expect(segmentAuc([1, 3], [3, 1])).toBeCloseTo((3 * 3.5 + 1.5) / 16, 15);
  });

  it('equals the AUC of the expanded per-customer data for random tables with ties and empty segments', () => {
    const rnd = mulberry32(2024);
    for (let trial = 0; trial < 60; trial++) {
      const k = 1 + Math.floor(rnd() * 9);
      const pos: number[] = [];
      const neg: number[] = [];
      for (let s = 0; s < k; s++) {
        const kind = rnd();
        if (kind < 0.15) {
          pos.push(0); // empty segment
          neg.push(0);
        } else if (kind < 0.35 && s > 0 && pos[s - 1]! + neg[s - 1]! > 0) {
          const m = 1 + Math.floor(rnd() * 3); // same rate as the previous segment: a tie
          pos.push(pos[s - 1]! * m);
          neg.push(neg[s - 1]! * m);
        } else if (kind < 0.45) {
          pos.push(Math.floor(rnd() * 6)); // only one class
          neg.push(0);
        } else {
          pos.push(Math.floor(rnd() * 30));
          neg.push(Math.floor(rnd() * 60));
        }
      }
      const { score, positive } = expand(pos, neg);
      const expected = auc(score, positive);
      const got = segmentAuc(pos, neg);
      if (Number.isNaN(expected)) expect(got).toBeNaN();
      else expect(got).toBeCloseTo(expected, 12);
    }
  });

  it('counts equal rates in different segments as ties, wherever the segments sit', () => {
    // Segments 0 and 2 both convert at 1/3 (1 of 3 and 2 of 6): one tie block.
    const pos = [1, 5, 2, 0];
    const neg = [2, 1, 4, 0];
    const { score, positive } = expand(pos, neg);
    expect(segmentAuc(pos, neg)).toBeCloseTo(auc(score, positive), 15);
    expect(segmentAuc(Float64Array.from(pos), Float64Array.from(neg))).toBeCloseTo(auc(score, positive), 15);
  });

  it('is NaN without converters or without non-converters', () => {
    expect(segmentAuc([0, 0, 0], [5, 3, 0])).toBeNaN();
    expect(segmentAuc([4, 1], [0, 0])).toBeNaN();
    expect(segmentAuc([], [])).toBeNaN();
    expect(segmentAuc([0, 0], [0, 0])).toBeNaN();
  });

  it('is 0.5 for one segment and 1 for a perfect split', () => {
    expect(segmentAuc([3], [7])).toBe(0.5);
    expect(segmentAuc([0, 4], [6, 0])).toBe(1);
    expect(segmentAuc([4, 0], [0, 6])).toBe(1); // the rate orders the segments, not their index
  });
});

/** Customers and converters per (a, b) cell for n customers; conversion rate rate(a, b). */
function simulate(n: number, ka: number, kb: number, rate: (a: number, b: number) => number, seed: number) {
  const rnd = mulberry32(seed);
  const customers = Array.from({ length: ka }, () => new Array<number>(kb).fill(0));
  const converters = Array.from({ length: ka }, () => new Array<number>(kb).fill(0));
  for (let i = 0; i < n; i++) {
    const a = Math.floor(rnd() * ka);
    const b = Math.floor(rnd() * kb);
    customers[a]![b]!++;
    if (rnd() < rate(a, b)) converters[a]![b]!++;
  }
  return { customers, converters };
}

const marginA = (t: number[][]) => t.map((r) => r.reduce((s, v) => s + v, 0));
const marginB = (t: number[][]) => t[0]!.map((_, j) => t.reduce((s, r) => s + r[j]!, 0));
const minus = (x: number[], y: number[]) => x.map((v, i) => v - y[i]!);

describe('separation', () => {
  const informativeA = simulate(40_000, 4, 5, (a) => [0.02, 0.05, 0.1, 0.2][a]!, 11);
  const bothInformative = simulate(200_000, 3, 4, (a, b) => 0.02 + 0.04 * a + 0.02 * b, 12);

  it('is deterministic for a seed, and the seed matters', () => {
    const { customers, converters } = informativeA;
    const one = separation(customers, converters, 80, 42);
    expect(separation(customers, converters, 80, 42)).toEqual(one);
    expect(separation(customers, converters, 80)).toEqual(separation(customers, converters, 80, 1));
    const other = separation(customers, converters, 80, 43);
    expect(other.a.value).toBe(one.a.value); // the point values do not depend on the seed
    expect([other.a.low, other.a.high, other.b.low, other.b.high]).not.toEqual([one.a.low, one.a.high, one.b.low, one.b.high]);
  });

  it('point values are segmentAuc of the margins (A, B) and of the cells (A x B)', () => {
    for (const { customers, converters } of [informativeA, bothInformative]) {
      const s = separation(customers, converters, 20, 3);
      const pa = marginA(converters);
      const pb = marginB(converters);
      const a = segmentAuc(pa, minus(marginA(customers), pa));
      const b = segmentAuc(pb, minus(marginB(customers), pb));
      expect(s.a.value).toBeCloseTo(a, 14);
      expect(s.b.value).toBeCloseTo(b, 14);
      expect(s.difference.value).toBeCloseTo(a - b, 14);
      expect(s.combined.value).toBeCloseTo(segmentAuc(converters.flat(), minus(customers.flat(), converters.flat())), 14);
    }
  });

  it('intervals hold the point value for a large sample', () => {
    const { customers, converters } = bothInformative;
    const s = separation(customers, converters, 300, 5);
    for (const iv of [s.a, s.b, s.difference, s.combined]) {
      expect(Number.isFinite(iv.low) && Number.isFinite(iv.high)).toBe(true);
      expect(iv.low).toBeLessThanOrEqual(iv.value);
      expect(iv.value).toBeLessThanOrEqual(iv.high);
      expect(iv.high - iv.low).toBeLessThan(0.05); // 200 000 customers: narrow
    }
    // Knowing both segmentations separates at least as well as either alone.
    expect(s.combined.value).toBeGreaterThanOrEqual(Math.max(s.a.value, s.b.value));
  });

  it('puts the difference above 0 when A is informative and B is random', () => {
    const { customers, converters } = informativeA;
    const s = separation(customers, converters, 300, 9);
    expect(s.a.low).toBeGreaterThan(0.6);
    expect(s.b.value).toBeLessThan(0.53);
    expect(s.difference.low).toBeGreaterThan(0);
    expect(s.difference.low).toBeLessThanOrEqual(s.difference.value);
    expect(s.difference.value).toBeLessThanOrEqual(s.difference.high);
    // And the other way round the difference interval lies below 0.
    const transposed = (t: number[][]) => t[0]!.map((_, j) => t.map((r) => r[j]!));
    const back = separation(transposed(customers), transposed(converters), 300, 9);
    expect(back.difference.high).toBeLessThan(0);
  });

  it('reports and uses the number of replicates asked for', () => {
    const { customers, converters } = informativeA;
    for (const r of [1, 7, 150]) expect(separation(customers, converters, r, 2).replicates).toBe(r);
    // One replicate: both ends of each interval are that replicate's value.
    const one = separation(customers, converters, 1, 2);
    for (const iv of [one.a, one.b, one.difference, one.combined]) {
      expect(Number.isFinite(iv.low)).toBe(true);
      expect(iv.low).toBe(iv.high);
    }
    // None: point values only.
    const none = separation(customers, converters, 0, 2);
    expect(Number.isFinite(none.a.value)).toBe(true);
    for (const iv of [none.a, none.b, none.difference, none.combined]) {
      expect(iv.low).toBeNaN();
      expect(iv.high).toBeNaN();
    }
    // Several replicates: a spread of draws.
    const few = separation(customers, converters, 7, 2);
    expect(few.a.high).toBeGreaterThan(few.a.low);
  });

  it('drops replicates without converters and is NaN when there are none at all', () => {
    // One converter among 1000: about a third of the replicates draw no converter at all.
    const s = separation([[400, 600]], [[1, 0]], 200, 4);
    expect(Number.isFinite(s.b.low) && Number.isFinite(s.b.high)).toBe(true);
    const none = separation(
      [
        [10, 20],
        [30, 0],
      ],
      [
        [0, 0],
        [0, 0],
      ],
      50,
      4,
    );
    for (const iv of [none.a, none.b, none.difference, none.combined]) {
      expect(iv.value).toBeNaN();
      expect(iv.low).toBeNaN();
    }
  });
});
