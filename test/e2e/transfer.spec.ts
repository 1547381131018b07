// An analyst's journey in the transfer simulator on the demo province: create a scenario, move the
// tilt slider and watch allocations and the failure count change, undo and redo, save, run goal
// seeking and apply its answer, compare three scenarios and export the comparison, read back.
import { download, plain } from './import-helpers';
import { expect, test } from './workbench';

const SCREENSHOTS = 'test-results/screenshots';

test('an analyst tilts the pool, sees failures change, seeks a goal, compares three scenarios and exports', async ({ page, workbench }) => {
  // A long journey: on a loaded machine it outlasts the default limit without anything being wrong.
  test.slow();
  await page.goto(workbench.url);
  await page.getByTestId('unit-switch').locator('[data-value="万元"]').click();
  await page.getByTestId('nav-transfer').click();
  await expect(page.getByTestId('transfer-view')).toBeVisible();
  // The baseline exists and is locked; it changes nothing.
  await expect(page.getByTestId('scenario-select')).toContainText('基准（现行办法）');
  await expect(page.getByTestId('what-changed-none')).toBeVisible();
  await expect(page.getByTestId('new-failures')).toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('kpi-pool')).toContainText('350,000.00');
  await expect(page.locator('[data-testid="allocation-table"] tbody tr')).toHaveCount(100);

  // A new scenario, named by the analyst.
  await page.getByTestId('scenario-new').click();
  await page.getByTestId('scenario-name').fill('向欠发达地区倾斜');
  await page.getByTestId('scenario-name-ok').click();
  await expect(page.getByTestId('scenario-select').locator('option:checked')).toHaveText('向欠发达地区倾斜');

  // The first county (北塘区, a tier-5 district) before the tilt.
  const firstRow = page.locator('[data-testid="allocation-table"] tbody tr').first();
  await expect(firstRow).toContainText('北塘区');
  const before = plain(await firstRow.locator('td').nth(5).innerText());

  // Move the tilt slider to 1.0: money moves to poorer counties, and some counties now fail.
  await page.getByTestId('param-difficulty-tilt-slider').fill('1');
  await expect(page.getByTestId('param-difficulty-tilt')).toHaveValue('1');
  await expect(page.getByTestId('new-failures')).not.toHaveAttribute('data-count', '0');
  const failing = Number(await page.getByTestId('new-failures').getAttribute('data-count'));
  expect(failing).toBeGreaterThan(0);
  await expect(page.getByTestId('new-failures')).toContainText(`此方案使 ${failing} 个县新增不达标`);
  const after = plain(await firstRow.locator('td').nth(5).innerText());
  expect(Number(after)).toBeLessThan(Number(before));
  await expect(page.getByTestId('what-changed')).toContainText('向欠发达地区倾斜强度');
  await expect(page.getByTestId('scenario-status')).toHaveText('有未保存的修改');
  await page.screenshot({ path: `${SCREENSHOTS}/transfer-tilt-zh.png`, fullPage: true });

  // Undo goes back to the baseline values, redo returns to the tilt.
  await page.getByTestId('scenario-undo').click();
  await expect(page.getByTestId('new-failures')).toHaveAttribute('data-count', '0');
  await expect(firstRow.locator('td').nth(5)).toHaveText(new RegExp(before.replace(/\B(?=(\d{3})+(?!\d))/g, ',').replace('.', '\\.')));
  await page.getByTestId('scenario-redo').click();
  await expect(page.getByTestId('new-failures')).toHaveAttribute('data-count', String(failing));

  // A per-student floor, then save.
  await page.getByTestId('param-floor-per_student').fill('150');
  await page.getByTestId('scenario-save').click();
  await expect(page.getByTestId('scenario-status')).toHaveText('已保存');

  // Goal seek (a) with the tilt on: some districts are already below the floor at a zero
  // difficulty weight, so it is infeasible — said in plain words, naming the binding county.
  await page.getByTestId('goal-run').click();
  await expect(page.getByTestId('goal-result')).toHaveAttribute('data-feasible', 'false');
  await expect(page.getByTestId('goal-message')).toContainText('不可行');
  await expect(page.getByTestId('goal-message')).toContainText(/（39\d{4}）/);
  // Without the tilt, the largest difficulty weight that keeps floors and per-student spending.
  await page.getByTestId('param-difficulty-tilt').fill('0');
  await page.getByTestId('goal-run').click();
  await expect(page.getByTestId('goal-result')).toHaveAttribute('data-feasible', 'true');
  await expect(page.getByTestId('goal-message')).toContainText('困难因素权重');
  await page.getByTestId('goal-apply').click();
  await expect(page.getByTestId('what-changed')).toContainText('财力困难程度因素权重');
  await page.getByTestId('scenario-save').click();
  await expect(page.getByTestId('scenario-status')).toHaveText('已保存');

  // Goal seek (b): the smallest pool, in plain words.
  await page.getByTestId('goal-kind').locator('[data-value="min-pool"]').click();
  await page.getByTestId('goal-run').click();
  await expect(page.getByTestId('goal-message')).toContainText('最少需要');
  await page.screenshot({ path: `${SCREENSHOTS}/transfer-goal-zh.png`, fullPage: true });

  // An alternative: duplicate, rename, change the students weight.
  await page.getByTestId('scenario-duplicate').click();
  await expect(page.getByTestId('scenario-select').locator('option:checked')).toHaveText('向欠发达地区倾斜 副本');
  await page.getByTestId('scenario-rename').click();
  await page.getByTestId('scenario-name').fill('按学生数为主');
  await page.getByTestId('scenario-name-ok').click();
  await expect(page.getByTestId('scenario-select').locator('option:checked')).toHaveText('按学生数为主');
  await page.getByTestId('param-factor-students').fill('90');
  await page.getByTestId('scenario-save').click();
  await expect(page.getByTestId('scenario-status')).toHaveText('已保存');

  // Three-way comparison: baseline / this / the tilt scenario, by tier; export and read back.
  await page.getByTestId('transfer-compare').selectOption({ label: '向欠发达地区倾斜' });
  const header = page.locator('[data-testid="comparison-table"] thead');
  await expect(header).toContainText('基准');
  await expect(header).toContainText('按学生数为主');
  await expect(header).toContainText('向欠发达地区倾斜');
  await expect(page.locator('[data-testid="comparison-table"] tbody tr')).toHaveCount(5);
  await expect(page.locator('[data-testid="comparison-table"] tbody')).toContainText('第1档');
  const file = await download(page, page.getByTestId('comparison-export-csv'));
  expect(file.name).toMatch(/\.csv$/);
  const csv = file.bytes.toString('utf8');
  expect(csv).toContain('按学生数为主');
  expect(csv).toContain('向欠发达地区倾斜');
  expect(csv).toContain('第1档');
  expect(csv).toContain('北塘区 390102');
  expect(csv).toMatch(/参数哈希 [0-9a-f]{64}/);
  expect(csv).toMatch(/sha256 [0-9a-f]{64}/);
  // The tier rows of each scenario add up to the pool: 3,500,000,000.00 元 by default.
  const tierLines = csv.split(/\r?\n/).filter((l) => l.includes('第') && l.includes('档'));
  expect(tierLines).toHaveLength(5);

  // Sensitivity: sweep the tilt and draw the tornado.
  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('sweep-chart')).toHaveAttribute('data-rendered', 'true');
  await page.getByTestId('tornado-run').click();
  await expect(page.getByTestId('tornado-chart')).toHaveAttribute('data-rendered', 'true');
  await page.screenshot({ path: `${SCREENSHOTS}/transfer-compare-zh.png`, fullPage: true });
  await page.getByTestId('transfer-summary').screenshot({ path: `${SCREENSHOTS}/transfer-summary-zh.png` });
  await page.getByTestId('comparison-section').screenshot({ path: `${SCREENSHOTS}/transfer-comparison-zh.png` });
  await page.getByTestId('sensitivity-section').screenshot({ path: `${SCREENSHOTS}/transfer-sensitivity-zh.png` });

  // The scenarios are stored: a reload lists them with their saved parameters.
  await page.reload();
  await page.getByTestId('nav-transfer').click();
  await expect(page.getByTestId('scenario-select')).toContainText('按学生数为主');
  await expect(page.getByTestId('scenario-select')).toContainText('向欠发达地区倾斜');

  // English is available: the view, its parameters and its summary switch language.
  await page.getByTestId('lang-switch').locator('[data-value="en"]').click();
  await expect(page.getByTestId('transfer-view')).toContainText('Transfer simulator');
  await expect(page.getByTestId('parameter-panel')).toContainText('Tilt toward underdeveloped areas');
  await expect(page.getByTestId('transfer-summary')).toContainText('Counties gaining');
  await page.screenshot({ path: `${SCREENSHOTS}/transfer-en.png` });
});
