// The one origin the workbench page lives at. Everything that decides "is this us?" — the protocol
// handler, navigation guards, the network filter and the IPC sender check — asks this module, so
// the answer cannot drift between them.

export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const START_URL = `${APP_ORIGIN}/index.html`;

/** Parse without throwing: the callers deal in untrusted strings. */
export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for app://workbench/… with no port and no credentials. The host is compared rather
 * than URL.origin because Node's URL parser reports "null" as the origin of schemes it does not
 * know, even when Chromium treats ours as a standard scheme with a real origin.
 */
export function isAppUrl(url: string): boolean {
  const u = parseUrl(url);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.hostname === APP_HOST &&
    u.port === '' &&
    u.username === '' &&
    u.password === ''
  );
}
