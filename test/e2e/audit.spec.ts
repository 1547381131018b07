// Audit trail and backups in the real renderer: a scenario's history grows with each save, the log
// verifies, a backup is taken and restored (and the restore is logged), a damaged database opens
// on a recovery screen that restores a backup, and a read-only database says so and refuses changes.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, openSync, writeSync, closeSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, startWorkbench, test } from './workbench';

const SCREENSHOTS = 'test-results/screenshots';

/** A demo database made by the CLI, with one backup beside it. */
function demoWithBackup(dbFile: string): void {
  execFileSync(process.execPath, ['--import', 'tsx', 'cli/wb.ts', 'demo', '--out', dbFile], { stdio: 'ignore' });
  execFileSync(process.execPath, ['--import', 'tsx', 'cli/wb.ts', '--db', dbFile, 'backup', 'create'], { stdio: 'ignore' });
}

test('a scenario history, a verified log, a backup taken and restored', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await page.getByTestId('nav-transfer').click();
  await page.getByTestId('scenario-new').click();
  await page.getByTestId('scenario-name').fill('审计测试方案');
  await page.getByTestId('scenario-name-ok').click();
  const history = page.getByTestId('scenario-history');
  await expect(history.locator('tbody tr')).toHaveCount(1);
  await expect(history.locator('tbody tr').first()).toHaveAttribute('data-action', 'insert');
  // Move a parameter and save: an update entry showing the overlay before → after.
  await page.getByTestId('param-difficulty-tilt-slider').fill('1');
  await page.getByTestId('scenario-save').click();
  await expect(history.locator('tbody tr')).toHaveCount(2);
  await expect(history.locator('tbody tr').first()).toHaveAttribute('data-action', 'update');
  // In words: the parameter's name and old → new, never the stored JSON.
  await expect(history.locator('tbody tr').first()).toContainText('参数调整: （无） → 向欠发达地区倾斜强度（困难系数乘数） = 1');
  await expect(history.locator('tbody tr').first()).not.toContainText('{"key"');

  await page.getByTestId('nav-audit').click();
  await expect(page.getByTestId('audit-verify-result')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('audit-verify-result')).toContainText('审计日志完整');
  const head = await page.getByTestId('audit-head').innerText();
  expect(head).toMatch(/^[0-9a-f]{64}$/);
  await expect(page.getByTestId('audit-recent').locator('tbody tr').first()).toContainText('方案');

  // Back up now, then rename the scenario so the database differs from the backup.
  await expect(page.getByTestId('no-backups')).toBeVisible();
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backups-table').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('backups-table').locator('tbody tr').first()).toContainText('手动');
  await page.screenshot({ path: `${SCREENSHOTS}/audit-view.png`, fullPage: false });

  await page.getByTestId('nav-transfer').click();
  await page.getByTestId('scenario-rename').click();
  await page.getByTestId('scenario-name').fill('改名之后');
  await page.getByTestId('scenario-name-ok').click();
  await expect(page.getByTestId('scenario-select').locator('option:checked')).toHaveText('改名之后');

  // Restore the backup: the rename is undone, the page reloads, the restore is in the log.
  await page.getByTestId('nav-audit').click();
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('backups-table').locator('[data-testid="restore-backup"]').first().click();
  await expect(page.getByTestId('restore-done')).toBeVisible();
  await page.waitForEvent('load');
  await page.getByTestId('nav-audit').click();
  await expect(page.getByTestId('audit-verify-result')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('audit-recent').locator('tbody tr').first()).toHaveAttribute('data-action', 'restore');
  // Two backups now: the one restored and the copy of the database it replaced.
  await expect(page.getByTestId('backups-table').locator('tbody tr')).toHaveCount(2);
  await page.getByTestId('nav-transfer').click();
  await expect(page.getByTestId('scenario-select')).toContainText('审计测试方案');
  await expect(page.getByTestId('scenario-select')).not.toContainText('改名之后');

  // A dataset's history: its import.
  await page.getByTestId('nav-datasets').click();
  await expect(page.getByTestId('dataset-history').locator('tbody tr[data-action="insert"]')).toHaveCount(1);
  await expect(page.getByTestId('dataset-history')).toContainText('sha256');
});

test('a damaged database opens on a recovery screen that restores a backup', async ({ page }) => {
  const { wb, stop } = await startWorkbench((dbFile) => {
    demoWithBackup(dbFile);
    // Overwrite pages in the middle of the file, as a failing disk would.
    const fd = openSync(dbFile, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 16, 0xff), 0, 4096 * 16, 4096 * 4);
    closeSync(fd);
  });
  try {
    await page.goto(wb.url);
    await expect(page.getByTestId('recovery-view')).toBeVisible();
    await expect(page.getByTestId('recovery-view')).toContainText('已损坏');
    await expect(page.getByTestId('backups-table').locator('tbody tr')).toHaveCount(1);
    await page.screenshot({ path: `${SCREENSHOTS}/recovery.png`, fullPage: false });
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('restore-backup').click();
    await expect(page.getByTestId('restore-done')).toBeVisible();
    await page.waitForEvent('load');
    await expect(page.getByTestId('nav-audit')).toBeVisible();
    await page.getByTestId('nav-audit').click();
    await expect(page.getByTestId('audit-verify-result')).toHaveAttribute('data-ok', 'true');
    // The damaged file was kept beside the restored one.
    expect(readdirSync(join(dirname(wb.dbFile), 'backups')).some((n) => n.endsWith('.restore.sqlite'))).toBe(true);
  } finally {
    await stop();
  }
});

test('a read-only database shows a notice and refuses changes', async ({ page }) => {
  const { wb, stop } = await startWorkbench((dbFile) => {
    execFileSync(process.execPath, ['--import', 'tsx', 'cli/wb.ts', 'demo', '--out', dbFile], { stdio: 'ignore' });
    copyFileSync(dbFile, `${dbFile}.orig`);
    chmodSync(dbFile, 0o444);
  });
  try {
    await page.goto(wb.url);
    await expect(page.getByTestId('read-only-notice')).toContainText('只读');
    await page.getByTestId('nav-transfer').click();
    await page.getByTestId('scenario-new').click();
    await page.getByTestId('scenario-name').fill('不应保存');
    await page.getByTestId('scenario-name-ok').click();
    await expect(page.getByTestId('error-banner')).toContainText('只读');
    await page.screenshot({ path: `${SCREENSHOTS}/read-only.png`, fullPage: false });
  } finally {
    await stop();
  }
});
