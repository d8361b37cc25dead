// The only file that loads Electron at run time (bundled to dist-electron/main.cjs). Tests import
// main.ts with fakes instead; the assignment below also checks that the real modules fit ElectronDeps.
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, utilityProcess } from 'electron';
import { startDesktop, type ElectronDeps } from './main.ts';

const electron: ElectronDeps = {
  app,
  BrowserWindow,
  ipcMain,
  utilityProcess,
  dialog,
  Menu,
  session,
  // `screen` may only be touched after the app is ready; startDesktop reads it only then.
  get screen() {
    return screen;
  },
};

startDesktop(electron, {
  platform: process.platform,
  arch: process.arch,
  processEnv: process.env,
  resourcesPath: process.resourcesPath,
});
