// The transports every contract suite runs against: the in-process client and real HTTP (with
// its token, cookie and SSE progress), each over a fresh core.
import { expect } from 'vitest';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError, type ApiClient } from '../../core/api/contract.ts';
import { createCore, type Core } from '../../core/api/core.ts';
import { createInProcessClient } from '../../core/api/in-process.ts';
import { startWebServer } from '../../core/api/http-server.ts';
import { createHttpClient } from '../../renderer/api/http-transport.ts';

export interface Harness {
  client: ApiClient;
  close(): Promise<void>;
}

function newCore(root: string): Core {
  return createCore({ homeDir: join(root, 'home'), defaultDir: join(root, 'workspaces'), appVersion: '9.9.9-test' });
}

export const transports: Array<[string, (root: string) => Promise<Harness>]> = [
  [
    'in-process',
    async (root) => {
      const core = newCore(root);
      return { client: createInProcessClient(core), close: async () => core.close() };
    },
  ],
  [
    'http',
    async (root) => {
      const core = newCore(root);
      const staticDir = join(root, 'static');
      mkdirSync(staticDir, { recursive: true });
      writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
      const server = await startWebServer({ core, staticDir });
      const client = createHttpClient({ baseUrl: server.url, token: server.token });
      return {
        client,
        close: async () => {
          client.close();
          await server.close();
          core.close();
        },
      };
    },
  ],
];

/** A fresh core over `start`'s transport with its own copy of `sample` (as `<dir>/<name>.segwb`) open. */
export async function openCopy(start: (root: string) => Promise<Harness>, sample: string, dir: string, name: string): Promise<Harness & { path: string }> {
  const path = join(dir, `${name}.segwb`);
  copyFileSync(sample, path);
  const h = await start(join(dir, name));
  await h.client.send('workspace-open', { path });
  return { ...h, path };
}

export async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error('expected the call to fail');
}
