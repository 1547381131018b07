// Each equity measure explains itself: a tooltip and an ⓘ note with its definition and the
// 优质均衡 threshold (from the law store where the law sets one: the between-school CV of
// 教督〔2017〕6号), or a plain statement that the law sets none. zh-CN and English.
import { expect, test } from './workbench';

const SCREENSHOTS = 'test-results/screenshots';

for (const lang of ['zh', 'en'] as const) {
  const zh = lang === 'zh';
  test(`equity measures carry their definition and threshold (${lang})`, async ({ page, workbench }) => {
    await page.goto(workbench.url);
    if (!zh) await page.getByTestId('lang-switch').locator('[data-value="en"]').click();
    await page.getByTestId('nav-transfer').click();
    const table = page.getByTestId('equity-table');
    await expect(table).toBeVisible();
    for (const m of ['range', 'restrictedRange', 'federalRangeRatio', 'cv', 'mcloone', 'verstegen', 'theil']) {
      await expect(page.getByTestId(`measure-info-${m}`)).toBeVisible();
    }
    await page.getByTestId('measure-info-cv').click();
    const cv = page.getByTestId('measure-note-cv');
    await expect(cv).toContainText(zh ? '小学 ≤ 0.50、初中 ≤ 0.45（教督〔2017〕6号《县域义务教育优质均衡发展督导评估办法》·资源配置）' : '≤ 0.50 (primary) and ≤ 0.45 (junior) (教督〔2017〕6号《县域义务教育优质均衡发展督导评估办法》·资源配置)');
    await page.getByTestId('measure-info-mcloone').press('Enter');
    await expect(page.getByTestId('measure-note-mcloone')).toContainText(zh ? '优质均衡评估办法未对此指标规定阈值' : 'sets no threshold for this measure');
    await expect(page.getByTestId('measure-note-mcloone')).toContainText(zh ? '中位数以下' : 'below the median');
    await expect(page.locator('[data-metric="theil"] .measure-name')).toHaveAttribute('title', zh ? /泰尔 T 指数/ : /Theil T index/);
    await table.screenshot({ path: `${SCREENSHOTS}/ux-equity-info-${lang}.png` });
  });
}
