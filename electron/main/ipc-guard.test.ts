import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({ ipc: null as null | EventEmitter }));
vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  // ipcMain as far as the guard uses it: on/removeListener (EventEmitter) plus handle/removeHandler.
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  h.ipc = Object.assign(new EventEmitter(), {
    handlers,
    handle: (channel: string, fn: (...args: unknown[]) => unknown) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, fn);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  });
  return { ipcMain: h.ipc };
});

import { handleTrusted, isTrustedSender, onTrusted, senderFacts, senderRefusal } from './ipc-guard';
import { trackWorkbenchContents } from './window-registry';

type Frame = { url: string; parent: Frame | null; frameTreeNodeId: number };

class FakeContents extends EventEmitter {
  readonly mainFrame: Frame;
  constructor(
    readonly id: number,
    url = 'app://workbench/index.html',
  ) {
    super();
    this.mainFrame = { url, parent: null, frameTreeNodeId: id * 100 };
  }
  subFrame(url: string): Frame {
    return { url, parent: this.mainFrame, frameTreeNodeId: this.id * 100 + 1 };
  }
}

const ourWindow = new FakeContents(1);
trackWorkbenchContents(ourWindow);
const stranger = new FakeContents(2); // e.g. a DevTools front end or a page we did not create

function event(sender: FakeContents, frame: Frame | null) {
  return { sender, senderFrame: frame } as never;
}

describe('senderRefusal', () => {
  it('trusts the main frame of our window on app://workbench', () => {
    const facts = senderFacts(event(ourWindow, ourWindow.mainFrame));
    expect(facts).toEqual({ webContentsId: 1, ours: true, frame: { url: 'app://workbench/index.html', isMainFrame: true } });
    expect(senderRefusal(facts)).toBeNull();
    expect(isTrustedSender(facts)).toBe(true);
  });

  it('refuses a sub-frame of our window, even one on app://workbench', () => {
    const facts = senderFacts(event(ourWindow, ourWindow.subFrame('app://workbench/frame.html')));
    expect(facts.frame?.isMainFrame).toBe(false);
    expect(senderRefusal(facts)).toMatch(/sub-frame/);
  });

  it('refuses a top-level frame that is not the main frame of the sending webContents', () => {
    const orphan: Frame = { url: 'app://workbench/index.html', parent: null, frameTreeNodeId: 999 };
    expect(isTrustedSender(senderFacts(event(ourWindow, orphan)))).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:5173/',
    'file:///tmp/x.html',
    'app://other/index.html',
    'app://workbench:81/',
    'app://user@workbench/index.html',
    'app://workbench.evil/index.html',
    'about:blank',
    'devtools://devtools/x',
    'data:text/html,<script>x</script>',
    'blob:app://workbench/7d1c2b1e-0000-4000-8000-000000000000',
    'chrome-error://chromewebdata/',
    '',
  ])(
    'refuses our window when it shows %s',
    (url) => {
      const frame: Frame = { url, parent: null, frameTreeNodeId: 100 };
      expect(senderRefusal(senderFacts(event(ourWindow, frame)))).toMatch(/not app:\/\/workbench/);
    },
  );

  it('refuses an unknown webContents even on the right origin', () => {
    expect(senderRefusal(senderFacts(event(stranger, stranger.mainFrame)))).toMatch(/not created by the window factory/);
  });

  it('refuses when the sending frame is gone', () => {
    expect(senderRefusal(senderFacts(event(ourWindow, null)))).toMatch(/gone/);
  });

  it('forgets a window once its webContents is destroyed', () => {
    const closing = new FakeContents(3);
    trackWorkbenchContents(closing);
    expect(isTrustedSender(senderFacts(event(closing, closing.mainFrame)))).toBe(true);
    closing.emit('destroyed');
    expect(isTrustedSender(senderFacts(event(closing, closing.mainFrame)))).toBe(false);
  });
});

describe('onTrusted', () => {
  const handler = vi.fn();
  const log = vi.fn();
  beforeEach(() => vi.clearAllMocks());

  it('passes trusted events to the handler and drops and logs the rest', () => {
    const off = onTrusted('engine:request-port', handler, log);
    const good = event(ourWindow, ourWindow.mainFrame);
    h.ipc?.emit('engine:request-port', good);
    h.ipc?.emit('engine:request-port', event(ourWindow, ourWindow.subFrame('app://workbench/x')));
    h.ipc?.emit('engine:request-port', event(stranger, stranger.mainFrame));
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler).toHaveBeenCalledWith(good);
    expect(log).toHaveBeenCalledTimes(2);
    expect(log.mock.calls[0]?.[0]).toMatch(/refused IPC 'engine:request-port': the sender is a sub-frame/);
    off();
    h.ipc?.emit('engine:request-port', good);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(h.ipc?.listenerCount('engine:request-port')).toBe(0);
  });
});

describe('handleTrusted (request and reply)', () => {
  type Handlers = Map<string, (...args: unknown[]) => Promise<unknown>>;
  const handlers = () => (h.ipc as unknown as { handlers: Handlers }).handlers;
  const log = vi.fn();
  beforeEach(() => vi.clearAllMocks());

  it('answers the main frame of our window and refuses every other sender with an error, logged, without running the handler', async () => {
    const handler = vi.fn(async (_event: unknown, ...args: unknown[]) => ({ echoed: args }));
    const off = handleTrusted('print:pdf', handler, log);
    const invoke = handlers().get('print:pdf')!;
    await expect(invoke(event(ourWindow, ourWindow.mainFrame), '<!doctype html>', 'f')).resolves.toEqual({ echoed: ['<!doctype html>', 'f'] });
    expect(handler).toHaveBeenCalledTimes(1);

    const strangers = [
      ['a sub-frame of our window', event(ourWindow, ourWindow.subFrame('app://workbench/x'))],
      ['a webContents we did not create', event(stranger, stranger.mainFrame)],
      ['our window after it navigated away', event(ourWindow, { url: 'https://evil.example/', parent: null, frameTreeNodeId: 100 })],
      ['a frame that is gone', event(ourWindow, null)],
    ] as const;
    for (const [what, e] of strangers) {
      await expect(invoke(e, '<!doctype html>', 'f'), what).rejects.toThrow('refused');
    }
    expect(handler).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledTimes(strangers.length);
    for (const [line] of log.mock.calls) expect(line).toMatch(/^refused IPC 'print:pdf': /);
    off();
    expect(handlers().has('print:pdf')).toBe(false);
  });

  it('does not leak why a sender was refused to the sender', async () => {
    const off = handleTrusted('secret:channel', async () => 'ok', log);
    const error = await handlers().get('secret:channel')!(event(stranger, stranger.mainFrame)).catch((e: Error) => e);
    expect((error as Error).message).toBe('refused');
    off();
  });
});
