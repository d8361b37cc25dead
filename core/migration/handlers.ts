// Migration operations: each date's segmentation is evaluated on that date's signals (computed in
// a worker job) with the rules machinery, newest date first. Movers need both dates' signals:
// the pair of frames is kept in the session for paging and export.
import { ApiError } from '../api/contract.ts';
import type { Ctx, HandlerGroup } from '../api/registry.ts';
import { checkTarget, writeCsv, type CsvValue } from '../files/csv-writer.ts';
import { parseAsOf } from '../signals/as-of.ts';
import { computeFrames, signalCatalog } from '../signals/handlers.ts';
import { ScoringState } from '../signals/scoring-state.ts';
import type { SignalFrame } from '../signals/frame.ts';
import { asOfData, databaseLeafMask, heldAsOfData, prepareLeaves, type AsOfData } from '../rules/as-of-data.ts';
import { databaseLeavesFor, Evaluator } from '../rules/segmentations.ts';
import { formatSegmentationRef, type SegmentationRef } from '../rules/types.ts';
import { moverRows, moversPage, signalSpreads, topChanges, type LabelledFrame, type MoverFilter } from './movers.ts';
import { migrationSeries } from './series.ts';

const PAIR_KEY = 'migration-pair';

interface Pair {
  key: string;
  before: LabelledFrame;
  after: LabelledFrame;
  spreads: Float64Array;
  rows: Map<string, { after: Int32Array; before: Int32Array }>;
}

async function labelled(ctx: Ctx, data: AsOfData, ref: SegmentationRef): Promise<LabelledFrame & { label: string }> {
  const ws = ctx.session.requireWorkspace();
  await prepareLeaves(ctx, data, databaseLeavesFor(ws.db, [], [ref]));
  const evaluator = new Evaluator({ db: ws.db, data, catalog: signalCatalog(ws), databaseLeaf: (leaf) => databaseLeafMask(ctx, data, leaf) });
  const { info, labels } = evaluator.segmentation(ref);
  return { frame: data.frame, labels, segments: info.segments, label: info.label };
}

async function pairOf(ctx: Ctx, ref: SegmentationRef, from: string, to: string): Promise<Pair> {
  if (to <= from) throw new ApiError({ code: 'invalid-args', message: `The later date (${to}) must be after the earlier one (${from}).` });
  const key = `${formatSegmentationRef(ref)}|${from}|${to}`;
  const cached = ctx.session.derived.get(PAIR_KEY) as Pair | undefined;
  if (cached?.key === key) return cached;
  // Dropped first: two pairs of 10^6-customer frames would not fit comfortably.
  ctx.session.derived.delete(PAIR_KEY);
  // A date the session already holds (usually both, right after a migration run: the signals'
  // date and the last other date evaluated) is not computed again.
  const held = [heldAsOfData(ctx, from), heldAsOfData(ctx, to)];
  const missing = [from, to].filter((_, i) => !held[i]);
  const computed: SignalFrame[] = missing.length ? await computeFrames(ctx, missing.map((day) => ({ asOf: parseAsOf(day) }))) : [];
  const [b, a] = [from, to].map((day, i) => {
    if (held[i]) return held[i]!;
    const frame = computed[missing.indexOf(day)]!;
    return { frame, scoring: new ScoringState(frame), day };
  });
  const pair: Pair = { key, before: await labelled(ctx, b!, ref), after: await labelled(ctx, a!, ref), spreads: signalSpreads(b!.frame), rows: new Map() };
  ctx.session.derived.set(PAIR_KEY, pair);
  return pair;
}

function rowsFor(pair: Pair, filter: MoverFilter) {
  const key = `${filter.fromKey ?? '*'}>${filter.toKey ?? '*'}`;
  let rows = pair.rows.get(key);
  if (!rows) {
    rows = moverRows(pair.before, pair.after, filter);
    pair.rows.set(key, rows);
  }
  return rows;
}

const strip = (segments: LabelledFrame['segments']) => segments.map(({ key, name, colour }) => ({ key, name, colour }));

export const migrationHandlers: HandlerGroup = {
  'migration-run': async ({ ref, days }, ctx) => {
    const started = performance.now();
    const ws = ctx.session.requireWorkspace();
    const total = new Set(days).size;
    return migrationSeries(
      ws.db,
      ref,
      days,
      async (day, position) => {
        ctx.progress({ phase: `Segments as of ${day}`, done: position, total, unit: 'dates' });
        const { frame, labels, segments, label } = await labelled(ctx, await asOfData(ctx, day), ref);
        return { day, ids: frame.customerIds, labels, segments, label };
      },
      started,
    );
  },

  'migration-movers': async ({ ref, from, to, fromKey, toKey, offset, limit }, ctx) => {
    const pair = await pairOf(ctx, ref, from, to);
    const rows = rowsFor(pair, { fromKey, toKey });
    return {
      from,
      to,
      total: rows.after.length,
      offset,
      rows: moversPage(pair.before, pair.after, rows, pair.spreads, offset, limit),
      segmentsFrom: strip(pair.before.segments),
      segmentsTo: strip(pair.after.segments),
    };
  },

  'migration-movers-export': async ({ ref, from, to, fromKey, toKey, path, overwrite }, ctx) => {
    checkTarget(path, overwrite);
    const pair = await pairOf(ctx, ref, from, to);
    const rows = rowsFor(pair, { fromKey, toKey });
    const { before, after } = pair;
    function* lines(): Generator<CsvValue[]> {
      for (let k = 0; k < rows.after.length; k++) {
        const ra = rows.after[k]!;
        const rb = rows.before[k]!;
        const changes = topChanges(before.frame, after.frame, rb, ra, pair.spreads);
        const cells: CsvValue[] = [after.frame.customerIds[ra]!, before.segments[before.labels[rb]!]!.name, after.segments[after.labels[ra]!]!.name];
        for (let c = 0; c < 3; c++) {
          const x = changes[c];
          cells.push(x?.signalId ?? null, x?.before ?? null, x?.after ?? null, x ? Math.round(x.change * 100) / 100 : null);
        }
        yield cells;
      }
    }
    const header = ['customer_id', `segment_${from}`, `segment_${to}`, ...[1, 2, 3].flatMap((c) => [`signal_${c}`, `signal_${c}_before`, `signal_${c}_after`, `signal_${c}_change_sd`])];
    const written = await writeCsv(path, header, lines(), () => ctx.signal.aborted);
    return { path, rows: written.rows, bytes: written.bytes };
  },
};
