// Exports in a real browser: the per-student table as CSV and XLSX (read back from the download),
// a whole dataset as CSV, and the comparison of two datasets.
import ExcelJS from 'exceljs';
import { download, plain } from './import-helpers';
import { expect, test } from './workbench';

const BOM = '\uFEFF';

/** RFC 4180-ish CSV lines → fields (the exports quote fields with commas, quotes or newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

test('the per-student table exports as CSV and XLSX with the figures on screen and their provenance', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  const table = page.getByTestId('per-student-table');
  await expect(table).toBeVisible();
  const total = table.locator('tr[data-row="all"]');
  const onScreen = {
    spending: plain(await total.locator('td[data-col="spending"]').innerText()),
    students: plain(await total.locator('td[data-col="students"]').innerText()),
    perStudent: plain(await total.locator('td[data-col="perStudent"]').innerText()),
  };
  // Sorted on screen by per-student spending: the export follows the screen's order.
  await table.locator('th[data-col="perStudent"] button').click();
  const screenOrder = await table.locator('tbody td[data-col="level"]').allInnerTexts();
  // The title without the region code beside it.
  const title = (await page.getByTestId('view-title').innerText()).split('\n')[0]!.trim();

  // CSV: UTF-8 with a BOM, a header row in the UI language and unit, the total row as on screen.
  const csv = await download(page, page.getByTestId('export-csv'));
  expect(csv.name).toMatch(/\.csv$/);
  const text = csv.bytes.toString('utf8');
  expect(text.startsWith(BOM)).toBe(true);
  const rows = parseCsv(text.slice(1));
  const header = rows[0]!;
  expect(header[0]).toBe('学段');
  expect(header[1]).toBe('一般公共预算教育支出（亿元）');
  expect(rows.slice(1, 1 + screenOrder.length).map((r) => r[0])).toEqual(screenOrder);
  const all = rows.find((r) => r[0] === '合计')!;
  expect(all).toBeDefined();
  expect(all[header.indexOf('一般公共预算教育支出（亿元）')]).toBe(onScreen.spending);
  expect(all[header.indexOf('在校生数（人）')]).toBe(onScreen.students);
  expect(all[header.indexOf('生均一般公共预算教育经费（元）')]).toBe(onScreen.perStudent);
  // Provenance lines follow the table: datasets with their SHA-256, and when.
  expect(text).toMatch(/# 经费数据：数据集 #\d+ .*SHA-256 [0-9a-f]{64}/);
  expect(text).toMatch(/# 在校生数据：数据集 #\d+ .*SHA-256 [0-9a-f]{64}/);
  expect(text).toContain('# 生成时间：');

  // XLSX: numbers are numbers with a number format; a provenance sheet.
  const xlsx = await download(page, page.getByTestId('export-xlsx'));
  expect(xlsx.name).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(headers[1]).toBe('一般公共预算教育支出（亿元）');
  let totalRow: ExcelJS.Row | undefined;
  sheet.eachRow((r) => {
    if (r.getCell(1).value === '合计') totalRow = r;
  });
  expect(totalRow).toBeDefined();
  const spendingCell = totalRow!.getCell(headers.indexOf('一般公共预算教育支出（亿元）') + 1);
  expect(typeof spendingCell.value).toBe('number');
  expect((spendingCell.value as number).toFixed(2)).toBe(onScreen.spending);
  expect(spendingCell.numFmt).toBe('#,##0.00');
  const perStudentCell = totalRow!.getCell(headers.indexOf('生均一般公共预算教育经费（元）') + 1);
  expect((perStudentCell.value as number).toFixed(2)).toBe(onScreen.perStudent);
  const provenance = wb.getWorksheet('数据来源');
  expect(provenance).toBeDefined();
  const lines: string[] = [];
  provenance!.eachRow((r) => lines.push(String(r.getCell(1).value)));
  expect(lines).toContain(title);
  expect(lines.some((l) => /SHA-256 [0-9a-f]{64}/.test(l))).toBe(true);
});

test('a dataset exports as CSV from the datasets view', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await page.getByTestId('nav-datasets').click();
  const table = page.getByTestId('datasets-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  // The first dataset of the demo: expenditure, consolidated.
  const id = await table.locator('tbody tr').first().getAttribute('data-row');
  const rowCount = plain(await table.locator(`tr[data-row="${id}"] td[data-col="rows"]`).innerText());
  const csv = await download(page, page.getByTestId(`dataset-export-${id}-csv`));
  expect(csv.name).toMatch(/\.csv$/);
  const text = csv.bytes.toString('utf8');
  expect(text.startsWith(BOM)).toBe(true);
  const rows = parseCsv(text.slice(1)).filter((r) => r.length > 1);
  // Header plus one line per stored fact.
  expect(rows.length - 1).toBe(Number(rowCount));
  expect(text).toMatch(/SHA-256：[0-9a-f]{64}/);
});

test('an import template downloads as a workbook for its kind', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await page.getByTestId('nav-import').click();
  const file = await download(page, page.getByTestId('template-capacity'));
  expect(file.name).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
  const headers = wb.worksheets.flatMap((s) => (s.getRow(1).values as unknown[]).map(String));
  expect(headers.join(' ')).toContain('地区');
});
