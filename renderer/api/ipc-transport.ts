// The desktop shell's transport: the preload's narrow bridge relays to core in Electron's utility process.
import type { ApiClient, ArgsIn, DesktopBridge, OpName, Progress, Result, SendOptions } from '../../core/api/contract.ts';
import { newJobId, unwrap } from './wire.ts';

export function createIpcClient(bridge: DesktopBridge): ApiClient {
  const listeners = new Map<string, (p: Progress) => void>();
  bridge.onProgress((p) => listeners.get(p.jobId)?.(p));
  return {
    async send<K extends OpName>(name: K, args: ArgsIn<K>, opts: SendOptions = {}): Promise<Result<K>> {
      const jobId = newJobId();
      if (opts.onProgress) listeners.set(jobId, opts.onProgress);
      const onAbort = () => bridge.cancel(jobId);
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        if (opts.signal?.aborted) onAbort();
        return unwrap(await bridge.send(name, args, jobId)) as Result<K>;
      } finally {
        listeners.delete(jobId);
        opts.signal?.removeEventListener('abort', onAbort);
      }
    },
  };
}
