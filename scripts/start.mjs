// npm start: build if the sources changed, then open the workbench — in Electron where its binary
// is installed (or can be fetched), otherwise in browser mode (the same renderer and engine, served
// on 127.0.0.1 with a per-run token). `npm start -- --browser` forces browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser') || process.env.WB_BROWSER === '1';
const passthrough = args.filter((a) => a !== '--browser');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function buildIfStale() {
  const stamp = join(root, 'dist', 'electron', 'main.js');
  const sources = ['core', 'db', 'electron', 'renderer'].map((d) => newestMtime(join(root, d)));
  const builtAt = existsSync(stamp) && existsSync(join(root, 'dist', 'node', 'web-main.js')) ? statSync(stamp).mtimeMs : 0;
  if (builtAt > Math.max(...sources)) return;
  console.log('构建中 / building…');
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--quiet'], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** The Electron executable if installed, trying the package's on-demand download once. */
function electronBinary() {
  const require = createRequire(import.meta.url);
  let pkgDir;
  try {
    pkgDir = join(require.resolve('electron/package.json'), '..');
  } catch {
    return null;
  }
  const installed = () => {
    const pathFile = join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const bin = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  };
  if (installed()) return installed();
  // Electron 42+ fetches its binary on first use rather than at npm install; where the network
  // allows it this succeeds once and is cached, where it does not we fall back to browser mode.
  console.log('首次运行：尝试下载 Electron / first run: trying to download Electron…');
  const r = spawnSync(process.execPath, [join(pkgDir, 'install.js')], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 10 * 60_000 });
  if (r.status !== 0) {
    const why = `${r.stderr ?? ''}`.split('\n').find((l) => /Error|failed/i.test(l)) ?? `exit ${r.status}`;
    console.log(`Electron 下载失败 / download failed: ${why.trim()}`);
    return null;
  }
  return installed();
}

buildIfStale();
const electron = forceBrowser ? null : electronBinary();
if (electron) {
  const child = spawn(electron, [root, ...passthrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!forceBrowser) console.log('未找到 Electron，改用浏览器模式 / Electron is not available here: opening browser mode.');
  const child = spawn(process.execPath, [join(root, 'dist', 'node', 'web-main.js'), ...passthrough], { stdio: 'inherit' });
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}
