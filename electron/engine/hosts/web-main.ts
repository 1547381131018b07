// `npm start` without Electron: the engine in this Node process, the renderer in a browser.
// Usage: web-main [--db FILE] [--port N] [--no-open] [--renderer DIR]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultDatabasePath } from '../../../db/paths';
import { createEngine } from '../engine';
import { startWebHost } from './web-host';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The built renderer: beside this bundle (dist/node → dist/renderer) or, from source, in dist/. */
function findRendererDir(): string {
  const explicit = arg('--renderer');
  if (explicit) return explicit;
  for (const rel of ['../renderer/', '../../../dist/renderer/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${dir}index.html`)) return dir;
  }
  throw new Error('the renderer is not built; run `npm run build` first');
}

function findAppVersion(): string {
  for (const rel of ['../../package.json', '../../../package.json']) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'edu-finance-workbench' && pkg.version) return pkg.version;
    }
  }
  return '0.0.0';
}

function hasDisplay(): boolean {
  if (process.platform === 'win32' || process.platform === 'darwin') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** Open the URL in Chromium (as an app window) or the default browser; never fail the host. */
function openBrowser(url: string): void {
  const candidates: [string, string[]][] =
    process.platform === 'darwin' ? [['open', [url]]]
    : process.platform === 'win32' ? [['cmd', ['/c', 'start', '', url]]]
    : [['chromium', [`--app=${url}`]], ['chromium-browser', [`--app=${url}`]], ['google-chrome', [`--app=${url}`]], ['xdg-open', [url]]];
  const tryNext = (i: number): void => {
    const c = candidates[i];
    if (!c) return;
    const child = spawn(c[0], c[1], { detached: true, stdio: 'ignore' });
    child.on('error', () => tryNext(i + 1));
    child.unref();
  };
  tryNext(0);
}

const file = arg('--db') ?? defaultDatabasePath();
const log = (line: string) => console.error(`[workbench] ${line}`);
const engine = createEngine({ file, host: 'web', appVersion: findAppVersion(), log });
const host = await startWebHost({ dispatcher: engine.dispatcher, rendererDir: findRendererDir(), port: Number(arg('--port') ?? 0), log });

console.log(`教育财政工作台（浏览器模式）/ Education Finance Workbench (browser mode)`);
console.log(`数据库 / database: ${file}`);
console.log(`打开 / open: ${host.url}`);
if (!process.argv.includes('--no-open') && hasDisplay()) openBrowser(host.url);

const stop = () => {
  void host.close().then(() => {
    engine.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
