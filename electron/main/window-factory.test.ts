import type { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({ windows: [] as unknown[] }));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  let nextId = 10;
  class BrowserWindow extends EventEmitter {
    readonly webContents = Object.assign(new EventEmitter(), { id: nextId++ });
    readonly loadURL = vi.fn(() => Promise.resolve());
    readonly show = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      super();
      h.windows.push(this);
    }
  }
  return { BrowserWindow };
});

import { createWorkbenchWindow, workbenchWebPreferences } from './window-factory';
import { isWorkbenchContents } from './window-registry';

type FakeWindow = EventEmitter & {
  options: Record<string, unknown>;
  webContents: EventEmitter & { id: number };
  loadURL: ReturnType<typeof vi.fn>;
  show: ReturnType<typeof vi.fn>;
};

const options = { preloadFile: '/app/dist/electron/preload.cjs', appVersion: '0.1.0', devTools: false };

beforeEach(() => {
  h.windows.length = 0;
});

describe('createWorkbenchWindow', () => {
  it('passes exactly the locked-down webPreferences', () => {
    createWorkbenchWindow(options);
    const window = h.windows[0] as FakeWindow;
    expect(window.options.webPreferences).toStrictEqual({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      spellcheck: false,
      devTools: false,
      additionalArguments: ['--wb-app-version=0.1.0'],
    });
  });

  it('sizes, titles and hides the window until it is ready to show', () => {
    createWorkbenchWindow(options);
    const window = h.windows[0] as FakeWindow;
    const { webPreferences: _ignored, ...rest } = window.options;
    expect(rest).toEqual({
      title: '教育财政工作台',
      width: 1440,
      height: 900,
      minWidth: 1100,
      minHeight: 700,
      show: false,
      backgroundColor: '#f4f6f9',
    });
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('loads only the app origin and registers the webContents for the IPC guard', () => {
    createWorkbenchWindow(options);
    const window = h.windows[0] as FakeWindow;
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://workbench/index.html');
    expect(isWorkbenchContents(window.webContents.id)).toBe(true);
    window.webContents.emit('destroyed');
    expect(isWorkbenchContents(window.webContents.id)).toBe(false);
  });

  it('allows DevTools only when asked to (development builds)', () => {
    expect(workbenchWebPreferences({ ...options, devTools: true }).devTools).toBe(true);
    expect(workbenchWebPreferences(options).devTools).toBe(false);
  });
});
