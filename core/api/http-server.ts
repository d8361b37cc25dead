// The browser shell: serves the built renderer and the API on 127.0.0.1 only.
// Protection against other local pages and DNS rebinding: a random token per run (given once in
// the printed URL, then kept in an HttpOnly SameSite=Strict cookie, or sent as a header by
// non-browser clients), a Host check and an Origin check on every API request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Progress, WireResult } from './contract.ts';
import { toApiError, type Core } from './core.ts';
import { CONTENT_SECURITY_POLICY } from './csp.ts';

export interface WebServerOptions {
  core: Core;
  /** Folder of the built renderer (index.html and assets). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; random otherwise. */
  token?: string;
}

export interface WebServer {
  url: string;
  /** The URL to open: carries the token once, the page then keeps it in a cookie. */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const COOKIE = 'segwb_token';
const MAX_BODY_BYTES = 1024 * 1024;
const HEARTBEAT_MS = 15_000;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export { CONTENT_SECURITY_POLICY };

const ERROR_STATUS: Record<string, number> = {
  'invalid-args': 400,
  'unknown-operation': 404,
  internal: 500,
};

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: IncomingMessage): string | null {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return null;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        resolveBody(text ? JSON.parse(text) : {});
      } catch {
        reject(new Error('request body is not valid JSON'));
      }
    });
    req.on('error', reject);
  });
}

/** Uploaded copies are only needed until their import is done; a week is generous. */
const UPLOAD_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

function removeOldUploads(dir: string, now = Date.now()): void {
  try {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (now - statSync(path).mtimeMs > UPLOAD_MAX_AGE_MS) rmSync(path, { force: true });
    }
  } catch {
    // No uploads folder yet, or a file vanished meanwhile: nothing to tidy.
  }
}

export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  removeOldUploads(join(options.core.session.options.homeDir, 'uploads'));
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticDir = resolve(options.staticDir);
  const progressClients = new Set<ServerResponse>();
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  function broadcast(p: Progress): void {
    const frame = `data: ${JSON.stringify(p)}\n\n`;
    for (const client of progressClients) client.write(frame);
  }

  function authorised(req: IncomingMessage): boolean {
    const header = req.headers['x-segwb-token'];
    const given = typeof header === 'string' ? header : cookieToken(req);
    return given !== null && sameToken(given, token);
  }

  /**
   * The browser cannot tell the server where a dropped file lives, so the page sends its bytes and
   * gets back the path of a copy in the app's uploads folder; imports then read that path.
   */
  async function receiveUpload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const dir = join(options.core.session.options.homeDir, 'uploads');
    mkdirSync(dir, { recursive: true });
    const name = (url.searchParams.get('name') ?? 'upload').replace(/[^\w.\- ]+/g, '_').replace(/\.{2,}/g, '.').slice(-120) || 'upload';
    const target = join(dir, `${Date.now()}-${randomBytes(3).toString('hex')}-${name}`);
    try {
      await pipeline(req, createWriteStream(target));
      sendJson(res, 200, { ok: true, result: { path: target, bytes: statSync(target).size } } satisfies WireResult);
    } catch (err) {
      rmSync(target, { force: true });
      sendJson(res, 500, { ok: false, error: { code: 'upload-failed', message: `The file could not be received: ${(err as Error).message}` } });
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void> {
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      sendJson(res, 403, { ok: false, error: { code: 'forbidden-origin', message: `Requests from ${origin} are not allowed.` } });
      return;
    }
    if (!authorised(req)) {
      sendJson(res, 401, {
        ok: false,
        error: { code: 'unauthorised', message: 'Missing or wrong access token: open the address printed by `npm run web`.' },
      });
      return;
    }
    if (path === '/api/progress' && req.method === 'GET') {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      progressClients.add(res);
      req.on('close', () => progressClients.delete(res));
      return;
    }
    if (path === '/api/upload' && req.method === 'POST') {
      await receiveUpload(req, res, url);
      return;
    }
    if (req.method !== 'POST') {
      sendJson(res, 405, { ok: false, error: { code: 'method-not-allowed', message: `${req.method} is not allowed on ${path}.` } });
      return;
    }
    let body: { args?: unknown; jobId?: unknown };
    try {
      body = (await readBody(req)) as typeof body;
    } catch (err) {
      sendJson(res, 400, { ok: false, error: { code: 'bad-request', message: (err as Error).message } });
      return;
    }
    if (path === '/api/cancel') {
      const cancelled = typeof body.jobId === 'string' && options.core.cancel(body.jobId);
      sendJson(res, 200, { ok: true, result: cancelled } satisfies WireResult);
      return;
    }
    const match = /^\/api\/call\/([a-z0-9-]+)$/.exec(path);
    if (!match) {
      sendJson(res, 404, { ok: false, error: { code: 'not-found', message: `No API endpoint ${path}.` } });
      return;
    }
    const jobId = typeof body.jobId === 'string' ? body.jobId.slice(0, 100) : undefined;
    // A client that goes away (closed tab) cancels its job.
    const aborted = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) aborted.abort();
    });
    try {
      const result = await options.core.call(match[1]!, body.args ?? {}, {
        ...(jobId ? { jobId } : {}),
        onProgress: broadcast,
        signal: aborted.signal,
      });
      sendJson(res, 200, { ok: true, result: result ?? null } satisfies WireResult);
    } catch (err) {
      const e = toApiError(err);
      sendJson(res, ERROR_STATUS[e.code] ?? 422, { ok: false, error: e.toJSON() } satisfies WireResult);
    }
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const given = url.searchParams.get('token');
    if (given !== null) {
      // Trade the token in the address for a cookie, and drop it from the address bar.
      if (!sameToken(given, token)) {
        res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Wrong access token. Open the address printed by `npm run web`.');
        return;
      }
      res.writeHead(303, {
        location: '/',
        'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'cache-control': 'no-store',
      });
      res.end();
      return;
    }
    let file = normalize(join(staticDir, decodeURIComponent(url.pathname)));
    if (file !== staticDir && !file.startsWith(staticDir + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) {
      // Client-side routes fall back to the app; missing assets are real 404s.
      if (extname(url.pathname)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      file = join(staticDir, 'index.html');
    }
    if (!existsSync(file)) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`The renderer is not built (${file} is missing). Run \`npm run build\` first.`);
      return;
    }
    const isHtml = extname(file) === '.html';
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': isHtml ? 'no-store' : 'max-age=3600',
      ...(isHtml ? { 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-frame-options': 'DENY' } : {}),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  }

  const server: Server = createServer((req, res) => {
    // DNS rebinding defence: only our own host names are answered.
    if (!allowedHosts().has(req.headers.host ?? '')) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('Unknown host');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, url.pathname, url).catch((err: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: toApiError(err).toJSON() });
        else res.end();
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(req, res, url);
  });

  const heartbeat = setInterval(() => {
    for (const client of progressClients) client.write(': keep-alive\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const url = `http://127.0.0.1:${port}`;
      resolveServer({
        url,
        openUrl: `${url}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            clearInterval(heartbeat);
            for (const client of progressClients) client.end();
            progressClients.clear();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
