// The analyst's workbench (issue: answers they can trust, screens they can work in all day), in
// zh-CN and English on the demo province: goal seeking that keeps both never-decrease rules and
// says what limits it, factor weights with their total and 归一化, one undo history wherever focus
// is. Screenshots go to test-results/screenshots.
import { expect, test } from './workbench';
import type { Page } from '@playwright/test';

const SCREENSHOTS = 'test-results/screenshots';

async function openTransfer(page: Page, url: string, lang: 'zh' | 'en') {
  await page.goto(url);
  if (lang === 'en') await page.getByTestId('lang-switch').locator('[data-value="en"]').click();
  await page.getByTestId('nav-transfer').click();
  await expect(page.getByTestId('transfer-view')).toBeVisible();
  await expect(page.locator('[data-testid="allocation-table"] tbody tr')).toHaveCount(100);
  await page.getByTestId('scenario-new').click();
  await page.getByTestId('scenario-name').fill(lang === 'zh' ? '目标求解检查' : 'goal check');
  await page.getByTestId('scenario-name-ok').click();
}

for (const lang of ['zh', 'en'] as const) {
  const zh = lang === 'zh';

  test(`goal seeking keeps both never-decrease rules and says what limits it (${lang})`, async ({ page, workbench }) => {
    await openTransfer(page, workbench.url, lang);
    await page.getByTestId('goal-run').click();
    await expect(page.getByTestId('goal-result')).toHaveAttribute('data-feasible', 'true');
    await expect(page.getByTestId('goal-result')).toHaveAttribute('data-limit', 'law');
    await expect(page.getByTestId('goal-limit')).toHaveText(zh ? '受法规约束' : 'Limited by the law');
    // The demo's answer is bound by 河溪县's education spending (rule A), which the old program ignored.
    await expect(page.getByTestId('goal-message')).toContainText(zh ? '困难因素权重最高可取 3.46%' : 'The difficulty weight can go up to 3.46 %');
    await expect(page.getByTestId('goal-binding')).toContainText(zh ? '河溪县（390721，教育支出不减' : '河溪县 (390721, education spending must not fall');
    await expect(page.getByTestId('goal-check')).toContainText(zh ? '教育支出下降 0 个县，生均下降 0 个县，低于下限 0 个县' : '0 counties with falling education spending, 0 with falling spending per student, 0 below the floor');
    await page.screenshot({ path: `${SCREENSHOTS}/ux-goal-law-${lang}.png`, fullPage: true });
    // Applying the answer creates no failure.
    await page.getByTestId('goal-apply').click();
    await expect(page.getByTestId('new-failures')).toHaveAttribute('data-count', '0');
    await expect(page.getByTestId('what-changed')).toContainText(zh ? '财力困难程度因素权重' : 'Weight: fiscal difficulty');

    // With no pass-through the transfer cannot move the rules: only the tool's own cap limits it.
    await page.getByTestId('param-outcome-pass_through').fill('0');
    await page.getByTestId('goal-run').click();
    await expect(page.getByTestId('goal-result')).toHaveAttribute('data-limit', 'tool_cap');
    await expect(page.getByTestId('goal-limit')).toHaveText(zh ? '不受法规约束，受工具上限约束' : "Not limited by the law but by the tool's cap");
    await page.getByTestId('goal-section').screenshot({ path: `${SCREENSHOTS}/ux-goal-toolcap-${lang}.png` });
  });

  test(`factor weights show their total and normalise (${lang})`, async ({ page, workbench }) => {
    await openTransfer(page, workbench.url, lang);
    await expect(page.getByTestId('weight-total')).toHaveAttribute('data-total', '100.00');
    await page.getByTestId('param-factor-difficulty').fill('20');
    await expect(page.getByTestId('weight-total')).toHaveAttribute('data-total', '120.00');
    await expect(page.getByTestId('weight-total')).toContainText(zh ? '权重合计 120.00%' : 'Weights total 120.00 %');
    await expect(page.getByTestId('weight-total')).toContainText(zh ? '计算时各权重除以合计 120.00%' : 'divides every weight by the total of 120.00 %');
    await page.getByTestId('parameter-panel').locator('fieldset').nth(1).screenshot({ path: `${SCREENSHOTS}/ux-weights-${lang}.png` });
    await page.getByTestId('weight-normalise').click();
    await expect(page.getByTestId('weight-total')).toHaveAttribute('data-total', '100.00');
    await expect(page.getByTestId('param-factor-difficulty')).toHaveValue('16.6667');
    // One undo takes the whole normalisation back.
    await page.getByTestId('scenario-undo').click();
    await expect(page.getByTestId('weight-total')).toHaveAttribute('data-total', '120.00');
  });

  test(`undo and redo act on the scenario wherever focus is (${lang})`, async ({ page, workbench }) => {
    await openTransfer(page, workbench.url, lang);
    const floor = page.getByTestId('param-floor-per_student');
    await floor.fill('150');
    await expect(page.getByTestId('what-changed')).toBeVisible();
    // Focus stays in the number box: Ctrl+Z undoes the scenario edit, not the box's text.
    await floor.focus();
    await page.keyboard.press('Control+z');
    await expect(floor).toHaveValue('0');
    await expect(page.getByTestId('what-changed-none')).toBeVisible();
    await expect(page.getByTestId('scenario-redo')).toBeEnabled();
    await page.keyboard.press('Control+Shift+z');
    await expect(floor).toHaveValue('150');
    await page.keyboard.press('Control+z');
    await expect(floor).toHaveValue('0');
    await page.keyboard.press('Control+y');
    await expect(floor).toHaveValue('150');
    // The button and the keys share the history.
    await page.getByTestId('scenario-undo').click();
    await expect(floor).toHaveValue('0');
    await page.getByTestId('scenario-redo').focus();
    await page.keyboard.press('Control+Shift+z');
    await expect(floor).toHaveValue('150');
  });
}
