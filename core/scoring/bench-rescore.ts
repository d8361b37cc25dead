// Re-scoring latency after a weight change (what a slider move costs): score every customer,
// re-phase them and rebuild the score histogram. Runs on seeded random normalised columns, so
// repeated runs measure the same work.
import { Rng } from '../sample/random.ts';
import { assignPhases } from './phases.ts';
import { scoreCustomers, scoreHistogram } from './score.ts';

export interface RescoreTiming {
  p50Ms: number;
  p95Ms: number;
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

  const rescore = (): void => {
    scoreCustomers(columns, weights, score);
    assignPhases(score, thresholds, retained, phase);
    scoreHistogram(score);
  };
  // The first pass compiles the loops; the app has done it once when the workspace was opened.
  rescore();
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    weights[r % signals] = Math.round(rng.range(-30, 100));
    const started = performance.now();
    rescore();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => Number(times[Math.max(0, Math.ceil(q * times.length) - 1)]!.toFixed(1));
  return { p50Ms: at(0.5), p95Ms: at(0.95), customers, signals };
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
