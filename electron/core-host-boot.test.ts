// Boots the real core-host.mjs (tsx registration, config from argv, core creation) in a child Node
// process whose process.parentPort is emulated over Node IPC, queueing early messages as Electron does.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeHostConfig, type HostReply } from './host-messages.ts';

const PARENT_PORT_SHIM = `
import { EventEmitter } from 'node:events';
const port = new EventEmitter();
const early = [];
port.postMessage = (m) => process.send(m);
process.on('message', (data) => (port.listenerCount('message') ? port.emit('message', { data }) : early.push(data)));
port.on('newListener', (event) => {
  if (event === 'message') setImmediate(() => early.splice(0).forEach((data) => port.emit('message', { data })));
});
process.parentPort = port;
`;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('core-host.mjs', () => {
  it('starts, answers calls sent before it was ready, and exits cleanly on shutdown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'segwb-boot-'));
    dirs.push(dir);
    const config = encodeHostConfig({ homeDir: join(dir, 'home'), defaultDir: join(dir, 'docs'), appVersion: '1.2.3' });
    const child = fork(fileURLToPath(new URL('./core-host.mjs', import.meta.url)), [config], {
      execArgv: ['--import', `data:text/javascript,${encodeURIComponent(PARENT_PORT_SHIM)}`],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const replies: HostReply[] = [];
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.on('message', (m: HostReply) => {
      replies.push(m);
      if (m.type === 'result' && m.jobId === 'job-2') child.send({ type: 'shutdown' });
    });
    child.send({ type: 'call', name: 'app-info', args: {}, jobId: 'job-1' });
    child.send({ type: 'call', name: 'workspace-create', args: { path: join(dir, 'a.segwb') }, jobId: 'job-2' });

    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 30_000))]);
    if (code === 'timeout') child.kill();
    expect(code, stderr).toBe(0);
    expect(replies.map((r) => r.type === 'result' && [r.jobId, r.wire.ok])).toEqual([
      ['job-1', true],
      ['job-2', true],
    ]);
    expect(replies[0]).toMatchObject({ wire: { result: { version: '1.2.3', defaultDir: join(dir, 'docs') } } });
  });
});
