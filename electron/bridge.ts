// The object the preload exposes as `window.segwb`: the DesktopBridge and nothing more. Built from
// an ipcRenderer-like object so it is tested with a fake. Listeners never see the IPC event, which
// would hand the page a path back to ipcRenderer.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { DesktopBridge, MenuCommand, Progress, WireResult } from '../core/api/contract.ts';
import { CHANNELS } from './channels.ts';

type SavePathOptions = Parameters<DesktopBridge['pickSavePath']>[0];

export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'send' | 'on' | 'removeListener'>;
/** Electron's webUtils.getPathForFile: the only way a sandboxed page learns a dropped file's path. */
export type PathForFile = (file: File) => string;

function subscribe<T>(ipc: BridgeIpc, channel: string, listener: (value: T) => void): () => void {
  const handler = (_event: IpcRendererEvent, value: T) => listener(value);
  ipc.on(channel, handler);
  return () => {
    ipc.removeListener(channel, handler);
  };
}

export function createBridge(ipc: BridgeIpc, pathForFile: PathForFile): DesktopBridge {
  return {
    send: (name: string, args: unknown, jobId: string): Promise<WireResult> => ipc.invoke(CHANNELS.send, name, args, jobId),
    cancel: (jobId: string): void => ipc.send(CHANNELS.cancel, jobId),
    onProgress: (listener: (p: Progress) => void) => subscribe(ipc, CHANNELS.progress, listener),
    pickWorkspace: (mode: 'open' | 'create', suggestedName?: string): Promise<string | null> =>
      ipc.invoke(CHANNELS.pickWorkspace, mode, suggestedName),
    pickSavePath: (options: SavePathOptions): Promise<string | null> => ipc.invoke(CHANNELS.pickSavePath, options),
    onMenuCommand: (listener: (command: MenuCommand) => void) => subscribe(ipc, CHANNELS.menuCommand, listener),
    pathForFile: (file: File): string => pathForFile(file),
  };
}
