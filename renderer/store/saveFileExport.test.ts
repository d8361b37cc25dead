import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../core/api/contract.ts';
import { createExportWriter, idleExport, isFileExists, type ExportSend, type SaveFileExport } from './saveFileExport.ts';

interface Written {
  path: string;
  rows: number;
}

function host() {
  let state: SaveFileExport<Written> = idleExport();
  const reportError = vi.fn();
  const writer = createExportWriter<Written>({
    read: () => state,
    write: (patch) => {
      state = { ...state, ...patch };
    },
    reportError,
  });
  return { writer, reportError, state: () => state };
}

const written: ExportSend<Written> = async ({ path }) => ({ path, rows: 3 });
const refused =
  (code: string, message = 'No.'): ExportSend<Written> =>
  async () => {
    throw new ApiError({ code, message });
  };

describe('writing an export to a file', () => {
  it('recognises "the file exists" answers', () => {
    expect(isFileExists('file-exists')).toBe(true);
    expect(isFileExists('export-exists')).toBe(true);
    expect(isFileExists('invalid-args')).toBe(false);
  });

  it('writes to the trimmed path and keeps the result', async () => {
    const h = host();
    const send = vi.fn(written);
    expect(await h.writer.write('  /tmp/a.csv ', false, send)).toEqual({ path: '/tmp/a.csv', rows: 3 });
    expect(send.mock.calls[0]![0]).toEqual({ path: '/tmp/a.csv', overwrite: false });
    expect(h.state()).toEqual({ job: null, result: { path: '/tmp/a.csv', rows: 3 }, error: null, replacePath: null });
    expect(await h.writer.write('   ', false, send)).toBeNull();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('asks before replacing an existing file, then sends again with overwrite', async () => {
    const h = host();
    expect(await h.writer.write('/tmp/a.csv', false, refused('file-exists'))).toBeNull();
    expect(h.state().replacePath).toBe('/tmp/a.csv');
    expect(h.state().error).toBeNull();
    const send = vi.fn(written);
    await h.writer.write('/tmp/a.csv', true, send);
    expect(send.mock.calls[0]![0]).toEqual({ path: '/tmp/a.csv', overwrite: true });
    expect(h.state().replacePath).toBeNull();
    // Refused even with overwrite: a failure, not another question.
    await h.writer.write('/tmp/a.csv', true, refused('file-exists', 'Locked.'));
    expect(h.state()).toMatchObject({ replacePath: null, error: 'Locked.', result: null });
    h.writer.dismissReplace();
    expect(h.state().replacePath).toBeNull();
  });

  it('says why a file was not written, and reports a lost connection', async () => {
    const h = host();
    await h.writer.write('/nope/a.csv', false, refused('invalid-args', 'The folder /nope does not exist.'));
    expect(h.state()).toMatchObject({ job: null, error: 'The folder /nope does not exist.' });
    expect(h.reportError).not.toHaveBeenCalled();
    await h.writer.write('/tmp/a.csv', false, refused('transport', 'Gone.'));
    expect(h.reportError).toHaveBeenCalledTimes(1);
  });

  it('shows progress, cancels, and drops an answer after a reset', async () => {
    const h = host();
    let finish: (w: Written) => void = () => {};
    let signal: AbortSignal | undefined;
    const slow: ExportSend<Written> = (_args, options) => {
      signal = options.signal;
      options.onProgress?.({ jobId: 'j', phase: 'Writing', done: 1, total: 2, unit: 'rows', etaMs: null });
      return new Promise<Written>((resolve, reject) => {
        finish = resolve;
        options.signal?.addEventListener('abort', () => reject(new ApiError({ code: 'cancelled', message: 'Cancelled.' })));
      });
    };
    const running = h.writer.write('/tmp/a.csv', false, slow);
    expect(h.state().job?.progress).toMatchObject({ done: 1 });
    // One export at a time.
    expect(await h.writer.write('/tmp/b.csv', false, written)).toBeNull();
    h.writer.cancel();
    expect(signal?.aborted).toBe(true);
    expect(await running).toBeNull();
    expect(h.state()).toEqual(idleExport());

    const again = h.writer.write('/tmp/a.csv', false, slow);
    h.writer.reset();
    finish({ path: '/tmp/a.csv', rows: 1 });
    expect(await again).toBeNull();
    expect(h.state().result).toBeNull();
  });
});
