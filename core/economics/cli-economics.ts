// `segwb economics` (the economics table of a segmentation as of a date, as JSON) and
// `segwb exclusions` (the customers of every "don't compete" segment as CSV). Evaluated in this
// thread with the app's evaluator and the same figures query as the app's worker job.
import type { Workspace } from '../store/workspace.ts';
import { planOutcome } from '../compare/outcome-plan.ts';
import { checkTarget, writeCsv } from '../files/csv-writer.ts';
import { loadPrediction } from '../predict/stored.ts';
import { cliEvaluator } from '../rules/in-thread.ts';
import { newestEventAt } from '../signals/as-of.ts';
import { parseSegmentationRef } from '../rules/refs.ts';
import { readOutcomeRows } from '../signals/outcome.ts';
import { currentDecisions, decisionsByKey } from './decisions.ts';
import { EXCLUSION_HEADER, exclusionLines, exclusionList } from './exclusions.ts';
import { readCustomerFigures } from './figures.ts';
import { loadEconomicsSettings } from './settings.ts';
import { economicsTable } from './table.ts';
import type { EconomicsTable, ExclusionExport } from './types.ts';

export function runEconomicsCli(ws: Workspace, options: { segmentation: string; asOf?: string | undefined; outcomeDays: number }): EconomicsTable {
  const started = performance.now();
  const ref = parseSegmentationRef(options.segmentation);
  const { evaluator, data } = cliEvaluator(ws.db, options.asOf);
  const asOf = data.frame.asOf;
  const settings = loadEconomicsSettings(ws.db);
  const plan = planOutcome(newestEventAt(ws.db), asOf, options.outcomeDays);
  return economicsTable({
    frame: data.frame,
    day: data.day,
    segmentation: evaluator.segmentation(ref),
    figures: readCustomerFigures(ws.db, asOf, settings),
    plan,
    outcome: plan.window ? readOutcomeRows(ws.db, plan.window.from, plan.window.to) : null,
    outcomeDays: options.outcomeDays,
    prediction: loadPrediction(ws.db),
    settings,
    decisions: decisionsByKey(ws.db),
    index: new Map(data.frame.customerIds.map((id, i) => [id, i])),
    started,
  });
}

export async function runExclusionsCli(ws: Workspace, options: { asOf?: string | undefined; out: string; overwrite: boolean }): Promise<ExclusionExport> {
  checkTarget(options.out, options.overwrite);
  const { evaluator, data } = cliEvaluator(ws.db, options.asOf);
  const list = exclusionList(evaluator, data.frame.customerIds, currentDecisions(ws.db));
  const written = await writeCsv(options.out, EXCLUSION_HEADER, exclusionLines(list));
  return { path: options.out, rows: written.rows, bytes: written.bytes, asOf: data.day, segments: list.segments, skipped: list.skipped };
}
