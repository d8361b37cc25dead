import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSER_NOTICE, electronBinaryPath, planLaunch, type LaunchFs } from './launch-plan.ts';
import { coreHostEnv, esbuildBinaryPath } from './paths.ts';

/** A file system holding exactly `files` (path -> content). */
const fakeFs = (files: Record<string, string>): LaunchFs => ({
  readFileSync: (p) => {
    if (!(p in files)) throw Object.assign(new Error(`ENOENT ${p}`), { code: 'ENOENT' });
    return files[p] as string;
  },
  existsSync: (p) => p in files,
});

const root = '/repo';
const pathTxt = join(root, 'node_modules', 'electron', 'path.txt');
const binary = join(root, 'node_modules', 'electron', 'dist', 'electron');

describe('electronBinaryPath', () => {
  it('is the binary named by path.txt when it exists', () => {
    expect(electronBinaryPath(root, fakeFs({ [pathTxt]: 'electron\n', [binary]: '' }))).toBe(binary);
  });

  it('is null when the package never downloaded its runtime (no path.txt, or a missing binary)', () => {
    expect(electronBinaryPath(root, fakeFs({}))).toBeNull();
    expect(electronBinaryPath(root, fakeFs({ [pathTxt]: 'electron' }))).toBeNull();
    expect(electronBinaryPath(root, fakeFs({ [pathTxt]: '' }))).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const custom = join('/opt/electron', 'electron');
    expect(electronBinaryPath(root, fakeFs({ [custom]: '' }), { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' })).toBe(custom);
  });
});

describe('planLaunch', () => {
  it('builds the renderer and the shell, then runs Electron on the project, when the runtime exists', () => {
    const plan = planLaunch(root, fakeFs({ [pathTxt]: 'electron', [binary]: '' }), '/usr/bin/node', ['--inspect']);
    expect(plan).toEqual({
      kind: 'electron',
      electron: binary,
      build: [
        { command: '/usr/bin/node', args: [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'] },
        { command: '/usr/bin/node', args: [join(root, 'electron/build.mjs')] },
      ],
      run: { command: binary, args: [root, '--inspect'] },
    });
  });

  it('otherwise explains in one line and serves the browser shell, passing extra arguments on', () => {
    const plan = planLaunch(root, fakeFs({}), '/usr/bin/node', ['--port', '5000']);
    expect(plan.kind).toBe('browser');
    expect(plan.kind === 'browser' && plan.notice).toBe(BROWSER_NOTICE);
    expect(BROWSER_NOTICE).not.toContain('\n');
    expect(plan.run).toEqual({ command: '/usr/bin/node', args: [join(root, 'core/bin/segwb.mjs'), 'web', '--port', '5000'] });
  });
});

describe('core host environment', () => {
  it('points esbuild at its unpacked binary only in a packaged app', () => {
    const base = { processEnv: { PATH: '/bin', UNSET: undefined }, platform: 'linux' as const, arch: 'x64', resourcesPath: '/opt/app/resources' };
    expect(coreHostEnv({ ...base, isPackaged: false })).toEqual({ PATH: '/bin' });
    expect(coreHostEnv({ ...base, isPackaged: true })).toEqual({
      PATH: '/bin',
      ESBUILD_BINARY_PATH: '/opt/app/resources/app.asar.unpacked/node_modules/@esbuild/linux-x64/bin/esbuild',
    });
    expect(esbuildBinaryPath('C:\\app\\resources', 'win32', 'x64')).toMatch(/@esbuild.win32-x64.esbuild\.exe$/);
  });
});
