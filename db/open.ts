// Opening the workbench database: check before writing, back up before migrating, then set the
// connection up the same way for every host (engine, CLI, tests).
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { CodedError } from '../core/result';
import { applyMigrations, latestVersion, loadMigrations, newerVersionError, type Migration, type MigrationResult } from './migrate';

export type OpenResult = {
  db: Database.Database;
  file: string;
  created: boolean;
  migration: MigrationResult;
  backupFile: string | null;
};

export type OpenOptions = {
  migrations?: readonly Migration[];
  /** Folder for automatic backups; default: a `backups` folder beside the database. */
  backupDir?: string;
  /** Clock for backup names, injectable for tests. */
  now?: () => Date;
};

const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * Read user_version without writing anything. When no WAL file is pending, the 100-byte header is
 * the truth and reading it creates nothing (a read-only SQLite connection would leave -wal and
 * -shm files beside a database we may be about to refuse).
 */
function peekVersion(file: string): number {
  const wal = `${file}-wal`;
  if (!existsSync(wal) || statSync(wal).size === 0) {
    const header = Buffer.alloc(100);
    const fd = openSync(file, 'r');
    let read: number;
    try {
      read = readSync(fd, header, 0, 100, 0);
    } finally {
      closeSync(fd);
    }
    if (read === 0) return 0; // an empty file is a new database
    if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
      throw new CodedError('db_unreadable', `无法读取数据库 ${file}：不是 SQLite 数据库文件 / Cannot read the database ${file}: not an SQLite database file`);
    }
    return header.readUInt32BE(60);
  }
  let probe: Database.Database | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    return probe.pragma('user_version', { simple: true }) as number;
  } catch (e) {
    throw new CodedError('db_unreadable', `无法读取数据库 ${file}：${(e as Error).message} / Cannot read the database ${file}: ${(e as Error).message}`);
  } finally {
    probe?.close();
  }
}

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

export function backupName(file: string, version: number, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return `${basename(file).replace(/\.[^.]+$/, '')}.v${version}.${stamp}.sqlite`;
}

export function openDatabase(file: string, options: OpenOptions = {}): OpenResult {
  const migrations = options.migrations ?? loadMigrations();
  const latest = latestVersion(migrations);
  const created = !existsSync(file);
  let backupFile: string | null = null;
  if (!created) {
    const version = peekVersion(file);
    if (version > latest) throw newerVersionError(file, version, latest);
    if (version < latest && version > 0) {
      const dir = options.backupDir ?? join(dirname(file), 'backups');
      mkdirSync(dir, { recursive: true });
      backupFile = join(dir, backupName(file, version, (options.now ?? (() => new Date()))()));
      const src = new Database(file, { readonly: true, fileMustExist: true });
      try {
        // VACUUM INTO writes a consistent, compact copy without changing the source.
        src.prepare('VACUUM INTO ?').run(backupFile);
      } finally {
        src.close();
      }
    }
  } else {
    mkdirSync(dirname(file), { recursive: true });
  }
  const db = new Database(file);
  try {
    configure(db);
    const migration = applyMigrations(db, migrations, file);
    return { db, file, created, migration, backupFile };
  } catch (e) {
    db.close();
    throw e;
  }
}
