// `segwb migrate`: a segmentation followed from one date to another (optionally every month in
// between), evaluated in this thread with the app's evaluator. JSON on stdout.
import { ApiError } from '../api/contract.ts';
import type { Workspace } from '../store/workspace.ts';
import { terminalJob } from '../sample/cli-demo.ts';
import { parseAsOf } from '../signals/as-of.ts';
import { inThreadEvaluator } from '../rules/in-thread.ts';
import { parseSegmentationRef } from '../rules/refs.ts';
import { migrationSeries } from './series.ts';
import type { MigrationSeries } from './types.ts';

/** from, the first of every month after it up to to, and to. */
export function monthlyDays(from: string, to: string): string[] {
  const days = [from];
  const end = parseAsOf(to);
  const d = new Date(parseAsOf(from));
  for (let m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)); m.getTime() < end; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
    days.push(m.toISOString().slice(0, 10));
  }
  days.push(to);
  return days;
}

export async function runMigrateCli(ws: Workspace, options: { segmentation: string; from: string; to: string; monthly: boolean }): Promise<MigrationSeries> {
  const ref = parseSegmentationRef(options.segmentation);
  if (parseAsOf(options.to) <= parseAsOf(options.from)) {
    throw new ApiError({ code: 'invalid-args', message: `--to (${options.to}) must be after --from (${options.from}).` });
  }
  const days = options.monthly ? monthlyDays(options.from, options.to) : [options.from, options.to];
  const { job, done } = terminalJob();
  const series = await migrationSeries(ws.db, ref, days, async (day) => {
    const { evaluator, data } = inThreadEvaluator(ws.db, parseAsOf(day), job);
    const { info, labels } = evaluator.segmentation(ref);
    return { day, ids: data.frame.customerIds, labels, segments: info.segments, label: info.label };
  });
  done();
  return series;
}
