// What `npm start` does, decided without side effects: run the desktop app when an Electron
// runtime is installed, otherwise serve the same workbench for a browser (the runtime binary cannot
// be downloaded on every machine, see DESIGN.md "Why the browser shell").
import { join } from 'node:path';

export interface LaunchFs {
  readFileSync(path: string, encoding: 'utf8'): string;
  existsSync(path: string): boolean;
}

export interface Step {
  command: string;
  args: string[];
}

export type LaunchPlan =
  | { kind: 'electron'; electron: string; build: Step[]; run: Step }
  | { kind: 'browser'; notice: string; build: Step[]; run: Step };

export const BROWSER_NOTICE =
  'Electron runtime not installed (it cannot be downloaded here); serving the workbench for your browser instead.';

/**
 * The Electron executable the `electron` package would run, or null when it is not there.
 * Mirrors node_modules/electron/index.js but never triggers its download.
 */
export function electronBinaryPath(root: string, fs: LaunchFs, env: Record<string, string | undefined> = {}): string | null {
  const pkg = join(root, 'node_modules', 'electron');
  let relative = '';
  try {
    relative = fs.readFileSync(join(pkg, 'path.txt'), 'utf8').trim();
  } catch {
    // path.txt is written by the package's install script only after a successful download.
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const bin = join(override, relative || 'electron');
    return fs.existsSync(bin) ? bin : null;
  }
  if (!relative) return null;
  const bin = join(pkg, 'dist', relative);
  return fs.existsSync(bin) ? bin : null;
}

export function planLaunch(
  root: string,
  fs: LaunchFs,
  nodePath: string,
  extraArgs: string[],
  env: Record<string, string | undefined> = {},
): LaunchPlan {
  // Always rebuilt (quietly): a stale dist/renderer would show yesterday's UI.
  const renderer: Step = { command: nodePath, args: [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'] };
  const electron = electronBinaryPath(root, fs, env);
  if (electron) {
    return {
      kind: 'electron',
      electron,
      build: [renderer, { command: nodePath, args: [join(root, 'electron', 'build.mjs')] }],
      run: { command: electron, args: [root, ...extraArgs] },
    };
  }
  return {
    kind: 'browser',
    notice: BROWSER_NOTICE,
    build: [renderer],
    run: { command: nodePath, args: [join(root, 'core', 'bin', 'segwb.mjs'), 'web', ...extraArgs] },
  };
}
