import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENGINE_PORT_MESSAGE, IPC } from '../../core/ipc/bridge';

const h = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  listeners: new Map<string, (event: { ports: unknown[] }) => void>(),
  send: vi.fn(),
  postMessage: vi.fn(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => h.exposed.set(key, api) },
  ipcRenderer: {
    send: h.send,
    on: (channel: string, fn: (event: { ports: unknown[] }) => void) => h.listeners.set(channel, fn),
  },
  // Only so the window factory (imported below for its argument name) can load.
  BrowserWindow: class {},
}));

import { APP_VERSION_ARG as MAIN_APP_VERSION_ARG, workbenchWebPreferences } from '../main/window-factory';
import { APP_VERSION_ARG, appVersionFrom } from './app-version';

type ExposedBridge = { host: string; appVersion: string; requestEnginePort: () => unknown };

const originalArgv = [...process.argv];

/** Load the preload afresh, as a renderer starting with the arguments main gave it. */
async function loadPreload(appVersion = '1.2.3'): Promise<ExposedBridge> {
  const prefs = workbenchWebPreferences({ preloadFile: '/x/preload.cjs', appVersion, devTools: false });
  process.argv = [...originalArgv, ...(prefs.additionalArguments ?? [])];
  vi.resetModules();
  await import('./preload');
  return h.exposed.get('bridge') as ExposedBridge;
}

beforeEach(() => {
  h.exposed.clear();
  h.listeners.clear();
  vi.clearAllMocks();
  vi.stubGlobal('window', { postMessage: h.postMessage });
  process.argv = [...originalArgv];
});
afterAll(() => {
  process.argv = originalArgv;
  vi.unstubAllGlobals();
});

describe('preload', () => {
  it('exposes exactly one global, bridge, with exactly the Bridge keys', async () => {
    const bridge = await loadPreload();
    expect([...h.exposed.keys()]).toEqual(['bridge']);
    expect(Object.keys(bridge).sort()).toEqual(['appVersion', 'host', 'printPdf', 'requestEnginePort']);
    expect(bridge.host).toBe('electron');
    expect(typeof bridge.requestEnginePort).toBe('function');
  });

  it('agrees with main on the version switch and falls back when it is missing', () => {
    expect(APP_VERSION_ARG).toBe(MAIN_APP_VERSION_ARG);
    expect(appVersionFrom(['electron', '--type=renderer'])).toBe('0.0.0');
  });

  it('reads the app version main put on its command line', async () => {
    expect((await loadPreload('0.1.0')).appVersion).toBe('0.1.0');
    expect((await loadPreload('2.0.0-rc.1')).appVersion).toBe('2.0.0-rc.1');
  });

  it('requestEnginePort sends only the request channel, with no payload, and returns nothing', async () => {
    const bridge = await loadPreload();
    expect(bridge.requestEnginePort()).toBeUndefined();
    expect(h.send).toHaveBeenCalledTimes(1);
    expect(h.send.mock.calls[0]).toEqual([IPC.requestEnginePort]);
  });

  it('listens only for engine ports and forwards each port to the page with window.postMessage', async () => {
    await loadPreload();
    expect([...h.listeners.keys()]).toEqual([IPC.enginePort]);
    const port = { fake: 'MessagePort' };
    h.listeners.get(IPC.enginePort)?.({ ports: [port] });
    expect(h.postMessage).toHaveBeenCalledExactlyOnceWith({ type: ENGINE_PORT_MESSAGE }, '*', [port]);
    // A fresh port after an engine restart is forwarded the same way.
    const fresh = { fake: 'MessagePort 2' };
    h.listeners.get(IPC.enginePort)?.({ ports: [fresh] });
    expect(h.postMessage).toHaveBeenLastCalledWith({ type: ENGINE_PORT_MESSAGE }, '*', [fresh]);
  });

  it('ignores an engine-port message that carries no port', async () => {
    await loadPreload();
    h.listeners.get(IPC.enginePort)?.({ ports: [] });
    expect(h.postMessage).not.toHaveBeenCalled();
  });
});
