// PDF from the brief's HTML through headless Chromium (the CLI, the browser-mode engine, tests):
// A4, the page footer carrying the short provenance and "第 X 页 / 共 Y 页". Inside the packaged
// Electron app the same HTML would go through webContents.printToPDF with the same footer.
import { existsSync } from 'node:fs';
import { CodedError } from '../../core/result';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

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
    const pageLabel = lang === 'zh' ? '第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页' : 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>';
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      // Two lines: the short provenance, then the page number centred (official documents number pages in the middle).
      footerTemplate: `<div style="font-family:'Noto Sans CJK SC',sans-serif;font-size:7pt;color:#444;width:100%;margin:0 20mm 0 22mm;text-align:center"><div style="overflow:hidden;white-space:nowrap;text-overflow:ellipsis">${esc(footer)}</div><div style="font-size:9pt;margin-top:1mm">${pageLabel}</div></div>`,
      margin: { top: '25mm', bottom: '22mm', left: '22mm', right: '20mm' },
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
