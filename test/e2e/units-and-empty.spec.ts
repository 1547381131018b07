// Tables say what their numbers are and why they are empty, in the reader's language: units in
// the headers ("（亿元）", " (yuan)"), numbers right-aligned, an empty list of rises/falls or
// gains/losses explained; the trend legend shows every entry ("All levels" included). zh and en.
import { expect, test } from './workbench';

const SCREENSHOTS = 'test-results/screenshots';

for (const lang of ['zh', 'en'] as const) {
  const zh = lang === 'zh';
  test(`units in headers, empty tables say why, the whole legend (${lang})`, async ({ page, workbench }) => {
    await page.goto(workbench.url);
    if (!zh) await page.getByTestId('lang-switch').locator('[data-value="en"]').click();
    await expect(page.getByTestId('trend-chart')).toBeVisible();
    await page.getByTestId('trend-chart').screenshot({ path: `${SCREENSHOTS}/ux-legend-${lang}.png` });

    await page.getByTestId('nav-compliance').click();
    const up = page.getByTestId('variance-up');
    await expect(up.locator('th').nth(1)).toHaveText(zh ? '本年（亿元）' : /\(100m yuan\)$/);
    await expect(up.locator('th').nth(1)).toHaveCSS('text-align', 'right');
    await expect(up.locator('td.num').first()).toHaveCSS('text-align', 'right');
    // The demo's 2024 has no fall over 2023 at county level: the empty list says so.
    await expect(page.getByTestId('variance-down-empty')).toHaveText(zh ? '2024 年没有地区比上年减少' : 'No region fell below the prior year in 2024');
    await page.getByTestId('compliance-variance').screenshot({ path: `${SCREENSHOTS}/ux-variance-${lang}.png` });

    await page.getByTestId('nav-transfer').click();
    await expect(page.locator('[data-testid="allocation-table"] th[data-col="after"]')).toContainText(zh ? '生均教育支出（后）（元）' : 'Spending per student (after) (yuan)');
    // The baseline against itself: nobody gains or loses, and the card says why.
    await expect(page.getByTestId('winners-empty')).toContainText(zh ? '没有县比基准多得' : 'No county receives more than under the baseline');
    await expect(page.getByTestId('losers-empty')).toBeVisible();
    await page.getByTestId('winners-losers').screenshot({ path: `${SCREENSHOTS}/ux-winners-empty-${lang}.png` });
  });
}
