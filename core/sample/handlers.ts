import { resolve } from 'node:path';
import type { HandlerGroup } from '../api/registry.ts';
import { runJobInWorker } from '../api/jobs.ts';
import { openWorkspace } from '../store/workspace.ts';
import { adoptWorkspace } from '../workspace/handlers.ts';
import { removeSampleLeftovers } from './generate.ts';

const generator = new URL('./generate.ts', import.meta.url);
/**
 * One index build or the customer-figures pass on 1M customers takes up to ~30 s inside SQLite,
 * where the job cannot look at the cancel flag; waiting that long lets it stop and delete its own
 * temporary file instead of being terminated half-way.
 */
const CANCEL_GRACE_MS = 90_000;

export const sampleHandlers: HandlerGroup = {
  // Generation runs in a worker thread (it is CPU-bound for seconds to minutes) and writes a
  // temporary file that is renamed only on success, so a cancelled run leaves nothing behind.
  'sample-create': async (args, ctx) => {
    const path = resolve(args.path);
    try {
      await runJobInWorker(generator, 'generateSampleJob', { ...args, path }, ctx, { terminateAfterMs: CANCEL_GRACE_MS });
    } catch (err) {
      // The generator removes its temporary file itself, unless its thread was terminated while
      // SQLite was busy in one long statement (index build, customer figures): tidy up then.
      try {
        removeSampleLeftovers(path);
      } catch {
        // best effort (on Windows a file still open by the dying thread cannot be removed yet)
      }
      throw err;
    }
    return adoptWorkspace(ctx.session, openWorkspace(path));
  },
};
