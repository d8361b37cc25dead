// Child of `npm run bench -- rescore`: what one weight-slider move costs at 1M customers:
// re-score every customer, re-assign phases and rebuild the score histogram (p50/p95 of N moves).
import { measureRescore } from '../scoring/bench-rescore.ts';
import { builtInInfos } from '../signals/catalog.ts';

const customers = Number(process.argv[2] ?? 1_000_000);
const signals = builtInInfos().length;
const timing = measureRescore(customers, signals, 40);
process.stdout.write(JSON.stringify({ benchmark: 'rescore', ...timing, repeats: 40, targetMs: 100, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
