// One request's evaluation: the data of the date, every database condition the request's rules and
// segmentations need answered (one worker job), optionally the outcome window, and an evaluator.
import type { Ctx } from '../api/registry.ts';
import { signalCatalog } from '../signals/handlers.ts';
import { asOfData, databaseLeafMask, prepareLeaves, type AsOfData } from './as-of-data.ts';
import { databaseLeavesFor, Evaluator } from './segmentations.ts';
import type { RuleGroup, SegmentationRef } from './types.ts';

/** The data of the date, every database condition the request needs answered, and an evaluator over them. */
export async function prepareEvaluation(ctx: Ctx, day: string | undefined, rules: readonly RuleGroup[], refs: readonly SegmentationRef[], outcome?: (data: AsOfData) => { from: number; to: number } | undefined) {
  const ws = ctx.session.requireWorkspace();
  const data = await asOfData(ctx, day);
  const leaves = databaseLeavesFor(ws.db, rules, refs);
  const outcomeRows = await prepareLeaves(ctx, data, leaves, outcome?.(data));
  const evaluator = new Evaluator({ db: ws.db, data, catalog: signalCatalog(ws), databaseLeaf: (leaf) => databaseLeafMask(ctx, data, leaf) });
  return { ws, data, evaluator, outcomeRows };
}
