// Child of `npm run bench -- predict`: fit times of the buy-till-you-die models for 100k and 1M
// simulated customers (issue target: BG/NBD under 5 s at 1M on one core). Each size runs in
// predict-fit.ts processes of its own, so the peak RSS each reports is its own: one for grouping,
// BG/NBD and Gamma-Gamma, one per Pareto/NBD fit on the same data (same seed). Every fit is timed
// as one call on all customers ("direct"); above 200k also the app's two stages ("twoStage", see
// predict-fit.ts). The Pareto/NBD fits are capped: a direct fit is skipped when the previous
// size's time, scaled by the number of groups (one likelihood evaluation costs in proportion to
// them), exceeds the cap, and any Pareto/NBD fit still running at the cap is stopped. Prints one
// JSON line.
// argv: [SIZES (comma-separated, default 100000,1000000)] [PARETO_CAP_SECONDS (default 120)] [SEED]
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TWO_STAGES } from '../predict/two-stage.ts';

const SIZES = (process.argv[2] ?? '100000,1000000')
  .split(',')
  .map(Number)
  .sort((a, b) => a - b);
const PARETO_CAP_SECONDS = Number(process.argv[3] ?? 120);
const SEED = Number(process.argv[4] ?? 1);
const TARGET_N = 1_000_000;
const TARGET_SECONDS = 5;
const TWO_STAGE_ABOVE = TWO_STAGES.above;

type Line = Record<string, unknown>;
interface ChildRun {
  lines: Line[];
  /** Stopped at the cap. */
  stopped: boolean;
  error?: string;
}

const child = fileURLToPath(new URL('./predict-fit.ts', import.meta.url));
const fmt = (n: number) => n.toLocaleString('en-US');

/** Runs predict-fit.ts; with a cap, stops it capSeconds after it reports that the fit has started. */
function runChild(args: string[], capSeconds?: number): Promise<ChildRun> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines: Line[] = [];
    let buffered = '';
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const text = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        if (!text) continue;
        try {
          const line = JSON.parse(text) as Line;
          lines.push(line);
          if (line.phase === 'fitting' && capSeconds !== undefined) {
            timer = setTimeout(() => {
              stopped = true;
              proc.kill('SIGTERM');
            }, capSeconds * 1000);
          }
        } catch {
          lines.push({ error: `unreadable output: ${text.slice(0, 200)}` });
        }
      }
    });
    proc.on('error', (e) => resolve({ lines, stopped, error: e.message }));
    proc.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ lines, stopped, error: stopped || code === 0 ? undefined : `exit ${code ?? signal}` });
    });
  });
}

interface ParetoDone {
  n: number;
  groups: number;
  /** Fit seconds, or the cap when it was stopped (a lower bound). */
  seconds: number;
  finished: boolean;
  evaluations?: number;
}

async function paretoNbd(n: number, groups: number | undefined, previous: ParetoDone | undefined, start: object, strategy: 'direct' | 'twoStage'): Promise<[Line, ParetoDone | undefined]> {
  if (strategy === 'direct' && previous && groups !== undefined) {
    const projected = previous.seconds * (groups / previous.groups);
    if (projected > PARETO_CAP_SECONDS) {
      const before = previous.finished
        ? `at ${fmt(previous.n)} customers it took ${previous.seconds} s (${fmt(previous.groups)} groups, ${previous.evaluations} evaluations)`
        : `at ${fmt(previous.n)} customers it did not finish within the ${PARETO_CAP_SECONDS} s cap (${fmt(previous.groups)} groups)`;
      const reason = `projected ${previous.finished ? '' : 'over '}${Math.round(projected)} s > ${PARETO_CAP_SECONDS} s cap: ${before}; ${fmt(groups)} groups here, and one likelihood evaluation costs in proportion to the groups`;
      process.stderr.write(`  ${fmt(n)} customers: Pareto/NBD skipped: ${reason}\n`);
      return [{ skipped: reason, projectedSeconds: Math.round(projected) }, previous];
    }
  }
  const run = await runChild([String(n), String(SEED), 'paretonbd', JSON.stringify(start), strategy], PARETO_CAP_SECONDS);
  const fitting = run.lines.find((l) => l.phase === 'fitting');
  const result = run.lines.filter((l) => l !== fitting).at(-1);
  const paretoGroups = (fitting?.grouping as { groups?: number } | undefined)?.groups ?? groups;
  if (run.stopped) {
    const reason = `did not finish within the ${PARETO_CAP_SECONDS} s cap (stopped)${previous?.finished ? `; at ${fmt(previous.n)} customers it took ${previous.seconds} s` : ''}`;
    process.stderr.write(`  ${fmt(n)} customers: Pareto/NBD (${strategy}) ${reason}\n`);
    if (strategy === 'twoStage') return [{ skipped: reason, capSeconds: PARETO_CAP_SECONDS }, previous];
    return [{ skipped: reason, capSeconds: PARETO_CAP_SECONDS }, paretoGroups ? { n, groups: paretoGroups, seconds: PARETO_CAP_SECONDS, finished: false } : previous];
  }
  if (run.error || !result || typeof result.seconds !== 'number') return [{ error: run.error ?? 'no result', ...result }, previous];
  if (strategy === 'twoStage') return [result, previous];
  return [result, paretoGroups ? { n, groups: paretoGroups, seconds: result.seconds, finished: true, evaluations: result.evaluations as number } : previous];
}

const results: Line[] = [];
let previousPareto: ParetoDone | undefined;
for (const n of SIZES) {
  const main = await runChild([String(n), String(SEED), 'fit']);
  const fit = main.lines.at(-1);
  if (main.error || !fit || fit.error) {
    results.push({ n, error: main.error ?? fit?.error ?? 'no result' });
    continue;
  }
  const groups = (fit.grouping as { groups: number }).groups;
  // As the app does: the Pareto/NBD starts from the BG/NBD's purchase-rate estimates.
  const bg = fit.bgnbd as { params: { r: number; alpha: number }; twoStage?: { params: { r: number; alpha: number } } };
  const rates = (bg.twoStage ?? bg).params;
  const start = { r: rates.r, alpha: rates.alpha, s: 1, beta: rates.alpha };
  const [direct, done] = await paretoNbd(n, groups, previousPareto, start, 'direct');
  previousPareto = done;
  const paretonbd: Line = { ...direct };
  if (n > TWO_STAGE_ABOVE) paretonbd.twoStage = (await paretoNbd(n, groups, previousPareto, start, 'twoStage'))[0];
  results.push({ ...fit, paretonbd });
}

const atTarget = results.find((r) => r.n === TARGET_N);
const bgAtTarget = atTarget?.bgnbd as { seconds: number; withGroupingSeconds: number; twoStage?: { seconds: number } } | undefined;
const groupingAtTarget = atTarget?.grouping as { seconds: number } | undefined;
const round = (x: number) => Number(x.toFixed(3));
process.stdout.write(
  JSON.stringify({
    benchmark: 'predict',
    results,
    targetSeconds: TARGET_SECONDS,
    paretoCapSeconds: PARETO_CAP_SECONDS,
    ...(bgAtTarget && {
      bgnbdSecondsAt1M: bgAtTarget.seconds,
      meetsTarget: bgAtTarget.seconds < TARGET_SECONDS,
      bgnbdWithGroupingSecondsAt1M: bgAtTarget.withGroupingSeconds,
    }),
    ...(bgAtTarget?.twoStage &&
      groupingAtTarget && {
        // What the app spends on BG/NBD at 1M: grouping all customers, then its two stages.
        bgnbdAppSecondsAt1M: round(groupingAtTarget.seconds + bgAtTarget.twoStage.seconds),
        meetsTargetApp: groupingAtTarget.seconds + bgAtTarget.twoStage.seconds < TARGET_SECONDS,
      }),
  }) + '\n',
);
process.exitCode = results.some((r) => 'error' in r) ? 1 : 0;
