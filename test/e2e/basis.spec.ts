// Real data in the app, end to end: a new empty workspace from the 工作区 menu (no 合成数据 banner),
// two yearly yearbook sheets imported through the wizard join into one series in the data basis
// (one input, two datasets, one year each), the notice says what each import changed, and an edit
// of the basis changes it again with a notice. The demo workspace shows the banner.
import { join } from 'node:path';
import { chooseFile, commit, openImport, preview, SCREENSHOTS } from './import-helpers';
import { expect, test } from './workbench';

const DIR = '/work/shared/data/csy_local_budget_expenditure_2010_2023/original_yearbook_tables';
const sheet = (y: number) => join(DIR, `csy_table7-6_general_public_budget_expenditure_by_region_${y}.xls`);

test('a new workspace, two yearly sheets joined into one series, a basis edit with its notice', async ({ page, workbench }) => {
  // Two real imports and a page reload: slow on a shared machine, never a timing assertion.
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(workbench.url);
  // The demo: synthetic data in the basis, so the banner shows.
  await expect(page.getByTestId('synthetic-notice')).toBeVisible();
  await expect(page.getByTestId('basis-line')).toContainText('数据基础');

  await page.getByTestId('workspace-menu-button').click();
  await expect(page.getByTestId('workspace-menu')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/workspace-menu.png` });
  await page.getByTestId('workspace-name').fill('real');
  await page.getByTestId('workspace-new').click();
  // The page starts again on the new, empty workspace: no banner, the welcome text.
  await expect(page.getByTestId('workspace-welcome')).toBeVisible();
  await expect(page.getByTestId('synthetic-notice')).toHaveCount(0);
  await expect(page.getByTestId('basis-line')).toContainText('无数据');
  await page.screenshot({ path: `${SCREENSHOTS}/workspace-empty.png` });

  await openImport(page, page.url());
  for (const y of [2020, 2021]) {
    await chooseFile(page, sheet(y));
    await page.getByTestId('import-kind').selectOption('expenditure');
    await expect(await preview(page)).toHaveAttribute('data-status', 'previewed');
    // Before commit the preview says the basis changes: 31 province-years of this year gained.
    const impact = page.getByTestId('import-basis-impact');
    await expect(impact).toHaveAttribute('data-changes', 'true');
    await expect(impact.getByTestId('import-basis-input')).toContainText(`expenditure：新增 31、替换 0、不再提供 0 个地区年份 — 北京市、天津市`);
    await expect(impact.getByTestId('import-basis-input')).toContainText(`${y}`);
    await expect(impact).toContainText('生均经费、合规检查、转移支付模拟、简报、数据体检');
    if (y === 2021) await page.screenshot({ path: `${SCREENSHOTS}/basis-import-preview.png` });
    await commit(page);
    await expect(page.getByTestId('basis-notice')).toContainText(`${y}`);
    // After commit: which views changed, and the way to the basis editor.
    await expect(page.getByTestId('basis-notice-views')).toContainText('受影响的视图：生均经费、合规检查、转移支付模拟、简报、数据体检');
  }
  await expect(page.getByTestId('basis-notice')).toContainText('+ expenditure');
  // The series joins: 数据体检 counts 31 provinces × 2 years of spending, and no enrolment.
  await page.getByTestId('nav-health').click();
  await page.getByTestId('health-from').fill('2020');
  await page.getByTestId('health-to').fill('2021');
  await page.getByTestId('health-run').click();
  await expect(page.getByTestId('health-summary')).toContainText('2020–2021');
  await expect(page.getByTestId('health-coverage-row').filter({ hasText: 'expenditure' })).toContainText('6262100.0%');
  await expect(page.getByTestId('health-view-row').filter({ hasText: '无数据：数据基础中无本年在校生数' }).first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/health-joined.png`, fullPage: true });
  await page.getByTestId('basis-notice-open').click();
  await expect(page.getByTestId('basis-editor')).toBeVisible();
  await page.getByTestId('basis-edit').click();
  await expect(page.getByTestId('basis-editor')).toHaveCount(0);
  await expect(page.getByTestId('synthetic-notice')).toHaveCount(0);

  await page.getByTestId('basis-edit').click();
  const rows = page.getByTestId('basis-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: '2020' })).toHaveAttribute('data-input', 'expenditure');
  await expect(rows.filter({ hasText: '2021' })).toHaveAttribute('data-input', 'expenditure');
  await page.screenshot({ path: `${SCREENSHOTS}/basis-joined.png`, fullPage: true });

  // Do not use the 2021 sheet: the series loses 2021 and the notice says so.
  const id2021 = await rows.filter({ hasText: '2021' }).getAttribute('data-dataset');
  await page.getByTestId('basis-mode').selectOption('exclude');
  await page.getByTestId('basis-dataset').fill(id2021!);
  await page.getByTestId('basis-save').click();
  await expect(page.getByTestId('basis-notice')).toContainText(`− expenditure #${id2021}`);
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('basis-overrides')).toContainText(`#${id2021}`);
  await page.screenshot({ path: `${SCREENSHOTS}/basis-edited.png`, fullPage: true });
  await page.getByTestId('basis-clear').click();
  await expect(rows).toHaveCount(2);
  expect(errors).toEqual([]);
});
