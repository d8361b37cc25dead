// Runs in the sandboxed preload (bundled to CommonJS: sandboxed preloads cannot be ES modules).
// Exposes exactly one object, window.segwb; ipcRenderer itself never reaches the page.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge } from './bridge.ts';

contextBridge.exposeInMainWorld('segwb', createBridge(ipcRenderer, (file) => webUtils.getPathForFile(file)));
