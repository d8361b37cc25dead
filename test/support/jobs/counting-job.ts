// A job for the worker-thread tests: counts to `to`, reporting progress, honouring cancellation.
import type { JobHandle } from '../../../core/api/jobs.ts';
import { CancelledError } from '../../../core/api/jobs.ts';

export async function countTo(args: { to: number; stepMs: number }, job: JobHandle): Promise<{ counted: number; threadId: number }> {
  const { threadId } = await import('node:worker_threads');
  for (let i = 1; i <= args.to; i++) {
    if (job.isCancelled()) throw new CancelledError();
    // Busy-wait: a CPU-bound job that never yields, like a real generator loop.
    const until = Date.now() + args.stepMs;
    while (Date.now() < until) {
      /* spin */
    }
    job.progress({ phase: 'Counting', done: i, total: args.to, unit: 'steps' });
  }
  return { counted: args.to, threadId };
}

export function fail(): never {
  throw Object.assign(new Error('disk full while writing /tmp/x'), { code: 'ENOSPC' });
}

/** Ignores cancellation: the runner must terminate it. */
export function stubborn(): Promise<never> {
  for (;;) {
    /* never returns */
  }
}
