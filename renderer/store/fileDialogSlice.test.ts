import { beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import { ApiError, type DesktopBridge, type DirListing } from '../../core/api/contract.ts';
import type { AppState } from './types.ts';

const send = vi.fn();
let bridge: Partial<DesktopBridge> | null = null;
vi.mock('../api/client.ts', () => ({
  api: { send: (...a: unknown[]) => send(...a) },
  get desktopBridge() {
    return bridge;
  },
}));

const { createFileDialogSlice, savePathOptionsFor } = await import('./fileDialogSlice.ts');

function listing(dir: string): DirListing {
  return {
    dir,
    parent: '/',
    entries: [
      { name: 'old.csv', path: `${dir}/old.csv`, kind: 'file', size: 10, modified: 0 },
      { name: 'exports', path: `${dir}/exports`, kind: 'dir', size: 0, modified: 0 },
    ],
  };
}

function makeStore() {
  const reportError = vi.fn();
  const store = create<AppState>()(
    (set, get, api) =>
      ({
        appInfo: { defaultDir: '/home/ana/Segment Workbench' },
        reportError,
        ...createFileDialogSlice(set, get, api),
      }) as unknown as AppState,
  );
  return { store, reportError };
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

beforeEach(() => {
  send.mockReset();
  bridge = null;
});

describe('pickSavePath in the browser shell', () => {
  it('opens the in-app dialog in save-file mode in the folder asked for, and resolves to the chosen path', async () => {
    send.mockImplementation(async (_name: string, args: { dir?: string }) => listing(args.dir ?? '/default'));
    const { store } = makeStore();
    const chosen = store.getState().pickSavePath({ title: 'Export', suggestedName: 'primary.csv', extension: 'csv', dir: '/data' });
    await flush();
    expect(send).toHaveBeenCalledWith('files-list', { dir: '/data' });
    expect(store.getState().fileDialog).toMatchObject({ mode: 'save-file', title: 'Export', suggestedName: 'primary.csv', extension: '.csv', notice: null });
    expect(store.getState().fileDialog?.listing?.dir).toBe('/data');
    store.getState().resolveFileDialog('/data/exports/primary.csv');
    await expect(chosen).resolves.toBe('/data/exports/primary.csv');
    expect(store.getState().fileDialog).toBeNull();

    // Next time without a folder: where the last export went.
    void store.getState().pickSavePath({ title: 'Export', suggestedName: 'b.csv', extension: '.csv' });
    await flush();
    expect(send).toHaveBeenLastCalledWith('files-list', { dir: '/data/exports' });
    store.getState().resolveFileDialog(null);
  });

  it('shows another folder, saying why, when the folder asked for cannot be listed', async () => {
    send.mockImplementation(async (_name: string, args: { dir?: string }) => {
      if (args.dir === '/gone') throw new ApiError({ code: 'not-found', message: 'The folder /gone does not exist.' });
      return listing(args.dir ?? '/default');
    });
    const { store, reportError } = makeStore();
    const chosen = store.getState().pickSavePath(savePathOptionsFor('Export', '/gone/primary.csv', 'csv'));
    await flush();
    const dialog = store.getState().fileDialog!;
    expect(dialog.listing?.dir).not.toBe('/gone');
    expect(dialog.error).toBeNull();
    expect(dialog.notice).toBe(`The folder /gone does not exist. Showing ${dialog.listing?.dir} instead.`);
    expect(dialog.suggestedName).toBe('primary.csv');
    expect(reportError).not.toHaveBeenCalled();
    store.getState().resolveFileDialog(null);
    await expect(chosen).resolves.toBeNull();
  });

  it('reports a folder that cannot be listed while browsing', async () => {
    send.mockImplementation(async (_name: string, args: { dir?: string }) => {
      if (args.dir === '/locked') throw new ApiError({ code: 'permission-denied', message: 'No access to /locked.' });
      return listing(args.dir ?? '/default');
    });
    const { store, reportError } = makeStore();
    void store.getState().pickSavePath({ title: 'Export', suggestedName: 'a.csv', extension: 'csv', dir: '/data' });
    await flush();
    await store.getState().browseDir('/locked');
    expect(store.getState().fileDialog?.error).toBe('No access to /locked.');
    expect(reportError).toHaveBeenCalledTimes(1);
    store.getState().resolveFileDialog(null);
  });
});

describe('pickSavePath in the desktop shell', () => {
  it('asks the native dialog through the bridge', async () => {
    const pickSavePath = vi.fn(async () => '/docs/primary.csv');
    bridge = { pickSavePath };
    const { store } = makeStore();
    const options = { title: 'Export', suggestedName: 'primary.csv', extension: 'csv', dir: '/docs' };
    await expect(store.getState().pickSavePath(options)).resolves.toBe('/docs/primary.csv');
    expect(pickSavePath).toHaveBeenCalledWith(options);
    expect(send).not.toHaveBeenCalled();
    expect(store.getState().fileDialog).toBeNull();
  });

  it('reports a failing native dialog and answers null', async () => {
    bridge = { pickSavePath: vi.fn(async () => Promise.reject(new Error('no display'))) };
    const { store, reportError } = makeStore();
    await expect(store.getState().pickSavePath({ title: 'Export', suggestedName: 'a.csv', extension: 'csv' })).resolves.toBeNull();
    expect(reportError).toHaveBeenCalledWith(expect.any(Error), 'The file dialog failed');
  });
});

describe('savePathOptionsFor', () => {
  it('starts in the folder of the path in the field, proposing its name', () => {
    expect(savePathOptionsFor('Export', ' /data/out/primary.csv ', 'csv')).toEqual({ title: 'Export', suggestedName: 'primary.csv', extension: 'csv', dir: '/data/out' });
    expect(savePathOptionsFor('Export', 'primary.csv', 'csv')).toEqual({ title: 'Export', suggestedName: 'primary.csv', extension: 'csv' });
    expect(savePathOptionsFor('Export', '', 'csv')).toEqual({ title: 'Export', suggestedName: '', extension: 'csv' });
  });
});
