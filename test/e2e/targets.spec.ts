// An inspector's and an analyst's journey through 规划目标: the 优质均衡 share off track, a county
// that does not meet the resource standards → its failing schools → the cost to close (无数据 until
// the unit costs are stated, then priced and summed by prefecture) → a transfer scenario weighting
// the 缺口因素 → more counties reach the resource standards by 2027 than under the baseline.
import { expect, test } from './workbench';

const SCREENSHOTS = 'test-results/screenshots';

test.setTimeout(300_000);

test('a county off track, its failing schools, the cost to close, and a gap-weighted scenario that raises the projected share', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await page.getByTestId('unit-switch').locator('[data-value="万元"]').click();
  await page.getByTestId('nav-targets').click();
  await expect(page.getByTestId('targets-view')).toBeVisible();
  await expect(page.getByTestId('targets-synthetic')).toContainText('合成数据');
  // The certified share is one county below 60 %: off track, with both projections and the chart.
  const share = page.getByTestId('target-counties_quality_balanced_2027-390000');
  await expect(share).toContainText('59.00%');
  await expect(share.getByTestId('target-status')).not.toHaveText('已达标');
  await share.click();
  await expect(page.getByTestId('target-chart')).toHaveAttribute('data-rendered', 'true');
  await expect(page.getByTestId('target-assumption')).toContainText('直线预测');
  await expect(page.getByTestId('target-assumption')).toContainText('假设');
  await page.getByTestId('target-pace').fill('5');
  await expect(page.getByTestId('target-assumption')).toContainText('用户设定');
  await page.screenshot({ path: `${SCREENSHOTS}/targets-zh.png`, fullPage: true });

  // 宣庆区 (planted): one school's equipment value at 84.90 % of the standard.
  const offTrack = page.getByTestId('off-track-390704');
  await expect(offTrack).toContainText('未达到资源配置标准');
  await page.getByTestId('open-county-390704').click();
  await expect(page.getByTestId('county-page')).toBeVisible();
  await expect(page.getByTestId('county-status')).toHaveText('未达到资源配置标准');
  const failing = page.getByTestId('school-3907040007-primary');
  await expect(failing).toContainText('84.9%');
  await expect(failing).toContainText('6/7');
  // No unit cost is built in: the floor-area part is 无数据 with the reason when the county needs it.
  await expect(page.getByTestId('county-cost')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/targets-county-zh.png`, fullPage: true });
  await page.getByTestId('county-back').click();

  // Cost to close: 无数据 until the unit costs are stated; then priced, summed by prefecture.
  await page.getByTestId('targets-tab-costs').click();
  await expect(page.getByTestId('costs-missing')).toContainText('无数据：未设定校舍场地单价');
  await expect(page.getByTestId('costs-grand-total')).toContainText('无数据');
  await page.getByTestId('unit-cost-area').fill('3000');
  await page.getByTestId('unit-cost-room').fill('50000');
  await page.getByTestId('unit-cost-save').click();
  await expect(page.getByTestId('costs-missing')).toHaveCount(0);
  await expect(page.getByTestId('costs-grand-total')).toHaveText(/^[\d,]+\.\d{2}$/);
  await expect(page.getByTestId('cost-390704').getByTestId('cost-total')).toHaveText(/^[\d,]+\.\d{2}$/);
  await expect(page.getByTestId('costs-by-prefecture')).toContainText('黄祥市');
  await page.screenshot({ path: `${SCREENSHOTS}/targets-costs-zh.png`, fullPage: true });

  // The simulator: weight the 缺口因素 and the counties reaching the standards by 2027 rise.
  await page.getByTestId('nav-transfer').click();
  await expect(page.getByTestId('transfer-view')).toBeVisible();
  await expect(page.getByTestId('gap-reach')).toBeVisible();
  await expect(page.getByTestId('gap-reach-assumption')).toContainText('5%');
  await page.getByTestId('scenario-new').click();
  await page.getByTestId('scenario-name').fill('向资源缺口倾斜');
  await page.getByTestId('scenario-name-ok').click();
  await expect(page.getByTestId('scenario-select').locator('option:checked')).toHaveText('向资源缺口倾斜');
  await page.getByTestId('param-factor-gap').fill('40');
  await page.getByTestId('param-factor-students').fill('10');
  await expect(page.getByTestId('weight-total')).toHaveAttribute('data-total', '100.00');
  const base2027 = Number(await page.getByTestId('gap-reach-0-2027').getAttribute('data-count'));
  await expect(page.getByTestId('gap-reach-1-2027')).not.toHaveAttribute('data-count', String(base2027));
  const gap2027 = Number(await page.getByTestId('gap-reach-1-2027').getAttribute('data-count'));
  expect(gap2027).toBeGreaterThan(base2027);
  await page.getByTestId('gap-reach').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/targets-simulator-gap-zh.png`, fullPage: true });

  // English.
  await page.getByTestId('lang-switch').getByText('English').click();
  await page.getByTestId('nav-targets').click();
  await expect(page.getByTestId('targets-view')).toContainText('Plan targets');
  await page.screenshot({ path: `${SCREENSHOTS}/targets-en.png`, fullPage: true });
});
