// An auditor's journey on the demo province: the compliance matrix, one year's failures, a county's
// drill-down with the spending/enrolment decomposition, a note attached to a failure, and the list
// exported and read back (the note travels with the failure; the failure stays a failure).
import { download } from './import-helpers';
import { expect, test } from './workbench';

const SCREENSHOTS = 'test-results/screenshots';

test('an auditor reads the matrix, drills into a county, annotates a failure and exports the list', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await page.getByTestId('nav-compliance').click();
  await expect(page.getByTestId('compliance-view')).toBeVisible();
  await page.getByTestId('compliance-rule').selectOption('per-student-no-decrease');

  // The matrix: 德东市顺昌县 2022 fails on the all-levels-combined per-student figure (planted case 12).
  const cell = page.getByTestId('matrix-cell-390822-2022');
  await expect(cell).toHaveAttribute('data-status', 'fail');
  await expect(page.getByTestId('matrix-cell-390822-2021')).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('compliance-sources')).toContainText('SHA-256');
  await expect(page.getByTestId('compliance-sources')).toContainText('秋季在校生数');
  await page.screenshot({ path: `${SCREENSHOTS}/compliance-matrix-zh.png`, fullPage: true });

  // One year's failures: 2022 → the three planted county cases of that year (consolidated).
  await page.getByTestId('failures-year').selectOption('2022');
  const rows = page.locator('[data-testid="failures-table"] tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('failures-table')).toContainText('美水县');
  await expect(page.getByTestId('failures-table')).toContainText('顺昌县');
  await expect(page.getByTestId('failures-table')).toContainText('广岳区');

  // Drill into 罗祥市美水县: primary per-student fell 7.24 %, spending −10.18 %, enrolment −3.18 %.
  await page.getByTestId('failure-open-390425-2022').click();
  const drill = page.getByTestId('compliance-drilldown');
  await expect(drill).toContainText('美水县');
  await expect(page.getByTestId('drill-levels')).toContainText('小学');
  const decomposition = page.getByTestId('drill-decomposition');
  await expect(decomposition).toBeVisible();
  await expect(decomposition).toContainText('-10.18');
  await expect(decomposition).toContainText('-3.18');
  await expect(page.getByTestId('effect-total')).toContainText('-7.24');
  // The two effects add up to the total exactly as printed.
  const num = async (id: string) => Number((await page.getByTestId(id).innerText()).replace(/[^\d.-]/g, ''));
  expect((await num('effect-spending')) + (await num('effect-enrolment'))).toBeCloseTo(await num('effect-total'), 10);

  // A note on the failure (the county's combined row passes; the primary row is the failure in the list).
  await page.getByTestId('failures-level').selectOption('primary');
  await expect(rows).toHaveCount(1);
  await page.getByTestId('failure-open-390425-2022').click();
  await page.screenshot({ path: `${SCREENSHOTS}/compliance-drilldown-zh.png`, fullPage: true });
  await expect(page.getByTestId('drill-summary')).toHaveAttribute('data-status', /pass|fail/);
  await page.getByTestId('failures-level').selectOption('');
  await page.getByTestId('compliance-rule').selectOption('edu-spending-no-decrease');
  await page.getByTestId('failures-year').selectOption('2022');
  await page.getByTestId('failure-open-390425-2022').click();
  await expect(page.getByTestId('drill-summary')).toHaveAttribute('data-status', 'fail');
  await page.getByTestId('note-text').fill('2021年小学新校舍一次性基建支出，2022年回落');
  await page.getByTestId('note-author').fill('审计一处');
  await page.getByTestId('note-save').click();
  await expect(page.getByTestId('note-saved')).toBeVisible();
  await expect(page.getByTestId('drill-summary')).toHaveAttribute('data-status', 'fail');
  await expect(page.getByTestId('failure-note')).toContainText('一次性基建支出');
  await expect(page.getByTestId('matrix-cell-390425-2022')).toHaveAttribute('data-status', 'fail');

  // Export the list and read it back: the failure, its figures and the note.
  const csv = await download(page, page.getByTestId('failures-export-csv'));
  const text = csv.bytes.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const line = text.split(/\r?\n/).find((l) => l.includes('390425'));
  expect(line).toBeDefined();
  expect(line).toContain('2022');
  expect(line).toContain('未达标');
  expect(line).toContain('2021年小学新校舍一次性基建支出，2022年回落（审计一处）');
  expect(line).toContain('-2.21');
  expect(text).toContain('SHA-256');

  // The county's trend marks 2022 as its failing year.
  await expect(page.locator('[data-testid="region-trend-table"] tr[data-status="fail"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="region-trend-table"] tr[data-status="fail"] td').first()).toHaveText('2022');

  // Year-over-year variance for 2022: every county compared, movers listed, exportable.
  await page.getByTestId('variance-year').selectOption('2022');
  await expect(page.getByTestId('variance-over')).toContainText('±10%');
  // Only one county's spending fell in 2022 (the planted case); ten rose the most.
  await expect(page.locator('[data-testid="variance-down"] tbody tr')).toHaveCount(1);
  await expect(page.locator('[data-testid="variance-up"] tbody tr')).toHaveCount(10);
  await expect(page.getByTestId('variance-down')).toContainText('美水县');
  const variance = await download(page, page.getByTestId('variance-export-csv'));
  expect(variance.bytes.toString('utf8')).toContain('390425');
  await page.screenshot({ path: `${SCREENSHOTS}/compliance-variance-zh.png`, fullPage: true });

  // English.
  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(page.getByTestId('compliance-view')).toContainText('Compliance matrix');
  await page.screenshot({ path: `${SCREENSHOTS}/compliance-en.png`, fullPage: true });
});
