// Re-scoring latency after a weight change (what a slider move costs): score every customer,
// re-phase them and rebuild the score histogram. Runs on seeded random normalised columns, so
// repeated runs measure the same work.
import { Rng } from '../sample/random.ts';
import { assignPhases } from './phases.ts';
import { scoreCustomers, scoreHistogram } from './score.ts';
import { IncrementalScorer } from './incremental.ts';

export interface RescoreTiming {
  /** A slider move as the app does it: IncrementalScorer updates the one changed signal. */
  p50Ms: number;
  p95Ms: number;
  /** The same moves with a full weighted sum over every signal (what a first score costs). */
  fullP50Ms: number;
  fullP95Ms: number;
  customers: number;
  signals: number;
}

export function measureRescore(customers: number, signals: number, repeats: number): RescoreTiming {
  if (!(repeats >= 1)) throw new Error(`measureRescore: repeats must be at least 1, got ${repeats}`);
  const rng = new Rng(42, 7);
  const columns = Array.from({ length: signals }, (_, j) => randomColumn(rng, customers, j));
  const weights = Float64Array.from({ length: signals }, () => Math.round(rng.range(-30, 100)));
  const retained = new Uint8Array(customers);
  for (let i = 0; i < customers; i++) retained[i] = rng.chance(0.08) ? 1 : 0;
  const thresholds = { consideration: 40, decision: 70 };
  const score = new Float32Array(customers);
  const phase = new Uint8Array(customers);

  const scorer = new IncrementalScorer(columns);
  const full = (): void => {
    scoreCustomers(columns, weights, score);
    assignPhases(score, thresholds, retained, phase);
    scoreHistogram(score);
  };
  const incremental = (): void => {
    const s = scorer.scoreWith(weights);
    assignPhases(s, thresholds, retained, phase);
    scoreHistogram(s);
  };
  const measure = (rescore: () => void): number[] => {
    // The first pass compiles the loops (and fills the scorer's sums, as computing signals does in the app).
    rescore();
    const times: number[] = [];
    for (let r = 0; r < repeats; r++) {
      weights[r % signals] = Math.round(rng.range(-30, 100));
      const started = performance.now();
      rescore();
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b);
  };
  const fullTimes = measure(full);
  const times = measure(incremental);
  const at = (sorted: number[], q: number): number => Number(sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!.toFixed(1));
  return { p50Ms: at(times, 0.5), p95Ms: at(times, 0.95), fullP50Ms: at(fullTimes, 0.5), fullP95Ms: at(fullTimes, 0.95), customers, signals };
}

/**
 * Normalised values shaped like real signals: every third column is mostly 0 (counts where most
 * customers did nothing) and every fourth has 20% NaN (missing policy "exclude").
 */
function randomColumn(rng: Rng, customers: number, j: number): Float32Array {
  const column = new Float32Array(customers);
  const sparse = j % 3 === 0;
  const excluding = j % 4 === 0;
  for (let i = 0; i < customers; i++) {
    if (excluding && rng.chance(0.2)) column[i] = NaN;
    else column[i] = sparse && rng.chance(0.7) ? 0 : rng.uniform();
  }
  return column;
}
