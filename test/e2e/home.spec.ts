// The home view in a real browser against the real engine: pick a county and a year, and the
// table and chart show the figures computed independently from the database file.
import { mkdirSync } from 'node:fs';
import { expectedPerStudent, formatYuanFen, pickCounty } from './expected';
import { expect, test } from './workbench';

const YEAR = 2022;
const LEVEL_ZH: Record<string, string> = { preschool: '学前教育', primary: '小学', junior: '初中', senior: '普通高中', sec_voc: '中职', special: '特殊教育', higher: '高等教育', all: '合计' };
mkdirSync('test-results/screenshots', { recursive: true });

test('an analyst picks a county and a year and reads per-student funding', async ({ page, workbench }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

  await page.goto(workbench.url);
  await expect(page.getByTestId('synthetic-badge')).toHaveText('合成数据');
  await expect(page.getByTestId('synthetic-notice')).toContainText('合成');
  await expect(page.getByTestId('view-title')).toContainText('示范省');
  await expect(page.getByTestId('per-student-table')).toBeVisible();

  const county = pickCounty(workbench.dbFile, YEAR);
  await page.getByTestId('region-search').fill(county.code);
  await page.getByTestId(`region-${county.code}`).click();
  await expect(page.getByTestId('view-title')).toContainText(county.name);
  await page.getByTestId('year-select').selectOption(String(YEAR));
  await expect(page.getByTestId('view-title')).toContainText(String(YEAR));

  const expected = expectedPerStudent(workbench.dbFile, county.code, YEAR);
  expect(expected.length).toBeGreaterThan(3);
  const table = page.getByTestId('per-student-table');
  for (const e of expected) {
    const row = table.locator(`tr[data-row="${e.level}"]`);
    await expect(row.locator('td[data-col="level"]')).toHaveText(LEVEL_ZH[e.level]!);
    await expect(row.locator('td[data-col="perStudent"]')).toHaveText(e.perStudentYuan);
    await expect(row.locator('td[data-col="students"]')).toHaveText(e.students.toLocaleString('en-US'));
    // Default unit 亿元.
    await expect(row.locator('td[data-col="spending"]')).toHaveText(formatYuanFen(e.spendingFen, 10_000_000_000n));
    if (e.growthPct !== null) await expect(row.locator('td[data-col="perStudentGrowth"]')).toHaveText(`${e.growthPct.startsWith('-') ? '' : '+'}${e.growthPct}%`);
  }
  // The total row stays last.
  await expect(table.locator('tbody tr').last()).toHaveAttribute('data-row', 'all');

  // The chart: rendered as SVG, with the same per-student figures in its data table.
  const chart = page.getByTestId('trend-chart');
  await expect(chart).toHaveAttribute('data-rendered', 'true');
  // Axes, bars and one line per level are drawn.
  expect(await chart.locator('svg path').count()).toBeGreaterThan(20);
  await expect(chart.locator('svg')).toContainText(String(YEAR));
  const all = expected.find((e) => e.level === 'all')!;
  await expect(page.locator(`[data-testid="trend-data"] tr[data-level="all"] td[data-year="${YEAR}"]`)).toHaveText(all.perStudentYuan.replace(/,/g, ''));
  const years = await page.locator('[data-testid="trend-data"] thead th').allTextContents();
  // Ten years ending at YEAR, less the years before the demo data begin (2015).
  const first = Math.max(2015, YEAR - 9);
  expect(years.slice(1)).toEqual(Array.from({ length: YEAR - first + 1 }, (_, i) => String(first + i)));

  // Sorting: click per-student, highest first; the total stays pinned last.
  await table.locator('th[data-col="perStudent"] button').click();
  const order = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row')));
  const sorted = expected.filter((e) => e.level !== 'all').sort((a, b) => (BigInt(b.spendingFen) * a.students > BigInt(a.spendingFen) * b.students ? 1 : -1)).map((e) => e.level);
  expect(order).toEqual([...sorted, 'all']);

  // Sources are named.
  await expect(page.getByTestId('sources')).toContainText('SHA-256');
  await page.screenshot({ path: 'test-results/screenshots/home-zh.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('language and unit switch', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await expect(page.getByTestId('per-student-table')).toBeVisible();
  const county = pickCounty(workbench.dbFile, YEAR);
  await page.getByTestId('region-search').fill(county.code);
  await page.getByTestId(`region-${county.code}`).click();
  await page.getByTestId('year-select').selectOption(String(YEAR));
  const expected = expectedPerStudent(workbench.dbFile, county.code, YEAR);
  const all = expected.find((e) => e.level === 'all')!;

  await page.getByTestId('unit-switch').locator('button[data-value="万元"]').click();
  const spendingCell = page.locator('[data-testid="per-student-table"] tr[data-row="all"] td[data-col="spending"]');
  await expect(spendingCell).toHaveText(formatYuanFen(all.spendingFen, 1_000_000n));
  await expect(page.locator('[data-testid="per-student-table"] th[data-col="spending"]')).toContainText('万元');
  await page.getByTestId('unit-switch').locator('button[data-value="元"]').click();
  await expect(spendingCell).toHaveText(formatYuanFen(all.spendingFen, 100n));

  await page.getByTestId('lang-switch').locator('button[data-value="en"]').click();
  await expect(page.locator('h1')).toHaveText('Education Finance Workbench');
  await expect(page.locator('[data-testid="per-student-table"] tr[data-row="all"] td[data-col="level"]')).toHaveText('All levels');
  await expect(page.getByTestId('synthetic-badge')).toHaveText('Synthetic data');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // Figures do not change with the language.
  await expect(spendingCell).toHaveText(formatYuanFen(all.spendingFen, 100n));
  await page.getByTestId('unit-switch').locator('button[data-value="亿元"]').click();
  await page.screenshot({ path: 'test-results/screenshots/home-en.png', fullPage: true });

  // The choice survives a reload.
  await page.reload();
  await expect(page.locator('h1')).toHaveText('Education Finance Workbench');
});
