// 数据体检 on the demo and the per-view 合成数据 notice: the health view shows coverage, warnings
// (synthetic data in the basis), each view's N/A and why, and exports as CSV with the basis line;
// the notice shows where a view reads the demo and not where it reads nothing (import, audit) or
// only real data (a real province after a yearbook sheet is imported into the demo).
import { join } from 'node:path';
import { chooseFile, commit, download, openImport, preview, SCREENSHOTS } from './import-helpers';
import { expect, test } from './workbench';

const SHEET = join('/work/shared/data/csy_local_budget_expenditure_2010_2023/original_yearbook_tables', 'csy_table7-6_general_public_budget_expenditure_by_region_2021.xls');

test('数据体检 on the demo, in Chinese and English, exported as CSV', async ({ page, workbench }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(workbench.url);
  await expect(page.getByTestId('synthetic-notice')).toBeVisible();
  await page.getByTestId('nav-health').click();
  await expect(page.getByTestId('health-view')).toBeVisible();
  await expect(page.getByTestId('health-summary')).toContainText('省级');
  await expect(page.getByTestId('health-coverage-row').filter({ hasText: 'enrolment' })).toBeVisible();
  await expect(page.getByTestId('health-warning').filter({ hasText: '合成数据' }).first()).toHaveAttribute('data-kind', 'synthetic');
  await expect(page.getByTestId('synthetic-notice')).toHaveAttribute('data-view', 'health');
  await page.getByTestId('health-level').selectOption('county');
  await expect(page.getByTestId('health-summary')).toContainText('县级');
  await expect(page.getByTestId('health-view-row').filter({ hasText: '生均经费' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/health-zh.png`, fullPage: true });

  const csv = await download(page, page.getByTestId('health-export-csv'));
  const text = csv.bytes.toString('utf8');
  expect(csv.name).toMatch(/\.csv$/);
  expect(text).toContain('数据基础 / data basis');
  expect(text).toContain('覆盖');
  const xlsx = await download(page, page.getByTestId('health-export-xlsx'));
  expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(page.getByTestId('health-summary')).toContainText('Counties');
  await page.screenshot({ path: `${SCREENSHOTS}/health-en.png`, fullPage: true });
  await page.getByTestId('lang-switch').getByText('中文').click();

  // Views that read no analysis data carry no notice.
  await page.getByTestId('nav-audit').click();
  await expect(page.getByTestId('audit-view')).toBeVisible();
  await expect(page.getByTestId('synthetic-notice')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the demo plus one real yearbook sheet: the preview says no demo result changes; 北京 reads no synthetic data', async ({ page, workbench }) => {
  test.setTimeout(240_000);
  await openImport(page, workbench.url);
  await expect(page.getByTestId('synthetic-notice')).toHaveCount(0);
  await chooseFile(page, SHEET);
  await page.getByTestId('import-kind').selectOption('expenditure');
  await expect(await preview(page)).toHaveAttribute('data-status', 'previewed');
  await expect(page.getByTestId('import-basis-results')).toContainText('合规检查结果：0 个改变（其中 0 个结论改变）');
  await commit(page);
  await expect(page.getByTestId('basis-notice-views')).toBeVisible();
  // Home on the demo province: synthetic; on 北京 (only the real sheet): no notice.
  await page.getByTestId('nav-home').click();
  await expect(page.getByTestId('synthetic-notice')).toBeVisible();
  await page.getByTestId('region-110000').click();
  await expect(page.getByTestId('synthetic-notice')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/synthetic-per-view.png` });
  // The compliance view reads the whole basis, the demo included.
  await page.getByTestId('nav-compliance').click();
  await expect(page.getByTestId('synthetic-notice')).toBeVisible();
});
