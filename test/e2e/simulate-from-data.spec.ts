// 从数据新建方案: the simulator starts a scenario from the data of the selected region and year
// (identical to the current rule, as `wb simulate --init`), selected and ready to edit.
import { expect, test } from './workbench';

test('a scenario started from the data of the demo province', async ({ page, workbench }) => {
  test.setTimeout(180_000);
  await page.goto(workbench.url);
  await page.getByTestId('nav-transfer').click();
  await expect(page.getByTestId('transfer-view')).toBeVisible();
  const button = page.getByTestId('scenario-from-data');
  await expect(button).toBeEnabled();
  const year = await page.getByTestId('transfer-year').inputValue();
  await button.click();
  const selected = page.getByTestId('scenario-select').locator('option:checked');
  await expect(selected).toContainText(`${year} 年（从数据）`);
  await expect(page.getByTestId('scenario-rename')).toBeEnabled();
  await page.screenshot({ path: 'test-results/screenshots/simulate-from-data.png' });
});
