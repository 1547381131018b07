// The one place a BrowserWindow is made, so every window gets the same locked-down renderer
// (docs/architecture.md#security): isolated, sandboxed, no Node anywhere, web security on, no <webview>.
// The preload learns the app version from its command line, because a sandboxed preload cannot
// read package.json and should not ask main over IPC for something known at creation time.
import { BrowserWindow, type WebPreferences } from 'electron';
import { START_URL } from './app-url';
import { PRODUCT_NAME } from './product';
import { trackWorkbenchContents } from './window-registry';

/** Read back by electron/preload/app-version.ts; the two must agree (tested). */
export const APP_VERSION_ARG = '--wb-app-version=';
/** The page's --canvas colour, so the window does not flash white before the first paint. */
export const WINDOW_BACKGROUND = '#f4f6f9';

export type WorkbenchWindowOptions = {
  preloadFile: string;
  appVersion: string;
  /** DevTools only in development; packaged builds cannot open them at all. */
  devTools: boolean;
};

export function workbenchWebPreferences({ preloadFile, appVersion, devTools }: WorkbenchWindowOptions): WebPreferences {
  return {
    preload: preloadFile,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
    allowRunningInsecureContent: false,
    spellcheck: false,
    devTools,
    additionalArguments: [`${APP_VERSION_ARG}${appVersion}`],
  };
}

export function createWorkbenchWindow(options: WorkbenchWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: PRODUCT_NAME,
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    webPreferences: workbenchWebPreferences(options),
  });
  trackWorkbenchContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  // A failed load (renderer not built, handler error) leaves a blank window; say why in the log.
  window.loadURL(START_URL).catch((e: unknown) => console.error(`[main] could not load ${START_URL}: ${String(e)}`));
  return window;
}
