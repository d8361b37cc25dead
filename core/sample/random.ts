// A small, fast, seeded pseudo-random generator for the sample data (xoshiro128**), plus the
// distributions the generator needs. Never Math.random: the same seed must give the same data on
// every machine and every Node version, so everything here is plain 32-bit integer arithmetic
// and IEEE double operations whose results are fully specified.

const TWO_32 = 4294967296;

/** splitmix32-style finaliser: spreads any 32-bit input over the whole range. */
export function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Hashes a list of 32-bit integers (seed, stream, index, ...) into one 32-bit value. */
export function hash32(...parts: number[]): number {
  let h = 0x243f6a88;
  for (const p of parts) h = mix32((h ^ mix32(p | 0)) + 0x632be5ab);
  return h;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A generator for (seed, ...stream): different streams are independent sequences. */
  constructor(seed: number, ...stream: number[]) {
    const h = hash32(seed, ...stream);
    this.a = mix32(h) | 0;
    this.b = mix32(h ^ 0x5bd1e995) | 0;
    this.c = mix32(h ^ 0x1b873593) | 0;
    this.d = mix32(h ^ 0xcc9e2d51) | 0;
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** Next raw 32-bit output, as an unsigned integer. */
  u32(): number {
    const b = this.b;
    const r = Math.imul(b, 5);
    const result = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
    const t = b << 9;
    this.c ^= this.a;
    this.d ^= b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = (this.d << 11) | (this.d >>> 21);
    return result;
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return this.u32() / TWO_32;
  }

  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.uniform();
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Integer in [lo, hi] (both inclusive). */
  intBetween(lo: number, hi: number): number {
    return lo + Math.floor(this.uniform() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.uniform() < p;
  }

  /** Normal via Box-Muller (one value per call; simpler than caching and fast enough). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.uniform(); // (0, 1]
    const v = this.uniform();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.uniform()) * mean;
  }

  /** Poisson count with mean lambda (Knuth for small lambda, normal approximation above 30). */
  poisson(lambda: number): number {
    if (!(lambda > 0)) return 0;
    if (lambda > 30) return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.uniform();
    while (p > limit) {
      k++;
      p *= this.uniform();
    }
    return k;
  }

  /** Geometric count (0, 1, 2, ...) with the given mean: many small values, a long tail. */
  geometric(mean: number): number {
    if (!(mean > 0)) return 0;
    const q = mean / (1 + mean);
    return Math.floor(Math.log(1 - this.uniform()) / Math.log(q));
  }

  /** Gamma(shape, scale) by Marsaglia-Tsang; mean = shape * scale. */
  gamma(shape: number, scale = 1): number {
    if (shape < 1) {
      const u = 1 - this.uniform();
      return this.gamma(shape + 1, scale) * Math.pow(u, 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - this.uniform();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  }

  /** Gamma with the given mean and shape (heterogeneity multipliers: gammaMean(1, 2) etc.). */
  gammaMean(mean: number, shape: number): number {
    return this.gamma(shape, mean / shape);
  }

  /** Beta(a, b) from two gammas. */
  beta(a: number, b: number): number {
    const x = this.gamma(a);
    return x / (x + this.gamma(b));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.uniform() * items.length)]!;
  }

  /** Index drawn from a precomputed weight table. */
  weighted(table: Weighted): number {
    return table.draw(this.uniform());
  }
}

/** Cumulative weight table: build once, draw many times. */
export class Weighted {
  readonly cumulative: Float64Array;
  readonly total: number;

  constructor(weights: readonly number[]) {
    if (weights.length === 0) throw new Error('Weighted needs at least one weight');
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i]!;
      if (!(w >= 0)) throw new Error(`weight ${i} is not a non-negative number`);
      sum += w;
      this.cumulative[i] = sum;
    }
    if (!(sum > 0)) throw new Error('weights sum to zero');
    this.total = sum;
  }

  /** Maps a uniform number in [0, 1) to an index. Linear scan: tables here are small. */
  draw(u: number): number {
    const target = u * this.total;
    const cum = this.cumulative;
    const n = cum.length;
    for (let i = 0; i < n; i++) if (target < cum[i]!) return i;
    return n - 1;
  }
}

/** A weighted choice between values: `new Choice([['UK', 38], ['DE', 14]])`. */
export class Choice<T> {
  readonly values: readonly T[];
  readonly table: Weighted;
  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.values = entries.map((e) => e[0]);
    this.table = new Weighted(entries.map((e) => e[1]));
  }
  draw(rng: Rng): T {
    return this.values[this.table.draw(rng.uniform())]!;
  }
}
