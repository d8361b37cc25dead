// Keeps one core host (utility process) alive for the app: forks it, relays calls through a Relay,
// and when it dies unexpectedly fails the pending calls with a clear error and starts a fresh one.
// A host that keeps crashing is not restarted forever: after too many crashes calls fail at once.
import type { ApiErrorShape, Progress, WireResult } from '../core/api/contract.ts';
import type { HostRequest } from './host-messages.ts';
import { createRelay } from './relay.ts';

/** The part of Electron's UtilityProcess the supervisor uses. */
export interface HostProcess {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface SupervisorOptions {
  fork(): HostProcess;
  onProgress(p: Progress): void;
  log?(message: string): void;
  /** Crashes tolerated within `crashWindowMs` before giving up (default 3 in 60 s). */
  maxCrashes?: number;
  crashWindowMs?: number;
  now?: () => number;
}

export interface CoreConnection {
  call(name: string, args: unknown, jobId: string): Promise<WireResult>;
  cancel(jobId: string): void;
  /** Asks the host to close its workspace and exit; kills it after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
  readonly running: boolean;
}

export function crashError(operation: string, code: number): ApiErrorShape {
  return {
    code: 'core-restarted',
    message:
      `The workbench engine stopped unexpectedly (exit code ${code}) while running ${operation}. ` +
      'It has been restarted and the open workspace was closed; please open it again and retry.',
  };
}

const QUITTING: ApiErrorShape = { code: 'app-quitting', message: 'Segment Workbench is closing.' };

const UNAVAILABLE: ApiErrorShape = {
  code: 'core-unavailable',
  message: 'The workbench engine keeps stopping and was not restarted. Please restart Segment Workbench.',
};

export function superviseCoreHost(options: SupervisorOptions): CoreConnection {
  const log = options.log ?? ((m: string) => console.error(m));
  const now = options.now ?? Date.now;
  const maxCrashes = options.maxCrashes ?? 3;
  const crashWindowMs = options.crashWindowMs ?? 60_000;

  let child: HostProcess | null = null;
  let stopping = false;
  let crashes: number[] = [];
  let onStopped: (() => void) | null = null;

  const post = (request: HostRequest) => {
    if (!child) throw new Error('the workbench engine is not running');
    child.postMessage(request);
  };
  const relay = createRelay(post, options.onProgress);

  function start(): void {
    const proc = options.fork();
    child = proc;
    proc.on('message', (m) => {
      if (child === proc) relay.receive(m);
    });
    proc.on('exit', (code) => {
      if (child !== proc) return;
      child = null;
      if (stopping) {
        relay.failAll(() => QUITTING);
        onStopped?.();
        return;
      }
      relay.failAll((operation) => crashError(operation, code));
      const t = now();
      crashes = [...crashes.filter((c) => t - c < crashWindowMs), t];
      if (crashes.length > maxCrashes) {
        log(`core host exited with code ${code}; ${crashes.length} crashes within ${crashWindowMs} ms, not restarting`);
        return;
      }
      log(`core host exited with code ${code}; restarting`);
      start();
    });
  }

  start();

  return {
    call(name, args, jobId) {
      if (!child) return Promise.resolve({ ok: false, error: stopping ? QUITTING : UNAVAILABLE });
      return relay.call(name, args, jobId);
    },
    cancel(jobId) {
      if (child) relay.cancel(jobId);
    },
    stop(timeoutMs = 3000) {
      stopping = true;
      const proc = child;
      if (!proc) return Promise.resolve();
      return new Promise<void>((resolve) => {
        // A host stuck in a native call never answers: kill it, and do not wait for its exit event either.
        const timer = setTimeout(() => {
          proc.kill();
          onStopped?.();
        }, timeoutMs);
        onStopped = () => {
          clearTimeout(timer);
          onStopped = null;
          resolve();
        };
        proc.postMessage({ type: 'shutdown' } satisfies HostRequest);
      });
    },
    get running() {
      return child !== null;
    },
  };
}
