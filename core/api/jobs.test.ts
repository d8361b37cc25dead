import { describe, expect, it } from 'vitest';
import { threadId } from 'node:worker_threads';
import { runJobInWorker } from './jobs.ts';
import type { Ctx, ProgressUpdate } from './registry.ts';
import { Session } from './session.ts';

const jobs = new URL('../../test/support/jobs/counting-job.ts', import.meta.url);

function ctx(signal: AbortSignal, seen: ProgressUpdate[] = []): Ctx {
  return {
    jobId: 'j1',
    signal,
    progress: (u) => seen.push(u),
    session: new Session({ homeDir: '/nonexistent', defaultDir: '/nonexistent', appVersion: 't' }),
  };
}

describe('runJobInWorker', () => {
  it('runs the job on another thread and relays its progress', async () => {
    const seen: ProgressUpdate[] = [];
    const result = await runJobInWorker<{ counted: number; threadId: number }>(jobs, 'countTo', { to: 5, stepMs: 1 }, ctx(new AbortController().signal, seen));
    expect(result.counted).toBe(5);
    expect(result.threadId).not.toBe(threadId);
    expect(seen.map((s) => s.done)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps this thread free while a CPU-bound job runs', async () => {
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(Date.now()), 20);
    await runJobInWorker(jobs, 'countTo', { to: 10, stepMs: 40 }, ctx(new AbortController().signal));
    clearInterval(timer);
    // 400 ms of work in the worker: the timer here kept firing meanwhile.
    expect(ticks.length).toBeGreaterThan(5);
  });

  it('stops a job on cancellation with a cancelled error', async () => {
    const controller = new AbortController();
    const seen: ProgressUpdate[] = [];
    const c = ctx(controller.signal, seen);
    c.progress = (u) => {
      seen.push(u);
      if (u.done === 3) controller.abort();
    };
    await expect(runJobInWorker(jobs, 'countTo', { to: 1000, stepMs: 5 }, c)).rejects.toMatchObject({ code: 'cancelled' });
    expect(seen.length).toBeLessThan(1000);
  });

  it('terminates a job that ignores cancellation', async () => {
    const controller = new AbortController();
    const running = runJobInWorker(jobs, 'stubborn', {}, ctx(controller.signal), { terminateAfterMs: 200 });
    setTimeout(() => controller.abort(), 300);
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('passes a job failure on with its message and code', async () => {
    await expect(runJobInWorker(jobs, 'fail', {}, ctx(new AbortController().signal))).rejects.toMatchObject({
      code: 'ENOSPC',
      message: 'disk full while writing /tmp/x',
    });
  });

  it('names a missing job function', async () => {
    await expect(runJobInWorker(jobs, 'nope', {}, ctx(new AbortController().signal))).rejects.toThrow(/has no exported function nope/);
  });
});
