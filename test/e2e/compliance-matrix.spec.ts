// The compliance matrix's filters on the demo province: by prefecture, failures only, search —
// each narrowing the rows to exactly the regions it should, in Chinese and in English.
import { expect, test } from './workbench';

const SCREENSHOTS = 'test-results/screenshots';

test('the matrix filters by prefecture, by failures and by name or code', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await page.getByTestId('nav-compliance').click();
  await page.getByTestId('compliance-rule').selectOption('per-student-no-decrease');
  const matrix = page.getByTestId('compliance-matrix');
  await expect(page.getByTestId('matrix-cell-390822-2022')).toHaveAttribute('data-status', 'fail');
  const rows = matrix.locator('tbody tr:not(.virtual-spacer)');
  const all = await rows.count();
  expect(all).toBeGreaterThan(20);
  await expect(page.getByTestId('matrix-count')).toContainText(`${all} / ${all}`);

  // Failures only: every row left has a failing cell, and the planted 顺昌县 2022 is among them.
  await page.getByTestId('matrix-failures-only').check();
  const failing = await rows.count();
  expect(failing).toBeLessThan(all);
  for (let i = 0; i < failing; i++) await expect(rows.nth(i).locator('button[data-status="fail"]').first()).toBeVisible();
  await expect(page.getByTestId('matrix-cell-390822-2022')).toBeVisible();
  await page.getByTestId('matrix-failures-only').uncheck();

  // A prefecture: only its counties (codes 3908xx).
  const prefecture = page.getByTestId('matrix-prefecture');
  await prefecture.selectOption('390800');
  const codes = await matrix.locator('tbody th .code').allInnerTexts();
  expect(codes.length).toBeGreaterThan(0);
  expect(codes.every((c) => c.startsWith('3908'))).toBe(true);
  await prefecture.selectOption('');

  // Search by name and by code prefix.
  await page.getByTestId('matrix-search').fill('顺昌');
  await expect(rows).toHaveCount(1);
  await expect(matrix.locator('tbody th')).toContainText('顺昌县');
  await page.getByTestId('matrix-search').fill('39042');
  expect((await matrix.locator('tbody th .code').allInnerTexts()).every((c) => c.startsWith('39042'))).toBe(true);
  await page.getByTestId('matrix-search').fill('不存在的地区');
  await expect(page.getByTestId('matrix-empty')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/compliance-matrix-filter-zh.png`, fullPage: true });

  // English wording of the same controls.
  await page.getByRole('radio', { name: 'English' }).click();
  await page.getByTestId('matrix-search').fill('');
  await expect(page.getByTestId('matrix-count')).toContainText(`${all} of ${all} regions shown`);
  await expect(page.getByTestId('matrix-filters')).toContainText('Only regions with a failure');
  await page.screenshot({ path: `${SCREENSHOTS}/compliance-matrix-filter-en.png`, fullPage: true });
});
