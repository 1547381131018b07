// Every user finds their unit: the brief's region list offers every region the data covers
// (province, prefectures, counties, directly administered cities) with a search, and the
// simulator's pool list is grouped by province with parent names — on the demo province and on a
// national workspace, where the four "市辖区" of the directly administered cities must be told
// apart. zh-CN and English; screenshots in test-results/screenshots.
import { execFileSync } from 'node:child_process';
import { expect, startWorkbench, test } from './workbench';

const SCREENSHOTS = 'test-results/screenshots';

for (const lang of ['zh', 'en'] as const) {
  test(`the brief offers every county, found by search (${lang})`, async ({ page, workbench }) => {
    await page.goto(workbench.url);
    if (lang === 'en') await page.getByTestId('lang-switch').locator('[data-value="en"]').click();
    await page.getByTestId('nav-brief').click();
    const select = page.getByTestId('brief-region');
    // 1 province + 12 prefectures (one autonomous prefecture) + counties; retired codes are not offered.
    await expect(select.locator('option[value="390324"]')).toHaveText('　仁和县 · 滨乡市（390324）');
    await expect(select.locator('option[value="399001"]')).toHaveCount(1); // a county under the province
    await page.getByTestId('brief-region-search').fill('仁和');
    await expect(page.getByTestId('brief-region-matches')).toHaveAttribute('data-count', '1');
    await page.getByTestId('brief-region-search').press('Enter');
    await expect(select).toHaveValue('390324');
    await page.getByTestId('brief-composer').screenshot({ path: `${SCREENSHOTS}/ux-brief-region-${lang}.png` });
    await page.getByTestId('brief-preview-button').click();
    await expect(page.getByTestId('brief-preview')).toContainText('仁和县');
  });
}

test('a national workspace: the pool list is grouped by province and names each 市辖区\'s city (zh, en)', async ({ page }) => {
  test.setTimeout(300_000);
  const { wb, stop } = await startWorkbench((dbFile) => {
    execFileSync(process.execPath, ['--import', 'tsx', 'cli/wb.ts', 'init', '--out', dbFile], { stdio: 'ignore' });
  });
  try {
    await page.goto(wb.url);
    await page.getByTestId('nav-transfer').click();
    const select = page.getByTestId('transfer-region');
    await expect(select.locator('optgroup')).toHaveCount(31);
    await expect(select.locator('optgroup[label="北京市"] option[value="110100"]')).toHaveText('市辖区 · 北京市（110100）');
    await expect(select.locator('optgroup[label="重庆市"] option[value="500100"]')).toHaveText('市辖区 · 重庆市（500100）');
    // No two options read the same.
    const labels = await select.locator('option').allTextContents();
    expect(new Set(labels).size).toBe(labels.length);
    await page.getByTestId('transfer-region-search').fill('市辖区');
    await expect(page.getByTestId('transfer-region-matches')).toHaveAttribute('data-count', '4');
    await page.getByTestId('transfer-region-search').press('Enter');
    await expect(select).toHaveValue('110100');
    await page.locator('.controls-row').first().screenshot({ path: `${SCREENSHOTS}/ux-pool-national-zh.png` });

    await page.getByTestId('lang-switch').locator('[data-value="en"]').click();
    await page.getByTestId('transfer-region-search').fill('');
    await page.getByTestId('transfer-region-search').fill('天津');
    await expect(page.getByTestId('transfer-region-matches')).toHaveText('2 found');
    await page.locator('.controls-row').first().screenshot({ path: `${SCREENSHOTS}/ux-pool-national-en.png` });
  } finally {
    await stop();
  }
});
