// `segwb signals` and `segwb phases`: the same signals, scores and backtest the app computes,
// with the workspace's saved scoring settings, for scripts and notebooks.
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Workspace } from '../store/workspace.ts';
import { terminalJob } from '../sample/cli-demo.ts';
import { csvCell } from '../import/report.ts';
import { PHASE_NAMES } from '../scoring/phases.ts';
import { addDays, defaultAsOf, formatDay, newestEventAt, parseAsOf } from './as-of.ts';
import { computeSignals, purchasedBetween } from './compute.ts';
import { signalCatalog } from './handlers.ts';
import { ScoringState } from './scoring-state.ts';
import { loadSettings } from './settings.ts';
import type { PhaseBacktest } from './types.ts';
import { backtestPhases } from './validation.ts';

/** Writes one row per customer: every signal, the intent score and the phase. Missing values are empty. */
export async function runSignalsCli(ws: Workspace, options: { asOf?: string | undefined; out?: string | undefined }): Promise<{ asOf: string; customers: number; out: string | null }> {
  const asOf = options.asOf ? parseAsOf(options.asOf) : defaultAsOf(ws.db);
  const settings = loadSettings(ws.db, signalCatalog(ws));
  const progress = terminalJob();
  const frame = computeSignals(ws.db, { asOf }, progress.job);
  progress.done();
  const scored = new ScoringState(frame).score(settings);

  const target = options.out ? `${options.out}.partial` : null;
  const stream = target ? createWriteStream(target) : process.stdout;
  try {
    let chunk = `${['customer_id', ...frame.signals.map((s) => s.id), 'intent_score', 'phase'].join(',')}\n`;
    for (let i = 0; i < frame.customerIds.length; i++) {
      let line = csvCell(frame.customerIds[i]!);
      for (const column of frame.values) {
        const v = column[i]!;
        line += Number.isNaN(v) ? ',' : `,${Math.round(v * 1e6) / 1e6}`;
      }
      chunk += `${line},${Math.round(scored.score[i]! * 100) / 100},${PHASE_NAMES[scored.phase[i]!]}\n`;
      if (chunk.length > 1 << 20) {
        if (!stream.write(chunk)) await once(stream, 'drain');
        chunk = '';
      }
    }
    if (target) {
      (stream as ReturnType<typeof createWriteStream>).end(chunk);
      await once(stream, 'finish');
      // Renamed only when complete: an interrupted run never leaves a half-written file behind.
      renameSync(target, options.out!);
    } else {
      stream.write(chunk);
    }
  } catch (err) {
    if (target) rmSync(target, { force: true });
    throw err;
  }
  return { asOf: formatDay(asOf), customers: frame.customerIds.length, out: options.out ?? null };
}

/** Conversion per phase as of a past date, over the next `backtestDays` days, with the saved settings. */
export function runPhasesCli(ws: Workspace, options: { asOf?: string | undefined; backtestDays: number }): PhaseBacktest {
  const asOf = options.asOf ? parseAsOf(options.asOf) : addDays(defaultAsOf(ws.db), -options.backtestDays);
  const settings = { ...loadSettings(ws.db, signalCatalog(ws)), outcomeDays: options.backtestDays };
  const progress = terminalJob();
  const frame = computeSignals(ws.db, { asOf }, progress.job);
  progress.done();
  const newestEvent = newestEventAt(ws.db);
  const converted = purchasedBetween(ws.db, frame, asOf, addDays(asOf, options.backtestDays));
  return backtestPhases({ ...frame, converted, newestEvent }, settings);
}
