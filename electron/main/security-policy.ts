// The pure decisions behind the security handlers: where a page may go, what the network layer
// may fetch, which external links may leave the app. No Electron here, so each rule is tested.
import { isAppUrl, parseUrl } from './app-url';

/**
 * Origins whose https links the user may open in the system browser (for example a ministry's
 * statistics portal cited in a brief). Empty until a feature needs one: an entry here is a
 * reviewed decision, not a convenience.
 */
export const EXTERNAL_LINK_ORIGINS: readonly string[] = [];

/** A workbench window only ever shows app://workbench. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * The app makes no network requests: the page comes from app://, the engine is a MessagePort.
 * devtools:// is DevTools' own front end (development builds only). data: and blob: URLs are
 * produced inside the renderer and never touch the network; they are listed so a chart exported
 * as an image keeps working should Chromium ever route them through the filter.
 */
export function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  const u = parseUrl(url);
  return u !== null && (u.protocol === 'devtools:' || u.protocol === 'data:' || u.protocol === 'blob:');
}

/** An https URL on an allowlisted origin, without credentials, may go to the system browser. */
export function isAllowedExternalLink(url: string, allowlist: readonly string[] = EXTERNAL_LINK_ORIGINS): boolean {
  const u = parseUrl(url);
  return u !== null && u.protocol === 'https:' && u.username === '' && u.password === '' && allowlist.includes(u.origin);
}
