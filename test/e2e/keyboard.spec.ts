// Keyboard only, in zh-CN and English: reach the region tree with Tab, walk it with the arrow keys,
// choose a county with Enter, open the shortcut panel with F1 and close it with Esc, walk a table's
// cells with the arrow keys and copy the whole table as TSV with Ctrl+C, switch views with Tab and
// Enter. Also the 复制表格 button and 打印. Screenshots in test-results/screenshots.
import type { Page } from '@playwright/test';
import { expect, test } from './workbench';

const SCREENSHOTS = 'test-results/screenshots';

/** Press Tab until the focused element matches `selector` (keyboard only: no clicks). */
async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Whatever the page puts on the clipboard with the copy event, kept for the test to read. */
async function captureCopies(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.addEventListener('copy', (e) => {
      (window as unknown as { copied: string }).copied = e.clipboardData?.getData('text/plain') ?? '';
    });
  });
}
const copied = (page: Page) => page.evaluate(() => (window as unknown as { copied?: string }).copied ?? null);
const focusedText = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText.trim() ?? '');

for (const lang of ['zh', 'en'] as const) {
  const zh = lang === 'zh';
  test(`a keyboard-only walkthrough (${lang})`, async ({ page, workbench }) => {
    await page.goto(workbench.url);
    await expect(page.getByTestId('view-title')).toContainText('示范省');
    if (!zh) {
      await tabTo(page, '[data-testid="lang-switch"] [data-value="en"]');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('nav-home')).toHaveText('Per student');
    }
    await captureCopies(page);

    // The region tree: ↓ from the search box (全国 is its root), ↓ to the province, ↓ to the first
    // prefecture, → expands, → enters, Enter chooses.
    await tabTo(page, '[data-testid="region-search"]');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('region-000000')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('region-390000')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('region-390100')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('li[data-code="390100"]')).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('region-390102')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('region-390103')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('view-title')).toContainText('庆台区');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('region-390100')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(page.getByTestId('region-390000')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('view-title')).toContainText('示范省');

    // F1 opens the shortcut panel; Esc closes it and focus returns.
    await page.keyboard.press('F1');
    await expect(page.getByTestId('help-panel')).toBeVisible();
    await expect(page.getByTestId('help-shortcuts')).toContainText(zh ? '复制整张表格' : 'copy the whole table');
    await expect(page.getByTestId('help-close')).toBeFocused();
    await page.screenshot({ path: `${SCREENSHOTS}/ux-help-${lang}.png` });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('help-panel')).toHaveCount(0);
    await expect(page.getByTestId('region-390000')).toBeFocused();

    // A table by keyboard: Tab reaches it, ↓ enters the first row, → walks the cells, Ctrl+C copies it all.
    await tabTo(page, '[data-testid="per-student-table"]');
    await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toBe(zh ? '学前教育' : 'Pre-school');
    await page.keyboard.press('ArrowRight');
    expect(await focusedText(page)).toBe('113.22');
    await page.keyboard.press('End');
    expect(await focusedText(page)).toBe(zh ? '增长' : 'Up');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    expect(await focusedText(page)).toBe(zh ? '小学' : 'Primary');
    await page.keyboard.press('Control+c');
    await expect(page.getByTestId('table-copied')).toContainText(zh ? '已复制表格（9 行）' : 'Table copied (9 rows)');
    const tsv = (await copied(page))!;
    const lines = tsv.split('\r\n');
    expect(lines).toHaveLength(9);
    expect(lines[1]!.split('\t').slice(0, 2)).toEqual([zh ? '学前教育' : 'Pre-school', '113.22']);
    expect(lines[8]!.split('\t')[0]).toBe(zh ? '合计' : 'All levels');
    // Numbers without thousands separators, so the spreadsheet reads them as numbers.
    expect(lines[8]!.split('\t')).toContain('1332.82');
    await page.screenshot({ path: `${SCREENSHOTS}/ux-table-keys-${lang}.png` });

    // Another view by Tab and Enter.
    await tabTo(page, '[data-testid="nav-compliance"]', 200);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('nav-compliance')).toHaveAttribute('aria-selected', 'true');
  });

  test(`the copy button and print (${lang})`, async ({ page, workbench }) => {
    await page.goto(workbench.url);
    if (!zh) await page.getByTestId('lang-switch').locator('[data-value="en"]').click();
    await captureCopies(page);
    await page.getByTestId('export-copy').click();
    await expect(page.getByTestId('table-copied')).toBeVisible();
    expect((await copied(page))!.split('\r\n')[0]!.split('\t')[0]).toBe(zh ? '学段' : 'Level');
    // Print: the print stylesheet hides the controls and keeps the view.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('help-open')).toBeHidden();
    await expect(page.getByTestId('per-student-table')).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/ux-print-${lang}.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await page.getByTestId('print-view').click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  });
}
