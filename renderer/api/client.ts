// The renderer's only way to reach core: `api.send(name, args, { onProgress, signal })`.
// Picks the desktop bridge when the Electron preload provided one, HTTP otherwise.
import type { ApiClient, DesktopBridge } from '../../core/api/contract.ts';
import { createHttpClient } from './http-transport.ts';
import { createIpcClient } from './ipc-transport.ts';

declare global {
  interface Window {
    segwb?: DesktopBridge;
  }
}

export const desktopBridge: DesktopBridge | null = typeof window !== 'undefined' && window.segwb ? window.segwb : null;

export const api: ApiClient = desktopBridge ? createIpcClient(desktopBridge) : createHttpClient({ baseUrl: '' });

export const isDesktop = desktopBridge !== null;
