// The core host's message handling against a real core (temporary folders), as the utility process runs it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core/api/core.ts';
import { allHandlers } from '../core/api/handlers.ts';
import type { Handlers } from '../core/api/registry.ts';
import { createCoreHostHandler } from './core-host-handler.ts';
import { encodeHostConfig, parseHostConfig, type HostReply } from './host-messages.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function host(handlers?: Handlers) {
  const dir = mkdtempSync(join(tmpdir(), 'segwb-host-'));
  const core: Core = createCore({ homeDir: join(dir, 'home'), defaultDir: join(dir, 'docs'), appVersion: '9.9.9' }, handlers);
  cleanups.push(() => {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const replies: HostReply[] = [];
  const logs: string[] = [];
  let shutdown = false;
  const handle = createCoreHostHandler(core, (r) => replies.push(r), { onShutdown: () => (shutdown = true), log: (m) => logs.push(m) });
  return { dir, core, handle, replies, logs, isShutdown: () => shutdown };
}

const results = (replies: HostReply[]) => replies.filter((r) => r.type === 'result');

describe('createCoreHostHandler with a real core', () => {
  it('round-trips workspace-create: the reply carries the jobId and the new workspace as a WireResult', async () => {
    const { dir, handle, replies } = host();
    const path = join(dir, 'Q3.segwb');
    await handle({ type: 'call', name: 'workspace-create', args: { path, name: 'Q3' }, jobId: 'job-1' });
    expect(replies).toHaveLength(1);
    const [reply] = replies;
    expect(reply).toMatchObject({ type: 'result', jobId: 'job-1', wire: { ok: true, result: { path, name: 'Q3', customers: 0 } } });
    // The session remembers it: the next call sees the open workspace.
    await handle({ type: 'call', name: 'workspace-info', args: {}, jobId: 'job-2' });
    expect(replies[1]).toMatchObject({ jobId: 'job-2', wire: { ok: true, result: { path } } });
  });

  it('round-trips invalid arguments as the wire error shape, with issues', async () => {
    const { handle, replies } = host();
    await handle({ type: 'call', name: 'workspace-create', args: { path: '', extra: 1 }, jobId: 'job-bad' });
    const [reply] = results(replies);
    expect(reply?.jobId).toBe('job-bad');
    expect(reply?.wire.ok).toBe(false);
    if (reply?.wire.ok !== false) throw new Error('expected an error');
    expect(reply.wire.error.code).toBe('invalid-args');
    expect(reply.wire.error.issues?.length).toBeGreaterThan(0);
    // Plain data only: it must survive structured cloning across the process boundary.
    expect(structuredClone(reply.wire)).toEqual(reply.wire);
  });

  it('answers unknown operations and non-string names with errors for that jobId', async () => {
    const { handle, replies } = host();
    await handle({ type: 'call', name: 'drop-tables', args: {}, jobId: 'j1' });
    await handle({ type: 'call', name: 42, args: {}, jobId: 'j2' });
    expect(results(replies).map((r) => [r.jobId, !r.wire.ok && r.wire.error.code])).toEqual([
      ['j1', 'unknown-operation'],
      ['j2', 'invalid-request'],
    ]);
  });

  it('forwards progress of a long call before its result, and cancel stops it', async () => {
    // The real core (validation, progress reporting, cancellation) with one handler standing in
    // for a long job, so the test does not depend on how fast sample generation is.
    const { handle, replies } = host({
      ...allHandlers(),
      'sample-create': async (_args, ctx) => {
        for (let done = 1; done <= 3; done++) ctx.progress({ phase: 'Generating customers', done, total: 3, unit: 'customers' });
        await new Promise((_resolve, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('aborted'))));
        throw new Error('unreachable');
      },
    });
    const running = handle({ type: 'call', name: 'sample-create', args: { path: '/tmp/never.segwb' }, jobId: 'job-long' });
    await new Promise((r) => setTimeout(r, 20));
    const progress = replies.filter((r) => r.type === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ progress: { jobId: 'job-long', phase: 'Generating customers', done: 3, total: 3 } });
    await handle({ type: 'cancel', jobId: 'job-long' });
    await running;
    expect(replies.at(-1)).toEqual({ type: 'result', jobId: 'job-long', wire: { ok: false, error: { code: 'cancelled', message: 'Cancelled.' } } });
  });

  it('closes the core on shutdown and logs messages it cannot answer', async () => {
    const { dir, core, handle, replies, logs, isShutdown } = host();
    await handle({ type: 'call', name: 'workspace-create', args: { path: join(dir, 'a.segwb') }, jobId: 'j' });
    await handle('garbage');
    await handle({ type: 'call', name: 'app-info', args: {} });
    await handle({ type: 'launch-missiles' });
    expect(logs).toHaveLength(3);
    await handle({ type: 'shutdown' });
    expect(isShutdown()).toBe(true);
    expect(core.session.workspace).toBeNull();
    expect(results(replies)).toHaveLength(1);
  });
});

describe('host config', () => {
  it('travels on the command line and is checked on arrival', () => {
    const config = { homeDir: '/home/a/.config/Segment Workbench', defaultDir: '/home/a/Documents/Segment Workbench', appVersion: '0.1.0' };
    expect(parseHostConfig(['electron', 'core-host.mjs', encodeHostConfig(config)])).toEqual(config);
    expect(() => parseHostConfig(['electron'])).toThrow(/without/);
    expect(() => parseHostConfig([encodeHostConfig({ ...config, homeDir: '' })])).toThrow(/homeDir/);
  });
});
