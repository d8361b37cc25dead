// Where the shell finds its files, and the environment the core host needs. The same layout is
// used in development (`electron .` at the repository root) and in a packaged app (app.asar).
import { join } from 'node:path';

export interface AppFiles {
  /** Built by `vite build`. */
  indexHtml: string;
  /** Built by electron/build.mjs (CommonJS: sandboxed preloads cannot be ES modules). */
  preload: string;
  /** Plain-JS entry of the core host for utilityProcess.fork. */
  coreHost: string;
  windowState(userData: string): string;
}

export function appFiles(appRoot: string): AppFiles {
  return {
    indexHtml: join(appRoot, 'dist', 'renderer', 'index.html'),
    preload: join(appRoot, 'dist-electron', 'preload.cjs'),
    coreHost: join(appRoot, 'electron', 'core-host.mjs'),
    windowState: (userData) => join(userData, 'window-state.json'),
  };
}

/** Where new workspaces are proposed: a folder of their own in the user's documents. */
export function defaultWorkspaceDir(documents: string): string {
  return join(documents, 'Segment Workbench');
}

/**
 * tsx compiles the core's TypeScript with esbuild's native binary. Inside a packaged app that binary
 * is unpacked next to app.asar (it cannot be executed from inside the archive), and esbuild has to
 * be told where, because it would look for it inside the archive.
 */
export function esbuildBinaryPath(resourcesPath: string, platform: NodeJS.Platform, arch: string): string {
  const pkg = join(resourcesPath, 'app.asar.unpacked', 'node_modules', '@esbuild', `${platform}-${arch}`);
  return platform === 'win32' ? join(pkg, 'esbuild.exe') : join(pkg, 'bin', 'esbuild');
}

export interface HostEnvInput {
  processEnv: Record<string, string | undefined>;
  isPackaged: boolean;
  resourcesPath?: string;
  platform: NodeJS.Platform;
  arch: string;
}

export function coreHostEnv(input: HostEnvInput): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.processEnv)) if (v !== undefined) env[k] = v;
  if (input.isPackaged && input.resourcesPath && !env.ESBUILD_BINARY_PATH) {
    env.ESBUILD_BINARY_PATH = esbuildBinaryPath(input.resourcesPath, input.platform, input.arch);
  }
  return env;
}
