// Economics and decisions. The figures of a date come from one worker job (orders, returns,
// support before the date; purchases in the outcome window after it); segments from the rules
// evaluator. The last table is kept in the session so a decision taken on it stores the figures
// the analyst saw, computed here rather than taken from the caller.
import type { Ctx, HandlerGroup } from '../api/registry.ts';
import { planOutcome } from '../compare/outcome-plan.ts';
import { checkTarget, writeCsv } from '../files/csv-writer.ts';
import { loadPrediction } from '../predict/stored.ts';
import { frameIndex } from '../rules/as-of-data.ts';
import { prepareEvaluation } from '../rules/prepare.ts';
import { newestEventAt } from '../signals/as-of.ts';
import { formatSegmentationRef, type SegmentationRef } from '../rules/types.ts';
import { runJobInWorker } from '../api/jobs.ts';
import { requireWritable as requireWritableFor } from '../workspace/writable.ts';
import type { Workspace } from '../store/workspace.ts';
import { currentDecisions, decisionHistory, decisionsByKey, saveDecision } from './decisions.ts';
import { EXCLUSION_HEADER, exclusionLines, exclusionList, exclusionRefs } from './exclusions.ts';
import type { FiguresJobArgs, FiguresJobResult } from './figures-job.ts';
import { loadEconomicsSettings, saveEconomicsSettings } from './settings.ts';
import { economicsTable } from './table.ts';
import type { EconomicsTable, SegmentEconomics } from './types.ts';

const figuresModule = new URL('./figures-job.ts', import.meta.url);
const LAST_TABLE = 'economics-last';
const FIGURES = 'economics-figures';
const requireWritable = (ws: Workspace) => requireWritableFor(ws, 'economics settings and decisions cannot be saved');
const lastKey = (ref: SegmentationRef, asOf: string) => `${formatSegmentationRef(ref)}|${asOf}`;

async function tableOf(ctx: Ctx, ref: SegmentationRef, asOf: string | undefined, outcomeDays: number): Promise<EconomicsTable> {
  const started = performance.now();
  const { ws, data, evaluator } = await prepareEvaluation(ctx, asOf, [], [ref]);
  const settings = loadEconomicsSettings(ws.db);
  const plan = planOutcome(newestEventAt(ws.db), data.frame.asOf, outcomeDays);
  const args: FiguresJobArgs = { workspacePath: ws.path, asOf: data.frame.asOf, settings, outcome: plan.window };
  // One set of figures is kept: switching segmentations at the same date and settings is then
  // instant (100k customers: 1.6 s for the scan). Imports and erasures clear session.derived.
  const key = JSON.stringify(args);
  let cached = ctx.session.derived.get(FIGURES) as { key: string; result: FiguresJobResult } | undefined;
  if (cached?.key !== key) {
    ctx.session.derived.delete(FIGURES);
    cached = { key, result: await runJobInWorker<FiguresJobResult>(figuresModule, 'figuresJob', args, ctx) };
    ctx.session.derived.set(FIGURES, cached);
  }
  const { figures, outcome } = cached.result;
  ctx.progress({ phase: 'Adding up the segments', done: 0, total: null, unit: 'steps' });
  const table = economicsTable({
    frame: data.frame,
    day: data.day,
    segmentation: evaluator.segmentation(ref),
    figures,
    plan,
    outcome,
    outcomeDays,
    prediction: loadPrediction(ws.db),
    settings,
    decisions: decisionsByKey(ws.db),
    index: frameIndex(ctx, data.frame),
    started,
  });
  ctx.session.derived.set(LAST_TABLE, { key: lastKey(ref, table.asOf), table });
  return table;
}

export const economicsHandlers: HandlerGroup = {
  'economics-settings-get': (_args, { session }) => loadEconomicsSettings(session.requireWorkspace().db),

  'economics-settings-save': ({ settings }, { session }) => {
    const ws = session.requireWorkspace();
    requireWritable(ws);
    return saveEconomicsSettings(ws.db, settings);
  },

  'economics-margin-columns': (_args, { session }) =>
    // The newest 50k purchase rows: enough to find a column an orders file carried, quick on any size.
    session.requireWorkspace().db.all<{ key: string; rows: number }>(
      `SELECT j.key AS key, count(*) AS rows
       FROM (SELECT props FROM events WHERE type = 'purchase' AND props IS NOT NULL ORDER BY id DESC LIMIT 50000) AS e, json_each(e.props) AS j
       WHERE j.type IN ('integer', 'real') GROUP BY j.key ORDER BY rows DESC, key LIMIT 100`,
    ),

  'economics-table': ({ ref, asOf, outcomeDays }, ctx) => tableOf(ctx, ref, asOf, outcomeDays),

  'decisions-list': (_args, { session }) => currentDecisions(session.requireWorkspace().db),

  'decision-history': ({ family, segmentKey }, { session }) => decisionHistory(session.requireWorkspace().db, { family, segmentKey }),

  'decision-save': ({ ref, segmentKey, segmentName, decision, rationale, asOf }, { session }) => {
    const ws = session.requireWorkspace();
    requireWritable(ws);
    const last = session.derived.get(LAST_TABLE) as { key: string; table: EconomicsTable } | undefined;
    const row = last?.key === lastKey(ref, asOf) ? last.table.segments.find((s) => s.key === segmentKey) : undefined;
    let figures: SegmentEconomics | null = null;
    if (row) {
      const { likelihood: _likelihood, decision: _decision, ...economics } = row;
      figures = economics;
    }
    return saveDecision(ws.db, { ref, segmentKey, segmentName, decision, rationale, asOf, figures });
  },

  'decisions-exclusions-export': async ({ asOf, path, overwrite }, ctx) => {
    checkTarget(path, overwrite);
    const ws = ctx.session.requireWorkspace();
    const decisions = currentDecisions(ws.db);
    const { data, evaluator } = await prepareEvaluation(ctx, asOf, [], exclusionRefs(decisions));
    const list = exclusionList(evaluator, data.frame.customerIds, decisions);
    const written = await writeCsv(path, EXCLUSION_HEADER, exclusionLines(list), () => ctx.signal.aborted);
    return { path, rows: written.rows, bytes: written.bytes, asOf: data.day, segments: list.segments, skipped: list.skipped };
  },
};
