// A running core: validates arguments at the boundary, runs handlers with progress and
// cancellation wired in, and turns every failure into an ApiError the UI can show.
import type { z } from 'zod';
import { ApiError, contract, CANCELLED, type OpName, type Progress } from './contract.ts';
import type { Ctx, Handlers, ProgressUpdate } from './registry.ts';
import { Session, type SessionOptions } from './session.ts';
import { WorkspaceError } from '../store/errors.ts';
import { ImportError } from '../import/errors.ts';
import { allHandlers } from './handlers.ts';

export interface CallOptions {
  jobId?: string;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

export interface Core {
  call(name: string, rawArgs: unknown, options?: CallOptions): Promise<unknown>;
  /** Cancels a running job; returns false when no job has that id. */
  cancel(jobId: string): boolean;
  readonly session: Session;
  close(): void;
}

/** Reports progress at most this often per job, so a tight loop cannot flood a transport. */
const PROGRESS_INTERVAL_MS = 100;

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof WorkspaceError) return new ApiError({ code: err.code, message: err.message });
  if (err instanceof ImportError) return new ApiError({ code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) });
  if (err instanceof Error && (err.name === 'AbortError' || (err as { code?: string }).code === CANCELLED)) {
    return new ApiError({ code: CANCELLED, message: 'Cancelled.' });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new ApiError({ code: 'internal', message });
}

function invalidArgs(name: string, error: z.ZodError): ApiError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.') || '(arguments)', message: i.message }));
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return new ApiError({ code: 'invalid-args', message: `Invalid arguments for ${name}: ${summary}`, issues });
}

function progressReporter(jobId: string, sink: ((p: Progress) => void) | undefined): (u: ProgressUpdate) => void {
  if (!sink) return () => {};
  const started = Date.now();
  let last = 0;
  return (u) => {
    const now = Date.now();
    const finished = u.total !== null && u.done >= u.total;
    if (!finished && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    let eta = u.etaMs ?? null;
    if (eta === null && u.total !== null && u.done > 0) {
      eta = Math.round(((now - started) / u.done) * (u.total - u.done));
    }
    sink({ jobId, phase: u.phase, done: u.done, total: u.total, unit: u.unit, etaMs: eta });
  };
}

let jobCounter = 0;

export function createCore(options: SessionOptions, handlers: Handlers = allHandlers()): Core {
  const session = new Session(options);
  const running = new Map<string, AbortController>();

  async function call(name: string, rawArgs: unknown, opts: CallOptions = {}): Promise<unknown> {
    if (!Object.hasOwn(contract, name)) {
      throw new ApiError({ code: 'unknown-operation', message: `There is no operation called "${name}".` });
    }
    const op = name as OpName;
    const parsed = contract[op].args.safeParse(rawArgs ?? {});
    if (!parsed.success) throw invalidArgs(op, parsed.error);

    const jobId = opts.jobId ?? `job-${++jobCounter}`;
    const controller = new AbortController();
    if (opts.signal) {
      if (opts.signal.aborted) controller.abort();
      opts.signal.addEventListener('abort', () => controller.abort(), { once: true });
    }
    running.set(jobId, controller);
    const ctx: Ctx = { jobId, signal: controller.signal, progress: progressReporter(jobId, opts.onProgress), session };
    try {
      const handler = handlers[op] as (args: unknown, ctx: Ctx) => unknown;
      const result = await handler(parsed.data, ctx);
      if (controller.signal.aborted) throw new ApiError({ code: CANCELLED, message: 'Cancelled.' });
      return result;
    } catch (err) {
      throw toApiError(controller.signal.aborted ? new ApiError({ code: CANCELLED, message: 'Cancelled.' }) : err);
    } finally {
      running.delete(jobId);
    }
  }

  return {
    call,
    session,
    cancel(jobId) {
      const c = running.get(jobId);
      if (!c) return false;
      c.abort();
      return true;
    },
    close() {
      for (const c of running.values()) c.abort();
      session.closeWorkspace();
    },
  };
}
