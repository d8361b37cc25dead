import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { MenuCommand, Progress } from '../core/api/contract.ts';
import { createBridge, type BridgeIpc } from './bridge.ts';
import { CHANNELS } from './channels.ts';

const noPath = (): string => '';

/** An ipcRenderer stand-in: records invoke/send, and lets the test emit main -> page messages. */
function fakeIpc() {
  const emitter = new EventEmitter();
  const invoked: unknown[][] = [];
  const sent: unknown[][] = [];
  const ipc = {
    invoke: async (channel: string, ...args: unknown[]) => {
      invoked.push([channel, ...args]);
      return channel === CHANNELS.send ? { ok: true, result: 'done' } : '/docs/a.segwb';
    },
    send: (channel: string, ...args: unknown[]) => void sent.push([channel, ...args]),
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      emitter.on(channel, listener);
      return ipc;
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
      emitter.removeListener(channel, listener);
      return ipc;
    },
  };
  const fromMain = (channel: string, value: unknown) => emitter.emit(channel, { sender: 'the IPC event' }, value);
  return { ipc: ipc as unknown as BridgeIpc, invoked, sent, fromMain, emitter };
}

const progress: Progress = { jobId: 'job-1', phase: 'Generating customers', done: 5, total: 10, unit: 'customers', etaMs: 100 };

describe('createBridge', () => {
  it('exposes exactly the DesktopBridge functions and nothing else', () => {
    const bridge = createBridge(fakeIpc().ipc, noPath);
    expect(Object.keys(bridge).sort()).toEqual(['cancel', 'onMenuCommand', 'onProgress', 'pathForFile', 'pickSavePath', 'pickWorkspace', 'send']);
    for (const v of Object.values(bridge)) expect(typeof v).toBe('function');
  });

  it('send invokes the send channel with name, args and jobId and returns the WireResult', async () => {
    const { ipc, invoked } = fakeIpc();
    await expect(createBridge(ipc, noPath).send('workspace-open', { path: '/a.segwb' }, 'job-1')).resolves.toEqual({ ok: true, result: 'done' });
    expect(invoked).toEqual([[CHANNELS.send, 'workspace-open', { path: '/a.segwb' }, 'job-1']]);
  });

  it('cancel is a one-way message', () => {
    const { ipc, sent, invoked } = fakeIpc();
    expect(createBridge(ipc, noPath).cancel('job-9')).toBeUndefined();
    expect(sent).toEqual([[CHANNELS.cancel, 'job-9']]);
    expect(invoked).toEqual([]);
  });

  it('pickWorkspace invokes the dialog channel with mode and suggested name', async () => {
    const { ipc, invoked } = fakeIpc();
    const bridge = createBridge(ipc, noPath);
    await expect(bridge.pickWorkspace('create', 'Q3 customers')).resolves.toBe('/docs/a.segwb');
    await bridge.pickWorkspace('open');
    expect(invoked).toEqual([
      [CHANNELS.pickWorkspace, 'create', 'Q3 customers'],
      [CHANNELS.pickWorkspace, 'open', undefined],
    ]);
  });

  it('pickSavePath invokes the save-path channel with the options as given', async () => {
    const { ipc, invoked } = fakeIpc();
    const options = { title: 'Export', suggestedName: 'primary.csv', extension: 'csv', dir: '/docs' };
    await expect(createBridge(ipc, noPath).pickSavePath(options)).resolves.toBe('/docs/a.segwb');
    expect(invoked).toEqual([[CHANNELS.pickSavePath, options]]);
  });

  it('onProgress delivers the progress (never the IPC event) until unsubscribed', () => {
    const { ipc, fromMain, emitter } = fakeIpc();
    const seen: unknown[][] = [];
    const off = createBridge(ipc, noPath).onProgress((...args: unknown[]) => seen.push(args));
    fromMain(CHANNELS.progress, progress);
    off();
    fromMain(CHANNELS.progress, progress);
    expect(seen).toEqual([[progress]]);
    expect(emitter.listenerCount(CHANNELS.progress)).toBe(0);
  });

  it('onMenuCommand delivers menu commands until unsubscribed, independently per listener', () => {
    const { ipc, fromMain } = fakeIpc();
    const bridge = createBridge(ipc, noPath);
    const a: MenuCommand[] = [];
    const b: MenuCommand[] = [];
    const offA = bridge.onMenuCommand((c) => a.push(c));
    bridge.onMenuCommand((c) => b.push(c));
    fromMain(CHANNELS.menuCommand, 'open-workspace');
    offA();
    fromMain(CHANNELS.menuCommand, 'go-data');
    expect(a).toEqual(['open-workspace']);
    expect(b).toEqual(['open-workspace', 'go-data']);
  });

  it('passes dropped files to webUtils for their path, and nothing else', () => {
    const seen: unknown[] = [];
    const bridge = createBridge(fakeIpc().ipc, (file) => {
      seen.push(file);
      return '/home/ana/orders.csv';
    });
    const file = { name: 'orders.csv' } as unknown as File;
    expect(bridge.pathForFile(file)).toBe('/home/ana/orders.csv');
    expect(seen).toEqual([file]);
  });
});
