// No internal words on screen, in English: a scenario's change history reads as parameter names
// and values (never the stored JSON), and goal seeking answers in the panel's money unit.
import { expect, test } from './workbench';

const SCREENSHOTS = 'test-results/screenshots';

test('the change history and the goal answer speak the reader\'s words (en)', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await page.getByTestId('lang-switch').locator('[data-value="en"]').click();
  await page.getByTestId('unit-switch').locator('[data-value="万元"]').click();
  await page.getByTestId('nav-transfer').click();
  await page.getByTestId('scenario-new').click();
  await page.getByTestId('scenario-name').fill('tilt');
  await page.getByTestId('scenario-name-ok').click();
  await page.getByTestId('param-difficulty-tilt-slider').fill('1');
  await page.getByTestId('scenario-save').click();
  const history = page.getByTestId('scenario-history');
  await expect(history.locator('tbody tr').first()).toContainText('parameter changes: (none) → Tilt toward underdeveloped areas (difficulty multiplier) = 1');
  await expect(history).not.toContainText('{"key"');
  await history.screenshot({ path: `${SCREENSHOTS}/ux-history-en.png` });

  await page.getByTestId('param-difficulty-tilt').fill('0');
  await page.getByTestId('goal-run').click();
  // The binding county's need in the panel's unit (10k yuan), not in yuan.
  await expect(page.getByTestId('goal-binding')).toContainText('10k yuan');
});
