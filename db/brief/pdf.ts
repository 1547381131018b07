// PDF from the brief's HTML through headless Chromium (the CLI, the browser-mode engine, tests):
// A4, the page footer carrying the short provenance and "第 X 页 / 共 Y 页". It needs two things at
// run time, and says so when either is missing: the playwright-core package (a runtime dependency in
// package.json) and a Chromium binary on the machine. Inside the desktop app the same HTML goes
// through Electron's webContents.printToPDF instead (electron/main/print-pdf.ts); the packaged app
// carries neither. See docs/architecture.md#pdf.
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
  const { chromium } = await import('playwright-core').catch(() => {
    throw new CodedError('not_found', '缺少 playwright-core 包，无法生成 PDF（请运行 npm ci） / the playwright-core package is missing, so no PDF can be printed (run npm ci)');
  });
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
