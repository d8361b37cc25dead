import { resolve } from 'node:path';
import type { HandlerGroup } from '../api/registry.ts';
import { runJobInWorker } from '../api/jobs.ts';
import { openWorkspace } from '../store/workspace.ts';
import { adoptWorkspace } from '../workspace/handlers.ts';

const generator = new URL('./generate.ts', import.meta.url);

export const sampleHandlers: HandlerGroup = {
  // Generation runs in a worker thread (it is CPU-bound for seconds to minutes) and writes a
  // temporary file that is renamed only on success, so a cancelled run leaves nothing behind.
  'sample-create': async (args, ctx) => {
    const path = resolve(args.path);
    await runJobInWorker(generator, 'generateSampleJob', { ...args, path }, ctx);
    return adoptWorkspace(ctx.session, openWorkspace(path));
  },
};
