// Where the app keeps its settings and proposes new workspaces. Both can be overridden by
// environment variables, which tests use to stay inside temp folders.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function settingsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SEGWB_HOME) return env.SEGWB_HOME;
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'segment-workbench');
}

export function workspacesDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SEGWB_WORKSPACES) return env.SEGWB_WORKSPACES;
  const documents = join(homedir(), 'Documents');
  return join(existsSync(documents) ? documents : homedir(), 'Segment Workbench');
}

export const projectRoot = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');

export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
