// The app:// protocol: the renderer is served from app://workbench/ out of dist/renderer and
// nowhere else, under the shared CSP. A custom standard scheme rather than file:// gives the page a
// real, stable origin (so the IPC guard and navigation rules can name it) without granting
// file:// its extra privileges.
import { readFile, realpath, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { contentSecurityPolicy } from '../../core/security/csp';
import { APP_HOST, APP_SCHEME, parseUrl } from './app-url';
import { contentTypeFor, rendererFileFor } from './renderer-path';

/**
 * Must run before the app is ready. `standard` gives the scheme origins and relative URLs,
 * `secure` makes it a secure context (no mixed-content downgrades), `supportFetchAPI` lets the
 * page fetch its own files. Deliberately not `corsEnabled` or `bypassCSP`: nothing from another
 * origin may read app:// and the CSP always applies.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

// The engine is reached over a MessagePort, never the network, so connect-src stays 'self'.
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy(),
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * The file's real path (links resolved) must still lie in the renderer folder's real path: a link
 * placed in an unpacked renderer folder must not serve what it points at. Inside a packaged
 * app.asar (integrity-checked, no links) realpath may not be supported; the mapped path then stands.
 */
async function insideByRealPath(rendererDir: string, file: string): Promise<boolean> {
  const root = await realpath(rendererDir).catch(() => resolve(rendererDir));
  const real = await realpath(file).catch(() => file);
  return real === root || real.startsWith(root + sep);
}

/** Answer one app:// request from rendererDir. Plain async code, so tests call it with real files. */
export async function serveAppRequest(request: Request, rendererDir: string, log: (line: string) => void = () => {}): Promise<Response> {
  const url = parseUrl(request.url);
  if (!url || url.hostname !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') {
    log(`app:// refused ${request.url}: unknown host`);
    return plain(404, 'not found');
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
  const file = rendererFileFor(rendererDir, url.pathname);
  if (!file) {
    log(`app:// refused ${url.pathname}: outside the renderer`);
    return plain(404, 'not found');
  }
  try {
    if (!(await insideByRealPath(rendererDir, file))) {
      log(`app:// refused ${url.pathname}: a link out of the renderer`);
      return plain(404, 'not found');
    }
    if (!(await stat(file)).isFile()) return plain(404, 'not found');
    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file) } });
  } catch {
    return plain(404, 'not found');
  }
}

/** Must run after ready; serves the default session, which every workbench window uses. */
export function installAppProtocol(rendererDir: string, log: (line: string) => void): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererDir, log));
}
