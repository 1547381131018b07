// main.ts is wiring: these tests check the order Electron demands (sandbox, scheme and userData
// before ready; the lock after userData; security before the first window) and the lifecycle
// rules, with every collaborator replaced by a recorder.
import { homedir } from 'node:os';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultDatabaseFile } from '../../core/app-paths';

const h = vi.hoisted(() => {
  const calls: string[] = [];
  const appEvents = new Map<string, (...args: unknown[]) => unknown>();
  const state = { lock: true, resolveReady: () => {} };
  const rec = (name: string) => (...args: unknown[]) => {
    calls.push(name);
    return args;
  };
  const supervisor = { start: vi.fn(() => calls.push('engine.start')), stop: vi.fn(), retry: vi.fn(), connect: vi.fn(), state: vi.fn() };
  const app = {
    isPackaged: false,
    enableSandbox: vi.fn(rec('enableSandbox')),
    setName: vi.fn(rec('setName')),
    setPath: vi.fn((name: string, _path: string) => calls.push(`setPath:${name}`)),
    setAppUserModelId: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => {
      calls.push('lock');
      return state.lock;
    }),
    quit: vi.fn(rec('quit')),
    exit: vi.fn(),
    isReady: vi.fn(() => true),
    getVersion: () => '0.1.0',
    on: vi.fn((event: string, fn: (...args: unknown[]) => unknown) => appEvents.set(event, fn)),
    whenReady: vi.fn(() => new Promise<void>((resolve) => (state.resolveReady = resolve))),
  };
  return { calls, appEvents, state, app, supervisor, windows: [] as unknown[], rec };
});

vi.mock('electron', () => ({
  app: h.app,
  BrowserWindow: { getAllWindows: () => h.windows },
  dialog: { showErrorBox: vi.fn() },
}));
vi.mock('./protocol', () => ({ registerAppScheme: vi.fn(h.rec('registerAppScheme')), installAppProtocol: vi.fn(h.rec('installAppProtocol')) }));
vi.mock('./security', () => ({ installSecurity: vi.fn(h.rec('installSecurity')) }));
vi.mock('./menu', () => ({ installMenu: vi.fn(h.rec('installMenu')) }));
vi.mock('./download-guard', () => ({ installDownloadGuard: vi.fn(h.rec('installDownloadGuard')) }));
vi.mock('./engine-dialog', () => ({ askAfterEngineFailure: vi.fn(() => Promise.resolve('retry')) }));
vi.mock('./engine-supervisor', () => ({
  createEngineSupervisor: vi.fn(() => {
    h.calls.push('engine.create');
    return h.supervisor;
  }),
}));
vi.mock('./window-factory', () => ({ createWorkbenchWindow: vi.fn(h.rec('createWindow')) }));
vi.mock('./ipc-guard', () => ({ handleTrusted: vi.fn((channel: string) => h.calls.push(`handle ${channel}`)) }));

async function loadMain() {
  vi.resetModules();
  await import('./main');
  return {
    protocol: await import('./protocol'),
    supervisorModule: await import('./engine-supervisor'),
    windowFactory: await import('./window-factory'),
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  vi.clearAllMocks();
  h.calls.length = 0;
  h.appEvents.clear();
  h.windows.length = 0;
  h.state.lock = true;
});

describe('main', () => {
  it('sets up everything Electron needs before ready, in order', async () => {
    await loadMain();
    expect(h.calls).toEqual(['enableSandbox', 'registerAppScheme', 'setName', 'setPath:userData', 'setPath:sessionData', 'lock']);
    const facts = { platform: process.platform, home: homedir(), env: process.env };
    const userData = h.app.setPath.mock.calls.find((c) => c[0] === 'userData')?.[1];
    expect(`${userData}/workbench.sqlite`).toBe(defaultDatabaseFile(facts));
  });

  it('on ready installs security and the protocol, starts the engine, then opens the window', async () => {
    const { protocol, supervisorModule, windowFactory } = await loadMain();
    h.calls.length = 0;
    h.state.resolveReady();
    await flush();
    expect(h.calls).toEqual(['installSecurity', 'installDownloadGuard', 'installAppProtocol', 'installMenu', 'engine.create', 'engine.start', 'handle brief:print-pdf', 'createWindow']);
    const [rendererDir] = vi.mocked(protocol.installAppProtocol).mock.calls[0] ?? [];
    expect(rendererDir).toMatch(/[/\\]renderer$/);
    const options = vi.mocked(supervisorModule.createEngineSupervisor).mock.calls[0]?.[0];
    expect(options?.databaseFile).toBe(defaultDatabaseFile({ platform: process.platform, home: homedir(), env: process.env }));
    expect(options?.engineFile).toMatch(/[/\\]engine\.js$/);
    expect(options?.appVersion).toBe('0.1.0');
    expect(vi.mocked(windowFactory.createWorkbenchWindow).mock.calls[0]?.[0]).toEqual({
      preloadFile: expect.stringMatching(/[/\\]preload\.cjs$/),
      appVersion: '0.1.0',
      devTools: true, // not packaged
    });
  });

  it('quits when the last window closes (except on macOS) and stops the engine on quit', async () => {
    await loadMain();
    h.state.resolveReady();
    await flush();
    h.appEvents.get('window-all-closed')?.();
    if (process.platform === 'darwin') expect(h.app.quit).not.toHaveBeenCalled();
    else expect(h.app.quit).toHaveBeenCalledTimes(1);
    h.appEvents.get('will-quit')?.();
    expect(h.supervisor.stop).toHaveBeenCalledTimes(1);
  });

  it('a second instance focuses the existing window', async () => {
    await loadMain();
    const existing = { isMinimized: vi.fn(() => true), restore: vi.fn(), focus: vi.fn() };
    h.windows.push(existing);
    h.appEvents.get('second-instance')?.();
    expect(existing.restore).toHaveBeenCalledTimes(1);
    expect(existing.focus).toHaveBeenCalledTimes(1);
  });

  it('quits at once without the single-instance lock, and never starts an engine', async () => {
    h.state.lock = false;
    const { supervisorModule } = await loadMain();
    expect(h.app.quit).toHaveBeenCalledTimes(1);
    expect(h.app.whenReady).not.toHaveBeenCalled();
    expect(h.appEvents.size).toBe(0);
    expect(supervisorModule.createEngineSupervisor).not.toHaveBeenCalled();
  });
});
