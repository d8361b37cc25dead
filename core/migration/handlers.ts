// Migration operations: each date's segmentation is evaluated on that date's signals (computed in
// a worker job) with the rules machinery, newest date first.
import type { HandlerGroup } from '../api/registry.ts';
import { signalCatalog } from '../signals/handlers.ts';
import { asOfData, databaseLeafMask, prepareLeaves } from '../rules/as-of-data.ts';
import { databaseLeavesFor, Evaluator } from '../rules/segmentations.ts';
import { migrationSeries } from './series.ts';

export const migrationHandlers: HandlerGroup = {
  'migration-run': async ({ ref, days }, ctx) => {
    const started = performance.now();
    const ws = ctx.session.requireWorkspace();
    return migrationSeries(
      ws.db,
      ref,
      days,
      async (day, position) => {
        ctx.progress({ phase: `Segments as of ${day}`, done: position, total: new Set(days).size, unit: 'dates' });
        const data = await asOfData(ctx, day);
        await prepareLeaves(ctx, data, databaseLeavesFor(ws.db, [], [ref]));
        const evaluator = new Evaluator({ db: ws.db, data, catalog: signalCatalog(ws), databaseLeaf: (leaf) => databaseLeafMask(ctx, data, leaf) });
        const { info, labels } = evaluator.segmentation(ref);
        return { day, ids: data.frame.customerIds, labels, segments: info.segments, label: info.label };
      },
      started,
    );
  },
};
