import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../core/security/csp';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

import { installAppProtocol, registerAppScheme, serveAppRequest } from './protocol';

let dir: string;
let renderer: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wb-protocol-'));
  renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>教育财政工作台</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'export const x = 1;');
  // A file right beside the renderer folder: the thing traversal would be after.
  writeFileSync(join(dir, 'secret.txt'), 'database password');
  writeFileSync(join(dir, 'renderer-secret.txt'), 'sibling with a shared prefix');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => vi.clearAllMocks());

const get = (url: string, method = 'GET') => serveAppRequest(new Request(url, { method }), renderer);

describe('serveAppRequest', () => {
  it('serves index.html for / with the shared CSP (connect-src self only) and nosniff', async () => {
    const res = await get('app://workbench/');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<!doctype html><title>教育财政工作台</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self';");
    expect(res.headers.get('content-security-policy')).not.toMatch(/ws:|http:|https:/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves module scripts as JavaScript', async () => {
    const res = await get('app://workbench/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('export const x = 1;');
  });

  it.each([
    'app://workbench/..%2fsecret.txt',
    'app://workbench/%2e%2e/secret.txt',
    'app://workbench/assets/..%2f..%2fsecret.txt',
    'app://workbench/..%5csecret.txt',
    'app://workbench/%2e%2e/renderer-secret.txt',
    'app://workbench/missing.js',
    'app://workbench/assets',
    'app://other/index.html',
    'app://workbench:8080/index.html',
  ])('answers 404 for %s, never the file', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body).not.toContain('password');
    expect(body).not.toContain('sibling');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('does not follow a link out of the renderer folder, and does follow one that stays inside', async () => {
    symlinkSync(join(dir, 'secret.txt'), join(renderer, 'assets', 'leak.txt'));
    symlinkSync(dir, join(renderer, 'up'));
    symlinkSync(join(renderer, 'assets', 'app.js'), join(renderer, 'alias.js'));
    const logs: string[] = [];
    for (const path of ['/assets/leak.txt', '/up/secret.txt', '/up/renderer-secret.txt']) {
      const res = await serveAppRequest(new Request(`app://workbench${path}`), renderer, (l) => logs.push(l));
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('password');
    }
    expect(logs.filter((l) => /a link out of the renderer/.test(l))).toHaveLength(3);
    const inside = await get('app://workbench/alias.js');
    expect(inside.status).toBe(200);
    expect(await inside.text()).toBe('export const x = 1;');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://workbench/index.html', 'POST')).status).toBe(405);
    const head = await get('app://workbench/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('registration', () => {
  it('registers app as standard, secure and fetch-capable, and nothing more', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('handles the app scheme from the given renderer folder', async () => {
    installAppProtocol(renderer, () => {});
    expect(electron.protocol.handle).toHaveBeenCalledTimes(1);
    const [scheme, handler] = electron.protocol.handle.mock.calls[0] as [string, (r: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    const res = await handler(new Request('app://workbench/index.html'));
    expect(res.status).toBe(200);
    expect((await handler(new Request('app://workbench/..%2fsecret.txt'))).status).toBe(404);
  });
});
