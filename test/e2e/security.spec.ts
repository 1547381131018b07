// Security in the real browser: the page has no Node, inline script and eval are blocked by CSP,
// and the web host refuses anything without this run's token.
import { expect, test } from './workbench';

test('the renderer runs without Node and under a CSP that blocks inline script and eval', async ({ page, workbench }) => {
  const violations: string[] = [];
  await page.exposeFunction('__reportViolation', (d: string) => violations.push(d));
  const response = await page.goto(workbench.url);
  await expect(page.getByTestId('per-student-table')).toBeVisible();
  // The document itself carries the policy: no inline script, no eval anywhere.
  const csp = response!.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/unsafe-(inline|eval)/);

  const globals = await page.evaluate(() => ({ require: typeof (window as unknown as { require?: unknown }).require, process: typeof (window as unknown as { process?: unknown }).process, bridge: typeof (window as unknown as { bridge?: unknown }).bridge }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: 'undefined' });

  const result = await page.evaluate(async () => {
    const w = window as unknown as { __inlineRan?: boolean; __reportViolation: (d: string) => void };
    document.addEventListener('securitypolicyviolation', (e) => w.__reportViolation(e.violatedDirective));
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.appendChild(s);
    // A string handed to setTimeout is compiled in the page's own context, where the CSP applies
    // (code run through the test driver's evaluate is exempt, so eval is tested this way).
    (setTimeout as unknown as (code: string, ms: number) => void)('window.__evalRan = true', 0);
    await new Promise((r) => setTimeout(r, 200));
    return { inlineRan: w.__inlineRan === true, evalRan: (window as unknown as { __evalRan?: boolean }).__evalRan === true };
  });
  expect(result).toEqual({ inlineRan: false, evalRan: false });
  await expect.poll(() => violations.some((v) => v.startsWith('script-src'))).toBe(true);
});

test('the web host refuses requests without the per-run token', async ({ playwright, workbench }) => {
  const stranger = await playwright.request.newContext();
  for (const path of ['/', '/index.html', '/engine']) {
    const res = await stranger.get(`${workbench.origin}${path}`);
    expect(res.status(), path).toBe(401);
  }
  expect((await stranger.get(`${workbench.origin}/?token=not-the-token`)).status()).toBe(401);
  await stranger.dispose();
});

test('another page cannot reach the engine socket', async ({ page, workbench }) => {
  // A page from a different origin (no cookie for the workbench) tries the WebSocket.
  await page.goto('about:blank');
  const outcome = await page.evaluate(
    (origin) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(origin.replace('http', 'ws') + '/engine');
        ws.onopen = () => resolve('open');
        ws.onerror = () => resolve('refused');
      }),
    workbench.origin,
  );
  expect(outcome).toBe('refused');
});
