// Browser mode, adversarially: crafted paths (property-tested, against the pure mapper and the live
// server), symlinks out of the renderer folder, every route without the token (wrong token of the
// right length, token only in a Referer), foreign Host headers, and the listening address.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join, posix, resolve, sep, win32 } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { tempDir } from '../../../test/support/temp';
import type { Dispatcher } from '../dispatcher';
import { resolveStaticPath, startWebHost, type WebHost } from './web-host';

const CANARY = 'CANARY-outside-the-renderer-7f3a';
const dir = tempDir('wb-webhost-');
const renderer = join(dir, 'renderer');
mkdirSync(join(renderer, 'assets'), { recursive: true });
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
// Canaries: beside the renderer, one level further up, and in a sibling folder whose name starts
// with the renderer's (a prefix check without the separator would let /renderer-private through).
writeFileSync(join(dir, 'secret.txt'), CANARY);
mkdirSync(join(dir, 'renderer-private'));
writeFileSync(join(dir, 'renderer-private', 'secret.txt'), CANARY);
// Symlinks inside the renderer folder that point out of it: a file and a directory.
symlinkSync(join(dir, 'secret.txt'), join(renderer, 'leak.txt'));
symlinkSync(join(dir, 'renderer-private'), join(renderer, 'assets', 'linked'));
// A symlink that stays inside is harmless and may be served.
symlinkSync(join(renderer, 'assets', 'app.js'), join(renderer, 'alias.js'));

const servable = new Set([readFileSync(join(renderer, 'index.html'), 'utf8'), readFileSync(join(renderer, 'assets', 'app.js'), 'utf8')]);

// The engine is not under test here; a dispatcher that never answers is enough.
const dispatcher = { dispatch: () => new Promise(() => {}) } as unknown as Dispatcher;
let host: WebHost;
beforeAll(async () => {
  host = await startWebHost({ dispatcher, rendererDir: renderer });
});
afterAll(async () => {
  await host.close();
});

type Raw = { status: number; body: string; raw: string };
/**
 * One request written byte for byte on a socket: the request target goes out exactly as given
 * (Node's HTTP client would refuse or re-encode backslashes, spaces and non-ASCII).
 */
function raw(target: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  const all = { Host: `127.0.0.1:${host.port}`, Connection: 'close', ...headers };
  const head = `${method} ${target} HTTP/1.1\r\n${Object.entries(all)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n`;
  return new Promise((done, reject) => {
    const socket = connect({ host: '127.0.0.1', port: host.port });
    const chunks: Buffer[] = [];
    socket.setTimeout(5000, () => socket.destroy(new Error(`timeout for ${JSON.stringify(target)}`)));
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      const split = text.indexOf('\r\n\r\n');
      done({ status, body: split >= 0 ? text.slice(split + 4) : '', raw: text });
    });
    // write, not end: a half-closed client makes Node's server drop a response still streaming.
    socket.write(Buffer.from(head, 'utf8'));
  });
}
const withCookie = (extra: Record<string, string> = {}) => ({ Cookie: `${host.cookieName}=${host.token}`, ...extra });

/** The same length as the real token, but wrong (first character changed). */
function sameLengthWrongToken(): string {
  const t = host.token;
  return (t[0] === 'A' ? 'B' : 'A') + t.slice(1);
}

// ---- crafted paths -----------------------------------------------------------------------------

const segment = fc.oneof(
  fc.constantFrom(
    '..', '.', '...', '.. ', '..%20', '%2e%2e', '%2E%2E', '.%2e', '%2e.', '%252e%252e', '%25252e%25252e', '..%00', '%00', '%2500',
    '..%2f', '..%5c', '..\\', '..%255c', '%c0%ae%c0%ae', '%e0%80%ae', '\u2024\u2024', '\uff0e\uff0e', '\u3002\u3002', '%e2%80%a4%e2%80%a4', '%ef%bc%8e%ef%bc%8e',
    'C:', 'C:\\', 'C:%5c', 'c:%2f', 'C:\\Windows\\win.ini', '\\\\server\\share', '%5c%5cserver%5cshare', '\\\\?\\C:\\', '//server/share', '/etc/passwd', 'etc', 'passwd',
    'secret.txt', 'renderer', 'renderer-private', 'leak.txt', 'linked', 'assets', 'index.html', 'app.js', 'index.html::$DATA', 'CON', 'secret.txt.',
  ),
  fc.string({ maxLength: 6 }),
  fc.stringMatching(/^[.%2eEcfC5:\\/]{1,8}$/),
);
const separator = fc.constantFrom('/', '/', '/', '\\', '%2f', '%2F', '%5c', '%5C', '%252f', '//', '/./');
const craftedPath = fc
  .tuple(fc.array(fc.tuple(segment, separator), { minLength: 1, maxLength: 7 }), fc.constantFrom('/', '', '\\', '//', '%2f'))
  .map(([parts, lead]) => lead + parts.map(([s, sepr]) => s + sepr).join('').replace(/[/\\]$/, ''));

function inside(root: string, full: string, pathImpl: typeof posix | typeof win32): boolean {
  const base = pathImpl.resolve(root);
  return full === base || full.startsWith(base + pathImpl.sep);
}

describe('resolveStaticPath (property)', () => {
  it('never maps a crafted path outside the root', () => {
    const root = resolve(renderer);
    fc.assert(
      fc.property(craftedPath, (p) => {
        const full = resolveStaticPath(root, p);
        return full === null || inside(root, full, sep === '/' ? posix : win32);
      }),
      { numRuns: 3000 },
    );
  });

  it('never maps a crafted path outside the root with Windows path rules either', () => {
    // The desktop app and `npm start` run on Windows too, where `\`, drive letters and UNC
    // prefixes are path syntax. The mapper takes the path module as a parameter for this test.
    fc.assert(
      fc.property(craftedPath, (p) => {
        const full = resolveStaticPath('C:\\app\\renderer', p, win32);
        return full === null || inside('C:\\app\\renderer', full, win32);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    '/..', '/../secret.txt', '/%2e%2e/secret.txt', '/%252e%252e/secret.txt', '/..%5csecret.txt', '/C:/Windows/win.ini', '/C:%5cWindows', '/c:secret.txt',
    '//server/share/x', '/%5c%5cserver%5cshare', '/...', '/assets/.../x', '/index.html%00.js', '/\u2024\u2024/secret.txt', '/%ef%bc%8e%ef%bc%8e/secret.txt',
  ])('refuses or contains %s under both path rules', (p) => {
    for (const [root, impl] of [[resolve(renderer), sep === '/' ? posix : win32], ['C:\\app\\renderer', win32]] as const) {
      const full = resolveStaticPath(root, p, impl);
      expect(full === null || inside(root, full, impl), `${p} → ${full}`).toBe(true);
    }
  });

  it('refuses the Windows-specific forms outright', () => {
    for (const p of ['/C:/Windows/win.ini', '/c:secret.txt', '/index.html::$DATA', '/..%5c..%5csecret.txt', '/%252e%252e/x', '/...', '/assets/./app.js']) {
      expect(resolveStaticPath('C:\\app\\renderer', p, win32), p).toBeNull();
      expect(resolveStaticPath('/srv/renderer', p), p).toBeNull();
    }
  });
});

describe('live server: crafted paths', () => {
  it('never returns a file from outside the renderer folder', async () => {
    await fc.assert(
      fc.asyncProperty(craftedPath, async (p) => {
        // The request line cannot carry CR, LF or spaces; those are not paths anyway.
        const target = p.replace(/[\r\n ]/g, '');
        const res = await raw(target.startsWith('/') ? target : `/${target}`, withCookie());
        expect(res.raw, target).not.toContain(CANARY);
        if (res.status === 200) expect(servable.has(res.body), `${target} served ${JSON.stringify(res.body.slice(0, 60))}`).toBe(true);
        else expect([400, 404, 405], target).toContain(res.status);
      }),
      { numRuns: 300 },
    );
  });

  it('does not follow a symlink that leads out of the renderer folder', async () => {
    for (const path of ['/leak.txt', '/assets/linked/secret.txt']) {
      const res = await raw(path, withCookie());
      expect(res.raw, path).not.toContain(CANARY);
      expect(res.status, path).toBe(404);
    }
  });

  it('still serves a symlink that stays inside the renderer folder', async () => {
    const res = await raw('/alias.js', withCookie());
    expect(res.status).toBe(200);
    expect(res.body).toBe('console.log(1)');
  });
});

// ---- the per-run token on every route ----------------------------------------------------------

const ROUTES = ['/', '/index.html', '/assets/app.js', '/alias.js', '/engine', '/nope', '/../secret.txt', '/favicon.ico'];

describe('every route needs the per-run token', () => {
  it.each(ROUTES)('%s: refused with no token, a wrong token of the same length, or the token only in a Referer', async (route) => {
    const wrong = sameLengthWrongToken();
    expect(wrong).toHaveLength(host.token.length);
    expect(wrong).not.toBe(host.token);
    const attempts: [string, string, Record<string, string>, string?][] = [
      ['no token', route, {}],
      ['wrong query token', `${route}?token=${wrong}`, {}],
      ['wrong cookie', route, { Cookie: `${host.cookieName}=${wrong}` }],
      ['token in Referer only', route, { Referer: `${host.url}` }],
      ['token in Referer path only', route, { Referer: `${host.origin}/?token=${host.token}&x=1`, Origin: host.origin }],
      ['token under another cookie name', route, { Cookie: `token=${host.token}; wb_token_x=${host.token}` }],
      ['token in an Authorization header', route, { Authorization: `Bearer ${host.token}` }],
      ['no token, HEAD', route, {}, 'HEAD'],
      ['no token, POST', route, { 'Content-Length': '0' }, 'POST'],
    ];
    for (const [what, target, headers, method] of attempts) {
      const res = await raw(target, headers, method);
      expect(res.status, `${what}: ${target}`).toBe(401);
      expect(res.raw, what).not.toContain('<title>');
      expect(res.raw, what).not.toContain('console.log(1)');
      expect(res.raw, what).not.toContain(CANARY);
      expect(res.raw.toLowerCase(), what).not.toContain('set-cookie');
    }
  });

  function openSocket(path: string, headers: Record<string, string>): Promise<number | 'open'> {
    return new Promise((done) => {
      const ws = new WebSocket(`ws://127.0.0.1:${host.port}${path}`, { headers });
      ws.on('open', () => {
        ws.close();
        done('open');
      });
      ws.on('unexpected-response', (_req, res) => done(res.statusCode ?? 0));
      ws.on('error', () => done(-1));
    });
  }

  it('refuses the engine WebSocket without the token, with a same-length wrong one, or with it only in a Referer', async () => {
    const wrong = sameLengthWrongToken();
    expect(await openSocket('/engine', { origin: host.origin })).toBe(403);
    expect(await openSocket(`/engine?token=${wrong}`, { origin: host.origin })).toBe(403);
    expect(await openSocket('/engine', { origin: host.origin, cookie: `${host.cookieName}=${wrong}` })).toBe(403);
    expect(await openSocket('/engine', { origin: host.origin, referer: host.url })).toBe(403);
    // The right token on another path, from another origin, or for another Host: still refused.
    expect(await openSocket('/other', { origin: host.origin, cookie: `${host.cookieName}=${host.token}` })).toBe(403);
    expect(await openSocket('/engine', { origin: 'null', cookie: `${host.cookieName}=${host.token}` })).toBe(403);
    expect(await openSocket('/engine', { origin: `http://localhost.evil.example:${host.port}`, cookie: `${host.cookieName}=${host.token}` })).toBe(403);
    expect(await openSocket('/engine', { origin: host.origin, cookie: `${host.cookieName}=${host.token}`, host: `evil.example:${host.port}` })).toBe(403);
    // Control: the real token opens it.
    expect(await openSocket('/engine', { origin: host.origin, cookie: `${host.cookieName}=${host.token}` })).toBe('open');
  });

  it('refuses the engine WebSocket when the upgrade carries no Origin, even with the right token', async () => {
    // A browser always sends Origin; a client that omits it is a script holding the token.
    expect(await openSocket('/engine', { cookie: `${host.cookieName}=${host.token}` })).toBe(403);
    expect(await openSocket(`/engine?token=${host.token}`, {})).toBe(403);
    expect(await openSocket('/engine', { origin: host.origin, cookie: `${host.cookieName}=${host.token}` })).toBe('open');
  });

  it('admits the right token (control for the refusals above)', async () => {
    expect((await raw('/', withCookie())).status).toBe(200);
    expect((await raw(`/?token=${host.token}`)).status).toBe(303);
  });
});

describe('Host header (DNS rebinding)', () => {
  it.each([
    'evil.example',
    'evil.example:PORT',
    '127.0.0.1',
    '127.0.0.1:1',
    '127.0.0.1:PORT.evil.example',
    'localhost.evil.example:PORT',
    '127.0.0.2:PORT',
    '[::1]:PORT',
    '0.0.0.0:PORT',
    '2130706433:PORT',
    '127.0.0.1:PORT, evil.example',
  ])('refuses Host: %s even with the token', async (hostHeader) => {
    const res = await raw('/', withCookie({ Host: hostHeader.replace('PORT', String(host.port)) }));
    expect([400, 403]).toContain(res.status);
    expect(res.raw).not.toContain('<title>');
  });

  it('refuses a request with no Host header', async () => {
    const res = await raw('/', withCookie({ Host: '' }));
    expect([400, 403]).toContain(res.status);
    expect(res.raw).not.toContain('<title>');
  });

  it('accepts only its own loopback names (control)', async () => {
    expect((await raw('/', withCookie({ Host: `localhost:${host.port}` }))).status).toBe(200);
    expect((await raw('/', withCookie({ Host: `127.0.0.1:${host.port}` }))).status).toBe(200);
  });
});

describe('listening address', () => {
  function reach(address: string): Promise<string> {
    return new Promise((done) => {
      const s = connect({ host: address, port: host.port, timeout: 2000 });
      s.on('connect', () => {
        s.destroy();
        done('connected');
      });
      s.on('error', (e: NodeJS.ErrnoException) => done(e.code ?? 'error'));
      s.on('timeout', () => {
        s.destroy();
        done('timeout');
      });
    });
  }

  it('is bound to 127.0.0.1 only: not ::1, not the rest of 127.0.0.0/8', async () => {
    expect(await reach('127.0.0.1')).toBe('connected');
    for (const address of ['::1', '127.0.0.2', '127.1.2.3']) expect(await reach(address), address).not.toBe('connected');
  });
});

describe('token cookie bound to the port', () => {
  it('names the cookie for this port and refuses the token under the unbound name or another port\'s', async () => {
    expect(host.cookieName).toBe(`wb_token_${host.port}`);
    const swap = await raw(`/?token=${host.token}`);
    expect(swap.status).toBe(303);
    expect(swap.raw).toContain(`Set-Cookie: wb_token_${host.port}=${host.token}; HttpOnly; SameSite=Strict; Path=/`);
    // The old, port-less name (which the browser also sends to every other server on 127.0.0.1).
    expect((await raw('/', { Cookie: `wb_token=${host.token}` })).status).toBe(401);
    expect((await raw('/', { Cookie: `wb_token_${host.port + 1}=${host.token}` })).status).toBe(401);
    expect((await raw('/', withCookie())).status).toBe(200);
  });

  it('gives two runs on two ports two cookies: neither run accepts the other\'s', async () => {
    const other = await startWebHost({ dispatcher, rendererDir: renderer });
    try {
      expect(other.cookieName).not.toBe(host.cookieName);
      // Both cookies, as a browser would send them to either port: each host reads only its own.
      const both = `${host.cookieName}=${host.token}; ${other.cookieName}=${other.token}`;
      expect((await raw('/', { Cookie: both })).status).toBe(200);
      expect((await raw('/', { Cookie: `${other.cookieName}=${other.token}` })).status).toBe(401);
    } finally {
      await other.close();
    }
  });
});
