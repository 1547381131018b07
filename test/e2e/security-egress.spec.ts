// The real renderer page in browser mode may not talk to anything but its own host: fetch() and
// WebSockets to the outside or to another port on this machine are refused by the CSP's
// connect-src (not merely by the offline network: the outside URL is answered by a route, and the
// other loopback port by a live server, so only the policy can be what stops them), and
// window.open() hands the page nothing. The page's own Node-free globals, inline script and eval
// are covered in security.spec.ts.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test } from './workbench';

/** A server on another loopback port that counts every request reaching it. */
async function decoy(): Promise<{ server: Server; port: number; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/plain' });
    res.end('decoy reached');
  });
  server.on('upgrade', (req, socket) => {
    hits.push(`UPGRADE ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as AddressInfo).port, hits };
}

async function collectViolations(page: Page): Promise<() => Promise<{ directive: string; blocked: string }[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __violations: { directive: string; blocked: string }[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
  });
  return () => page.evaluate(() => (window as unknown as { __violations: { directive: string; blocked: string }[] }).__violations);
}

test('fetch and WebSocket to the outside or to another local port are refused by connect-src', async ({ page, workbench }) => {
  const local = await decoy();
  // Were the CSP not to stop it, this route would answer the outside request (with CORS allowed).
  let outsideReached = 0;
  await page.context().route('http://example.com/**', (route) => {
    outsideReached += 1;
    return route.fulfill({ status: 200, body: 'outside reached', headers: { 'Access-Control-Allow-Origin': '*' } });
  });
  try {
    await page.goto(workbench.url);
    await expect(page.getByTestId('per-student-table')).toBeVisible();
    const csp = (await (await page.request.get(`${workbench.origin}/`)).headers())['content-security-policy'] ?? '';
    expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ ws:\/\/localhost:\d+(;|$)/);
    const violations = await collectViolations(page);

    const outcomes = await page.evaluate(async (port) => {
      const tryFetch = (url: string) =>
        fetch(url, { mode: 'cors' }).then(
          async (r) => `fetched ${r.status}: ${await r.text()}`,
          (e: unknown) => `refused: ${String(e)}`,
        );
      const trySocket = (url: string) =>
        new Promise<string>((resolve) => {
          try {
            const ws = new WebSocket(url);
            ws.onopen = () => resolve('open');
            ws.onerror = () => resolve('refused');
          } catch (e) {
            resolve(`refused: ${String(e)}`);
          }
        });
      return {
        outsideHttp: await tryFetch('http://example.com/data.json'),
        localOtherPort: await tryFetch(`http://127.0.0.1:${port}/steal`),
        localhostOtherPort: await tryFetch(`http://localhost:${port}/steal`),
        beacon: navigator.sendBeacon(`http://127.0.0.1:${port}/beacon`, 'x') ? 'queued' : 'refused',
        socketOtherPort: await trySocket(`ws://127.0.0.1:${port}/engine`),
        // Its own origin is allowed (control: the policy is not simply "nothing").
        ownOrigin: await tryFetch('/index.html').then((s) => s.slice(0, 11)),
      };
    }, local.port);

    expect(outcomes.outsideHttp).toMatch(/^refused/);
    expect(outcomes.localOtherPort).toMatch(/^refused/);
    expect(outcomes.localhostOtherPort).toMatch(/^refused/);
    expect(outcomes.socketOtherPort).toMatch(/^refused/);
    expect(outcomes.ownOrigin).toBe('fetched 200');
    // Nothing got through: not to the routed outside URL, not to the live server on the other port.
    await page.waitForTimeout(300);
    expect(outsideReached).toBe(0);
    expect(local.hits).toEqual([]);
    // And it was the policy that said no, for each of them.
    const seen = await violations();
    for (const url of ['http://example.com/data.json', `http://127.0.0.1:${local.port}/steal`, `http://localhost:${local.port}/steal`, `ws://127.0.0.1:${local.port}/engine`]) {
      expect(seen.some((v) => v.directive === 'connect-src' && v.blocked.startsWith(url.replace(/\/[^/]*$/, ''))), `${url} in ${JSON.stringify(seen)}`).toBe(true);
    }
    expect(outcomes.beacon === 'refused' || seen.some((v) => v.blocked.includes('/beacon'))).toBe(true);
  } finally {
    await new Promise((r) => local.server.close(r));
  }
});

test('window.open gives the page no window and loads nothing', async ({ page, workbench }) => {
  // Browser mode: the web host's CSP sandbox (no allow-popups) refuses popups. In Electron,
  // window.open is denied for every webContents (security.ts, electron/main/security.test.ts).
  const local = await decoy();
  const popups: string[] = [];
  page.context().on('page', (p) => popups.push(p.url()));
  try {
    await page.goto(workbench.url);
    await expect(page.getByTestId('per-student-table')).toBeVisible();
    const result = await page.evaluate((port) => {
      const describe = (w: Window | null) => {
        if (w === null) return 'null';
        try {
          // A handle the page could script (same origin, not closed) would be a way out.
          return w.closed ? 'closed' : `open:${w.location.href}`;
        } catch {
          return 'cross-origin handle';
        }
      };
      return {
        outside: describe(window.open('http://example.com/', '_blank')),
        local: describe(window.open(`http://127.0.0.1:${port}/popup`, '_blank')),
        blank: describe(window.open('about:blank', '_blank')),
      };
    }, local.port);
    await page.waitForTimeout(500);
    expect(result).toEqual({ outside: 'null', local: 'null', blank: 'null' });
    expect(popups).toEqual([]);
    expect(local.hits).toEqual([]);
  } finally {
    await new Promise((r) => local.server.close(r));
  }
});
