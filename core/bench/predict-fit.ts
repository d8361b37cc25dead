// Child of `npm run bench -- predict`: one customer count, in a process of its own so the peak RSS
// it reports is this size's. Simulates BG/NBD customers in days as the app measures them (ages T
// whole days 1..730, purchase times floored to whole days, as real data would be: this is what
// lets customers with identical (x, tx, T) share one likelihood term), then times separately:
//   mode `fit`:       grouping (groupRfm), the BG/NBD fit, and the Gamma-Gamma fit on the repeat
//                     buyers (spend simulated for their x);
//   mode `paretonbd`: grouping, then the Pareto/NBD fit on the same data (same seed), started from
//                     the BG/NBD's rates as the app does, in a process of its own because the
//                     parent stops it when it runs past its time cap.
// Each fit is timed as one call on all the data ("direct"). Above TWO_STAGE_ABOVE customers the app
// (core/predict/predict.ts, twoStage) instead fits an evenly spread 100k subset first and refines
// on all the data from there with a small simplex; that is timed too ("twoStage"), replicated here
// because predict.ts does not export it.
// Prints one JSON line per phase on stdout (the last one is the result), progress on stderr.
// argv: N SEED fit | N SEED paretonbd START_JSON direct|twoStage
import { bgnbdLogLikelihood, fitBgNbd, type BgNbdParams, type FitResult } from '../predict/bgnbd.ts';
import { fitGammaGamma, type GammaGammaParams } from '../predict/gammagamma.ts';
import { fitInStages, TWO_STAGES, type FitOn } from '../predict/two-stage.ts';
import { fitParetoNbd, type ParetoNbdParams } from '../predict/paretonbd.ts';
import { groupRfm } from '../predict/rfm.ts';
import { simulateBgNbd, simulateSpend } from '../predict/simulate.ts';

const n = Number(process.argv[2]);
const seed = Number(process.argv[3] ?? 1);
const mode = process.argv[4] ?? 'fit';
const paretoStart = mode === 'paretonbd' ? (JSON.parse(process.argv[5] ?? 'null') as ParetoNbdParams | null) : null;
const paretoStrategy = process.argv[6] ?? 'direct';
if (!(Number.isInteger(n) && n > 0) || (mode !== 'fit' && mode !== 'paretonbd') || (mode === 'paretonbd' && (!paretoStart || !['direct', 'twoStage'].includes(paretoStrategy)))) {
  throw new Error(`usage: predict-fit.ts N SEED fit | N SEED paretonbd START_JSON direct|twoStage, got ${process.argv.slice(2).join(' ')}`);
}

/** CDNOW's published BG/NBD estimates (weeks) with alpha converted to days: the app fits in days. */
const BGNBD_TRUTH: BgNbdParams = { r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426 };
/** CDNOW's published Gamma-Gamma estimates. */
const GAMMA_GAMMA_TRUTH: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };
const MIN_T = 1;
const MAX_T = 730;
const FIRST_STAGE = TWO_STAGES.firstStage;
const TWO_STAGE_ABOVE = TWO_STAGES.above;

const label = `${n.toLocaleString('en-US')} customers`;
const log = (message: string) => process.stderr.write(`  ${label}: ${message}\n`);
const emit = (line: object) => process.stdout.write(JSON.stringify(line) + '\n');
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const round = (x: number, digits: number) => Number(x.toFixed(digits));
const peakRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const roundParams = <P extends object>(p: P): P => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, round(v as number, 4)])) as P;
const relativeErrors = <P extends object>(fit: P, truth: P) =>
  Object.fromEntries(Object.keys(truth).map((k) => [k, round((fit[k as keyof P] as number) / (truth[k as keyof P] as number) - 1, 4)]));
function timed<T>(f: () => T): [T, number] {
  const started = performance.now();
  const value = f();
  return [value, (performance.now() - started) / 1000];
}
const pick = (values: Float64Array, rows: Uint32Array) => Float64Array.from(rows, (i) => values[i]!);

/** How one fit went, for the JSON line. */
function described<P extends object>(fit: FitResult<P>, seconds: number, truth?: P) {
  return {
    seconds: round(seconds, 3),
    iterations: fit.iterations,
    evaluations: fit.evaluations,
    msPerEvaluation: round((seconds * 1000) / fit.evaluations, 3),
    converged: fit.converged,
    logLikelihood: round(fit.logLikelihood, 2),
    params: roundParams(fit.params),
    ...(truth && { truth: roundParams(truth), relativeError: relativeErrors(fit.params, truth) }),
  };
}

/** The app's two stages (core/predict/two-stage.ts), each stage timed. Only called above TWO_STAGE_ABOVE. */
function twoStage<P extends object>(count: number, fitOn: FitOn<P>, truth?: P) {
  const seconds: number[] = [];
  const timedFitOn: FitOn<P> = (rows, start, options) => {
    const [result, s] = timed(() => fitOn(rows, start, options));
    seconds.push(s);
    return result;
  };
  const { first, full } = fitInStages(count, timedFitOn);
  const [firstSeconds, fullSeconds] = [seconds[0]!, seconds[1]!];
  return {
    ...described(full, firstSeconds + fullSeconds, truth),
    iterations: first!.iterations + full.iterations,
    evaluations: first!.evaluations + full.evaluations,
    firstStage: { customers: FIRST_STAGE, seconds: round(firstSeconds, 3), evaluations: first!.evaluations, converged: first!.converged },
    refine: { seconds: round(fullSeconds, 3), evaluations: full.evaluations, msPerEvaluation: round((fullSeconds * 1000) / full.evaluations, 3), step: TWO_STAGES.refineStep },
  };
}

const baselineRssMB = mb(process.memoryUsage().rss);
log(`simulating BG/NBD in days (r ${BGNBD_TRUTH.r}, alpha ${round(BGNBD_TRUTH.alpha, 3)}, a ${BGNBD_TRUTH.a}, b ${BGNBD_TRUTH.b}; T ${MIN_T}..${MAX_T} days, seed ${seed})...`);
const [sim, simulateSeconds] = timed(() => simulateBgNbd(BGNBD_TRUTH, n, seed, MIN_T, MAX_T));
// The app measures time in whole days: the last purchase falls on a day, not at a real-valued time.
// (Here the first purchase is at the very start of day 0, so flooring shortens tx by half a day on
// average; at 1M customers that shows as a small but significant bias in r and alpha, which
// continuous times or floor + 0.5 do not have. In the app tx is a difference of two day numbers.)
for (let i = 0; i < n; i++) sim.tx[i] = Math.floor(sim.tx[i]!);
const simulatedRssMB = mb(process.memoryUsage().rss);

log('grouping identical (x, tx, T)...');
const [data, groupSeconds] = timed(() => groupRfm(sim.x, sim.tx, sim.T));
const groupedRssMB = mb(process.memoryUsage().rss);
const grouping = { seconds: round(groupSeconds, 3), groups: data.groups, customersPerGroup: round(n / data.groups, 2), maxX: data.maxX };
log(`${data.groups.toLocaleString('en-US')} groups in ${groupSeconds.toFixed(2)} s`);
const rfmOf = (rows: Uint32Array | null) => (rows ? groupRfm(pick(sim.x, rows), pick(sim.tx, rows), pick(sim.T, rows)) : data);

if (mode === 'paretonbd') {
  const start = paretoStart!;
  // The parent starts its clock on this line, so the cap covers the fit only.
  emit({ phase: 'fitting', grouping });
  log(`fitting Pareto/NBD (${paretoStrategy === 'twoStage' ? `two stages: ${FIRST_STAGE.toLocaleString('en-US')} first` : 'all customers at once'})...`);
  const result =
    paretoStrategy === 'twoStage'
      ? twoStage<ParetoNbdParams>(n, (rows, from, options) => fitParetoNbd(rfmOf(rows), from ?? start, options))
      : (([fit, seconds]) => described(fit, seconds))(timed(() => fitParetoNbd(data, start)));
  log(`Pareto/NBD ${result.seconds.toFixed(2)} s (${result.evaluations} evaluations)`);
  // Fitted on BG/NBD data: there is no Pareto/NBD truth to compare with.
  emit({ ...result, start: roundParams(start), peakRssMB: peakRssMB() });
} else {
  log('fitting BG/NBD (all customers at once)...');
  const [bg, bgSeconds] = timed(() => fitBgNbd(data));
  log(`BG/NBD ${bgSeconds.toFixed(2)} s (${bg.evaluations} evaluations)`);
  const bgnbd: Record<string, unknown> = {
    ...described(bg, bgSeconds, BGNBD_TRUTH),
    withGroupingSeconds: round(bgSeconds + groupSeconds, 3),
    logLikelihoodAtTruth: round(bgnbdLogLikelihood(BGNBD_TRUTH, data), 2),
  };
  if (n > TWO_STAGE_ABOVE) {
    log(`fitting BG/NBD as the app does above ${TWO_STAGE_ABOVE.toLocaleString('en-US')} (two stages)...`);
    bgnbd.twoStage = twoStage<BgNbdParams>(n, (rows, start, options) => fitBgNbd(rfmOf(rows), start, options), BGNBD_TRUTH);
    log(`BG/NBD two stages ${(bgnbd.twoStage as { seconds: number }).seconds.toFixed(2)} s`);
  }

  let repeatBuyers = 0;
  let repeatTransactions = 0;
  for (let i = 0; i < n; i++) {
    if (sim.x[i]! > 0) repeatBuyers++;
    repeatTransactions += sim.x[i]!;
  }
  log(`Gamma-Gamma on ${repeatBuyers.toLocaleString('en-US')} repeat buyers...`);
  const x = new Float64Array(repeatBuyers);
  for (let i = 0, j = 0; i < n; i++) if (sim.x[i]! > 0) x[j++] = sim.x[i]!;
  const m = simulateSpend(GAMMA_GAMMA_TRUTH, x, seed + 1);
  const [gg, ggSeconds] = timed(() => fitGammaGamma({ x, m }));
  log(`Gamma-Gamma ${ggSeconds.toFixed(2)} s (${gg.evaluations} evaluations)`);
  const gammagamma: Record<string, unknown> = { customers: repeatBuyers, ...described(gg, ggSeconds, GAMMA_GAMMA_TRUTH) };
  if (repeatBuyers > TWO_STAGE_ABOVE) {
    log('fitting Gamma-Gamma as the app does (two stages)...');
    gammagamma.twoStage = twoStage<GammaGammaParams>(repeatBuyers, (rows, start, options) => fitGammaGamma(rows ? { x: pick(x, rows), m: pick(m, rows) } : { x, m }, start, options), GAMMA_GAMMA_TRUTH);
  }

  emit({
    n,
    seed,
    unit: 'day',
    T: [MIN_T, MAX_T],
    simulateSeconds: round(simulateSeconds, 3),
    repeatBuyers,
    repeatTransactions,
    grouping,
    bgnbd,
    gammagamma,
    peakRssMB: peakRssMB(),
    baselineRssMB,
    simulatedRssMB,
    groupedRssMB,
  });
}
