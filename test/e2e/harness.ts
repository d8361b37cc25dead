// Starts the real browser shell (`segwb web`, as `npm run web` does) with settings and workspaces
// in a temp folder, and records every request the page makes so tests can prove the app is offline.
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = new URL('../../', import.meta.url).pathname;
export const screenshotDir = join(root, 'test', 'e2e', 'screenshots');

export interface Shell {
  /** The address with the access token, as printed by `segwb web`. */
  openUrl: string;
  origin: string;
  workspacesDir: string;
  /** Every URL the page requested. */
  requests: string[];
}

async function startShell(dir: string): Promise<{ child: ChildProcess; openUrl: string; output: () => string }> {
  const child = spawn(process.execPath, [join(root, 'core/bin/segwb.mjs'), 'web', '--port', '0'], {
    cwd: root,
    env: { ...process.env, SEGWB_HOME: join(dir, 'home'), SEGWB_WORKSPACES: join(dir, 'workspaces') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const openUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`segwb web did not print its address in 30 s. Output:\n${out}`)), 30_000);
    const poll = setInterval(() => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (m) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(m[1]!);
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`segwb web exited with ${code}. Output:\n${out}`));
    });
  });
  return { child, openUrl, output: () => out };
}

export const test = base.extend<{ shell: Shell }>({
  shell: async ({ page }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'segwb-e2e-'));
    const workspacesDir = join(dir, 'workspaces');
    mkdirSync(workspacesDir, { recursive: true });
    const { child, openUrl } = await startShell(dir);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    try {
      await use({ openUrl, origin: new URL(openUrl).origin, workspacesDir, requests });
    } finally {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  },
});

export { expect };

export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: false });
}

/** Offline by design: every request goes to this machine's shell, none elsewhere. */
export function expectOnlyLocalRequests(shell: Shell): void {
  const foreign = shell.requests.filter((u) => {
    if (u.startsWith('data:') || u.startsWith('blob:')) return false;
    return new URL(u).hostname !== '127.0.0.1';
  });
  expect(foreign, 'requests to hosts other than 127.0.0.1').toEqual([]);
}
