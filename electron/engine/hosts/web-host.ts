// Browser mode: the renderer served over HTTP on 127.0.0.1 with the engine behind a WebSocket.
// Everything here is about refusing: other interfaces (we bind loopback only and re-check the
// peer), other hosts (DNS rebinding: the Host header must be ours), other pages (the per-run token
// is required on every request, as a query parameter once and then as a SameSite cookie named for
// the port), engine sockets opened from another origin or with no Origin, and paths outside the
// renderer folder.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as nodePath from 'node:path';
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

export type WebHost = { url: string; origin: string; port: number; token: string; cookieName: string; close(): Promise<void> };

/**
 * The token cookie's name, one per port. Browsers share cookies between ports of one host, so a
 * single name would travel to any other server on 127.0.0.1 (and a second workbench run on
 * another port would overwrite this one's). A per-port name keeps each run's secret to itself.
 */
export function tokenCookieName(port: number): string {
  return `wb_token_${port}`;
}
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

function cookieToken(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/**
 * What the page may still do inside the sandbox: run its scripts on its own origin (the engine
 * socket, localStorage), submit its forms, save downloads, and ask confirm() questions. No popups,
 * no top-level navigation away, no plugins.
 */
export const BROWSER_SANDBOX = 'sandbox allow-scripts allow-same-origin allow-forms allow-downloads allow-modals';

type PathRules = Pick<typeof nodePath.posix, 'resolve' | 'sep'>;

/** True when full is root itself or lies under it (a sibling such as root-private does not). */
function isInside(root: string, full: string, path: PathRules = nodePath): boolean {
  const base = path.resolve(root);
  return full === base || full.startsWith(base + path.sep);
}

/**
 * Map a URL path to a file inside root, or null. Decodes exactly once, then refuses: undecodable
 * input; NUL; backslashes (a separator on Windows); anything still percent-encoded (a
 * double-encoded `%252e%252e` would otherwise survive as a name a later decoder turns into `..`);
 * `:` (drive letters, alternate data streams on Windows); and any segment made only of dots
 * (`.`, `..`, `...`: Windows drops trailing dots from names, so such segments are ambiguous
 * there). The built renderer's
 * file names use none of these. Finally the resolved path must still lie under root. `path` is
 * the platform's path module; tests pass path.win32 to check the Windows rules on any machine.
 * The file found may still be a symlink: the server checks its real path (servedFile).
 */
export function resolveStaticPath(root: string, urlPath: string, path: PathRules = nodePath): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (/[\0\\%:]/.test(decoded)) return null;
  if (decoded.split('/').some((seg) => seg !== '' && /^\.+$/.test(seg))) return null;
  const rel = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = path.resolve(root);
  const full = path.resolve(base, rel);
  if (!isInside(base, full, path)) return null;
  return full;
}

/**
 * The file to send for a mapped path, or null: a regular file whose real path (symlinks resolved)
 * is still inside the real renderer folder. Without this a symlink placed in the renderer folder
 * (or a directory link in it) would serve whatever it points at.
 */
function servedFile(realRoot: () => string, mapped: string): { file: string; size: number } | null {
  try {
    const real = realpathSync(mapped);
    if (!isInside(realRoot(), real)) return null;
    const st = statSync(real);
    return st.isFile() ? { file: real, size: st.size } : null;
  } catch {
    return null;
  }
}

/**
 * The request target as a URL, or null when it is not an origin-form path. Parsed against a fixed
 * origin by concatenation: `new URL(target, base)` would read a target starting with `//` as
 * another host (and throw on an invalid one, which in a request handler crashes the process).
 */
export function requestUrl(req: Pick<IncomingMessage, 'url'>): URL | null {
  const target = req.url ?? '';
  if (!target.startsWith('/')) return null;
  try {
    const url = new URL(`http://invalid${target}`);
    return url.host === 'invalid' ? url : null;
  } catch {
    return null;
  }
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(message);
}

export function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log ?? (() => {});
  // The renderer folder's own real path (it may itself be reached through a link, e.g. a
  // packaged or relocated dist/); looked up once it exists.
  let realRoot: string | null = null;
  const realRendererDir = (): string => (realRoot ??= realpathSync(nodePath.resolve(options.rendererDir)));
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  /** The checks every request passes before anything else happens. */
  function admit(req: IncomingMessage, url: URL): { ok: true; viaQuery: boolean } | { ok: false; status: number; why: string } {
    if (!isLoopback(req.socket.remoteAddress)) return { ok: false, status: 403, why: 'loopback only' };
    if (!allowedHosts().has(req.headers.host ?? '')) return { ok: false, status: 403, why: 'unexpected Host header' };
    const q = url.searchParams.get('token') ?? undefined;
    if (sameSecret(q, token)) return { ok: true, viaQuery: true };
    if (sameSecret(cookieToken(req, tokenCookieName(port)), token)) return { ok: true, viaQuery: false };
    return { ok: false, status: 401, why: 'missing or wrong token' };
  }

  const csp = () => contentSecurityPolicy({ connectSrc: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`] });

  const server = createServer((req, res) => {
    const url = requestUrl(req);
    if (!url) {
      log(`refused ${req.method}: malformed request target`);
      return refuse(res, 400, 'bad request');
    }
    const verdict = admit(req, url);
    if (!verdict.ok) {
      log(`refused ${req.method} ${url.pathname}: ${verdict.why}`);
      return refuse(res, verdict.status, verdict.status === 401 ? '需要本次运行的访问令牌 / a per-run access token is required' : 'forbidden');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed');
    if (verdict.viaQuery) {
      // Swap the token in the address bar for a cookie the page's own requests will carry.
      res.writeHead(303, {
        'Set-Cookie': `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname,
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
      });
      return res.end();
    }
    const mapped = resolveStaticPath(options.rendererDir, url.pathname);
    const found = mapped === null ? null : servedFile(realRendererDir, mapped);
    if (!found) return refuse(res, 404, 'not found');
    const { file, size } = found;
    res.writeHead(200, {
      'Content-Type': TYPES[nodePath.extname(file)] ?? 'application/octet-stream',
      'Content-Length': size,
      // Two policies, both enforced: the app's CSP, and a sandbox without allow-popups, so that
      // window.open in browser mode opens nothing — as the Electron shell's window-open handler.
      'Content-Security-Policy': [csp(), BROWSER_SANDBOX],
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
    const url = requestUrl(req);
    const verdict = url ? admit(req, url) : ({ ok: false, status: 400, why: 'malformed request target' } as const);
    // A browser always sends Origin on a WebSocket upgrade; a client without one is not our page
    // (a script holding a stolen token), so a missing Origin is refused like a foreign one.
    const origin = req.headers.origin;
    const originOk = origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
    if (!url || !verdict.ok || !originOk || url.pathname !== '/engine') {
      const why = !verdict.ok ? verdict.why : origin === undefined ? 'no Origin header' : !originOk ? 'foreign origin' : 'bad path';
      log(`refused WebSocket ${url?.pathname ?? '(malformed)'}: ${why}`);
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
        cookieName: tokenCookieName(port),
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
