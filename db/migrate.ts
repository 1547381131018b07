// Schema migrations: numbered SQL files applied in order, tracked in PRAGMA user_version.
// All pending migrations run in one transaction (all or nothing); a copy of the database is taken
// before the first of them touches an existing file; a database written by a newer workbench is
// refused before anything is written to it.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { CodedError } from '../core/result';

export type Migration = { version: number; name: string; sql: string };

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Where the .sql files live: beside this module in the source tree and in every bundle. */
export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('./migrations/', import.meta.url));
}

export function loadMigrations(dir = defaultMigrationsDir()): Migration[] {
  const migrations = readdirSync(dir)
    .map((f) => ({ f, m: FILE.exec(f) }))
    .filter((x): x is { f: string; m: RegExpExecArray } => x.m !== null)
    .map(({ f, m }) => ({ version: Number(m[1]), name: m[2] ?? f, sql: readFileSync(`${dir}/${f}`, 'utf8') }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    // A gap or a duplicate would make user_version ambiguous.
    if (m.version !== i + 1) throw new Error(`migrations must be numbered 0001, 0002, … without gaps; found ${String(m.version).padStart(4, '0')}_${m.name} at position ${i + 1}`);
  });
  return migrations;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.length ? migrations[migrations.length - 1]!.version : 0;
}

export function newerVersionError(file: string, found: number, supported: number): CodedError {
  return new CodedError(
    'db_newer_version',
    `数据库 ${file} 由更新版本的工作台写入（结构版本 ${found}，本程序支持到 ${supported}），未做任何修改。请升级工作台后再打开。` +
      ` / The database ${file} was written by a newer workbench (schema ${found}; this one supports up to ${supported}). It was left untouched; upgrade the workbench to open it.`,
    { found, supported },
  );
}

export type MigrationResult = { from: number; to: number; applied: string[] };

/** Apply every migration above the database's user_version, in one transaction. */
export function applyMigrations(db: Database.Database, migrations: readonly Migration[], file: string): MigrationResult {
  const from = db.pragma('user_version', { simple: true }) as number;
  const to = latestVersion(migrations);
  if (from > to) throw newerVersionError(file, from, to);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, applied: [] };
  // Enforcement is off while migrating (it cannot change inside a transaction): rebuilding a table
  // to widen a CHECK drops and renames it, which enforcement would refuse or cascade. Every
  // foreign key is checked before the transaction commits instead.
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  if (enforced) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) db.exec(m.sql);
      const problems = db.pragma('foreign_key_check') as unknown[];
      if (problems.length) throw new Error(`migration left ${problems.length} foreign-key violations`);
      // user_version lives in the file header and is rolled back with the transaction.
      db.pragma(`user_version = ${to}`);
    })();
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
  return { from, to, applied: pending.map((m) => `${String(m.version).padStart(4, '0')}_${m.name}`) };
}
