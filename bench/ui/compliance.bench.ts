// UI timings where users wait, in Chromium against the real browser-mode host: the first screen,
// the compliance matrix's first paint, a rule switch, a level switch, and the failure list and
// matrix filters — at province scale (the demo province) and national scale (`wb demo --scale
// national`, 2,843 counties × 14 years). Printed as medians and written to bench/RESULTS-ui.md;
// never asserted (the machine is shared, timings vary with its load).
//
// Each timing runs from the click (Playwright's call) until the answer is on screen, so it
// includes Playwright's round trip (a few ms). The national database is made once and its column
// packs built by one `wb check` (as after the first check a user runs), then copied for each host.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type Page } from '@playwright/test';
import { RULES } from '../../core/compliance/registry';
import { startWorkbench } from '../../test/e2e/workbench';

const CACHE = join('test-results', 'bench-ui');
const HOSTS = Number(process.env.BENCH_UI_HOSTS ?? 2);
// Long enough for a cold national computation on a loaded machine; a wait that ends here fails the run.
const WAIT = 5 * 60_000;
type Sample = { scale: string; what: string; ms: number[] };
const samples: Sample[] = [];

function record(scale: string, what: string, ms: number): void {
  console.log(`${scale} · ${what}: ${Math.round(ms)} ms`);
  let s = samples.find((x) => x.scale === scale && x.what === what);
  if (!s) samples.push((s = { scale, what, ms: [] }));
  s.ms.push(ms);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

function nationalDb(): string {
  // Outside test-results, which every Playwright run empties; BENCH_NATIONAL_DB names another.
  const dir = join(tmpdir(), 'wb-bench-ui');
  const file = process.env.BENCH_NATIONAL_DB ?? join(dir, 'national.sqlite');
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const wb = (...args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', 'cli/wb.ts', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  wb('demo', '--scale', 'national', '--out', `${file}.tmp`);
  try {
    wb('--db', `${file}.tmp`, 'check', '--rule', 'edu-spending-no-decrease', '--level', 'county', '--year', '2024', '--format', 'json');
  } catch {
    // exit 1: the check found failures; the packs are built all the same
  }
  copyFileSync(`${file}.tmp`, file);
  return file;
}

const matrixFor = (page: Page, fragment: string) => page.locator(`[data-testid="compliance-matrix"][data-query*='${fragment}'] button[data-status]`).first();

async function journey(page: Page, url: string, scale: string): Promise<void> {
  record(scale, 'first screen (home view with figures)', await timed(async () => {
    await page.goto(url);
    await page.getByTestId('view-title').waitFor();
  }));
  await page.getByTestId('nav-compliance').waitFor();
  record(scale, 'compliance matrix, first paint', await timed(async () => {
    await page.getByTestId('nav-compliance').click();
    await matrixFor(page, '"rule":"edu-spending-no-decrease"').waitFor({ timeout: WAIT });
  }));
  for (const { id } of RULES.filter((r) => r.id !== 'edu-spending-no-decrease')) {
    record(scale, 'rule switch (each rule, right after first paint)', await timed(async () => {
      await page.getByTestId('compliance-rule').selectOption(id);
      await matrixFor(page, `"rule":"${id}"`).waitFor({ timeout: WAIT });
    }));
  }
  await page.getByTestId('compliance-rule').selectOption('per-student-no-decrease');
  await matrixFor(page, '"rule":"per-student-no-decrease"').waitFor({ timeout: WAIT });
  for (const level of ['prefecture', 'province', 'county'] as const) {
    record(scale, 'level switch (per-student rule)', await timed(async () => {
      await page.locator(`[data-testid="compliance-level"] button[data-value="${level}"]`).click();
      await matrixFor(page, `"govLevel":"${level}"`).waitFor({ timeout: WAIT });
    }));
  }
  await page.getByTestId('compliance-rule').selectOption('three-growths');
  await matrixFor(page, '"rule":"three-growths"').waitFor({ timeout: WAIT });
  const count = page.getByTestId('compliance-failures').locator('h3 .muted');
  const failureText = async () => (await count.innerText()).trim();
  const years = await page.getByTestId('failures-year').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  for (const y of years.slice(-3)) {
    const before = await failureText();
    record(scale, 'failure list, filter by year', await timed(async () => {
      await page.getByTestId('failures-year').selectOption(y);
      await page.waitForFunction(([sel, old]) => document.querySelector(sel!)?.textContent?.trim() !== old, ['[data-testid="compliance-failures"] h3 .muted', before] as const, { timeout: WAIT });
    }));
  }
  // The matrix filters: done when the matrix shows the rows for the new filter state.
  const filtered = (state: string) => page.locator(`[data-testid="compliance-matrix"][data-filters="${state}"]`).waitFor({ timeout: WAIT });
  for (const on of [true, false]) {
    record(scale, 'matrix, failures only on/off', await timed(async () => {
      await page.getByTestId('matrix-failures-only').click();
      await filtered(`||${on}|`);
    }));
  }
  record(scale, 'matrix, search "县"', await timed(async () => {
    await page.getByTestId('matrix-search').fill('县');
    await filtered('||false|县');
  }));
  mkdirSync(CACHE, { recursive: true });
  await page.screenshot({ path: join(CACHE, `matrix-${scale}.png`), fullPage: false });
}

test.describe.configure({ mode: 'serial' });

test('province scale', async ({ page }) => {
  for (let h = 0; h < HOSTS; h++) {
    const { wb, stop } = await startWorkbench();
    try {
      await journey(page, wb.url, 'province');
    } finally {
      await stop();
    }
  }
});

test('national scale', async ({ page }) => {
  const source = nationalDb();
  for (let h = 0; h < HOSTS; h++) {
    const { wb, stop } = await startWorkbench((dbFile) => copyFileSync(source, dbFile));
    try {
      await journey(page, wb.url, 'national');
    } finally {
      await stop();
    }
  }
});

test.afterAll(() => {
  const load = loadavg().map((l) => l.toFixed(1)).join(' / ');
  const lines = [
    '# UI timings (`npm run bench:ui`)',
    '',
    `Chromium against the browser-mode host; ${HOSTS} fresh host(s) per scale; medians in ms, from the click until the answer is on screen. Load average at the end (1/5/15 min): ${load} on ${process.env.BENCH_CORES ?? 'the shared 2-core machine'}.`,
    '',
    '| scale | what | median ms | runs | min | max |',
    '|---|---|---:|---:|---:|---:|',
    ...samples.map((s) => `| ${s.scale} | ${s.what} | ${Math.round(median(s.ms))} | ${s.ms.length} | ${Math.round(Math.min(...s.ms))} | ${Math.round(Math.max(...s.ms))} |`),
    '',
  ];
  console.log(lines.join('\n'));
  writeFileSync(join('bench', 'RESULTS-ui.md'), lines.join('\n'));
});
