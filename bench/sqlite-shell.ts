// The Debian `sqlite3` shell as a peer: find it (installing it with apt-get when running as root),
// and run a script in it while measuring the wall time and the peak RSS of the shell process.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export type SqliteShell = { path: string; version: string };
export type ShellLookup = { ok: true; shell: SqliteShell } | { ok: false; reason: string };

function probe(): SqliteShell | null {
  const r = spawnSync('sqlite3', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  const which = spawnSync('sh', ['-c', 'command -v sqlite3'], { encoding: 'utf8' });
  return { path: which.stdout.trim() || 'sqlite3', version: r.stdout.trim().split(/\s+/)[0] ?? 'unknown' };
}

function aptInstall(log: (line: string) => void): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = (): boolean => spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'sqlite3'], { stdio: 'ignore', env }).status === 0;
  log('sqlite3 shell not found; running apt-get install -y sqlite3 …');
  if (install()) return true;
  log('apt-get install failed; running apt-get update and trying again …');
  spawnSync('apt-get', ['update'], { stdio: 'ignore', env });
  return install();
}

/** The sqlite3 shell, installed first when absent and we are root; otherwise the reason to skip. */
export function findSqliteShell(log: (line: string) => void): ShellLookup {
  const found = probe();
  if (found) return { ok: true, shell: found };
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root) return { ok: false, reason: 'the sqlite3 shell is not installed and this is not root, so it cannot be apt-get installed (run `apt-get install -y sqlite3` as root)' };
  if (!aptInstall(log)) return { ok: false, reason: '`apt-get install -y sqlite3` failed' };
  const installed = probe();
  return installed ? { ok: true, shell: installed } : { ok: false, reason: 'sqlite3 is still not runnable after apt-get install' };
}

/** Peak resident set ("high water mark") of a live process in bytes, from /proc; null elsewhere. */
function vmHwm(pid: number): number | null {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export type ShellRun = { ms: number; peakRss: number | null; stdout: string };

/**
 * Run `script` (fed on stdin) with `sqlite3 -bail dbFile`; the time is the wall time from spawn to
 * exit. Throws when the shell reports any error, so a failed import can never pass as fast.
 */
export function runShell(shell: SqliteShell, dbFile: string, script: string): Promise<ShellRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(shell.path, ['-bail', dbFile], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakRss: number | null = null;
    const poll = setInterval(() => {
      if (child.pid === undefined) return;
      const hwm = vmHwm(child.pid);
      if (hwm !== null) peakRss = Math.max(peakRss ?? 0, hwm);
    }, 5);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) => {
      clearInterval(poll);
      reject(e);
    });
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      clearInterval(poll);
      if (code !== 0 || stderr.trim() !== '') reject(new Error(`sqlite3 shell failed (exit ${code}): ${stderr.trim().slice(0, 2000)}`));
      else resolve({ ms, peakRss, stdout });
    });
    child.stdin.end(script);
  });
}
