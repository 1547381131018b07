import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Handler = (...args: unknown[]) => unknown;

const h = vi.hoisted(() => {
  const appEvents = new Map<string, (...args: unknown[]) => unknown>();
  const session = {
    permissionRequest: null as null | ((...args: unknown[]) => unknown),
    permissionCheck: null as null | ((...args: unknown[]) => unknown),
    devicePermission: null as null | ((...args: unknown[]) => unknown),
    beforeRequest: null as null | ((...args: unknown[]) => unknown),
  };
  return {
    appEvents,
    session,
    openExternal: vi.fn(() => Promise.resolve()),
    defaultSession: {
      setPermissionRequestHandler: (fn: (...args: unknown[]) => unknown) => (session.permissionRequest = fn),
      setPermissionCheckHandler: (fn: (...args: unknown[]) => unknown) => (session.permissionCheck = fn),
      setDevicePermissionHandler: (fn: (...args: unknown[]) => unknown) => (session.devicePermission = fn),
      webRequest: { onBeforeRequest: (fn: (...args: unknown[]) => unknown) => (session.beforeRequest = fn) },
    },
  };
});

vi.mock('electron', () => ({
  app: { on: (event: string, fn: (...args: unknown[]) => unknown) => h.appEvents.set(event, fn) },
  session: { defaultSession: h.defaultSession },
  shell: { openExternal: h.openExternal },
}));

import { guardWebContents, hardenSession, installSecurity } from './security';
import { EXTERNAL_LINK_ORIGINS, isAllowedExternalLink, isAllowedNavigation, isAllowedRequestUrl } from './security-policy';

/** A webContents as far as the guards touch it: events plus the window-open handler. */
class FakeContents extends EventEmitter {
  openHandler: Handler | null = null;
  setWindowOpenHandler(fn: Handler) {
    this.openHandler = fn;
  }
  /** Emit a cancellable event the way Electron does and report whether it was cancelled. */
  fire(event: string, details: Record<string, unknown>): boolean {
    let prevented = false;
    this.emit(event, { ...details, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

const log = vi.fn();
let contents: FakeContents;

beforeEach(() => {
  vi.clearAllMocks();
  contents = new FakeContents();
  guardWebContents(contents as never, log);
});

describe('navigation', () => {
  it.each(['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://other/index.html', 'app://workbench.evil/', 'app://workbench:1/', 'javascript:alert(1)', 'about:blank'])(
    'denies will-navigate and will-redirect to %s',
    (url) => {
      expect(contents.fire('will-navigate', { url, isMainFrame: true })).toBe(true);
      expect(contents.fire('will-redirect', { url, isMainFrame: true })).toBe(true);
      expect(contents.fire('will-frame-navigate', { url, isMainFrame: false })).toBe(true);
    },
  );

  it('lets the page move within app://workbench', () => {
    expect(contents.fire('will-navigate', { url: 'app://workbench/index.html#/checks', isMainFrame: true })).toBe(false);
    expect(contents.fire('will-redirect', { url: 'app://workbench/index.html', isMainFrame: true })).toBe(false);
  });

  it('does not hand refused URLs to the system browser while the allowlist is empty', () => {
    contents.fire('will-navigate', { url: 'https://www.moe.gov.cn/', isMainFrame: true });
    expect(h.openExternal).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('https://www.moe.gov.cn/'));
  });

  it('refuses to attach webviews', () => {
    expect(contents.fire('will-attach-webview', {})).toBe(true);
  });
});

describe('window.open', () => {
  it.each(['https://example.com/', 'app://workbench/index.html', 'about:blank'])('denies %s', (url) => {
    expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    expect(h.openExternal).not.toHaveBeenCalled();
  });
});

describe('external link allowlist', () => {
  const allow = ['https://www.moe.gov.cn'];
  it('admits only https on a listed origin without credentials', () => {
    expect(isAllowedExternalLink('https://www.moe.gov.cn/jyb_sjzl/', allow)).toBe(true);
    expect(isAllowedExternalLink('http://www.moe.gov.cn/', allow)).toBe(false);
    expect(isAllowedExternalLink('https://www.moe.gov.cn.evil.com/', allow)).toBe(false);
    expect(isAllowedExternalLink('https://user:pw@www.moe.gov.cn/', allow)).toBe(false);
    expect(isAllowedExternalLink('https://www.moe.gov.cn/')).toBe(false); // the shipped list is empty
  });
});

describe('session', () => {
  beforeEach(() => hardenSession(h.defaultSession as never, log));

  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen'])('denies the %s permission request', (permission) => {
    const callback = vi.fn();
    h.session.permissionRequest?.({}, permission, callback, {});
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('answers every permission and device check with false', () => {
    expect(h.session.permissionCheck?.({}, 'media', 'app://workbench', {})).toBe(false);
    expect(h.session.devicePermission?.({ deviceType: 'usb', origin: 'app://workbench' })).toBe(false);
  });

  it.each([
    ['http://example.com/x.js', true],
    ['https://example.com/', true],
    ['ws://127.0.0.1:9000/engine', true],
    ['wss://example.com/', true],
    ['file:///etc/passwd', true],
    ['ftp://example.com/', true],
    ['app://other/x.js', true],
    ['app://workbench/index.html', false],
    ['app://workbench/assets/index-BbNVeeW5.js', false],
    ['devtools://devtools/bundled/devtools_app.html', false],
  ])('webRequest: %s → cancel %s', (url, cancel) => {
    const callback = vi.fn();
    h.session.beforeRequest?.({ url }, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith({ cancel });
  });
});

describe('installSecurity', () => {
  it('guards every webContents Chromium creates and hardens the default session', () => {
    installSecurity(log);
    const created = new FakeContents();
    h.appEvents.get('web-contents-created')?.({}, created);
    expect(created.fire('will-navigate', { url: 'https://example.com/', isMainFrame: true })).toBe(true);
    expect(created.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const callback = vi.fn();
    h.session.beforeRequest?.({ url: 'https://example.com/' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });
});

describe('policy predicates', () => {
  it('treat only app://workbench as the app', () => {
    expect(isAllowedNavigation('app://workbench/')).toBe(true);
    expect(isAllowedNavigation('app://user@workbench/')).toBe(false);
    expect(isAllowedRequestUrl('not a url')).toBe(false);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true);
  });
});

describe('network requests (session webRequest filter)', () => {
  beforeEach(() => hardenSession(h.defaultSession as never, log));

  function cancelled(url: string): boolean {
    const callback = vi.fn();
    h.session.beforeRequest?.({ url, method: 'GET', resourceType: 'xhr' }, callback);
    expect(callback).toHaveBeenCalledTimes(1);
    return (callback.mock.calls[0]?.[0] as { cancel: boolean }).cancel;
  }

  it.each([
    // the web, plain and TLS, by name and by address
    'http://example.com/',
    'https://example.com/api?x=1',
    'http://93.184.216.34/',
    'https://[2606:2800:220:1:248:1893:25c8:1946]/',
    // this machine: the browser-mode host, other local services, the engine port guessed over HTTP
    'http://127.0.0.1:9000/engine',
    'http://localhost:5173/',
    'http://[::1]:8080/',
    'http://0.0.0.0:80/',
    // WebSockets
    'ws://127.0.0.1:9000/engine',
    'ws://localhost:1/',
    'wss://example.com/socket',
    // local files and other schemes
    'file:///etc/passwd',
    'file:///C:/Windows/win.ini',
    'file://server/share/x',
    'ftp://example.com/',
    'chrome://settings/',
    'chrome-extension://abcdefghijklmnop/x.js',
    'javascript:alert(1)',
    'filesystem:app://workbench/temporary/x',
    // look-alikes of our origin
    'app://other/x.js',
    'app://workbench.evil/x.js',
    'app://workbench:8080/index.html',
    'app://user@workbench/index.html',
    'app://user:pw@workbench/index.html',
    'APP://WORKBENCH/index.html',
    'app:workbench/index.html',
    'http://workbench/index.html',
    'not a url',
    '',
  ])('cancels %s and logs it', (url) => {
    expect(cancelled(url)).toBe(true);
    expect(log).toHaveBeenCalledWith(`blocked network request: ${url}`);
  });

  it.each([
    'app://workbench/index.html',
    'app://workbench/assets/index-BbNVeeW5.js',
    'app://workbench/favicon.png?v=1#x',
    // DevTools' own front end (development builds only; packaged builds have devTools: false)
    'devtools://devtools/bundled/devtools_app.html',
    // produced inside the renderer, never leave the machine (a chart exported as an image)
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://workbench/2f1c9a4e-8d1b-4f0a-9c55-0e4c1a7d2b33',
  ])('lets %s through without logging', (url) => {
    expect(cancelled(url)).toBe(false);
    expect(log).not.toHaveBeenCalled();
  });

  it('matches the policy predicate exactly (one rule for filter and tests)', () => {
    for (const url of ['https://example.com/', 'app://workbench/', 'devtools://devtools/x', 'ws://127.0.0.1:1/']) {
      expect(cancelled(url)).toBe(!isAllowedRequestUrl(url));
    }
  });
});

describe('navigation and window.open: more refusals', () => {
  it.each(['data:text/html,<script>alert(1)</script>', 'blob:app://workbench/1234', 'devtools://devtools/bundled/devtools_app.html', 'chrome://settings', 'view-source:app://workbench/index.html', 'http://localhost:5173/', 'APP://WORKBENCH/index.html'])(
    'refuses will-navigate to %s and opens nothing externally',
    (url) => {
      expect(contents.fire('will-navigate', { url, isMainFrame: true })).toBe(true);
      expect(h.openExternal).not.toHaveBeenCalled();
      expect(log).toHaveBeenCalledWith(`refused navigation to ${url}`);
    },
  );

  it('leaves main-frame will-frame-navigate to will-navigate (no double handling)', () => {
    expect(contents.fire('will-frame-navigate', { url: 'https://example.com/', isMainFrame: true })).toBe(false);
    expect(contents.fire('will-frame-navigate', { url: 'app://workbench/index.html', isMainFrame: false })).toBe(false);
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'https://www.moe.gov.cn/', '', 'app://workbench/index.html#/other'])('denies window.open(%j) whatever the features', (url) => {
    expect(contents.openHandler?.({ url, frameName: '_blank', features: 'noopener', disposition: 'new-window', referrer: { url: '', policy: 'default' } })).toEqual({ action: 'deny' });
    expect(h.openExternal).not.toHaveBeenCalled();
  });

  it('denies window.open even for a link the allowlist would send to the system browser', () => {
    // With an origin allowlisted, the link goes to the system browser but still never becomes a window.
    const spy = vi.spyOn(EXTERNAL_LINK_ORIGINS as string[], 'includes').mockImplementation((origin: string) => origin === 'https://www.moe.gov.cn');
    try {
      expect(contents.openHandler?.({ url: 'https://www.moe.gov.cn/x' })).toEqual({ action: 'deny' });
      expect(h.openExternal).toHaveBeenCalledExactlyOnceWith('https://www.moe.gov.cn/x');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('permission requests: every kind Electron names', () => {
  beforeEach(() => hardenSession(h.defaultSession as never, log));
  const PERMISSIONS = [
    'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'fullscreen', 'geolocation', 'idle-detection', 'media', 'mediaKeySystem', 'midi', 'midiSysex',
    'notifications', 'pointerLock', 'keyboardLock', 'openExternal', 'speaker-selection', 'storage-access', 'top-level-storage-access', 'window-management', 'unknown',
    'fileSystem', 'hid', 'serial', 'usb', 'persistent-storage', 'background-sync',
  ];

  it.each(PERMISSIONS)('denies a request for %s, and the check for it, from our own origin', (permission) => {
    const callback = vi.fn();
    h.session.permissionRequest?.({}, permission, callback, { requestingUrl: 'app://workbench/index.html', isMainFrame: true });
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    expect(log).toHaveBeenCalledWith(`denied permission request: ${permission}`);
    expect(h.session.permissionCheck?.({}, permission, 'app://workbench', { requestingUrl: 'app://workbench/index.html', isMainFrame: true })).toBe(false);
  });

  it.each(['hid', 'serial', 'usb', 'bluetooth'])('denies %s device access', (deviceType) => {
    expect(h.session.devicePermission?.({ deviceType, origin: 'app://workbench', device: {} })).toBe(false);
  });
});
