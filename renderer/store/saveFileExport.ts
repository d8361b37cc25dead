// Writing an export to a file the analyst chose (the primary segments, the movers, the exclusion
// list): a long job with progress and Cancel. Core refuses to overwrite a file unless told to; that
// answer is kept as the path to ask "Replace?" about, and the same export is sent again with
// overwrite when the analyst says so. One writer per export, owned by its slice: it keeps the
// AbortController and drops answers that arrive after a cancel or a workspace change (reset).
import type { SendOptions } from '../../core/api/contract.ts';
import { errorCode, errorMessage, isCancelled, isConnectionError } from '../lib/errors.ts';
import type { LongJob } from './signalsSlice.ts';

/** What a view shows of an export: running, written, failed, or waiting for "Replace?". */
export interface SaveFileExport<R> {
  job: LongJob | null;
  result: R | null;
  error: string | null;
  /** A path core said exists: the view asks "Replace?". */
  replacePath: string | null;
}

export function idleExport<R>(): SaveFileExport<R> {
  return { job: null, result: null, error: null, replacePath: null };
}

/** Error codes core may use for "the file is there already". */
export function isFileExists(code: string): boolean {
  return code === 'file-exists' || /exists$/.test(code);
}

export interface ExportHost<R> {
  read(): SaveFileExport<R>;
  write(patch: Partial<SaveFileExport<R>>): void;
  /** A connection lost or a workspace gone: the app-wide error handling. */
  reportError(err: unknown): void;
}

/** Sends the export op for a path: `(args, options) => api.send('…-export', { ...args }, options)`. */
export type ExportSend<R> = (args: { path: string; overwrite: boolean }, options: SendOptions) => Promise<R>;

export interface ExportWriter<R> {
  /** Writes to `path` (trimmed); resolves to the result once written, else null (refused, failed, cancelled, busy). */
  write(path: string, overwrite: boolean, send: ExportSend<R>): Promise<R | null>;
  cancel(): void;
  dismissReplace(): void;
  /** The workspace changed: the export in flight is abandoned and its answer dropped. */
  reset(): void;
}

export function createExportWriter<R>(host: ExportHost<R>): ExportWriter<R> {
  let abort: AbortController | null = null;
  let generation = 0;

  return {
    async write(rawPath, overwrite, send) {
      const path = rawPath.trim();
      if (!path || host.read().job) return null;
      abort?.abort();
      const controller = new AbortController();
      abort = controller;
      const mine = ++generation;
      host.write({ job: { progress: null, startedAt: Date.now(), cancelling: false }, result: null, error: null, replacePath: null });
      try {
        const result = await send(
          { path, overwrite },
          {
            signal: controller.signal,
            onProgress: (progress) => {
              const job = host.read().job;
              if (job && abort === controller) host.write({ job: { ...job, progress } });
            },
          },
        );
        if (controller.signal.aborted || mine !== generation) return null;
        host.write({ job: null, result });
        return result;
      } catch (err) {
        if (mine !== generation) return null;
        if (controller.signal.aborted || isCancelled(err)) host.write({ job: null });
        else if (!overwrite && isFileExists(errorCode(err))) host.write({ job: null, replacePath: path });
        else {
          host.write({ job: null, error: errorMessage(err) });
          if (isConnectionError(err)) host.reportError(err);
        }
        return null;
      } finally {
        if (abort === controller) abort = null;
      }
    },

    cancel() {
      const job = host.read().job;
      if (!job || job.cancelling) return;
      host.write({ job: { ...job, cancelling: true } });
      abort?.abort();
    },

    dismissReplace() {
      host.write({ replacePath: null });
    },

    reset() {
      generation++;
      abort?.abort();
      abort = null;
    },
  };
}
