import { mkdirSync } from 'node:fs';
import { contract } from '../api/contract.ts';
import type { HandlerGroup } from '../api/registry.ts';
import { workspaceInfo } from '../workspace/info.ts';

const sampleArgs = contract['sample-create'].args;

export const appHandlers: HandlerGroup = {
  'app-info': (_args, { session }) => {
    // Make sure the proposed folder exists, so the first "New workspace" works without a detour.
    mkdirSync(session.options.defaultDir, { recursive: true });
    const defaults = sampleArgs.parse({ path: 'x' });
    return {
      version: session.options.appVersion,
      defaultDir: session.options.defaultDir,
      workspace: session.workspace ? workspaceInfo(session.workspace) : null,
      sampleDefaults: { customers: defaults.customers, seed: defaults.seed, months: defaults.months },
    };
  },
};
