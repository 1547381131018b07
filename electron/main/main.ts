// Electron main: the thin host (docs/architecture.md#processes). It owns windows, the menu, the app://
// protocol and the engine's lifetime; it never opens the database — the engine does, in its own
// utility process, and renderers reach it over MessagePorts brokered here.
//
// Order matters and is fixed by Electron: the sandbox switch, the privileged scheme and the
// userData path must be set before `ready`; the single-instance lock lives in userData, so it is
// taken after the path is set; protocol handlers, session handlers and utility processes need
// `ready`.
import { homedir } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { bundlePaths } from './bundle-paths';
import { installDownloadGuard } from './download-guard';
import { electronDataPaths } from './data-paths';
import { askAfterEngineFailure } from './engine-dialog';
import { createEngineSupervisor, type EngineSupervisor } from './engine-supervisor';
import { handleTrusted } from './ipc-guard';
import { installMenu } from './menu';
import { printHtmlToPdf } from './print-pdf';
import { APP_ID, PRODUCT_NAME } from './product';
import { installAppProtocol, registerAppScheme } from './protocol';
import { installSecurity } from './security';
import { IPC } from '../../core/ipc/bridge';
import { createWorkbenchWindow } from './window-factory';

const log = (line: string): void => console.error(`[main] ${line}`);
const development = !app.isPackaged;
const paths = bundlePaths(dirname(fileURLToPath(import.meta.url)));
// The same folder and file the CLI and the browser-mode host compute (core/app-paths.ts).
const data = electronDataPaths({ platform: process.platform, home: homedir(), env: process.env });

app.enableSandbox();
registerAppScheme();
app.setName(PRODUCT_NAME);
app.setPath('userData', data.userData);
app.setPath('sessionData', data.sessionData);
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

let supervisor: EngineSupervisor | null = null;

function openWindow(): BrowserWindow {
  return createWorkbenchWindow({ preloadFile: paths.preload, appVersion: app.getVersion(), devTools: development });
}

/** A second launch focuses the window we already have instead of opening the database twice. */
function focusExistingWindow(): void {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) {
    if (app.isReady()) openWindow();
    return;
  }
  if (window.isMinimized()) window.restore();
  window.focus();
}

async function onReady(): Promise<void> {
  installSecurity(log);
  installDownloadGuard(data.databaseFile, log);
  installAppProtocol(paths.renderer, log);
  installMenu({ appName: PRODUCT_NAME, isMac: process.platform === 'darwin', development });
  const engine = createEngineSupervisor({
    engineFile: paths.engine,
    databaseFile: data.databaseFile,
    appVersion: app.getVersion(),
    log,
    onGiveUp: (failure) => {
      void askAfterEngineFailure(failure).then((choice) => (choice === 'retry' ? engine.retry() : app.quit()));
    },
  });
  supervisor = engine;
  engine.start();
  handleTrusted(IPC.printPdf, (_event, html, footerTemplate) => printHtmlToPdf(html as string, footerTemplate as string), log);
  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusExistingWindow);
  // macOS apps stay running with no windows open; elsewhere closing the last window quits.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('will-quit', () => supervisor?.stop());
  app.whenReady().then(onReady).catch((e: unknown) => {
    log(`start-up failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    dialog.showErrorBox(PRODUCT_NAME, `启动失败 / could not start:\n${String(e)}`);
    app.exit(1);
  });
}
