// Main-process bookkeeping for calls relayed to the core host: one pending promise per jobId,
// results routed back by jobId, progress forwarded only for jobs still pending, and every pending
// call failed with a clear error when the host dies (the page must never wait forever).
import type { ApiErrorShape, CANCELLED, Progress, WireResult } from '../core/api/contract.ts';
import type { HostReply, HostRequest } from './host-messages.ts';

/** Kept in step with the contract's constant by the type; a value import would bundle zod into main. */
const CANCELLED_CODE: typeof CANCELLED = 'cancelled';

/** How many cancels for not-yet-seen jobs are remembered (the page may cancel before its send arrives). */
const EARLY_CANCEL_MEMORY = 100;

export interface Relay {
  call(name: string, args: unknown, jobId: string): Promise<WireResult>;
  cancel(jobId: string): void;
  /** A message from the host. */
  receive(message: unknown): void;
  /** Fails every pending call with the error made for its operation (host exited, app quitting). */
  failAll(errorFor: (operation: string) => ApiErrorShape): void;
  pendingCount(): number;
}

interface Pending {
  name: string;
  resolve(wire: WireResult): void;
}

export function createRelay(post: (request: HostRequest) => void, onProgress: (p: Progress) => void): Relay {
  const pending = new Map<string, Pending>();
  const earlyCancels = new Set<string>();

  function settle(jobId: string, wire: WireResult): void {
    const p = pending.get(jobId);
    if (!p) return;
    pending.delete(jobId);
    p.resolve(wire);
  }

  return {
    call(name, args, jobId) {
      if (earlyCancels.delete(jobId)) {
        return Promise.resolve({ ok: false, error: { code: CANCELLED_CODE, message: 'Cancelled.' } });
      }
      if (pending.has(jobId)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'duplicate-job', message: `A job with id ${jobId} is already running.` },
        });
      }
      return new Promise<WireResult>((resolve) => {
        pending.set(jobId, { name, resolve });
        try {
          post({ type: 'call', name, args, jobId });
        } catch (err) {
          // Arguments that cannot be structured-cloned fail here, not in the host.
          const message = err instanceof Error ? err.message : String(err);
          settle(jobId, { ok: false, error: { code: 'invalid-request', message: `Could not send ${name}: ${message}` } });
        }
      });
    },

    cancel(jobId) {
      if (pending.has(jobId)) {
        post({ type: 'cancel', jobId });
        return;
      }
      earlyCancels.add(jobId);
      if (earlyCancels.size > EARLY_CANCEL_MEMORY) {
        earlyCancels.delete(earlyCancels.values().next().value as string);
      }
    },

    receive(message) {
      const m = message as Partial<HostReply> | null;
      if (m?.type === 'result' && typeof m.jobId === 'string' && m.wire) settle(m.jobId, m.wire);
      else if (m?.type === 'progress' && m.progress && pending.has(m.progress.jobId)) onProgress(m.progress);
    },

    failAll(errorFor) {
      for (const [jobId, p] of [...pending]) settle(jobId, { ok: false, error: errorFor(p.name) });
    },

    pendingCount: () => pending.size,
  };
}
