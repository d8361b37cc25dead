// The browser shell's transport: operations are POSTs to the local server, progress arrives over
// one Server-Sent Events stream (read with fetch, so it also works in Node for the contract tests).
import type { ApiClient, ArgsIn, OpName, Progress, Result, SendOptions, WireResult } from '../../core/api/contract.ts';
import { ApiError, isLongOp } from '../../core/api/contract.ts';
import { newJobId, unwrap } from './wire.ts';

export interface HttpTransportOptions {
  /** e.g. http://127.0.0.1:5173 ; empty string means the page's own origin. */
  baseUrl: string;
  /** Sent as a header by non-browser clients; pages authenticate with the cookie set at start. */
  token?: string;
}

type Listener = (p: Progress) => void;

export function createHttpClient(options: HttpTransportOptions): ApiClient & { close(): void } {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers['x-segwb-token'] = options.token;
  const listeners = new Map<string, Listener>();
  let stream: Promise<void> | null = null;
  let streamAbort: AbortController | null = null;

  /** Opens the progress stream once; resolves when the server has accepted it. */
  function ensureProgressStream(): Promise<void> {
    if (stream) return stream;
    streamAbort = new AbortController();
    stream = new Promise<void>((resolve, reject) => {
      fetch(`${options.baseUrl}/api/progress`, { headers, credentials: 'same-origin', signal: streamAbort!.signal })
        .then(async (res) => {
          if (!res.ok || !res.body) throw new ApiError({ code: 'transport', message: `Progress stream refused (HTTP ${res.status})` });
          resolve();
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += value;
            let cut: number;
            while ((cut = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, cut);
              buffer = buffer.slice(cut + 2);
              const data = block
                .split('\n')
                .filter((l) => l.startsWith('data:'))
                .map((l) => l.slice(5).trim())
                .join('\n');
              if (!data) continue;
              const p = JSON.parse(data) as Progress;
              listeners.get(p.jobId)?.(p);
            }
          }
        })
        .catch((err: unknown) => {
          stream = null;
          if ((err as Error).name !== 'AbortError') reject(err);
        });
    });
    return stream;
  }

  async function post(path: string, body: unknown, signal?: AbortSignal): Promise<WireResult> {
    let res: Response;
    try {
      res = await fetch(`${options.baseUrl}${path}`, {
        method: 'POST',
        headers,
        credentials: 'same-origin',
        body: JSON.stringify(body),
        ...(signal ? { signal } : {}),
      });
    } catch (err) {
      throw new ApiError({ code: 'transport', message: `Cannot reach the workbench server: ${(err as Error).message}` });
    }
    const text = await res.text();
    try {
      return JSON.parse(text) as WireResult;
    } catch {
      throw new ApiError({ code: 'transport', message: `Unexpected answer from the workbench server (HTTP ${res.status}): ${text.slice(0, 200)}` });
    }
  }

  return {
    async send<K extends OpName>(name: K, args: ArgsIn<K>, opts: SendOptions = {}): Promise<Result<K>> {
      const jobId = newJobId();
      const long = isLongOp(name);
      if (long) {
        await ensureProgressStream();
        if (opts.onProgress) listeners.set(jobId, opts.onProgress);
      }
      const onAbort = () => void post('/api/cancel', { jobId }).catch(() => {});
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        if (opts.signal?.aborted) onAbort();
        const wire = await post(`/api/call/${encodeURIComponent(name)}`, { args, jobId });
        return unwrap(wire) as Result<K>;
      } finally {
        listeners.delete(jobId);
        opts.signal?.removeEventListener('abort', onAbort);
      }
    },
    close() {
      streamAbort?.abort();
      stream = null;
    },
  };
}
