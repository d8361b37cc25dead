// Rule segments, RFM, segmentations, comparisons and priorities. Rules are evaluated on the
// customers of a date: database conditions in a worker job (cached per date and condition),
// signals and memberships in memory, so a builder edit costs one condition's query at most.
import { ApiError } from '../api/contract.ts';
import type { HandlerGroup } from '../api/registry.ts';
import { listModels } from '../clusters/models.ts';
import { compareSegmentations } from '../compare/compare.ts';
import { checkTarget, writeCsv, type CsvValue } from '../files/csv-writer.ts';
import { loadPrediction } from '../predict/stored.ts';
import { columnOf } from '../signals/frame.ts';
import { requireWritable as requireWritableFor } from '../workspace/writable.ts';
import type { Workspace } from '../store/workspace.ts';
import { asOfData, frameIndex, type AsOfData } from './as-of-data.ts';
import { newestEventAt } from '../signals/as-of.ts';
import { prepareEvaluation as prepare } from './prepare.ts';
import { outcomeInput, planOutcome, type OutcomePlan } from '../compare/outcome-plan.ts';
import { compileRuleSql } from './compile.ts';
import { analysePriority, assignPrimary } from './priority.ts';
import { loadRfmSettings, rfmSummary, saveRfmSettings } from './rfm.ts';
import { attributeKeys, eventFieldValues } from './value-lists.ts';
import { checkReferences, deleteSegment, listSegments, savePriority, saveSegment } from './segments-store.ts';
import type { RfmSettings, RuleMember, SegmentationOption, SegmentationRef } from './types.ts';

const requireWritable = (ws: Workspace) => requireWritableFor(ws, 'segments and their settings cannot be saved');

function member(data: AsOfData, i: number): RuleMember {
  const value = (id: string) => {
    const v = columnOf(data.frame, id)?.[i];
    return v === undefined || v !== v ? null : v;
  };
  return {
    customerId: data.frame.customerIds[i]!,
    orders: value('orders'),
    revenue: value('revenue'),
    daysSincePurchase: value('days_since_purchase'),
    daysSinceActive: value('days_since_active'),
  };
}

function segmentationOptions(ws: Workspace): SegmentationOption[] {
  const models = listModels(ws.db);
  const segments = listSegments(ws.db);
  const prediction = loadPrediction(ws.db);
  const option = (ref: SegmentationRef, label: string, reason: string | null): SegmentationOption => ({ ref, label, available: reason === null, reason });
  return [
    ...(models.length
      ? models.map((m, i) => option({ kind: 'clusters', modelId: m.modelId }, `Clusters: model ${m.modelId} (k = ${m.k}, as of ${m.asOf})${i === 0 ? ', newest' : ''}`, null))
      : [option({ kind: 'clusters' }, 'Clusters', 'No cluster model yet: fit clusters in the Clusters view.')]),
    option({ kind: 'phases' }, 'Funnel phases', null),
    option({ kind: 'rfm' }, 'RFM groups', null),
    option({ kind: 'propensity' }, 'Propensity bands (expected purchases)', prediction ? null : 'No purchase prediction yet: fit one in the Predict view.'),
    option({ kind: 'rules' }, 'Primary segments (priority list)', segments.length ? null : 'No saved segments yet: save a rule in the Segments tab.'),
    ...segments.map((s) => option({ kind: 'segment', segmentId: s.segmentId }, `Segment: ${s.name}`, null)),
  ];
}

export const ruleHandlers: HandlerGroup = {
  'rule-evaluate': async ({ rule, asOf }, ctx) => {
    const started = performance.now();
    // A rule that cannot be saved is refused before any work (the builder shows why).
    checkReferences(ctx.session.requireWorkspace().db, rule, null);
    const { data, evaluator } = await prepare(ctx, asOf, [rule], []);
    const result = evaluator.rule(rule);
    const sql = compileRuleSql(rule, data.frame.asOf);
    return {
      asOf: data.day,
      customers: evaluator.customers,
      matched: result.matched,
      counts: result.counts,
      sql: { text: sql.text, params: sql.params.map((p) => (typeof p === 'bigint' ? Number(p) : p instanceof Uint8Array ? null : p)) },
      evaluatedMs: Math.round(performance.now() - started),
    };
  },

  'rule-members': async ({ rule, asOf, offset, limit }, ctx) => {
    const { data, evaluator } = await prepare(ctx, asOf, [rule], []);
    const { mask, matched } = evaluator.rule(rule);
    const rows: RuleMember[] = [];
    let seen = 0;
    for (let i = 0; i < mask.length && rows.length < limit; i++) {
      if (!mask[i]) continue;
      if (seen++ >= offset) rows.push(member(data, i));
    }
    return { total: matched, offset, rows };
  },

  'event-field-values': ({ field, types, limit }, { session }) => eventFieldValues(session.requireWorkspace().db, field, types, limit),

  'customer-attribute-keys': (_args, { session }) => attributeKeys(session.requireWorkspace().db),

  'segments-list': (_args, { session }) => listSegments(session.requireWorkspace().db),

  'segment-save': ({ segmentId, name, description, rule }, { session }) => {
    const ws = session.requireWorkspace();
    requireWritable(ws);
    saveSegment(ws.db, { segmentId, name, description, rule });
    return listSegments(ws.db);
  },

  'segment-delete': ({ segmentId }, { session }) => {
    const ws = session.requireWorkspace();
    requireWritable(ws);
    deleteSegment(ws.db, segmentId);
    return listSegments(ws.db);
  },

  'segments-priority-save': ({ order }, { session }) => {
    const ws = session.requireWorkspace();
    requireWritable(ws);
    savePriority(ws.db, order);
    return listSegments(ws.db);
  },

  'segments-priority': async ({ asOf }, ctx) => {
    const { data, evaluator } = await prepare(ctx, asOf, [], [{ kind: 'rules' }]);
    const segments = evaluator.segments();
    const masks = segments.map((s) => evaluator.segmentMask(s));
    return analysePriority(segments, masks, evaluator.customers, data.day);
  },

  'segments-primary-export': async ({ path, overwrite, asOf }, ctx) => {
    checkTarget(path, overwrite);
    const { data, evaluator } = await prepare(ctx, asOf, [], [{ kind: 'rules' }]);
    const segments = evaluator.segments();
    if (segments.length === 0) throw new ApiError({ code: 'no-segments', message: 'There are no saved segments to assign: save a rule as a segment first.' });
    const masks = segments.map((s) => evaluator.segmentMask(s));
    const primary = assignPrimary(masks, evaluator.customers);
    ctx.progress({ phase: 'Writing the primary segments', done: 0, total: null, unit: 'rows' });
    function* rows(): Generator<CsvValue[]> {
      for (let i = 0; i < primary.length; i++) {
        const p = primary[i]!;
        const all = segments.filter((_, s) => masks[s]![i]).map((s) => s.name);
        yield [data.frame.customerIds[i]!, p < 0 ? '' : segments[p]!.name, p < 0 ? '' : segments[p]!.segmentId, all.join('; '), data.day];
      }
    }
    const written = await writeCsv(path, ['customer_id', 'primary_segment', 'primary_segment_id', 'all_segments', 'as_of'], rows(), () => ctx.signal.aborted);
    return { path, rows: written.rows, bytes: written.bytes };
  },

  'rfm-settings-get': (_args, { session }) => loadRfmSettings(session.requireWorkspace().db),

  'rfm-settings-save': ({ settings }, { session }) => {
    const ws = session.requireWorkspace();
    requireWritable(ws);
    return saveRfmSettings(ws.db, settings as RfmSettings);
  },

  'rfm-summary': async ({ settings, asOf }, ctx) => {
    ctx.session.requireWorkspace();
    const data = await asOfData(ctx, asOf);
    return rfmSummary(data.frame, settings as RfmSettings);
  },

  'segmentations-list': (_args, { session }) => segmentationOptions(session.requireWorkspace()),

  'segmentation-get': async ({ ref, asOf }, ctx) => {
    const { evaluator } = await prepare(ctx, asOf, [], [ref]);
    return evaluator.segmentation(ref).info;
  },

  'segments-compare': async ({ a, b, asOf, outcomeDays, replicates }, ctx) => {
    const started = performance.now();
    const ws = ctx.session.requireWorkspace();
    const newest = newestEventAt(ws.db);
    let plan: OutcomePlan | null = null;
    const { data, evaluator, outcomeRows } = await prepare(ctx, asOf, [], [a, b], (d) => {
      plan = planOutcome(newest, d.frame.asOf, outcomeDays);
      return plan.window ?? undefined;
    });
    ctx.progress({ phase: 'Comparing the segmentations', done: 0, total: null, unit: 'steps' });
    const p = plan as OutcomePlan | null;
    const outcome = p && outcomeRows ? outcomeInput(data.frame, frameIndex(ctx, data.frame), outcomeRows, p) : null;
    return compareSegmentations(evaluator.segmentation(a), evaluator.segmentation(b), outcome, {
      asOf: data.day,
      outcomeDays,
      replicates,
      outcomeNote: p?.note ?? null,
      started,
    });
  },
};

