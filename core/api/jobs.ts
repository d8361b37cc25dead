// Runs a long job in a worker thread so the thread that answers requests (HTTP server, Electron
// utility process) stays responsive: progress keeps flowing and other requests keep being served.
// Cancellation sets a shared flag the job polls; a job that does not stop in time is terminated.
import { Worker } from 'node:worker_threads';
import { ApiError, CANCELLED } from './contract.ts';
import type { Ctx, ProgressUpdate } from './registry.ts';

/** What a job function receives in its worker. */
export interface JobHandle {
  isCancelled(): boolean;
  progress(update: ProgressUpdate): void;
}

export type JobFunction<A, R> = (args: A, job: JobHandle) => R | Promise<R>;

/** Grace period between asking a job to stop and terminating its thread. */
const TERMINATE_AFTER_MS = 5000;

const workerEntry = new URL('./job-worker.mjs', import.meta.url);

export class CancelledError extends Error {
  readonly code = CANCELLED;
  constructor() {
    super('Cancelled.');
    this.name = 'CancelledError';
  }
}

/**
 * Runs `exportName` of `moduleUrl` (a file URL) with `args` in a new worker thread.
 * Rejects with a cancelled ApiError when ctx.signal aborts.
 */
export function runJobInWorker<R>(
  moduleUrl: URL,
  exportName: string,
  args: unknown,
  ctx: Ctx,
  options: { terminateAfterMs?: number } = {},
): Promise<R> {
  const cancelFlag = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancelFlag);
  const worker = new Worker(workerEntry, {
    workerData: { moduleUrl: moduleUrl.href, exportName, args, cancelFlag },
  });
  return new Promise<R>((resolve, reject) => {
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(killTimer);
      ctx.signal.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => {
      Atomics.store(flag, 0, 1);
      killTimer = setTimeout(() => {
        void worker.terminate();
        finish(() => reject(new ApiError({ code: CANCELLED, message: 'Cancelled.' })));
      }, options.terminateAfterMs ?? TERMINATE_AFTER_MS);
    };
    if (ctx.signal.aborted) onAbort();
    else ctx.signal.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (msg: { type: string; update?: ProgressUpdate; result?: R; error?: { message: string; code?: string; details?: Record<string, string | number> } }) => {
      if (msg.type === 'progress' && msg.update) ctx.progress(msg.update);
      else if (msg.type === 'done') finish(() => resolve(msg.result as R));
      else if (msg.type === 'error') {
        const e = msg.error!;
        finish(() =>
          reject(e.code === CANCELLED ? new ApiError({ code: CANCELLED, message: 'Cancelled.' }) : new ApiError({ code: e.code ?? 'job-failed', message: e.message, ...(e.details ? { details: e.details } : {}) })),
        );
      }
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => {
      finish(() => reject(new ApiError({ code: 'job-failed', message: `The job stopped unexpectedly (exit code ${code}).` })));
    });
  });
}
