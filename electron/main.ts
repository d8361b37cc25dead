// The Electron main process, as a function of the Electron modules it uses so it can be tested
// with fakes (main-entry.ts passes the real ones). It owns the window, the menu, the dialogs and the
// core host; it holds no domain logic — every operation is relayed to core in the utility process.
import type {
  App,
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Dialog,
  IpcMain,
  Menu,
  Screen,
  utilityProcess,
} from 'electron';
import * as nodeFs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { MenuCommand } from '../core/api/contract.ts';
import { CHANNELS } from './channels.ts';
import { superviseCoreHost, type CoreConnection } from './core-supervisor.ts';
import { guardWebContents, installSessionPolicy, type PolicySession } from './guards.ts';
import { encodeHostConfig } from './host-messages.ts';
import { registerIpc } from './ipc.ts';
import { buildMenuTemplate } from './menu.ts';
import { appFiles, coreHostEnv, defaultWorkspaceDir } from './paths.ts';
import { secureWebPreferences } from './security.ts';
import { pickSavePath, pickWorkspace } from './workspace-dialog.ts';
import { debounce, loadWindowState, MIN_SIZE, saveWindowState, stateOf, type StateFs } from './window-state.ts';

/** Exactly the parts of Electron the main process uses. */
export interface ElectronDeps {
  app: Pick<
    App,
    'isPackaged' | 'requestSingleInstanceLock' | 'quit' | 'whenReady' | 'on' | 'getPath' | 'getVersion' | 'getAppPath' | 'setAboutPanelOptions'
  >;
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  ipcMain: Pick<IpcMain, 'handle' | 'on'>;
  utilityProcess: Pick<typeof utilityProcess, 'fork'>;
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  Menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>;
  session: { defaultSession: PolicySession };
  /** Used to keep a remembered window position on a connected display; optional in tests. */
  screen?: Pick<Screen, 'getAllDisplays'>;
}

export interface DesktopEnv {
  platform: NodeJS.Platform;
  arch: string;
  processEnv: Record<string, string | undefined>;
  /** process.resourcesPath in Electron; locates unpacked native binaries in a packaged app. */
  resourcesPath?: string;
  /** Folder holding dist/, dist-electron/ and electron/; defaults to app.getAppPath(). */
  appRoot?: string;
  fs?: StateFs;
  log?: (message: string) => void;
}

export interface DesktopHandle {
  /** Settles when the window has been created (at once when another instance holds the lock). */
  ready: Promise<void>;
  window(): BrowserWindow | null;
  core(): CoreConnection | null;
}

export const APP_NAME = 'Segment Workbench';
const SAVE_STATE_DELAY_MS = 500;

export function startDesktop(electron: ElectronDeps, env: DesktopEnv): DesktopHandle {
  const { app } = electron;
  const log = env.log ?? ((m: string) => console.error(`[segwb] ${m}`));

  // A second copy would open the same workspaces and settings concurrently: hand over to the first.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { ready: Promise.resolve(), window: () => null, core: () => null };
  }

  const files = appFiles(env.appRoot ?? app.getAppPath());
  const appUrl = pathToFileURL(files.indexHtml).href;
  const fs = env.fs ?? nodeFs;
  let win: BrowserWindow | null = null;
  let core: CoreConnection | null = null;
  let started = false;
  let coreStopped = false;
  const queuedCommands: MenuCommand[] = [];

  function showWindow(): void {
    if (!win) {
      createWindow();
      return;
    }
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  }

  function createWindow(): BrowserWindow {
    const stateFile = files.windowState(app.getPath('userData'));
    const workAreas = electron.screen?.getAllDisplays().map((d) => d.workArea) ?? [];
    const state = loadWindowState(fs, stateFile, workAreas);
    const w = new electron.BrowserWindow({
      ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
      width: state.width,
      height: state.height,
      minWidth: MIN_SIZE.width,
      minHeight: MIN_SIZE.height,
      show: false,
      title: APP_NAME,
      backgroundColor: '#ffffff',
      webPreferences: secureWebPreferences(files.preload),
    });
    win = w;

    const save = () => {
      if (w.isDestroyed()) return;
      try {
        saveWindowState(fs, stateFile, stateOf(w.getNormalBounds(), w.isMaximized()));
      } catch (err) {
        log(`could not save the window state: ${String(err)}`);
      }
    };
    const saver = debounce(save, SAVE_STATE_DELAY_MS);
    w.on('resize', saver.schedule);
    w.on('move', saver.schedule);
    w.on('maximize', saver.schedule);
    w.on('unmaximize', saver.schedule);
    w.on('close', () => {
      saver.cancel();
      save();
    });
    w.on('closed', () => {
      if (win === w) win = null;
    });
    // Maximizing a hidden window shows it early on Windows, so both wait until the page has painted.
    w.once('ready-to-show', () => {
      if (state.maximized) w.maximize();
      w.show();
    });
    w.webContents.on('did-finish-load', () => {
      for (const command of queuedCommands.splice(0)) w.webContents.send(CHANNELS.menuCommand, command);
    });
    w.loadFile(files.indexHtml).catch((err: unknown) => log(`could not load ${files.indexHtml}: ${String(err)}`));
    return w;
  }

  function sendMenuCommand(command: MenuCommand): void {
    // On macOS the app lives on with no window; a menu command then opens one and runs once it has loaded.
    if (!win || win.webContents.isLoading()) {
      queuedCommands.push(command);
      if (!win) createWindow();
      return;
    }
    win.webContents.send(CHANNELS.menuCommand, command);
  }

  function startCore(): CoreConnection {
    const userData = app.getPath('userData');
    const defaultDir = defaultWorkspaceDir(app.getPath('documents'));
    const config = encodeHostConfig({ homeDir: userData, defaultDir, appVersion: app.getVersion() });
    const forkEnv = coreHostEnv({
      processEnv: env.processEnv,
      isPackaged: app.isPackaged,
      platform: env.platform,
      arch: env.arch,
      ...(env.resourcesPath ? { resourcesPath: env.resourcesPath } : {}),
    });
    return superviseCoreHost({
      fork: () =>
        electron.utilityProcess.fork(files.coreHost, [config], { serviceName: `${APP_NAME} Core`, stdio: 'inherit', env: forkEnv }),
      onProgress: (p) => win?.webContents.send(CHANNELS.progress, p),
      log,
    });
  }

  app.on('second-instance', () => {
    if (started) showWindow();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, appUrl, log));
  app.on('window-all-closed', () => {
    if (env.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (started && !win) createWindow();
  });
  // Give the core host a moment to close the open workspace cleanly before the process goes away.
  app.on('will-quit', (event) => {
    if (!core || coreStopped) return;
    event.preventDefault();
    void core.stop().then(() => {
      coreStopped = true;
      app.quit();
    });
  });

  const ready = app.whenReady().then(() => {
    installSessionPolicy(electron.session.defaultSession, appUrl, log);
    app.setAboutPanelOptions({ applicationName: APP_NAME, applicationVersion: app.getVersion() });
    const connection = startCore();
    core = connection;
    const defaultDir = defaultWorkspaceDir(app.getPath('documents'));
    registerIpc({
      ipcMain: electron.ipcMain,
      trustedContents: () => win?.webContents ?? null,
      appUrl,
      core: connection,
      pickWorkspace: (mode, suggestedName) => {
        fs.mkdirSync(defaultDir, { recursive: true });
        return pickWorkspace(electron.dialog, win, defaultDir, mode, suggestedName);
      },
      pickSavePath: (options) => {
        fs.mkdirSync(defaultDir, { recursive: true });
        return pickSavePath(electron.dialog, win, defaultDir, options);
      },
      log,
    });
    const template = buildMenuTemplate({ platform: env.platform, isPackaged: app.isPackaged, appName: APP_NAME, send: sendMenuCommand });
    electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(template));
    started = true;
    createWindow();
  });

  return { ready, window: () => win, core: () => core };
}
