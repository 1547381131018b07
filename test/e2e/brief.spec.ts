// An official's journey: open the composer, pick sections (with a transfer scenario), preview,
// export Word, Excel and PDF; each file is read back.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { download } from './import-helpers';
import { expect, test } from './workbench';

const SCREENSHOTS = 'test-results/screenshots';

test('an official composes a brief, previews it and exports it as Word, Excel and PDF', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  // A stored scenario to report on, made in the simulator.
  await page.getByTestId('nav-transfer').click();
  await page.getByTestId('scenario-new').click();
  await page.getByTestId('scenario-name').fill('倾斜方案');
  await page.getByTestId('scenario-name-ok').click();
  await page.getByTestId('param-difficulty-tilt').fill('1');
  await page.getByTestId('scenario-save').click();
  await expect(page.getByTestId('scenario-status')).toHaveText('已保存');

  await page.getByTestId('nav-brief').click();
  await expect(page.getByTestId('brief-view')).toBeVisible();
  await page.getByTestId('brief-year').selectOption('2022');
  await page.getByTestId('brief-section-appendix').uncheck();
  await page.getByTestId('brief-section-scenario').check();
  await page.getByTestId('brief-scenario').selectOption({ label: '倾斜方案' });
  await page.getByTestId('brief-preview-button').click();
  const preview = page.getByTestId('brief-preview');
  await expect(preview).toContainText('示范省2022年教育经费情况简报');
  await expect(preview).toContainText('一般公共预算教育支出1,232.07亿元，比上年增长4.26%');
  await expect(preview).toContainText('方案“倾斜方案”');
  await expect(preview.locator('[data-section="appendix"]')).toHaveCount(0);
  await expect(page.getByTestId('brief-provenance')).toContainText('sha256');
  await page.screenshot({ path: `${SCREENSHOTS}/brief-preview-zh.png`, fullPage: true });

  const docx = await download(page, page.getByTestId('brief-export-docx'));
  expect(docx.name).toMatch(/\.docx$/);
  const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
  expect(xml.replace(/<[^>]+>/g, '')).toContain('一般公共预算教育支出1,232.07亿元，比上年增长4.26%');
  await expect(page.getByTestId('brief-saved')).toContainText(docx.name);

  const xlsx = await download(page, page.getByTestId('brief-export-xlsx'));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  expect(book.worksheets.map((w) => w.name)).toContain('数据来源');

  const pdf = await download(page, page.getByTestId('brief-export-pdf'));
  expect(pdf.name).toMatch(/\.pdf$/);
  const dir = mkdtempSync(join(tmpdir(), 'wb-brief-e2e-'));
  writeFileSync(join(dir, 'b.pdf'), pdf.bytes);
  const text = execFileSync('pdftotext', [join(dir, 'b.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('一般公共预算教育支出1,232.07亿元，比上年增长4.26%');
  expect(text).toContain('方案“倾斜方案”');
});
