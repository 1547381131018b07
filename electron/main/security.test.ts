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
import { isAllowedExternalLink, isAllowedNavigation, isAllowedRequestUrl } from './security-policy';

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
