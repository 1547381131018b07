// Helpers for the import, dataset and export journeys: real files on disk, the wizard driven
// through its controls, downloads read back from disk.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import { expect } from './workbench';

/** An NBS 分省年度数据 export: preamble, years across the top, "\t," separators, notes below. */
export const NBS_FILE = '/work/shared/data/nbs_exports_2006_2024/original/tec_expenditure_地方一般公共预算支出_2011_2024.csv';

export const SCREENSHOTS = 'test-results/screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'wb-e2e-files-'));
}

export async function openImport(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('nav-import').click();
  await expect(page.getByTestId('import-view')).toBeVisible();
}

/** Choose a file in the wizard and wait until the engine holds it. */
export async function chooseFile(page: Page, file: string): Promise<void> {
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByTestId('import-upload')).toContainText(basename(file));
}

/** Click 预览 and wait for its verdict. */
export async function preview(page: Page): Promise<Locator> {
  const panel = page.getByTestId('import-preview');
  const round = (await panel.count()) ? Number(await panel.getAttribute('data-round')) : null;
  await page.getByTestId('import-preview-button').click();
  // A new preview replaces the previous one (its round number grows).
  await expect(round === null ? panel : page.locator(`[data-testid="import-preview"][data-round="${round + 1}"]`)).toBeVisible({ timeout: 60_000 });
  return page.getByTestId('import-status');
}

/** The NBS file as 财力 (capacity), declared in 亿元 (the export does not say its unit). */
export async function previewNbs(page: Page, file = NBS_FILE): Promise<Locator> {
  await chooseFile(page, file);
  await page.getByTestId('import-kind').selectOption('capacity');
  await page.getByTestId('import-unit').selectOption('亿元');
  return preview(page);
}

/** Commit the previewed import; answers the new dataset's id. */
export async function commit(page: Page): Promise<number> {
  await expect(page.getByTestId('import-commit')).toBeEnabled();
  await page.getByTestId('import-commit').click();
  const result = page.getByTestId('import-result');
  await expect(result).toBeVisible();
  return Number(await result.getAttribute('data-dataset-id'));
}

/** Click something that downloads, and answer the file's bytes and suggested name. */
export async function download(page: Page, trigger: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [d]: [Download, void] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

/** Numbers shown with thousands separators, as plain decimal text. */
export const plain = (s: string) => s.replace(/,/g, '').trim();
