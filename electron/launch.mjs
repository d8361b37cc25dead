// `npm start`: the desktop app when Electron's runtime is installed, the browser shell otherwise.
// The decision lives in launch-plan.ts (tested); this file only carries it out.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { planLaunch } = await import('./launch-plan.ts');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const plan = planLaunch(root, fs, process.execPath, process.argv.slice(2), process.env);

if (plan.kind === 'browser') console.log(plan.notice);
for (const step of plan.build) {
  const r = spawnSync(step.command, step.args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// Electron must not start in Node mode even if the caller's shell asks for it.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(plan.run.command, plan.run.args, { cwd: root, stdio: 'inherit', env });
// Ctrl+C already reaches the child through the terminal; wait for it to exit rather than dying first.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
