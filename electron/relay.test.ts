import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Progress } from '../core/api/contract.ts';
import { superviseCoreHost, type HostProcess } from './core-supervisor.ts';
import type { HostRequest } from './host-messages.ts';
import { createRelay } from './relay.ts';

const progress = (jobId: string, done: number): Progress => ({ jobId, phase: 'Working', done, total: 10, unit: 'rows', etaMs: null });

function relayWithLog() {
  const posted: HostRequest[] = [];
  const progressSeen: Progress[] = [];
  const relay = createRelay((r) => posted.push(r), (p) => progressSeen.push(p));
  return { relay, posted, progressSeen };
}

describe('createRelay', () => {
  it('posts calls and routes each result to the call with the same jobId, whatever the order', async () => {
    const { relay, posted } = relayWithLog();
    const a = relay.call('app-info', {}, 'job-a');
    const b = relay.call('workspace-info', {}, 'job-b');
    expect(posted).toEqual([
      { type: 'call', name: 'app-info', args: {}, jobId: 'job-a' },
      { type: 'call', name: 'workspace-info', args: {}, jobId: 'job-b' },
    ]);
    relay.receive({ type: 'result', jobId: 'job-b', wire: { ok: true, result: 'B' } });
    relay.receive({ type: 'result', jobId: 'job-a', wire: { ok: true, result: 'A' } });
    await expect(a).resolves.toEqual({ ok: true, result: 'A' });
    await expect(b).resolves.toEqual({ ok: true, result: 'B' });
    expect(relay.pendingCount()).toBe(0);
  });

  it('forwards progress for pending jobs only and ignores junk and stray results', () => {
    const { relay, progressSeen } = relayWithLog();
    void relay.call('sample-create', { path: '/tmp/x.segwb' }, 'job-1');
    relay.receive({ type: 'progress', progress: progress('job-1', 3) });
    relay.receive({ type: 'progress', progress: progress('job-unknown', 3) });
    relay.receive({ type: 'result', jobId: 'job-unknown', wire: { ok: true, result: 1 } });
    relay.receive(null);
    relay.receive('hello');
    relay.receive({ type: 'other' });
    expect(progressSeen).toEqual([progress('job-1', 3)]);
    expect(relay.pendingCount()).toBe(1);
  });

  it('relays cancel for a pending job', () => {
    const { relay, posted } = relayWithLog();
    void relay.call('sample-create', { path: 'x' }, 'job-1');
    relay.cancel('job-1');
    expect(posted.at(-1)).toEqual({ type: 'cancel', jobId: 'job-1' });
  });

  it('answers a call whose cancel arrived first as cancelled, without running it', async () => {
    const { relay, posted } = relayWithLog();
    relay.cancel('job-early');
    await expect(relay.call('sample-create', { path: 'x' }, 'job-early')).resolves.toEqual({
      ok: false,
      error: { code: 'cancelled', message: 'Cancelled.' },
    });
    expect(posted).toEqual([]);
  });

  it('refuses a second call with a jobId that is still running', async () => {
    const { relay } = relayWithLog();
    void relay.call('app-info', {}, 'job-1');
    const dup = await relay.call('app-info', {}, 'job-1');
    expect(dup.ok).toBe(false);
    expect(!dup.ok && dup.error.code).toBe('duplicate-job');
  });

  it('answers with an error when the arguments cannot be sent', async () => {
    const relay = createRelay(
      () => {
        throw new Error('could not be cloned');
      },
      () => {},
    );
    const wire = await relay.call('app-info', { f: () => 1 }, 'job-1');
    expect(wire).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(relay.pendingCount()).toBe(0);
  });

  it('failAll settles every pending call with an error naming its operation', async () => {
    const { relay } = relayWithLog();
    const a = relay.call('app-info', {}, 'a');
    const b = relay.call('sample-create', {}, 'b');
    relay.failAll((op) => ({ code: 'gone', message: `lost ${op}` }));
    await expect(a).resolves.toEqual({ ok: false, error: { code: 'gone', message: 'lost app-info' } });
    await expect(b).resolves.toEqual({ ok: false, error: { code: 'gone', message: 'lost sample-create' } });
  });
});

/** A utility process stand-in: records what main posts, lets the test answer, crash or exit it. */
class FakeHost extends EventEmitter implements HostProcess {
  posted: HostRequest[] = [];
  killed = false;
  postMessage(message: unknown): void {
    this.posted.push(message as HostRequest);
    if ((message as HostRequest).type === 'shutdown') setImmediate(() => this.emit('exit', 0));
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
  reply(jobId: string, result: unknown): void {
    this.emit('message', { type: 'result', jobId, wire: { ok: true, result } });
  }
}

function supervised(options: { maxCrashes?: number } = {}) {
  const hosts: FakeHost[] = [];
  const logs: string[] = [];
  const conn = superviseCoreHost({
    fork: () => {
      const h = new FakeHost();
      hosts.push(h);
      return h;
    },
    onProgress: () => {},
    log: (m) => logs.push(m),
    ...options,
  });
  const current = () => hosts.at(-1) as FakeHost;
  return { conn, hosts, logs, current };
}

describe('superviseCoreHost', () => {
  it('relays calls to the running host', async () => {
    const { conn, current } = supervised();
    const call = conn.call('app-info', {}, 'job-1');
    expect(current().posted).toEqual([{ type: 'call', name: 'app-info', args: {}, jobId: 'job-1' }]);
    current().reply('job-1', { version: '1' });
    await expect(call).resolves.toEqual({ ok: true, result: { version: '1' } });
  });

  it('when the host crashes, fails pending calls clearly and starts a new host that serves later calls', async () => {
    const { conn, hosts, current } = supervised();
    const pending = conn.call('sample-create', { path: 'x' }, 'job-1');
    hosts[0]?.emit('exit', 134);
    const wire = await pending;
    expect(wire.ok).toBe(false);
    expect(!wire.ok && wire.error.code).toBe('core-restarted');
    expect(!wire.ok && wire.error.message).toMatch(/stopped unexpectedly \(exit code 134\) while running sample-create/);
    expect(hosts).toHaveLength(2);
    const next = conn.call('app-info', {}, 'job-2');
    current().reply('job-2', 'ok');
    await expect(next).resolves.toEqual({ ok: true, result: 'ok' });
  });

  it('ignores messages from a host that has already been replaced', async () => {
    const { conn, hosts } = supervised();
    hosts[0]?.emit('exit', 1);
    const call = conn.call('app-info', {}, 'job-1');
    hosts[0]?.reply('job-1', 'stale');
    hosts[1]?.reply('job-1', 'fresh');
    await expect(call).resolves.toEqual({ ok: true, result: 'fresh' });
  });

  it('stops restarting a host that keeps crashing and then fails calls at once', async () => {
    const { conn, hosts, logs } = supervised({ maxCrashes: 2 });
    hosts[0]?.emit('exit', 1);
    hosts[1]?.emit('exit', 1);
    hosts[2]?.emit('exit', 1);
    expect(hosts).toHaveLength(3);
    expect(conn.running).toBe(false);
    expect(logs.at(-1)).toMatch(/not restarting/);
    const wire = await conn.call('app-info', {}, 'job-x');
    expect(!wire.ok && wire.error.code).toBe('core-unavailable');
  });

  it('stop asks the host to shut down, fails what was pending as quitting and does not restart', async () => {
    const { conn, hosts, current } = supervised();
    const pending = conn.call('sample-create', { path: 'x' }, 'job-1');
    await conn.stop();
    expect(current().posted.at(-1)).toEqual({ type: 'shutdown' });
    expect(hosts).toHaveLength(1);
    expect(conn.running).toBe(false);
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'app-quitting' } });
  });

  it('stop kills a host that does not exit in time', async () => {
    const { conn, current } = supervised();
    const host = current();
    host.postMessage = (m: unknown) => void host.posted.push(m as HostRequest); // never exits
    await conn.stop(10);
    expect(host.killed).toBe(true);
  });
});
