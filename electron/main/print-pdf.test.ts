// Main's PDF printing with a stand-in BrowserWindow: the window is hidden and locked down
// (sandbox, no preload, JavaScript off), loads the brief as a data: URL, prints A4 with the footer
// template, and is destroyed even when printing fails; bad input never opens a window. And the
// invoke guard: only our window's main frame on app://workbench may ask.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({ windows: [] as FakeWindow[], failPrint: false, ipc: null as null | { handlers: Map<string, (...a: unknown[]) => unknown> } }));
type FakeWindow = { options: Record<string, unknown>; loaded: string | null; printed: Record<string, unknown> | null; destroyed: boolean };

vi.mock('electron', () => {
  class BrowserWindow {
    state: FakeWindow;
    webContents: { printToPDF: (o: Record<string, unknown>) => Promise<Buffer> };
    constructor(options: Record<string, unknown>) {
      this.state = { options, loaded: null, printed: null, destroyed: false };
      h.windows.push(this.state);
      this.webContents = {
        printToPDF: async (o) => {
          this.state.printed = o;
          if (h.failPrint) throw new Error('printer on fire');
          return Buffer.from('%PDF-1.7 fake');
        },
      };
    }
    async loadURL(url: string) {
      this.state.loaded = url;
    }
    destroy() {
      this.state.destroyed = true;
    }
  }
  const handlers = new Map<string, (...a: unknown[]) => unknown>();
  h.ipc = { handlers };
  return { BrowserWindow, ipcMain: { handle: (c: string, f: (...a: unknown[]) => unknown) => handlers.set(c, f), removeHandler: (c: string) => handlers.delete(c), on: () => {}, removeListener: () => {} } };
});

import { handleTrusted } from './ipc-guard';
import { checkPrintInput, printHtmlToPdf } from './print-pdf';
import { trackWorkbenchContents } from './window-registry';

const HTML = '<!doctype html><html><body><p>示范省</p></body></html>';

beforeEach(() => {
  h.windows.length = 0;
  h.failPrint = false;
});

describe('printHtmlToPdf', () => {
  it('prints A4 with the footer from a hidden, locked-down window, then destroys it', async () => {
    const bytes = await printHtmlToPdf(HTML, '<div>footer</div>');
    expect(new TextDecoder().decode(bytes)).toBe('%PDF-1.7 fake');
    const w = h.windows[0]!;
    expect(w.options.show).toBe(false);
    expect(w.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, webviewTag: false });
    expect((w.options.webPreferences as Record<string, unknown>).preload).toBeUndefined();
    expect(w.loaded!.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(Buffer.from(w.loaded!.split(',')[1]!, 'base64').toString('utf8')).toBe(HTML);
    expect(w.printed).toMatchObject({ pageSize: 'A4', displayHeaderFooter: true, footerTemplate: '<div>footer</div>', printBackground: true });
    expect(w.destroyed).toBe(true);
  });

  it('destroys the window when printing fails', async () => {
    h.failPrint = true;
    await expect(printHtmlToPdf(HTML, '')).rejects.toThrow('printer on fire');
    expect(h.windows[0]!.destroyed).toBe(true);
  });

  it('refuses anything but a bounded HTML document and two strings, without opening a window', async () => {
    expect(checkPrintInput(1, '')).toMatch(/two strings/);
    expect(checkPrintInput('<p>fragment</p>', '')).toMatch(/whole HTML document/);
    expect(checkPrintInput(`<!doctype html>${'x'.repeat(21 * 1024 * 1024)}`, '')).toMatch(/too large/);
    await expect(printHtmlToPdf('javascript:alert(1)', '')).rejects.toThrow();
    expect(h.windows).toHaveLength(0);
  });
});

describe('handleTrusted', () => {
  class Contents extends EventEmitter {
    mainFrame: { url: string; parent: null; frameTreeNodeId: number };
    constructor(
      readonly id: number,
      url: string,
    ) {
      super();
      this.mainFrame = { url, parent: null, frameTreeNodeId: id * 10 };
    }
  }
  const ours = new Contents(41, 'app://workbench/index.html');
  trackWorkbenchContents(ours as never);
  const stranger = new Contents(42, 'https://example.invalid/');

  it('answers our window and refuses any other sender', async () => {
    const logged: string[] = [];
    handleTrusted('brief:print-pdf', async (_e, a) => `ok ${String(a)}`, (l) => logged.push(l));
    const handler = h.ipc!.handlers.get('brief:print-pdf')!;
    await expect(handler({ sender: ours, senderFrame: ours.mainFrame }, 'x')).resolves.toBe('ok x');
    await expect(handler({ sender: stranger, senderFrame: stranger.mainFrame }, 'x')).rejects.toThrow('refused');
    expect(logged.join('\n')).toMatch(/refused IPC 'brief:print-pdf'/);
  });
});
