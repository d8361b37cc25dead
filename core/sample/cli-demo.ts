// `segwb demo`: generates the sample workspace in this thread, with a one-line progress bar on
// stderr (or plain progress lines when stderr is not a terminal), and reports a JSON summary.
import type { ProgressUpdate } from '../api/registry.ts';
import { generateSample, type SampleSummary } from './generate.ts';

export interface DemoOptions {
  customers: number;
  seed: number;
  months: number;
  out: string;
}

const BAR_WIDTH = 28;
const TTY_INTERVAL_MS = 100; // at most 10 redraws a second
const PLAIN_INTERVAL_MS = 2000;

function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-GB');
}

/** Draws progress on a stream: `\r`-updated bar on a terminal, throttled plain lines otherwise. */
export class ProgressBar {
  private phase = '';
  private phaseStart = 0;
  private lastDraw = 0;
  private lastLen = 0;
  private readonly isTTY: boolean;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {
    this.isTTY = Boolean(stream.isTTY);
  }

  update(u: ProgressUpdate): void {
    const now = performance.now();
    const newPhase = u.phase !== this.phase;
    if (newPhase) {
      if (this.phase && this.isTTY) this.stream.write('\n');
      this.phase = u.phase;
      this.phaseStart = now;
      this.lastLen = 0;
    }
    const finished = u.total !== null && u.done >= u.total;
    const interval = this.isTTY ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS;
    if (!newPhase && !finished && now - this.lastDraw < interval) return;
    this.lastDraw = now;
    const line = this.render(u, now);
    if (this.isTTY) {
      const pad = this.lastLen > line.length ? ' '.repeat(this.lastLen - line.length) : '';
      this.stream.write(`\r${line}${pad}`);
      this.lastLen = line.length;
    } else {
      this.stream.write(`${line}\n`);
    }
  }

  /** Ends the bar's line (call once at the end, also after a failure). */
  end(): void {
    if (this.isTTY && this.phase) this.stream.write('\n');
    this.phase = '';
  }

  private render(u: ProgressUpdate, now: number): string {
    const elapsed = now - this.phaseStart;
    if (u.total === null || u.total <= 0) return `${u.phase}… ${formatCount(u.done)} ${u.unit} (${formatDuration(elapsed)})`;
    const frac = Math.min(1, u.done / u.total);
    const filled = Math.round(frac * BAR_WIDTH);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
    const pct = `${(frac * 100).toFixed(frac < 1 ? 1 : 0)}%`.padStart(6);
    let tail = `${formatCount(u.done)}/${formatCount(u.total)} ${u.unit}`;
    if (elapsed > 300 && u.done > 0) {
      const rate = u.done / (elapsed / 1000);
      tail += `, ${rate < 10 ? rate.toFixed(1) : formatCount(rate)} ${u.unit}/s`;
      if (frac < 1) tail += `, ETA ${formatDuration(((u.total - u.done) / rate) * 1000)}`;
      else tail += `, ${formatDuration(elapsed)}`;
    }
    return `${u.phase.padEnd(27)} ${bar} ${pct}  ${tail}`;
  }
}

/** A job handle that draws progress on stderr, for CLI commands; done() ends the bar's line. */
export function terminalJob(): { job: { isCancelled(): boolean; progress(update: ProgressUpdate): void }; done(): void } {
  const bar = new ProgressBar(process.stderr);
  return {
    job: { isCancelled: () => false, progress: (u) => bar.update(u) },
    done: () => {
      if (process.stderr.isTTY) process.stderr.write('\n');
    },
  };
}

/**
 * Generates the sample workspace `opts.out` and reports a one-line JSON summary with `write`.
 * Ctrl+C cancels cleanly (the partial file is removed) instead of killing the process mid-write.
 */
export async function runDemo(opts: DemoOptions, write: (line: string) => void): Promise<SampleSummary> {
  const bar = new ProgressBar(process.stderr);
  let cancelled = false;
  const onSigint = () => {
    cancelled = true;
  };
  process.on('SIGINT', onSigint);
  try {
    const summary = await generateSample(
      { path: opts.out, customers: opts.customers, seed: opts.seed, months: opts.months },
      { isCancelled: () => cancelled, progress: (u) => bar.update(u) },
    );
    bar.end();
    write(JSON.stringify(summary));
    return summary;
  } catch (err) {
    bar.end();
    throw err;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
