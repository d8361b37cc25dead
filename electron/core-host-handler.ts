// The utility-process side of the relay, free of Electron so it can be tested with a real core:
// turns HostRequests into core calls and posts back results (as WireResults) and progress.
import { toApiError, type Core } from '../core/api/core.ts';
import type { HostReply } from './host-messages.ts';

export interface CoreHostOptions {
  /** Called after a 'shutdown' request closed the core; the host process exits here. */
  onShutdown?: () => void;
  /** Where messages that cannot be answered go (there is no jobId to reply to). */
  log?: (message: string) => void;
}

type HostCore = Pick<Core, 'call' | 'cancel' | 'close'>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Returns the message handler; its promise settles once the reply (if any) has been posted. */
export function createCoreHostHandler(
  core: HostCore,
  post: (reply: HostReply) => void,
  options: CoreHostOptions = {},
): (message: unknown) => Promise<void> {
  const log = options.log ?? ((m: string) => console.error(m));

  async function call(name: unknown, args: unknown, jobId: string): Promise<void> {
    if (typeof name !== 'string') {
      post({ type: 'result', jobId, wire: { ok: false, error: { code: 'invalid-request', message: 'The operation name must be a string.' } } });
      return;
    }
    try {
      const result = await core.call(name, args, {
        jobId,
        onProgress: (progress) => post({ type: 'progress', progress }),
      });
      post({ type: 'result', jobId, wire: { ok: true, result } });
    } catch (err) {
      post({ type: 'result', jobId, wire: { ok: false, error: toApiError(err).toJSON() } });
    }
  }

  return async (message) => {
    if (!isRecord(message)) return log('core host: ignored a message that is not an object');
    switch (message.type) {
      case 'call':
        if (typeof message.jobId !== 'string') return log('core host: ignored a call without a jobId');
        return call(message.name, message.args, message.jobId);
      case 'cancel':
        if (typeof message.jobId === 'string') core.cancel(message.jobId);
        return;
      case 'shutdown':
        core.close();
        options.onShutdown?.();
        return;
      default:
        return log(`core host: ignored a message of unknown type ${String(message.type)}`);
    }
  };
}
