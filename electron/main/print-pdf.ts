// Briefs to PDF inside the app: the page's HTML (core/brief/html.ts, self-contained, no scripts) is
// loaded into a hidden, locked-down window — sandboxed, no preload, JavaScript off — and printed
// with Chromium's printToPDF on A4 with the provenance footer and page numbers. The window is
// destroyed whatever happens. Inputs are checked: two strings of bounded size, nothing else.
import { BrowserWindow } from 'electron';

export const MAX_HTML_BYTES = 20 * 1024 * 1024;

export function checkPrintInput(html: unknown, footerTemplate: unknown): string | null {
  if (typeof html !== 'string' || typeof footerTemplate !== 'string') return 'printPdf takes two strings';
  if (html.length > MAX_HTML_BYTES || footerTemplate.length > 64 * 1024) return 'printPdf input is too large';
  if (!/^<!doctype html>/i.test(html)) return 'printPdf takes a whole HTML document';
  return null;
}

export async function printHtmlToPdf(html: string, footerTemplate: string): Promise<Uint8Array> {
  const problem = checkPrintInput(html, footerTemplate);
  if (problem) throw new Error(problem);
  const window = new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, webviewTag: false, spellcheck: false, devTools: false },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    const pdf = await window.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate,
      // Inches: top 25 mm, bottom 22 mm, left 22 mm, right 20 mm (as the headless-Chromium writer).
      margins: { top: 0.98, bottom: 0.87, left: 0.87, right: 0.79 },
    });
    return new Uint8Array(pdf);
  } finally {
    window.destroy();
  }
}
