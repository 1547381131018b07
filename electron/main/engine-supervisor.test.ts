import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC } from '../../core/ipc/bridge';

type FakePort = { readonly name: 'port1' | 'port2'; readonly channel: number };

/** The utility process as the supervisor sees it: events, postMessage, kill, piped output. */
class FakeChild extends EventEmitter {
  readonly stdout = new EventEmitter();
  readonly stderr = new EventEmitter();
  readonly postMessage = vi.fn<(message: unknown, transfer?: FakePort[]) => void>();
  readonly kill = vi.fn(() => true);
  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: Record<string, unknown>,
    readonly pid: number,
  ) {
    super();
  }
}

const h = vi.hoisted(() => ({ children: [] as unknown[], ipc: null as null | EventEmitter, channels: 0 }));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  h.ipc = new EventEmitter();
  class MessageChannelMain {
    readonly port1: FakePort;
    readonly port2: FakePort;
    constructor() {
      const channel = ++h.channels;
      this.port1 = { name: 'port1', channel };
      this.port2 = { name: 'port2', channel };
    }
  }
  return {
    ipcMain: h.ipc,
    MessageChannelMain,
    utilityProcess: {
      fork: (modulePath: string, args: string[], options: Record<string, unknown>) => {
        const child = new FakeChild(modulePath, args, options, 1000 + h.children.length);
        h.children.push(child);
        return child;
      },
    },
  };
});

import { createEngineSupervisor, type EngineFailure, type EngineSupervisor } from './engine-supervisor';
import type { RestartPolicy } from './restart-policy';
import { trackWorkbenchContents } from './window-registry';

/** A renderer's webContents: id, main frame on app://workbench, postMessage, destroyed event. */
class FakeRenderer extends EventEmitter {
  readonly mainFrame = { url: 'app://workbench/index.html', parent: null, frameTreeNodeId: 0 };
  readonly postMessage = vi.fn<(channel: string, message: unknown, transfer?: FakePort[]) => void>();
  destroyed = false;
  constructor(readonly id: number) {
    super();
    this.mainFrame.frameTreeNodeId = id;
  }
  isDestroyed() {
    return this.destroyed;
  }
  /** Ask for a port the way the preload does, optionally from a sub-frame. */
  requestPort(fromSubFrame = false) {
    const senderFrame = fromSubFrame ? { url: 'app://workbench/x', parent: this.mainFrame, frameTreeNodeId: -1 } : this.mainFrame;
    h.ipc?.emit(IPC.requestEnginePort, { sender: this, senderFrame });
  }
}

const policy: RestartPolicy = { maxCrashes: 3, baseDelayMs: 100, maxDelayMs: 1_000, stableAfterMs: 60_000 };
const children = () => h.children as FakeChild[];
const lastChild = () => children()[children().length - 1] as FakeChild;

let clock = 0;
let failures: EngineFailure[];
let supervisor: EngineSupervisor;
let nextRendererId = 1;

function renderer(): FakeRenderer {
  const r = new FakeRenderer(nextRendererId++);
  trackWorkbenchContents(r);
  return r;
}

beforeEach(() => {
  vi.useFakeTimers();
  h.children.length = 0;
  h.ipc?.removeAllListeners();
  clock = 0;
  failures = [];
  supervisor = createEngineSupervisor({
    engineFile: '/app/dist/electron/engine.js',
    databaseFile: '/home/u/.config/edu-finance-workbench/workbench.sqlite',
    appVersion: '0.1.0',
    log: () => {},
    onGiveUp: (f) => failures.push(f),
    policy,
    now: () => clock,
  });
});
afterEach(() => {
  supervisor.stop();
  vi.useRealTimers();
});

describe('engine supervisor', () => {
  it('forks the engine bundle with the database on its command line', () => {
    supervisor.start();
    expect(children()).toHaveLength(1);
    const child = lastChild();
    expect(child.modulePath).toBe('/app/dist/electron/engine.js');
    expect(child.args).toEqual(['--db', '/home/u/.config/edu-finance-workbench/workbench.sqlite', '--app-version', '0.1.0']);
    expect(child.options).toEqual({ serviceName: 'workbench-engine', stdio: 'pipe' });
    expect(supervisor.state()).toBe('starting');
  });

  it('brokers a port pair: port1 with {t:"connect"} to the engine, port2 to the asking renderer', () => {
    supervisor.start();
    const child = lastChild();
    const r = renderer();
    r.requestPort();
    // Not before the engine has opened the database.
    expect(child.postMessage).not.toHaveBeenCalled();
    expect(r.postMessage).not.toHaveBeenCalled();
    child.emit('message', { t: 'ready', databaseFile: 'x' });
    expect(supervisor.state()).toBe('ready');
    expect(child.postMessage).toHaveBeenCalledExactlyOnceWith({ t: 'connect' }, [{ name: 'port1', channel: 1 }]);
    expect(r.postMessage).toHaveBeenCalledExactlyOnceWith(IPC.enginePort, null, [{ name: 'port2', channel: 1 }]);

    // Once ready, a request is answered at once, each with its own channel.
    r.requestPort();
    expect(child.postMessage).toHaveBeenLastCalledWith({ t: 'connect' }, [{ name: 'port1', channel: 2 }]);
    expect(r.postMessage).toHaveBeenLastCalledWith(IPC.enginePort, null, [{ name: 'port2', channel: 2 }]);
  });

  it('gives no port to a sub-frame or to a webContents the factory did not create', () => {
    supervisor.start();
    lastChild().emit('message', { t: 'ready' });
    const ours = renderer();
    ours.requestPort(true);
    const stranger = new FakeRenderer(999);
    stranger.requestPort();
    expect(ours.postMessage).not.toHaveBeenCalled();
    expect(stranger.postMessage).not.toHaveBeenCalled();
    expect(lastChild().postMessage).not.toHaveBeenCalled();
  });

  it('restarts after an unexpected exit and sends every renderer a fresh port', () => {
    supervisor.start();
    const first = lastChild();
    first.emit('message', { t: 'ready' });
    const a = renderer();
    const b = renderer();
    a.requestPort();
    b.requestPort();
    const gone = renderer();
    gone.requestPort();
    gone.destroyed = true;
    gone.emit('destroyed');

    clock += 5_000;
    first.emit('exit', 1);
    expect(supervisor.state()).toBe('restarting');
    vi.advanceTimersByTime(policy.baseDelayMs - 1);
    expect(children()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(children()).toHaveLength(2);
    const second = lastChild();
    expect(second.args).toEqual(first.args);

    second.emit('message', { t: 'ready' });
    expect(second.postMessage).toHaveBeenCalledTimes(2);
    for (const call of second.postMessage.mock.calls) expect(call[0]).toEqual({ t: 'connect' });
    expect(a.postMessage).toHaveBeenCalledTimes(2);
    expect(b.postMessage).toHaveBeenCalledTimes(2);
    expect(gone.postMessage).toHaveBeenCalledTimes(1);
    // The fresh ports belong to the channels whose other ends went to the new engine.
    const engineChannels = second.postMessage.mock.calls.map((c) => c[1]?.[0]?.channel).sort();
    const rendererChannels = [a, b].map((r) => r.postMessage.mock.calls[1]?.[2]?.[0]?.channel).sort();
    expect(rendererChannels).toEqual(engineChannels);
    expect(a.postMessage.mock.calls[1]?.[0]).toBe(IPC.enginePort);
  });

  it('backs off exponentially, gives up after maxCrashes with the engine\'s last words, and retries on request', () => {
    supervisor.start();
    lastChild().stderr.emit('data', 'opening database\nError: database written by a newer ');
    lastChild().stderr.emit('data', 'version (user_version 9)\n');
    lastChild().emit('exit', 1);
    vi.advanceTimersByTime(100);
    expect(children()).toHaveLength(2);
    lastChild().emit('exit', 1);
    vi.advanceTimersByTime(199);
    expect(children()).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(children()).toHaveLength(3);
    lastChild().emit('exit', 1);
    expect(supervisor.state()).toBe('failed');
    vi.advanceTimersByTime(60_000);
    expect(children()).toHaveLength(3);
    expect(failures).toEqual([
      { exitCode: 1, crashes: 3, stderrTail: ['opening database', 'Error: database written by a newer version (user_version 9)'] },
    ]);

    supervisor.retry();
    expect(children()).toHaveLength(4);
    expect(supervisor.state()).toBe('starting');
  });

  it('starts a fresh crash count after a long, stable run', () => {
    supervisor.start();
    for (let i = 0; i < 5; i++) {
      clock += 120_000;
      lastChild().emit('exit', 1);
      vi.advanceTimersByTime(100);
    }
    expect(failures).toEqual([]);
    expect(children()).toHaveLength(6);
  });

  it('on stop ends the engine and does not restart it', () => {
    supervisor.start();
    const child = lastChild();
    supervisor.stop();
    expect(child.kill).toHaveBeenCalledTimes(1);
    child.emit('exit', 0);
    vi.advanceTimersByTime(60_000);
    expect(children()).toHaveLength(1);
    expect(h.ipc?.listenerCount(IPC.requestEnginePort)).toBe(0);
  });
});
