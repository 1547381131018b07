// The pure half of the app:// protocol: which file inside the built renderer a URL path names, if
// any. Kept free of Electron so every refusal is unit-tested. The rules mirror the browser-mode
// host (electron/engine/hosts/web-host.ts), which main may not import.
import { extname, resolve, sep } from 'node:path';

/**
 * Map a URL path (as in URL.pathname) to a file inside root, or null.
 *
 * Chromium already normalises `..` and `%2e%2e` segments of standard-scheme URLs before the
 * handler sees them; this does not rely on that. It decodes exactly once and then refuses:
 * undecodable input, NUL, backslashes (a separator on Windows), any `..` segment, and anything
 * still percent-encoded (a double-encoded `%252e%252e` would otherwise survive as a file name a
 * later decoder might turn into `..`; the built renderer has no `%` in its file names). Finally
 * the resolved path must still lie under root.
 */
export function rendererFileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.includes('%')) return null;
  if (decoded.split('/').some((segment) => segment === '..')) return null;
  const relative = decoded === '' || decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const full = resolve(base, relative);
  if (full === base || !full.startsWith(base + sep)) return null;
  return full;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** With nosniff on, a wrong type means a script refuses to run, so unknown files are opaque bytes. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
