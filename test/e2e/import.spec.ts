// The import wizard in a real browser against the real engine: an NBS export becomes a dataset
// whose provenance (file name, SHA-256) is visible; a file with a bad cell is refused with the
// cell named; a re-import changes nothing; a corrected copy shows its changed cell before commit.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { chooseFile, commit, download, NBS_FILE, openImport, preview, previewNbs, SCREENSHOTS, sha256, tempDir } from './import-helpers';
import { expect, test } from './workbench';

function datasetCount(dbFile: string): number {
  const db = new Database(dbFile, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM dataset').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

test('an NBS export is previewed as it will be stored, committed, and listed with its provenance', async ({ page, workbench }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await openImport(page, workbench.url);
  // Published totals to reconcile, in the import's unit (亿元): 2024 right, 2023 wrong.
  await page.getByTestId('import-controls').fill('2024=243885.39\n2023=236403.00');

  const status = await previewNbs(page);
  await expect(status).toHaveAttribute('data-status', 'previewed');

  // The mapping: the year columns were recognised as 一般公共预算支出 (gpb_expenditure).
  const mapping = page.getByTestId('mapping-table');
  await expect(mapping.locator('tr[data-col-index="1"] td[data-col="bound"]')).toContainText('地区');
  const col2024 = mapping.locator('tr', { hasText: '2024年' });
  await expect(col2024.locator('td[data-col="bound"]')).toContainText('gpb_expenditure');
  await expect(col2024.locator('td[data-col="bound"]')).toContainText('2024');
  await expect(col2024.locator('select')).toHaveValue('gpb_expenditure');

  // 北京 2024: 8,396.49 亿元 stored as 839,649,000,000.00 元.
  const beijing = page.locator('[data-testid="import-preview-rows"] tr[data-region="110000"][data-year="2024"]');
  await expect(beijing).toHaveCount(1);
  await expect(beijing).toContainText('北京');
  await expect(beijing.locator('td[data-col="stored"]')).toHaveText('839,649,000,000.00');
  await expect(beijing.locator('td[data-col="unit"]')).toHaveText('元');
  // No errors: nothing in the problems table (if any is shown at all) is an error.
  await expect(page.locator('[data-testid="import-problems"] tr[data-severity="error"]')).toHaveCount(0);
  // Reconciliation: the sum of the parts against each control total.
  const controls = page.locator('[data-testid="import-reconciliation"] tbody tr');
  await expect(controls).toHaveCount(2);
  const ok = controls.filter({ hasText: '2024' });
  await expect(ok).toHaveAttribute('data-ok', 'true');
  await expect(ok).toContainText('24,388,539,000,000.00');
  const off = controls.filter({ hasText: '2023' });
  await expect(off).toHaveAttribute('data-ok', 'false');
  await expect(off).toContainText('48,000,000.00');
  // A mismatch is a warning (amber), listed with what the parts sum to; it does not block the import.
  await expect(page.locator('[data-testid="import-problems"] tr[data-severity="warning"][data-code="control_total_mismatch"]')).toHaveCount(1);
  // Totals per year and the file's facts.
  await expect(page.locator('[data-testid="import-totals"] tr[data-year="2024"] td[data-col="total"]')).toHaveText('24,388,539,000,000.00');
  const hash = sha256(NBS_FILE);
  await expect(page.getByTestId('import-sha256')).toHaveText(hash);
  await page.screenshot({ path: `${SCREENSHOTS}/import-preview-zh.png`, fullPage: true });

  const id = await commit(page);
  expect(id).toBeGreaterThan(0);
  await expect(page.getByTestId('import-result')).toContainText(`已导入为数据集 #${id}`);

  await page.getByTestId('import-open-datasets').click();
  const row = page.locator(`[data-testid="datasets-table"] tr[data-row="${id}"]`);
  await expect(row).toBeVisible();
  await expect(row.locator('td[data-col="source"]')).toContainText(basename(NBS_FILE));
  await expect(row.locator('td[data-col="kind"]')).toHaveText('财力');
  await expect(row.locator('td[data-col="years"]')).toHaveText('2011–2024');
  await expect(row.locator('td[data-col="regions"]')).toHaveText('31');
  await expect(row.locator('td[data-col="unit"]')).toHaveText('亿元');
  // The hash: short in the table, in full on hover (title) and on click (to copy).
  const sha = row.locator('td[data-col="sha"] code');
  await expect(sha).toHaveText(hash.slice(0, 12));
  await expect(sha).toHaveAttribute('data-sha256', hash);
  expect((await sha.getAttribute('title'))?.split('\n')[0]).toBe(hash);
  await page.screenshot({ path: `${SCREENSHOTS}/datasets-zh.png`, fullPage: true });
  await sha.click();
  await expect(sha).toHaveText(hash);
  expect(errors).toEqual([]);
});

test('a file with text in a number cell is refused, with the cell named and commit disabled', async ({ page, workbench }) => {
  const dir = tempDir();
  const file = join(dir, '财力-有错.csv');
  writeFileSync(file, '地区,年份,一般公共预算支出（亿元）\n北京市,2023,7971.25\n天津市,2023,三千二百\n河北省,2023,9305.64\n');
  await openImport(page, workbench.url);
  await chooseFile(page, file);
  await page.getByTestId('import-kind').selectOption('capacity');
  const status = await preview(page);

  await expect(status).toHaveAttribute('data-status', 'refused');
  await expect(page.getByTestId('import-status-message')).toContainText('不能导入');
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  const bad = page.locator('[data-testid="import-problems"] tr[data-severity="error"]');
  await expect(bad).toHaveCount(1);
  await expect(bad.locator('td[data-col="file"]')).toHaveText(basename(file));
  await expect(bad.locator('td[data-col="row"]')).toHaveText('3');
  await expect(bad.locator('td[data-col="column"]')).toContainText('一般公共预算支出');
  await expect(bad.locator('td[data-col="value"]')).toHaveText('三千二百');
  await expect(bad.locator('td[data-col="expected"]')).not.toBeEmpty();
  // The reason is at the top, where the user is looking.
  await expect(page.getByTestId('import-status-first')).toContainText('三千二百');
  await page.screenshot({ path: `${SCREENSHOTS}/import-refused-zh.png`, fullPage: true });

  // The same preview in English: the UI switches, the engine's bilingual text stays.
  await page.getByTestId('lang-switch').locator('button[data-value="en"]').click();
  await expect(page.getByTestId('import-status-message')).toContainText('Cannot import');
  await expect(page.locator('[data-testid="import-problems"] th').nth(6)).toHaveText('Expected');
  await page.screenshot({ path: `${SCREENSHOTS}/import-refused-en.png`, fullPage: true });
});

test('re-importing the same file changes nothing; a corrected copy shows its changed cell, then versions compare', async ({ page, workbench }) => {
  await openImport(page, workbench.url);
  await previewNbs(page);
  const first = await commit(page);

  // The same file again: already imported, nothing to commit.
  const again = await previewNbs(page);
  await expect(again).toHaveAttribute('data-status', 'unchanged');
  await expect(page.getByTestId('import-status-message')).toContainText(`已按同样的映射导入为数据集 #${first}`);
  await expect(page.getByTestId('import-commit')).toBeDisabled();

  // A corrected copy (same name, so it is a new version): 北京 2024 8396.49 → 8396.50.
  const dir = tempDir();
  const corrected = join(dir, basename(NBS_FILE));
  copyFileSync(NBS_FILE, corrected);
  const text = readFileSync(corrected, 'utf8');
  expect(text).toContain('\t,8396.49\t,');
  writeFileSync(corrected, text.replace('\t,8396.49\t,', '\t,8396.50\t,'));
  const status = await previewNbs(page, corrected);
  await expect(status).toHaveAttribute('data-status', 'previewed');
  await expect(page.getByTestId('import-status-version')).toContainText(`#${first}`);
  const counts = page.getByTestId('import-changes-counts');
  await expect(counts).toHaveAttribute('data-changed', '1');
  await expect(counts).toHaveAttribute('data-added', '0');
  await expect(counts).toHaveAttribute('data-removed', '0');
  const cell = page.locator('[data-testid="import-changes-cells"] tbody tr');
  await expect(cell).toHaveCount(1);
  await expect(cell).toHaveAttribute('data-region', '110000');
  await expect(cell).toHaveAttribute('data-year', '2024');
  await expect(cell.locator('td[data-col="before"]')).toHaveText('839,649,000,000.00');
  await expect(cell.locator('td[data-col="after"]')).toHaveText('839,650,000,000.00');
  await page.screenshot({ path: `${SCREENSHOTS}/import-changes-zh.png`, fullPage: true });

  const second = await commit(page);
  await expect(page.getByTestId('import-result')).toContainText(`已导入为数据集 #${second}（取代 #${first}）`);

  // The datasets view shows the chain, and compares the two versions cell by cell.
  await page.getByTestId('import-open-datasets').click();
  await expect(page.getByTestId(`superseded-${first}`)).toHaveText(`已被 #${second} 取代`);
  await page.getByTestId(`supersedes-${second}`).click();
  const counts2 = page.getByTestId('compare-counts');
  await expect(counts2.locator('[data-count="changed"] dd')).toHaveText('1');
  await expect(counts2.locator('[data-count="added"] dd')).toHaveText('0');
  await expect(counts2.locator('[data-count="removed"] dd')).toHaveText('0');
  await expect(counts2.locator('[data-count="same"] dd')).toHaveText('433');
  const changed = page.locator('[data-testid="compare-cells"] tbody tr');
  await expect(changed).toHaveCount(1);
  await expect(changed).toContainText('110000');
  await expect(changed).toContainText('北京');
  await expect(changed.locator('td[data-col="a"]')).toHaveText('839,649,000,000.00');
  await expect(changed.locator('td[data-col="b"]')).toHaveText('839,650,000,000.00');
  await expect(changed.locator('td[data-col="diff"]')).toHaveText('+1,000,000.00');
  await page.screenshot({ path: `${SCREENSHOTS}/datasets-compare-zh.png`, fullPage: true });

  // The comparison exports as a table, values as exact decimals in 元.
  const csv = await download(page, page.getByTestId('compare-export-csv'));
  const lines = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').split(/\r\n/);
  expect(lines[0]).toBe(`地区代码,地区,年度,学段 / 指标,#${first}（A）,#${second}（B）,差额（B − A）,单位`);
  expect(lines[1]).toBe('110000,北京市,2024,一般公共预算支出,839649000000.00,839650000000.00,1000000.00,元');
  expect(lines.some((l) => l.includes(sha256(corrected)))).toBe(true);
});

test('a long preview shows rows read and can be cancelled; nothing is written', async ({ page, workbench }) => {
  // Every county of the shipped GB/T 2260 list × 150 years × 3 indicators: ≈1.3 million valid, distinct
  // facts (30 MB) — an import that runs for seconds, long enough to see progress and cancel.
  const dir = tempDir();
  const file = join(dir, '大表-县级财力.csv');
  const counties = (JSON.parse(readFileSync('db/data/gbt2260-regions.json', 'utf8')) as { regions: string[][] }).regions.filter((r) => r[2] === 'county').map((r) => r[0]!);
  const lines = ['地区代码,年份,一般公共预算支出（亿元）,一般公共预算收入（亿元）,地区生产总值（亿元）'];
  let i = 0;
  for (const code of counties) for (let y = 1950; y < 2100; y++, i++) lines.push(`${code},${y},${1000 + (i % 997)}.${String(i % 100).padStart(2, '0')},${500 + (i % 991)}.5,${9000 + (i % 983)}`);
  writeFileSync(file, lines.join('\n') + '\n');
  const datasetsBefore = datasetCount(workbench.dbFile);

  await page.goto(workbench.url);
  await page.getByTestId('nav-datasets').click();
  const listed = page.locator('[data-testid="datasets-table"] tbody tr');
  await expect(listed).toHaveCount(datasetsBefore);

  await page.getByTestId('nav-import').click();
  await chooseFile(page, file);
  await page.getByTestId('import-kind').selectOption('capacity');
  await page.getByTestId('import-preview-button').click();
  // Progress appears after a second and counts rows read (the total of a stream is unknown).
  await expect(page.getByTestId('task-progress-rows')).toContainText('已读取', { timeout: 30_000 });
  await page.screenshot({ path: `${SCREENSHOTS}/import-progress-zh.png` });
  await page.getByTestId('task-cancel').click();
  await expect(page.getByTestId('import-cancelled')).toHaveText('已取消预览，未写入任何数据。');
  await expect(page.getByTestId('task-progress')).toHaveCount(0);
  await expect(page.getByTestId('import-preview')).toHaveCount(0);

  // Nothing was written: the database and the datasets view both say so.
  expect(datasetCount(workbench.dbFile)).toBe(datasetsBefore);
  await page.getByTestId('nav-datasets').click();
  await expect(listed).toHaveCount(datasetsBefore);
});

test('an indicator the importer does not recognise is mapped through the column choices', async ({ page, workbench }) => {
  await openImport(page, workbench.url);
  await chooseFile(page, 'test/fixtures/bad/files/capacity-no-indicator.csv');
  await page.getByTestId('import-kind').selectOption('capacity');
  const status = await preview(page);
  await expect(status).toHaveAttribute('data-status', 'refused');
  await expect(page.locator('[data-testid="import-problems"] tr[data-code="header_missing_field"]')).toHaveCount(1);

  // Column 3, 数值(亿元), holds 地区生产总值: bind it, and preview again.
  await page.getByTestId('map-select-3').selectOption('gdp');
  await expect(page.getByTestId('mapping-map')).toHaveText('gdp=#3');
  await expect(page.getByTestId('import-dirty')).toBeVisible();
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  await page.getByTestId('mapping-repreview').click();
  await expect(page.locator('[data-testid="import-preview"][data-round="2"]')).toBeVisible();
  await expect(status).toHaveAttribute('data-status', 'previewed');
  await expect(page.locator('[data-testid="mapping-table"] tr[data-col-index="3"] td[data-col="bound"]')).toContainText('gdp');
  const beijing = page.locator('[data-testid="import-preview-rows"] tr[data-region="110000"][data-year="2020"]');
  await expect(beijing.locator('td[data-col="stored"]')).toHaveText('123,456,000,000.00');
  await expect(page.getByTestId('import-commit')).toBeEnabled();
});

test('a protected workbook opens with its password, and a one-year table gets its year as a fixed value', async ({ page, workbench }) => {
  await openImport(page, workbench.url);
  await chooseFile(page, 'test/fixtures/readers/encrypted-secret.xlsx');
  const status = await preview(page);
  await expect(status).toHaveAttribute('data-status', 'refused');
  await expect(page.locator('[data-testid="import-problems"] tr[data-code="file_encrypted"]')).toHaveCount(1);

  await page.getByTestId('import-password').fill('secret');
  await preview(page);
  // Now the sheet is read: its name is known, and the missing year is the problem.
  await expect(page.getByTestId('import-file-facts')).toContainText('密');
  await expect(page.locator('[data-testid="import-problems"] tr[data-code="header_missing_field"]')).not.toHaveCount(0);

  await page.getByTestId('map-constant-year').fill('2020');
  await expect(page.getByTestId('mapping-map')).toHaveText('year==2020');
  await page.getByTestId('import-unit').selectOption('元');
  await preview(page);
  await expect(status).toHaveAttribute('data-status', 'previewed');
  const row = page.locator('[data-testid="import-preview-rows"] tr[data-region="110000"][data-year="2020"]');
  await expect(row.locator('td[data-col="stored"]')).toHaveText('42.00');
  const id = await commit(page);
  await expect(page.getByTestId('import-result')).toContainText(`#${id}`);
});
