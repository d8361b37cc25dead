// startDesktop wired to fake Electron modules: what the real app would do, observed without a runtime.
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from './channels.ts';
import type { HostRequest } from './host-messages.ts';
import { parseHostConfig } from './host-messages.ts';
import { startDesktop, type ElectronDeps } from './main.ts';
import { CONTENT_SECURITY_POLICY } from './security.ts';

type Listener = (...args: unknown[]) => unknown;

class FakeWebContents extends EventEmitter {
  sent: Array<[string, unknown]> = [];
  loading = false;
  openHandler: Listener | null = null;
  send(channel: string, value: unknown) {
    this.sent.push([channel, value]);
  }
  setWindowOpenHandler(handler: Listener) {
    this.openHandler = handler;
  }
  isLoading() {
    return this.loading;
  }
}

class FakeHost extends EventEmitter {
  posted: HostRequest[] = [];
  constructor(readonly modulePath: string, readonly args: string[], readonly options: { env?: Record<string, string> }) {
    super();
  }
  postMessage(m: HostRequest) {
    this.posted.push(m);
    // Behaves like the core host: answers calls, exits on shutdown.
    if (m.type === 'call') {
      setImmediate(() => {
        this.emit('message', { type: 'progress', progress: { jobId: m.jobId, phase: 'Working', done: 1, total: 2, unit: 'steps', etaMs: null } });
        this.emit('message', { type: 'result', jobId: m.jobId, wire: { ok: true, result: { echoed: m.name } } });
      });
    }
    if (m.type === 'shutdown') setImmediate(() => this.emit('exit', 0));
  }
  kill() {
    return true;
  }
}

function fakeElectron(options: { lock?: boolean } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'segwb-main-'));
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => options.lock ?? true),
    quit: vi.fn(),
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => join(root, name),
    getVersion: () => '0.1.0',
    getAppPath: () => root,
    setAboutPanelOptions: vi.fn(),
  });

  const windows: FakeWindow[] = [];
  class FakeWindow extends EventEmitter {
    webContents = new FakeWebContents();
    loaded: string | null = null;
    minimized = false;
    maximized = false;
    destroyed = false;
    calls: string[] = [];
    bounds: { x: number; y: number; width: number; height: number };
    constructor(readonly options: { x?: number; y?: number; width: number; height: number; show?: boolean; webPreferences?: unknown }) {
      super();
      this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width, height: options.height };
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadFile(path: string) {
      this.loaded = path;
      return Promise.resolve();
    }
    isMinimized() {
      return this.minimized;
    }
    isMaximized() {
      return this.maximized;
    }
    isDestroyed() {
      return this.destroyed;
    }
    getNormalBounds() {
      return this.bounds;
    }
    maximize() {
      this.maximized = true;
    }
    restore() {
      this.calls.push('restore');
      this.minimized = false;
    }
    show() {
      this.calls.push('show');
    }
    focus() {
      this.calls.push('focus');
    }
  }

  const handles = new Map<string, Listener>();
  const ons = new Map<string, Listener>();
  const hosts: FakeHost[] = [];
  const web: { headers?: Listener; before?: { filter: { urls: string[] }; listener: Listener } } = {};
  const permissions: { request?: Listener; check?: Listener } = {};
  const menus: unknown[] = [];
  const dialog = {
    showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/docs/picked.segwb'] })),
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/docs/New' })),
  };

  const electron = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: {
      handle: (channel: string, listener: Listener) => void handles.set(channel, listener),
      on: (channel: string, listener: Listener) => void ons.set(channel, listener),
    },
    utilityProcess: {
      fork: (modulePath: string, args: string[], opts: { env?: Record<string, string> }) => {
        const h = new FakeHost(modulePath, args, opts);
        hosts.push(h);
        return h;
      },
    },
    dialog,
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: unknown) => void menus.push(menu),
    },
    session: {
      defaultSession: {
        webRequest: {
          onHeadersReceived: (listener: Listener) => void (web.headers = listener),
          onBeforeRequest: (filter: { urls: string[] }, listener: Listener) => void (web.before = { filter, listener }),
        },
        setPermissionRequestHandler: (h: Listener) => void (permissions.request = h),
        setPermissionCheckHandler: (h: Listener) => void (permissions.check = h),
      },
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  } as unknown as ElectronDeps;

  const logs: string[] = [];
  const start = (platform: NodeJS.Platform = 'linux') =>
    startDesktop(electron, { platform, arch: 'x64', processEnv: { PATH: '/bin' }, log: (m) => logs.push(m) });
  const appUrl = pathToFileURL(join(root, 'dist', 'renderer', 'index.html')).href;
  const trustedEvent = (w: FakeWindow) => ({ sender: w.webContents, senderFrame: { url: `${appUrl}#/data`, parent: null } });
  cleanup.push(() => rmSync(root, { recursive: true, force: true }));
  return { root, app, electron, windows, handles, ons, hosts, web, permissions, menus, dialog, logs, start, appUrl, trustedEvent };
}

const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

async function started(platform: NodeJS.Platform = 'linux') {
  const f = fakeElectron();
  const handle = f.start(platform);
  await handle.ready;
  const win = f.windows[0];
  if (!win) throw new Error('no window');
  return { ...f, handle, win };
}

describe('startDesktop', () => {
  it('creates the window with secure web preferences and loads the built renderer from disk', async () => {
    const { win, root } = await started();
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: join(root, 'dist-electron', 'preload.cjs'),
    });
    expect(win.loaded).toBe(join(root, 'dist', 'renderer', 'index.html'));
    expect(win.options.show).toBe(false);
    win.emit('ready-to-show');
    expect(win.calls).toContain('show');
  });

  it('installs the CSP header on every response, replacing any other', async () => {
    const { web } = await started();
    const callback = vi.fn();
    web.headers?.({ responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('cancels every network request (no remote content)', async () => {
    const { web } = await started();
    expect(web.before?.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    const callback = vi.fn();
    web.before?.listener({ url: 'https://cdn.example.com/x.js' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });

  it('denies permission requests (only clipboard writing from the app page is allowed)', async () => {
    const { permissions, appUrl } = await started();
    const ask = (permission: string, requestingUrl: string) => {
      const cb = vi.fn();
      permissions.request?.({}, permission, cb, { requestingUrl });
      return cb.mock.calls[0]?.[0];
    };
    expect(ask('media', appUrl)).toBe(false);
    expect(ask('notifications', appUrl)).toBe(false);
    expect(ask('geolocation', appUrl)).toBe(false);
    expect(ask('clipboard-sanitized-write', appUrl)).toBe(true);
    expect(ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(permissions.check?.({}, 'media', 'file://', { requestingUrl: appUrl })).toBe(false);
  });

  it('denies navigation away from the app page, window.open and webviews', async () => {
    const { win, appUrl } = await started();
    const navigate = (event: string, url: string) => {
      const e = { url, preventDefault: vi.fn() };
      win.webContents.emit(event, e);
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-redirect', 'http://localhost:1234/')).toBe(true);
    expect(navigate('will-navigate', `${appUrl}#/clusters`)).toBe(false);
    expect(win.webContents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const attach = { preventDefault: vi.fn() };
    win.webContents.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });

  it('requests the single-instance lock; a second instance restores and focuses the window', async () => {
    const { app, win } = await started();
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    win.minimized = true;
    app.emit('second-instance', {}, ['electron', '.'], '/');
    expect(win.calls.slice(-3)).toEqual(['restore', 'show', 'focus']);
  });

  it('quits without a window or handlers when another instance holds the lock', async () => {
    const f = fakeElectron({ lock: false });
    await f.start().ready;
    expect(f.app.quit).toHaveBeenCalled();
    expect(f.windows).toHaveLength(0);
    expect(f.handles.size).toBe(0);
    expect(f.hosts).toHaveLength(0);
  });

  it('starts the core host in a utility process with the user folders on its command line', async () => {
    const { hosts, root } = await started();
    expect(hosts).toHaveLength(1);
    expect(hosts[0]?.modulePath).toBe(join(root, 'electron', 'core-host.mjs'));
    expect(parseHostConfig(hosts[0]?.args ?? [])).toEqual({
      homeDir: join(root, 'userData'),
      defaultDir: join(root, 'documents', 'Segment Workbench'),
      appVersion: '0.1.0',
    });
    expect(hosts[0]?.options.env?.PATH).toBe('/bin');
  });

  it('registers the bridge channels and relays calls and progress for the app page', async () => {
    const { handles, ons, win, hosts, trustedEvent } = await started();
    expect([...handles.keys()].sort()).toEqual([CHANNELS.pickSavePath, CHANNELS.pickWorkspace, CHANNELS.send].sort());
    expect([...ons.keys()]).toEqual([CHANNELS.cancel]);
    const wire = await handles.get(CHANNELS.send)?.(trustedEvent(win), 'app-info', {}, 'job-1');
    expect(wire).toEqual({ ok: true, result: { echoed: 'app-info' } });
    expect(hosts[0]?.posted[0]).toEqual({ type: 'call', name: 'app-info', args: {}, jobId: 'job-1' });
    expect(win.webContents.sent).toContainEqual([CHANNELS.progress, expect.objectContaining({ jobId: 'job-1', done: 1 })]);
  });

  it('refuses every channel to an unexpected sender', async () => {
    const { handles, ons, win, hosts, appUrl, logs, trustedEvent } = await started();
    const strangers = [
      { sender: new FakeWebContents(), senderFrame: { url: appUrl, parent: null } },
      { sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: win.webContents, senderFrame: { url: appUrl, parent: { url: appUrl } } },
      { sender: win.webContents, senderFrame: null },
    ];
    for (const event of strangers) {
      await expect(handles.get(CHANNELS.send)?.(event, 'app-info', {}, 'job-x')).rejects.toThrow(/unexpected sender/);
      await expect(handles.get(CHANNELS.pickWorkspace)?.(event, 'open')).rejects.toThrow(/unexpected sender/);
      await expect(handles.get(CHANNELS.pickSavePath)?.(event, { title: 't', suggestedName: 'a.csv', extension: 'csv' })).rejects.toThrow(/unexpected sender/);
      ons.get(CHANNELS.cancel)?.(event, 'job-x');
    }
    expect(hosts[0]?.posted).toEqual([]);
    expect(logs.filter((l) => l.includes('unexpected sender'))).toHaveLength(strangers.length * 4);
    // The trusted page still gets through.
    await expect(handles.get(CHANNELS.send)?.(trustedEvent(win), 'app-info', {}, 'job-y')).resolves.toMatchObject({ ok: true });
  });

  it('checks argument types before relaying', async () => {
    const { handles, win, hosts, trustedEvent } = await started();
    const send = handles.get(CHANNELS.send);
    await expect(send?.(trustedEvent(win), 42, {}, 'job-1')).resolves.toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    await expect(send?.(trustedEvent(win), 'App Info!', {}, 'job-1')).resolves.toMatchObject({ ok: false });
    await expect(send?.(trustedEvent(win), 'app-info', {}, { id: 1 })).resolves.toMatchObject({ ok: false });
    await expect(handles.get(CHANNELS.pickWorkspace)?.(trustedEvent(win), 'delete')).rejects.toThrow(/mode/);
    await expect(handles.get(CHANNELS.pickWorkspace)?.(trustedEvent(win), 'open', 7)).rejects.toThrow(/suggestedName/);
    const save = handles.get(CHANNELS.pickSavePath);
    await expect(save?.(trustedEvent(win), 'export.csv')).rejects.toThrow(/object/);
    await expect(save?.(trustedEvent(win), { title: 't', suggestedName: 'a', extension: 'c/sv' })).rejects.toThrow(/extension/);
    await expect(save?.(trustedEvent(win), { title: 't', suggestedName: 'a', extension: 'csv', mode: 'open' })).rejects.toThrow(/unexpected option mode/);
    expect(hosts[0]?.posted).toEqual([]);
  });

  it('relays cancel for a running call', async () => {
    const { handles, ons, win, hosts, trustedEvent } = await started();
    const call = handles.get(CHANNELS.send)?.(trustedEvent(win), 'sample-create', { path: 'x' }, 'job-1');
    ons.get(CHANNELS.cancel)?.(trustedEvent(win), 'job-1');
    expect(hosts[0]?.posted[1]).toEqual({ type: 'cancel', jobId: 'job-1' });
    await call;
  });

  it('shows workspace dialogs filtered to .segwb files, in the default folder', async () => {
    const { handles, win, dialog, trustedEvent, root } = await started();
    const pick = handles.get(CHANNELS.pickWorkspace);
    await expect(pick?.(trustedEvent(win), 'open')).resolves.toBe('/docs/picked.segwb');
    await expect(pick?.(trustedEvent(win), 'create', 'Q3/customers')).resolves.toBe('/docs/New.segwb');
    const defaultDir = join(root, 'documents', 'Segment Workbench');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(win, expect.objectContaining({ defaultPath: defaultDir, filters: [expect.objectContaining({ extensions: ['segwb'] })] }));
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(win, expect.objectContaining({ defaultPath: join(defaultDir, 'Q3 customers.segwb') }));
    expect(existsSync(defaultDir)).toBe(true);
  });

  it('shows a save dialog for exports filtered to the extension, which it adds when missing', async () => {
    const { handles, win, dialog, trustedEvent, root } = await started();
    const save = handles.get(CHANNELS.pickSavePath);
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/exports/primary' });
    await expect(save?.(trustedEvent(win), { title: 'Export the primary segments', suggestedName: 'primary.csv', extension: '.csv', dir: '/exports' })).resolves.toBe('/exports/primary.csv');
    expect(dialog.showSaveDialog).toHaveBeenLastCalledWith(win, {
      title: 'Export the primary segments',
      defaultPath: join('/exports', 'primary.csv'),
      filters: [{ name: 'CSV file', extensions: ['csv'] }],
      properties: ['createDirectory'],
    });
    // No folder given: the default folder; a cancelled dialog answers null.
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(save?.(trustedEvent(win), { title: 'Export', suggestedName: 'a/b', extension: 'csv' })).resolves.toBeNull();
    expect(dialog.showSaveDialog).toHaveBeenLastCalledWith(win, expect.objectContaining({ defaultPath: join(root, 'documents', 'Segment Workbench', 'a b.csv') }));
  });

  it('installs the native menu, whose items send MenuCommands to the page', async () => {
    const { menus, win } = await started();
    const template = (menus[0] as { template: Array<{ label?: string; submenu?: Array<{ label?: string; click?: () => void }> }> }).template;
    const open = template.find((m) => m.label === '&File')?.submenu?.find((i) => i.label === 'Open Workspace…');
    open?.click?.();
    expect(win.webContents.sent).toContainEqual([CHANNELS.menuCommand, 'open-workspace']);
  });

  it('remembers the window bounds and maximized state across runs', async () => {
    const first = fakeElectron();
    await first.start().ready;
    const w = first.windows[0];
    if (!w) throw new Error('no window');
    w.bounds = { x: 40, y: 50, width: 1111, height: 777 };
    w.maximized = true;
    w.emit('close');
    // A second run against the same userData folder.
    await first.start().ready;
    const restored = first.windows[1];
    restored?.emit('ready-to-show');
    expect(restored?.options).toMatchObject({ x: 40, y: 50, width: 1111, height: 777 });
    expect(restored?.maximized).toBe(true);
  });

  it('quits when the last window closes except on macOS, and stops the core host cleanly on quit', async () => {
    const linux = await started('linux');
    linux.app.emit('window-all-closed');
    expect(linux.app.quit).toHaveBeenCalledTimes(1);

    const mac = await started('darwin');
    mac.app.emit('window-all-closed');
    expect(mac.app.quit).not.toHaveBeenCalled();

    const quit = { preventDefault: vi.fn() };
    mac.app.emit('will-quit', quit);
    expect(quit.preventDefault).toHaveBeenCalled();
    expect(mac.hosts[0]?.posted.at(-1)).toEqual({ type: 'shutdown' });
    await vi.waitFor(() => expect(mac.app.quit).toHaveBeenCalled());
    const again = { preventDefault: vi.fn() };
    mac.app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});
