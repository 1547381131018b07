// Session and webContents hardening (docs/architecture.md#security, Electron's security checklist): no
// navigation away from the app, no new windows, no webviews, no permissions, no network. Every
// refusal is logged so a blocked feature is diagnosable rather than silently broken.
import { app, session, shell, type Session, type WebContents } from 'electron';
import { isAllowedExternalLink, isAllowedNavigation, isAllowedRequestUrl } from './security-policy';

type Log = (line: string) => void;

/** Open an allowlisted https link in the system browser; anything else goes nowhere. */
function maybeOpenExternally(url: string, log: Log): void {
  if (isAllowedExternalLink(url)) {
    void shell.openExternal(url);
    return;
  }
  log(`refused to open ${url}`);
}

export function hardenSession(ses: Session, log: Log): void {
  // Camera, microphone, notifications, geolocation, clipboard-read, HID, serial …: none is needed.
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`denied permission request: ${permission}`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) log(`blocked network request: ${details.url}`);
    callback({ cancel: !allowed });
  });
}

export function guardWebContents(contents: WebContents, log: Log): void {
  const refuseNavigation = (event: { url: string; preventDefault(): void }, what: string) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    log(`refused ${what} to ${event.url}`);
    // A link the user clicked may still be meant for the browser; the allowlist decides.
    maybeOpenExternally(event.url, log);
  };
  contents.on('will-navigate', (event) => refuseNavigation(event, 'navigation'));
  // Sub-frames too: the CSP already stops frames loading anything, this keeps it so if it changes.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) refuseNavigation(event, 'frame navigation');
  });
  contents.on('will-redirect', (event) => refuseNavigation(event, 'redirect'));
  contents.setWindowOpenHandler(({ url }) => {
    maybeOpenExternally(url, log);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('refused to attach a <webview>');
  });
}

/** Run once when the app is ready, before any window exists. */
export function installSecurity(log: Log): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, log));
  hardenSession(session.defaultSession, log);
}
