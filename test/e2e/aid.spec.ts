// A finance-bureau analyst's journey through 学生资助: the need by item with the central share and
// its legal source, a quota split by enrolment alone that leaves the planted high-need counties
// short (不漏一人 fails, named), the same split weighted by identified students that covers
// everyone, and the Excel export read back — in Chinese and in English.
import ExcelJS from 'exceljs';
import { download } from './import-helpers';
import { expect, test } from './workbench';

const SCREENSHOTS = 'test-results/screenshots';

test.setTimeout(300_000);

test('an analyst sees aid need and splits the senior-grant quota without leaving anyone out', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await page.getByTestId('nav-aid').click();
  await expect(page.getByTestId('aid-view')).toBeVisible();
  await expect(page.getByTestId('aid-year')).toHaveValue('2024');
  const senior = page.getByTestId('aid-total-senior_grant');
  await expect(senior).toContainText('普通高中国家助学金');
  // Pre-school aid has no national standard: 无数据, never 0.
  await expect(page.getByTestId('aid-total-preschool_aid')).toContainText('无数据');
  await expect(page.getByTestId('aid-need')).toContainText('第三档');
  await page.getByText('所用标准及依据').click();
  await expect(page.getByTestId('aid-need')).toContainText('国办发〔2018〕6号');

  // By enrolment alone, without floors: the two planted counties are left short.
  await page.getByTestId('aid-w-students').fill('100');
  for (const f of ['eligible', 'economic', 'fiscal']) await page.getByTestId(`aid-w-${f}`).fill('0');
  await page.getByTestId('aid-min-ratio').fill('0');
  await page.getByTestId('aid-run').click();
  const banner = page.getByTestId('aid-leave-none');
  await expect(banner).toContainText('不漏一人未满足');
  await expect(banner).toContainText('建通区');
  await expect(banner).toContainText('明峰县');
  await page.screenshot({ path: `${SCREENSHOTS}/aid-short-zh.png`, fullPage: true });

  // Weighted by need with every identified student as the floor: nobody left out.
  await page.getByTestId('aid-w-eligible').fill('50');
  await page.getByTestId('aid-min-ratio').fill('100');
  await page.getByTestId('aid-run').click();
  await expect(banner).toContainText('每个县的名额都不少于认定人数');
  await expect(page.getByTestId('aid-quota-390108')).toBeVisible();

  const xlsx = await download(page, page.getByTestId('aid-export'));
  expect(xlsx.name).toMatch(/^学生资助_示范省_2024\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  expect(book.worksheets.map((w) => w.name)).toEqual(['资助需求合计', '资助需求明细', '名额分配', '数据来源']);

  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(page.getByTestId('aid-view')).toContainText('Student aid');
  await expect(page.getByTestId('aid-total-senior_grant')).toContainText('National grant, senior secondary');
  await page.screenshot({ path: `${SCREENSHOTS}/aid-en.png`, fullPage: true });
});
