// The auditor's reading of failures, in zh-CN and English on the demo province: a failure never
// prints 本年 = 上年 (仁和县 2020 fell by 7 分), and a fall over all levels while every level rose
// (顺昌县 2022) is explained in words with the numbers.
import { expect, test } from './workbench';

const SCREENSHOTS = 'test-results/screenshots';

for (const lang of ['zh', 'en'] as const) {
  const zh = lang === 'zh';
  test(`failures show the fall and explain a shift between levels (${lang})`, async ({ page, workbench }) => {
    await page.goto(workbench.url);
    if (!zh) await page.getByTestId('lang-switch').locator('[data-value="en"]').click();
    await page.getByTestId('unit-switch').locator('[data-value="万元"]').click();
    await page.getByTestId('nav-compliance').click();
    await expect(page.getByTestId('compliance-view')).toBeVisible();

    await page.getByTestId('compliance-rule').selectOption('edu-spending-no-decrease');
    await page.getByTestId('failures-year').selectOption('2020');
    const table = page.getByTestId('failures-table');
    await expect(table).toContainText('仁和县');
    // 275,307,570.04 vs 275,307,570.11 元: at two places in 万元 both read 27,530.76.
    await expect(table).toContainText('27,530.757004');
    await expect(table).toContainText('27,530.757011');
    await page.getByTestId('failure-open-390324-2020').click();
    await expect(page.getByTestId('drill-summary')).toContainText('27,530.757004');
    await expect(page.getByTestId('drill-summary')).toContainText('27,530.757011');
    await page.screenshot({ path: `${SCREENSHOTS}/ux-fall-digits-${lang}.png`, fullPage: true });

    await page.getByTestId('compliance-rule').selectOption('per-student-no-decrease');
    await page.getByTestId('failures-year').selectOption('2022');
    await page.getByTestId('failure-open-390822-2022').click();
    const mixed = page.getByTestId('drill-mixed-effect');
    await expect(mixed).toContainText(zh ? '各学段生均都没有下降' : "No level's spending per student fell");
    await expect(mixed).toContainText(zh ? '合计生均从 11,963.14 元降到 11,942.91 元（-0.17%）' : 'fell from 11,963.14 to 11,942.91 yuan (-0.17%)');
    await expect(mixed).toContainText(zh ? '结构变化' : 'a change in composition');
    await page.getByTestId('compliance-drilldown').screenshot({ path: `${SCREENSHOTS}/ux-mixed-effect-${lang}.png` });
  });
}
