// Browser mode: the renderer served over HTTP on 127.0.0.1 with the engine behind a WebSocket.
// Everything here is about refusing: other interfaces (we bind loopback only and re-check the
// peer), other hosts (DNS rebinding: the Host header must be ours), other pages (the per-run token
// is required on every request, as a query parameter once and then as a SameSite cookie), and
// paths outside the renderer folder.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { WebSocketServer, type RawData } from 'ws';
import { contentSecurityPolicy } from '../../../core/security/csp';
import { decodeFrame, encodeFrame } from '../../../core/ipc/wire';
import { serveConnection, type Dispatcher } from '../dispatcher';

export type WebHostOptions = {
  dispatcher: Dispatcher;
  rendererDir: string;
  port?: number;
  token?: string;
  log?: (line: string) => void;
};

export type WebHost = { url: string; origin: string; port: number; token: string; close(): Promise<void> };

const COOKIE = 'wb_token';
const TYPES: Record<string, string> = {
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

export function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

function sameSecret(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return undefined;
}

/**
 * Map a URL path to a file inside root, or null. Decodes once, refuses NUL, backslashes and any
 * `..` segment, then checks the resolved path is still under root.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((seg) => seg === '..')) return null;
  const rel = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const full = resolve(base, rel);
  if (full !== base && !full.startsWith(base + sep)) return null;
  return full;
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(message);
}

export function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log ?? (() => {});
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  /** The checks every request passes before anything else happens. */
  function admit(req: IncomingMessage, url: URL): { ok: true; viaQuery: boolean } | { ok: false; status: number; why: string } {
    if (!isLoopback(req.socket.remoteAddress)) return { ok: false, status: 403, why: 'loopback only' };
    if (!allowedHosts().has(req.headers.host ?? '')) return { ok: false, status: 403, why: 'unexpected Host header' };
    const q = url.searchParams.get('token') ?? undefined;
    if (sameSecret(q, token)) return { ok: true, viaQuery: true };
    if (sameSecret(cookieToken(req), token)) return { ok: true, viaQuery: false };
    return { ok: false, status: 401, why: 'missing or wrong token' };
  }

  const csp = () => contentSecurityPolicy({ connectSrc: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`] });

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://invalid');
    const verdict = admit(req, url);
    if (!verdict.ok) {
      log(`refused ${req.method} ${url.pathname}: ${verdict.why}`);
      return refuse(res, verdict.status, verdict.status === 401 ? '需要本次运行的访问令牌 / a per-run access token is required' : 'forbidden');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed');
    if (verdict.viaQuery) {
      // Swap the token in the address bar for a cookie the page's own requests will carry.
      res.writeHead(303, {
        'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname,
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
      });
      return res.end();
    }
    const file = resolveStaticPath(options.rendererDir, url.pathname);
    if (!file) return refuse(res, 404, 'not found');
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) return refuse(res, 404, 'not found');
      size = st.size;
    } catch {
      return refuse(res, 404, 'not found');
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': size,
      'Content-Security-Policy': csp(),
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://invalid');
    const verdict = admit(req, url);
    const origin = req.headers.origin;
    const originOk = origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}` || origin === undefined;
    if (!verdict.ok || !originOk || url.pathname !== '/engine') {
      log(`refused WebSocket ${url.pathname}: ${verdict.ok ? 'bad origin or path' : verdict.why}`);
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      serveConnection(options.dispatcher, {
        send: (m) => {
          if (ws.readyState === ws.OPEN) ws.send(encodeFrame(m));
        },
        onMessage: (receive) =>
          ws.on('message', (data: RawData, isBinary: boolean) => {
            if (!isBinary) return receive({ t: 'invalid' });
            const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
            try {
              receive(decodeFrame(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)));
            } catch (e) {
              receive({ t: 'invalid', error: (e as Error).message });
            }
          }),
        onClose: (fn) => ws.on('close', fn),
      });
    });
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const origin = `http://127.0.0.1:${port}`;
      resolvePromise({
        url: `${origin}/?token=${token}`,
        origin,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            for (const c of wss.clients) c.terminate();
            wss.close();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
