// The machine the figures were measured on, as one line for the report.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, cpus, availableParallelism, release, tmpdir, totalmem, type } from 'node:os';
import { dirname, join } from 'node:path';
import { version as duckdbVersion } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import type { ShellLookup } from './sqlite-shell';

export type MachineInfo = {
  cpu: string;
  cores: number;
  ramGiB: number;
  os: string;
  node: string;
  sqlite: string;
  betterSqlite3: string;
  sqliteShell: string;
  duckdb: string;
  arrow: string;
  tmp: string;
};

function osName(): string {
  try {
    const m = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'));
    if (m?.[1]) return `${m[1]} (${type()} ${release()} ${arch()})`;
  } catch {
    // not Linux, or no os-release: fall through
  }
  return `${type()} ${release()} ${arch()}`;
}

function packageVersion(name: string): string {
  try {
    const require = createRequire(import.meta.url);
    // Walk up from the resolved entry to the package's own package.json (exports may hide it).
    let dir = dirname(require.resolve(name));
    for (let i = 0; i < 4; i++) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name && pkg.version) return pkg.version;
      } catch {
        // keep walking up
      }
      dir = dirname(dir);
    }
  } catch {
    // unresolvable
  }
  return '?';
}

/** The filesystem type under the temp folder (tmpfs vs a disk matters for the load figures). */
function tmpFs(): string {
  const dir = tmpdir();
  try {
    let best = { mount: '', fs: '?' };
    for (const line of readFileSync('/proc/mounts', 'utf8').split('\n')) {
      const [, mount, fs] = line.split(' ');
      if (mount && fs && (dir === mount || dir.startsWith(mount.endsWith('/') ? mount : `${mount}/`)) && mount.length > best.mount.length) best = { mount, fs };
    }
    return `${dir} on ${best.fs}`;
  } catch {
    return dir;
  }
}

export function describeMachine(shell: ShellLookup): MachineInfo {
  const mem = new Database(':memory:');
  const sqlite = (mem.prepare('SELECT sqlite_version()').pluck().get() as string) ?? '?';
  mem.close();
  const cpuList = cpus();
  return {
    cpu: cpuList[0]?.model.trim().replace(/\s+/g, ' ') ?? 'unknown CPU',
    cores: availableParallelism(),
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: osName(),
    node: process.version,
    sqlite,
    betterSqlite3: packageVersion('better-sqlite3'),
    sqliteShell: shell.ok ? shell.shell.version : 'not available',
    duckdb: duckdbVersion(),
    arrow: packageVersion('apache-arrow'),
    tmp: tmpFs(),
  };
}

export function machineLine(m: MachineInfo): string {
  return (
    `${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM; ${m.os}; Node ${m.node}; ` +
    `better-sqlite3 ${m.betterSqlite3} (SQLite ${m.sqlite}); sqlite3 shell ${m.sqliteShell}; DuckDB ${m.duckdb} (@duckdb/node-api); apache-arrow ${m.arrow}; temp ${m.tmp}`
  );
}
