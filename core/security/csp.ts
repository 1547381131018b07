// The renderer's Content-Security-Policy, shared by both hosts (Electron's app:// protocol and the
// browser-mode web host) so the page runs under the same rules everywhere: only our own scripts,
// no eval, no inline script, no plugins, no framing, no form posts, network only to the engine.

export function contentSecurityPolicy(options: { connectSrc?: readonly string[] } = {}): string {
  const connect = ["'self'", ...(options.connectSrc ?? [])].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    // ECharts and React set element styles through the CSSOM, which style-src does not restrict.
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
