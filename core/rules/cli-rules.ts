// `segwb rules` and `segwb compare`: the app's rule evaluation and comparison for scripts, on the
// same compiled SQL and evaluator, in this thread. Results as JSON on stdout; members as CSV.
import { readFileSync } from 'node:fs';
import { ApiError } from '../api/contract.ts';
import type { Workspace } from '../store/workspace.ts';
import { newestEventAt } from '../signals/as-of.ts';
import { columnOf } from '../signals/frame.ts';
import { readOutcomeRows } from '../signals/outcome.ts';
import { writeCsv, type CsvValue } from '../files/csv-writer.ts';
import { compareSegmentations } from '../compare/compare.ts';
import { outcomeInput, planOutcome } from '../compare/outcome-plan.ts';
import { compileRuleSql } from './compile.ts';
import { describeLeaf } from './describe.ts';
import { cliEvaluator } from './in-thread.ts';
import { parseSegmentationRef } from './refs.ts';
import { ruleDocumentSchema, ruleGroupSchema, type RuleCount, type RuleGroup, type RuleNode, type Comparison } from './types.ts';

/** Reads a rule file: a rule document ({ format, version, rule }) or a bare rule group. */
export function readRuleFile(path: string): RuleGroup {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ApiError({ code: 'file-not-found', message: `${path}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).` });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ApiError({ code: 'invalid-rule', message: `${path}: not valid JSON: ${(err as Error).message}` });
  }
  const isDocument = typeof json === 'object' && json !== null && 'rule' in json;
  const parsed = isDocument ? ruleDocumentSchema.safeParse(json) : ruleGroupSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${[...(isDocument ? [] : []), ...i.path].join('.') || '(top)'}: ${i.message}`);
    throw new ApiError({ code: 'invalid-rule', message: `${path}: not a rule:\n  ${problems.join('\n  ')}` });
  }
  return 'rule' in parsed.data ? parsed.data.rule : (parsed.data as RuleGroup);
}

interface ConditionCount {
  path: string;
  condition: string;
  customers: number;
}

function flatten(node: RuleNode, counts: RuleCount, path: string, out: ConditionCount[]): void {
  const condition = node.kind === 'group' ? `${node.not ? 'NOT ' : ''}${node.combine.toUpperCase()} of ${node.children.length}` : describeLeaf(node);
  out.push({ path, condition, customers: counts.count });
  if (node.kind === 'group') node.children.forEach((c, i) => flatten(c, counts.children![i]!, path ? `${path}.${i + 1}` : String(i + 1), out));
}

export async function runRulesCli(ws: Workspace, options: { asOf?: string | undefined; rulePath: string; out?: string | undefined }) {
  const rule = readRuleFile(options.rulePath);
  const { evaluator, data } = cliEvaluator(ws.db, options.asOf);
  const asOf = data.frame.asOf;
  const result = evaluator.rule(rule);
  const conditions: ConditionCount[] = [];
  flatten(rule, result.counts, '', conditions);
  const sql = compileRuleSql(rule, asOf);
  if (options.out) {
    const orders = columnOf(data.frame, 'orders');
    const revenue = columnOf(data.frame, 'revenue');
    const value = (c: Float64Array | null, i: number): CsvValue => (c && c[i] === c[i] ? Math.round(c[i]! * 100) / 100 : null);
    function* rows(): Generator<CsvValue[]> {
      for (let i = 0; i < result.mask.length; i++) if (result.mask[i]) yield [data.frame.customerIds[i]!, value(orders, i), value(revenue, i)];
    }
    await writeCsv(options.out, ['customer_id', 'orders', 'revenue'], rows());
  }
  return { asOf: data.day, customers: evaluator.customers, matched: result.matched, conditions: conditions.slice(1), sql: { text: sql.text, params: sql.params }, out: options.out ?? null };
}

export function runCompareCli(ws: Workspace, options: { asOf?: string | undefined; a: string; b: string; outcomeDays: number; replicates: number }): Comparison {
  const started = performance.now();
  const a = parseSegmentationRef(options.a);
  const b = parseSegmentationRef(options.b);
  const { evaluator, data } = cliEvaluator(ws.db, options.asOf);
  const asOf = data.frame.asOf;
  const newest = newestEventAt(ws.db);
  const plan = planOutcome(newest, asOf, options.outcomeDays);
  const index = new Map(data.frame.customerIds.map((id, i) => [id, i]));
  const outcome = plan.window ? outcomeInput(data.frame, index, readOutcomeRows(ws.db, plan.window.from, plan.window.to), plan) : null;
  return compareSegmentations(evaluator.segmentation(a), evaluator.segmentation(b), outcome, {
    asOf: data.day,
    outcomeDays: options.outcomeDays,
    replicates: options.replicates,
    outcomeNote: plan.note,
    started,
  });
}
