// Restoring a backup. The current database is copied aside first (so a restore can itself be
// undone), the chosen copy is checked, written beside the database and renamed over it — a rename
// is atomic, so a crash leaves either the old file or the restored one, never a mixture — and the
// restore is appended to the restored database's audit log, naming what it replaced.
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { CodedError } from '../../core/result';
import { anchorFileOf, writeAnchorOf } from '../audit/anchor';
import { appendAudit, hasAuditLog } from '../audit/log';
import { openDatabase, type OpenOptions, type OpenResult } from '../open';
import { backupDirFor, backupName, listBackups, parseBackupName, writeBackup, type BackupInfo } from './backups';

export type RestoreResult = {
  opened: OpenResult;
  restored: BackupInfo;
  /** Copy of the database as it was just before the restore. */
  safetyCopy: string;
};

/** The head of the log and the schema of a database file, or null when it cannot be read. */
function headOf(file: string): { seq: number; hash: string } | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    if (!hasAuditLog(db)) return null;
    return (db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined) ?? null;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/** Copy the current file aside: a consistent copy when it opens, the raw bytes when it is damaged. */
function copyAside(dbFile: string, dir: string, now: Date): string {
  try {
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      if ((db.pragma('quick_check', { simple: true }) as string) === 'ok') return writeBackup(db, dbFile, 'restore', { dir, now });
    } finally {
      db.close();
    }
  } catch {
    // damaged or not a database at all: keep its bytes exactly as they are
  }
  const target = join(dir, backupName(dbFile, 0, now, 'restore'));
  copyFileSync(dbFile, target);
  for (const ext of ['-wal', '-shm']) if (existsSync(dbFile + ext)) copyFileSync(dbFile + ext, target + ext);
  return target;
}

/**
 * Replace the database with one of its backups. Every connection to the database must be closed
 * first (the engine closes its own). `name` is a file name from listBackups, never a path.
 */
export function restoreBackup(dbFile: string, name: string, options: OpenOptions & { dir?: string; now?: () => Date; force?: boolean } = {}): RestoreResult {
  const dir = options.dir ?? backupDirFor(dbFile);
  if (basename(name) !== name || parseBackupName(name) === null) throw new CodedError('bad_input', `“${name}” 不是备份文件名 / is not a backup name`);
  const info = listBackups(dbFile, dir).find((b) => b.name === name);
  if (!info) throw new CodedError('not_found', `备份 ${name} 不存在 / backup ${name} not found in ${dir}`);
  // Everything is checked before anything is replaced: a backup that is damaged or from a newer
  // workbench is refused, one whose audit log was tampered with needs `force`.
  if (info.problem) throw new CodedError('backup_unusable', `备份 ${name} 不能恢复，数据库未做任何修改：${info.problem} / backup ${name} cannot be restored; the database was left untouched: ${info.problem}`);
  if (info.auditProblem && !options.force)
    throw new CodedError('backup_unusable', `备份 ${name} 的审计日志被改动过，未恢复（确需恢复请加 --force）：${info.auditProblem} / the audit log of backup ${name} was tampered with; nothing was restored (use --force to restore it anyway)`);
  const now = options.now ?? (() => new Date());
  const replacedHead = existsSync(dbFile) ? headOf(dbFile) : null;
  const safetyCopy = existsSync(dbFile) ? copyAside(dbFile, dir, now()) : '';
  const staging = `${dbFile}.restoring`;
  copyFileSync(info.file, staging);
  // The old file's WAL belongs to the old file: replaying it onto the restored one would corrupt it.
  for (const ext of ['-wal', '-shm']) rmSync(dbFile + ext, { force: true });
  // So does its anchored head: kept beside the safety copy, replaced after the restore is logged.
  const anchor = anchorFileOf(dbFile);
  if (existsSync(anchor)) {
    if (safetyCopy) copyFileSync(anchor, anchorFileOf(safetyCopy));
    rmSync(anchor, { force: true });
  }
  renameSync(staging, dbFile);
  const opened = openDatabase(dbFile, options);
  try {
    appendAudit(opened.db, {
      action: 'restore',
      entity: 'database',
      after: { backup: name, backupCreatedAt: info.createdAt, backupAuditHead: info.auditHead, replacedAuditHead: replacedHead, safetyCopy: basename(safetyCopy), ...(info.auditProblem ? { forcedDespite: info.auditProblem } : {}) },
    });
    writeAnchorOf(opened.db, anchor);
  } catch (e) {
    opened.db.close();
    throw e;
  }
  return { opened, restored: info, safetyCopy };
}
