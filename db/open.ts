// Opening the workbench database: check before writing, back up before migrating, then set the
// connection up the same way for every host (engine, CLI, tests).
//
// What can be wrong with the file, and what happens:
// - not an SQLite file, or damaged (quick_check fails) → CodedError 'db_corrupt' naming the file
//   and the backups that could replace it; nothing is written;
// - marked read-only, in a folder we cannot write, or locked by another program → it is opened
//   read-only and `readOnly` says why, so the app can show a notice and refuse changes;
// - written by a newer workbench → refused untouched ('db_newer_version').
import { accessSync, constants, closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { CodedError } from '../core/result';
import { registerAuditFunctions } from './audit/functions';
import { anchorFileOf, checkAnchorAgainst, readAnchor, writeAnchorOf } from './audit/anchor';
import { sealLegacyDatasets } from './audit/content';
import { describeGuardProblems, guardProblems, repairGuards } from './audit/guards';
import { appendAudit, hasAuditLog } from './audit/log';
import { backupDirFor, listBackups, writeBackup } from './backup/backups';
import { applyMigrations, latestVersion, loadMigrations, newerVersionError, type Migration, type MigrationResult } from './migrate';
import { loadStandardsFromLaw } from './law/standards';

export type ReadOnlyReason = 'requested' | 'file_read_only' | 'folder_read_only' | 'locked';

export type OpenResult = {
  db: Database.Database;
  file: string;
  created: boolean;
  migration: MigrationResult;
  backupFile: string | null;
  /** Set when the database could only be opened read-only; the message is for the user. */
  readOnly: { reason: ReadOnlyReason; message: string } | null;
  /**
   * What opening found wrong with the audit trail, for the user: the log ends before the head
   * anchored beside the database (entries removed), or audit triggers were missing or altered
   * (recreated and logged when writable). Empty when all is well.
   */
  auditNotices: string[];
};

export type OpenOptions = {
  migrations?: readonly Migration[];
  /** Folder for automatic backups; default: a `backups` folder beside the database. */
  backupDir?: string;
  /** Clock for backup names, injectable for tests. */
  now?: () => Date;
  /** Open read-only even when writing would be possible. */
  readOnly?: boolean;
  /** How long to wait for another program's write lock before opening read-only (ms). */
  lockWaitMs?: number;
};

const SQLITE_MAGIC = 'SQLite format 3\0';

function corrupt(file: string, why: string, backupDir: string): CodedError {
  const backups = listBackups(file, backupDir).filter((b) => b.problem === null);
  const offer = backups.length
    ? `可从 ${backups.length} 个备份恢复（最新：${backups[0]!.name}） / ${backups.length} backup(s) can replace it (newest: ${backups[0]!.name})`
    : '没有可用的备份 / no usable backup was found';
  return new CodedError(
    'db_corrupt',
    `数据库 ${file} 已损坏或不是工作台数据库（${why}），未做任何修改。${offer}` + ` / The database ${file} is damaged or not a workbench database (${why}); nothing was written.`,
    { file, reason: why, backups: backups.map((b) => ({ name: b.name, createdAt: b.createdAt, datasets: b.datasets, scenarios: b.scenarios })) },
  );
}

const isCorruption = (e: unknown) => ['SQLITE_CORRUPT', 'SQLITE_NOTADB'].includes((e as { code?: string }).code ?? '');
const isLock = (e: unknown) => ['SQLITE_BUSY', 'SQLITE_LOCKED'].includes((e as { code?: string }).code ?? '');

/**
 * The fixed fields of the 100-byte header (sqlite.org/fileformat.html §1.3): a page size that is a
 * power of two from 512 to 65536, format versions 1 or 2, payload fractions 64/32/32. A damaged
 * header fails these, so its user_version is not mistaken for "written by a newer workbench".
 */
function plausibleHeader(h: Buffer): boolean {
  const pageSize = h.readUInt16BE(16) === 1 ? 65536 : h.readUInt16BE(16);
  const powerOfTwo = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0;
  return powerOfTwo && [1, 2].includes(h[18]!) && [1, 2].includes(h[19]!) && h[21] === 64 && h[22] === 32 && h[23] === 32;
}

/**
 * Read user_version without writing anything. When no WAL file is pending, the 100-byte header is
 * the truth and reading it creates nothing (a read-only SQLite connection would leave -wal and
 * -shm files beside a database we may be about to refuse).
 */
function peekVersion(file: string, backupDir: string): number {
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
    if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) throw corrupt(file, '不是 SQLite 数据库文件 / not an SQLite database file', backupDir);
    if (!plausibleHeader(header)) throw corrupt(file, '文件头已损坏 / the file header is damaged', backupDir);
    return header.readUInt32BE(60);
  }
  let probe: Database.Database | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    return probe.pragma('user_version', { simple: true }) as number;
  } catch (e) {
    if (isCorruption(e)) throw corrupt(file, (e as Error).message, backupDir);
    throw new CodedError('db_unreadable', `无法读取数据库 ${file}：${(e as Error).message} / Cannot read the database ${file}: ${(e as Error).message}`);
  } finally {
    probe?.close();
  }
}

/** Every connection that may write: the audit functions, WAL, foreign keys and a busy timeout. */
export function configureConnection(db: Database.Database): void {
  registerAuditFunctions(db);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/** Why the file cannot be written by us, judged before SQLite is asked (null = writable). */
function readOnlyBeforeOpen(file: string, options: OpenOptions): { reason: ReadOnlyReason; message: string } | null {
  if (options.readOnly) return { reason: 'requested', message: '按要求以只读方式打开 / opened read-only as requested' };
  // The write bits, not only access(): an administrator (root) may write anything, but a file
  // someone marked read-only is meant to stay so.
  const writable = (path: string) => {
    try {
      accessSync(path, constants.W_OK);
      return (statSync(path).mode & 0o222) !== 0;
    } catch {
      return false;
    }
  };
  if (!writable(file)) return { reason: 'file_read_only', message: `数据库文件为只读，已以只读方式打开，不能导入或保存 / the database file is read-only: opened read-only, nothing can be changed` };
  if (!writable(dirname(file))) return { reason: 'folder_read_only', message: `数据库所在文件夹不可写，已以只读方式打开 / the database folder is not writable: opened read-only` };
  return null;
}

function openReadOnly(file: string, readOnly: NonNullable<OpenResult['readOnly']>, latest: number, version: number, backupDir: string): OpenResult {
  if (version < latest) {
    throw new CodedError('db_read_only', `${readOnly.message}；该数据库需升级结构（版本 ${version} → ${latest}）才能使用，只读时无法升级 / it needs a schema upgrade (${version} → ${latest}), which cannot be done read-only`);
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    registerAuditFunctions(db);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    quickCheck(db, file, backupDir);
  } catch (e) {
    db.close();
    throw e;
  }
  return { db, file, created: false, migration: { from: version, to: version, applied: [] }, backupFile: null, readOnly, auditNotices: auditNoticesReadOnly(db, file) };
}

function auditNoticesReadOnly(db: Database.Database, file: string): string[] {
  const notices: string[] = [];
  const anchor = checkAnchorAgainst(readAnchor(anchorFileOf(file)), db);
  if (anchor) notices.push(anchor);
  const guards = guardProblems(db, loadMigrations());
  if (guards.length) notices.push(`审计触发器缺失或被改动（只读，未重建）：${describeGuardProblems(guards)} / audit triggers missing or altered (read-only: not recreated)`);
  return notices;
}

/**
 * Writable: recreate missing audit triggers (logged), compare the log with the anchored head, and
 * keep the anchor current — now and when the connection closes — unless it shows entries removed
 * (then it is left as evidence).
 */
function guardAndAnchor(db: Database.Database, file: string, migrations: readonly Migration[]): string[] {
  const notices: string[] = [];
  const repaired = repairGuards(db, migrations);
  if (repaired.length) notices.push(`审计触发器缺失或被改动，已重建并记入日志：${describeGuardProblems(repaired)} / audit triggers were missing or altered; recreated and logged`);
  const anchorFile = anchorFileOf(file);
  const problem = checkAnchorAgainst(readAnchor(anchorFile), db);
  if (problem) {
    notices.push(problem);
    return notices;
  }
  const refresh = () => {
    try {
      writeAnchorOf(db, anchorFile);
    } catch {
      // the anchor is a second record; failing to refresh it must not stop the work
    }
  };
  refresh();
  const close = db.close.bind(db);
  db.close = () => {
    if (db.open && !db.inTransaction) refresh();
    return close();
  };
  return notices;
}

function quickCheck(db: Database.Database, file: string, backupDir: string): void {
  let result: string;
  try {
    result = db.pragma('quick_check(1)', { simple: true }) as string;
  } catch (e) {
    if (isCorruption(e)) throw corrupt(file, (e as Error).message, backupDir);
    throw e;
  }
  if (result !== 'ok') throw corrupt(file, `quick_check: ${result}`, backupDir);
}

/** Can we take the write lock? Another program holding it means we may only read. */
function writeLockAvailable(db: Database.Database, waitMs: number): boolean {
  db.pragma(`busy_timeout = ${waitMs}`);
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
    return true;
  } catch (e) {
    if (isLock(e)) return false;
    throw e;
  } finally {
    db.pragma('busy_timeout = 5000');
  }
}

export function openDatabase(file: string, options: OpenOptions = {}): OpenResult {
  const migrations = options.migrations ?? loadMigrations();
  const latest = latestVersion(migrations);
  const backupDir = options.backupDir ?? backupDirFor(file);
  const created = !existsSync(file);
  let version = 0;
  if (!created) {
    version = peekVersion(file, backupDir);
    if (version > latest) throw newerVersionError(file, version, latest);
    const readOnly = readOnlyBeforeOpen(file, options);
    if (readOnly) return openReadOnly(file, readOnly, latest, version, backupDir);
  } else {
    mkdirSync(dirname(file), { recursive: true });
  }
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (e) {
    if (isCorruption(e)) throw corrupt(file, (e as Error).message, backupDir);
    throw e;
  }
  try {
    registerAuditFunctions(db);
    if (!created) {
      quickCheck(db, file, backupDir);
      if (!writeLockAvailable(db, options.lockWaitMs ?? 2000)) {
        db.close();
        return openReadOnly(file, { reason: 'locked', message: '数据库正被另一个程序写入（已锁定），已以只读方式打开 / the database is locked by another program: opened read-only' }, latest, version, backupDir);
      }
    }
    let backupFile: string | null = null;
    if (!created && version > 0 && version < latest) {
      mkdirSync(backupDir, { recursive: true });
      // VACUUM INTO writes a consistent, compact copy without changing the source.
      backupFile = writeBackup(db, file, 'migrate', { dir: backupDir, now: (options.now ?? (() => new Date()))() });
    }
    configureConnection(db);
    const migration = applyMigrations(db, migrations, file);
    if (migration.applied.length && hasAuditLog(db)) {
      appendAudit(db, { action: 'migrate', entity: 'database', before: { schemaVersion: migration.from }, after: { schemaVersion: migration.to, applied: migration.applied, backup: backupFile } });
    }
    sealLegacyDatasets(db);
    // The built-in funding standards are a copy of the law store; refreshed only when they differ.
    loadStandardsFromLaw(db);
    const auditNotices = guardAndAnchor(db, file, migrations);
    return { db, file, created, migration, backupFile, readOnly: null, auditNotices };
  } catch (e) {
    if (db.open) db.close();
    if (isCorruption(e)) throw corrupt(file, (e as Error).message, backupDir);
    throw e;
  }
}
