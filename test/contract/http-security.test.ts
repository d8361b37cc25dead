// The browser shell's server must answer only its own page on this machine: loopback only,
// token required, foreign origins and host names refused, files outside the app never served.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../core/api/core.ts';
import { startWebServer, CONTENT_SECURITY_POLICY, type WebServer } from '../../core/api/http-server.ts';
import { tempDir } from '../support/temp.ts';

const tmp = tempDir();
let core: Core;
let server: WebServer;

beforeAll(async () => {
  core = createCore({ homeDir: tmp.file('home'), defaultDir: tmp.file('ws'), appVersion: 'test' });
  const staticDir = tmp.file('static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(tmp.file('secret.txt'), 'do not serve');
  server = await startWebServer({ core, staticDir });
});
afterAll(async () => {
  await server.close();
  core.close();
  tmp.cleanup();
});

/** Raw HTTP so that Host and Origin can be set freely (fetch forbids changing Host). */
function raw(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const call = (headers: Record<string, string>) =>
  raw('/api/call/app-info', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"args":{}}' });

describe('browser shell server', () => {
  it('listens on the loopback interface only', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!external) return; // no non-loopback interface on this machine: nothing else to reach
    const reached = await new Promise<boolean>((resolve) => {
      const req = request({ host: external.address, port: server.port, path: '/', timeout: 2000 }, () => resolve(true));
      req.on('error', () => resolve(false));
      req.on('timeout', () => {
        req.destroy();
        resolve(false);
      });
      req.end();
    });
    expect(reached).toBe(false);
  });

  it('refuses API calls without the token, or with a wrong one', async () => {
    const none = await call({});
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body).error.code).toBe('unauthorised');
    const wrong = await call({ 'x-segwb-token': 'x'.repeat(server.token.length) });
    expect(wrong.status).toBe(401);
  });

  it('answers with the token in a header or in the cookie', async () => {
    const byHeader = await call({ 'x-segwb-token': server.token });
    expect(byHeader.status).toBe(200);
    expect(JSON.parse(byHeader.body)).toMatchObject({ ok: true, result: { version: 'test' } });
    const byCookie = await call({ cookie: `other=1; segwb_token=${server.token}` });
    expect(byCookie.status).toBe(200);
  });

  it('trades the token in the address for an HttpOnly SameSite cookie and drops it from the address', async () => {
    const res = await raw(`/?token=${server.token}`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(String(res.headers['set-cookie'])).toMatch(/segwb_token=.+; HttpOnly; SameSite=Strict; Path=\//);
    const bad = await raw('/?token=wrong');
    expect(bad.status).toBe(401);
  });

  it('refuses requests from another origin even with the token', async () => {
    const res = await call({ 'x-segwb-token': server.token, origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.code).toBe('forbidden-origin');
    const own = await call({ 'x-segwb-token': server.token, origin: server.url });
    expect(own.status).toBe(200);
  });

  it('refuses foreign host names (DNS rebinding)', async () => {
    const res = await raw('/', { headers: { host: `evil.example:${server.port}` } });
    expect(res.status).toBe(421);
    const api = await call({ 'x-segwb-token': server.token, host: `evil.example:${server.port}` });
    expect(api.status).toBe(421);
  });

  it('serves the app with a strict content security policy', async () => {
    const res = await raw('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>app</title>');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const js = await raw('/assets/app.js');
    expect(js.headers['content-type']).toMatch(/text\/javascript/);
    // Client-side routes fall back to the app; missing assets do not.
    expect((await raw('/clusters')).status).toBe(200);
    expect((await raw('/assets/missing.js')).status).toBe(404);
  });

  it('never serves files outside the app folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await raw(path);
      expect(res.body).not.toContain('do not serve');
      expect([403, 404, 200]).toContain(res.status);
    }
  });

  it('rejects malformed bodies and wrong methods with JSON errors', async () => {
    const bad = await raw('/api/call/app-info', { method: 'POST', headers: { 'x-segwb-token': server.token }, body: '{not json' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toMatch(/not valid JSON/);
    const get = await raw('/api/call/app-info', { headers: { 'x-segwb-token': server.token } });
    expect(get.status).toBe(405);
  });

  it('streams progress to authorised clients only', async () => {
    const denied = await fetch(`${server.url}/api/progress`);
    expect(denied.status).toBe(401);
    const controller = new AbortController();
    const res = await fetch(`${server.url}/api/progress`, { headers: { 'x-segwb-token': server.token }, signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    controller.abort();
  });
});

describe('file upload (browser shell drop target)', () => {
  it('stores the bytes in the uploads folder and answers with the path', async () => {
    const body = 'customer_id,timestamp,event\nc1,2024-01-01T00:00:00Z,login\n';
    const res = await fetch(`${server.url}/api/upload?name=${encodeURIComponent('my orders (1).csv')}`, {
      method: 'POST',
      headers: { 'x-segwb-token': server.token, 'content-type': 'application/octet-stream' },
      body,
    });
    expect(res.status).toBe(200);
    const wire = (await res.json()) as { ok: boolean; result: { path: string; bytes: number } };
    expect(wire.result.path.startsWith(join(tmp.file('home'), 'uploads'))).toBe(true);
    expect(wire.result.path).toMatch(/my orders _1_\.csv$/);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(wire.result.path, 'utf8')).toBe(body);
    expect(wire.result.bytes).toBe(body.length);
  });

  it('needs the token like every API call', async () => {
    const res = await fetch(`${server.url}/api/upload?name=x.csv`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(401);
  });

  it('cannot escape the uploads folder through the name', async () => {
    const res = await fetch(`${server.url}/api/upload?name=${encodeURIComponent('../../etc/passwd')}`, {
      method: 'POST',
      headers: { 'x-segwb-token': server.token },
      body: 'x',
    });
    const wire = (await res.json()) as { result: { path: string } };
    expect(wire.result.path.startsWith(join(tmp.file('home'), 'uploads'))).toBe(true);
    expect(wire.result.path).not.toContain('..');
  });
});

describe('uploads folder housekeeping', () => {
  it('removes uploaded copies older than a week when the shell starts, and keeps newer ones', async () => {
    const home = tmp.file('home2');
    const uploads = join(home, 'uploads');
    mkdirSync(uploads, { recursive: true });
    const { utimesSync, existsSync } = await import('node:fs');
    writeFileSync(join(uploads, 'old.csv'), 'x');
    writeFileSync(join(uploads, 'new.csv'), 'y');
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    utimesSync(join(uploads, 'old.csv'), eightDaysAgo, eightDaysAgo);
    const core2 = createCore({ homeDir: home, defaultDir: tmp.file('ws2'), appVersion: 'test' });
    const server2 = await startWebServer({ core: core2, staticDir: tmp.file('static') });
    try {
      expect(existsSync(join(uploads, 'old.csv'))).toBe(false);
      expect(existsSync(join(uploads, 'new.csv'))).toBe(true);
    } finally {
      await server2.close();
      core2.close();
    }
  });
});
