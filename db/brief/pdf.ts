// PDF from the brief's HTML through headless Chromium (the CLI, the browser-mode engine, tests):
// A4, the page footer carrying the short provenance and "第 X 页 / 共 Y 页". Inside the packaged
// Electron app the same HTML would go through webContents.printToPDF with the same footer.
import { existsSync } from 'node:fs';
import { pdfFooterTemplate } from '../../core/brief/html';
import { CodedError } from '../../core/result';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export async function htmlToPdf(html: string, footer: string, lang: 'zh' | 'en'): Promise<Uint8Array> {
  const executablePath = findChromium();
  if (!executablePath) throw new CodedError('not_found', '没有找到 Chromium，无法生成 PDF（可设置 CHROMIUM_PATH） / no Chromium found to print the PDF (set CHROMIUM_PATH)');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const page = await browser.newPage();
    // No network: the page is self-contained; anything it would fetch is refused.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: pdfFooterTemplate(footer, lang),
      margin: { top: '25mm', bottom: '22mm', left: '22mm', right: '20mm' },
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
