// Re-scoring after a slider move. A full weighted sum over 1M customers x 35 signals costs
// ~110 ms here (bench rescore); a move changes one weight, so keeping each customer's numerator
// and denominator (16 MB for 1M) and adding only the change of that one signal costs one column
// pass instead. Same formula as scoreCustomers (score.ts); the sums are rebuilt from scratch when
// many weights change at once, and every REBUILD_EVERY updates so rounding never accumulates.

const REBUILD_EVERY = 64;
/** More changed weights than this: a full pass is as cheap as the increments. */
const MAX_INCREMENTAL = 4;

export class IncrementalScorer {
  private readonly numerator: Float64Array;
  private readonly denominator: Float64Array;
  private weights: Float64Array | null = null;
  private updates = 0;
  readonly score: Float32Array;

  constructor(private readonly columns: Float32Array[]) {
    const n = columns[0]?.length ?? 0;
    this.numerator = new Float64Array(n);
    this.denominator = new Float64Array(n);
    this.score = new Float32Array(n);
  }

  /** True when the scores are what a full pass gives, bit for bit (no increments since the last one). */
  get exact(): boolean {
    return this.weights !== null && this.updates === 0;
  }

  /**
   * Scores every customer with `weights` (one per column); returns the shared score array.
   * `exact`: a full pass unless the sums are already one, so the result does not depend on the
   * slider moves before it (an increment can change the last bit of a float32 score, which moves a
   * customer sitting on a threshold; memberships and exports must not depend on that history).
   */
  scoreWith(weights: Float64Array, exact = false): Float32Array {
    if (weights.length !== this.columns.length) throw new Error(`IncrementalScorer: ${this.columns.length} columns but ${weights.length} weights`);
    const previous = this.weights;
    const changed: number[] = [];
    if (previous) for (let j = 0; j < weights.length; j++) if (!sameWeight(previous[j]!, weights[j]!)) changed.push(j);
    const stale = exact && (changed.length > 0 || this.updates > 0);
    if (!previous || changed.length > MAX_INCREMENTAL || this.updates >= REBUILD_EVERY || stale) this.rebuild(weights);
    else if (changed.length > 0) {
      for (const j of changed) this.apply(this.columns[j]!, usable(previous[j]!), usable(weights[j]!));
      this.updates++;
      this.finish();
    }
    this.weights = Float64Array.from(weights);
    return this.score;
  }

  private rebuild(weights: Float64Array): void {
    this.numerator.fill(0);
    this.denominator.fill(0);
    for (let j = 0; j < weights.length; j++) {
      const w = usable(weights[j]!);
      if (w !== 0) this.apply(this.columns[j]!, 0, w);
    }
    this.updates = 0;
    this.finish();
  }

  /** Replaces weight `from` of one column by `to` in every customer's sums. */
  private apply(column: Float32Array, from: number, to: number): void {
    // Contribution of a present value v under weight w: w * v + max(-w, 0) to the numerator,
    // |w| to the denominator (see score.ts); the change is the difference of the two.
    const dw = to - from;
    const db = Math.max(-to, 0) - Math.max(-from, 0);
    const da = Math.abs(to) - Math.abs(from);
    const num = this.numerator;
    const den = this.denominator;
    for (let i = 0; i < column.length; i++) {
      const v = column[i]!;
      if (v === v) {
        num[i]! += dw * v + db;
        den[i]! += da;
      }
    }
  }

  private finish(): void {
    const { numerator, denominator, score } = this;
    for (let i = 0; i < score.length; i++) {
      const d = denominator[i]!;
      // Increments that cancel out may leave a denominator of ~1e-13 instead of 0.
      score[i] = d > 1e-9 ? (100 * numerator[i]!) / d : 0;
    }
  }
}

function usable(w: number): number {
  return w === w ? w : 0;
}

function sameWeight(a: number, b: number): boolean {
  return usable(a) === usable(b);
}
