import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeFrame, encodeFrame } from '../../../core/ipc/wire';
import { tempDir } from '../../../test/support/temp';
import { createEngine, type Engine } from '../engine';
import { isLoopback, resolveStaticPath, startWebHost, type WebHost } from './web-host';

const dir = tempDir();
const renderer = join(dir, 'renderer');
mkdirSync(join(renderer, 'assets'), { recursive: true });
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(dir, 'secret.txt'), 'do not serve');

let engine: Engine;
let host: WebHost;
beforeAll(async () => {
  engine = createEngine({ file: join(dir, 'host.sqlite'), host: 'web', appVersion: '1.0.0', seedDemo: false });
  host = await startWebHost({ dispatcher: engine.dispatcher, rendererDir: renderer });
});
afterAll(async () => {
  await host.close();
  engine.close();
});

type Res = { status: number; headers: Record<string, string | string[] | undefined>; body: string };
function get(path: string, headers: Record<string, string> = {}): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers: { host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
const cookie = () => ({ cookie: `${host.cookieName}=${host.token}` });

describe('browser-mode web host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
  });

  it('refuses every request without the per-run token', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', '/engine']) {
      const res = await get(path);
      expect(res.status, path).toBe(401);
      expect(res.body).not.toContain('<title>');
    }
    expect((await get('/', { cookie: `${host.cookieName}=wrong` })).status).toBe(401);
    expect((await get('/?token=wrong')).status).toBe(401);
  });

  it('swaps a token in the URL for an HttpOnly SameSite cookie', async () => {
    const res = await get(`/?token=${host.token}`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(String(res.headers['set-cookie'])).toMatch(/wb_token_\d+=.+; HttpOnly; SameSite=Strict; Path=\//);
  });

  it('serves the renderer with a strict CSP once the token is presented', async () => {
    const res = await get('/', cookie());
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>t</title>');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect((await get('/', { ...cookie(), host: `evil.example:${host.port}` })).status).toBe(403);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/../../secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/%00index.html', '/..%5csecret.txt', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '//etc/passwd']) {
      const res = await get(path, cookie());
      expect(res.body, path).not.toContain('do not serve');
      expect(res.body, path).not.toContain('root:');
      expect([400, 404], path).toContain(res.status);
    }
  });

  it('maps paths safely (unit)', () => {
    expect(resolveStaticPath('/r', '/')).toBe('/r/index.html');
    expect(resolveStaticPath('/r', '/assets/a.js')).toBe('/r/assets/a.js');
    expect(resolveStaticPath('/r', '/a/../../x')).toBeNull();
    expect(resolveStaticPath('/r', '/%E0%A4%A')).toBeNull();
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('10.0.0.5')).toBe(false);
  });

  it('is not reachable on any non-loopback address of this machine', async () => {
    const addresses = Object.values(networkInterfaces()).flat().filter((a) => a && !a.internal).map((a) => a!.address);
    for (const address of addresses) {
      const outcome = await new Promise<string>((resolve) => {
        const s = connect({ host: address, port: host.port, timeout: 2000 });
        s.on('connect', () => {
          s.destroy();
          resolve('connected');
        });
        s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
        s.on('timeout', () => {
          s.destroy();
          resolve('timeout');
        });
      });
      expect(outcome, address).not.toBe('connected');
    }
  });

  function openSocket(headers: Record<string, string>): Promise<WebSocket | number> {
    return new Promise((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${host.port}/engine`, { headers });
      ws.on('open', () => resolve(ws));
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => resolve(-1));
    });
  }

  it('refuses the engine socket without the token or from another origin', async () => {
    expect(await openSocket({})).toBe(403);
    expect(await openSocket({ ...cookie(), origin: 'http://evil.example' })).toBe(403);
    expect(await openSocket(cookie())).toBe(403);
  });

  it('answers engine calls over the socket with the token', async () => {
    const ws = await openSocket({ ...cookie(), origin: host.origin });
    expect(ws).toBeInstanceOf(WebSocket);
    const socket = ws as WebSocket;
    const reply = await new Promise<unknown>((resolve) => {
      socket.on('message', (data: Buffer) => resolve(decodeFrame(new Uint8Array(data))));
      socket.send(encodeFrame({ t: 'call', id: 1, channel: 'app.info', input: {} }));
    });
    expect(reply).toMatchObject({ t: 'reply', id: 1, reply: { ok: true, value: { appVersion: '1.0.0', host: 'web' } } });
    socket.close();
  });
});
