// Backups: a consistent copy of the database taken before every migration and every import (and
// before a restore replaces the file), kept in a `backups` folder beside the database. A backup is
// a plain SQLite file written by VACUUM INTO, so it can be opened, checked and restored without the
// workbench; its name says which database, schema version, when and why.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { ANCHOR_SUFFIX, anchorFileOf, checkAnchorAgainst, readAnchor, writeAnchorOf } from '../audit/anchor';
import { verifyChain } from '../audit/verify';
import { latestVersion, loadMigrations } from '../migrate';

export type BackupReason = 'migrate' | 'import' | 'restore' | 'manual';
const REASONS: readonly BackupReason[] = ['migrate', 'import', 'restore', 'manual'];

export type BackupInfo = {
  /** File name inside the backups folder: what the user picks and `wb backup restore` takes. */
  name: string;
  file: string;
  sizeBytes: number;
  createdAt: string;
  schemaVersion: number;
  reason: BackupReason | 'unknown';
  /** What the copy holds, read from it: datasets and scenarios, and the audit log's head. */
  datasets: number | null;
  scenarios: number | null;
  auditHead: { seq: number; hash: string } | null;
  /** null when the copy opened and passed quick_check; else why it cannot be used. */
  problem: string | null;
  /**
   * null when the copy's audit chain is intact and its head is the one anchored beside it when it
   * was taken; else what is wrong (restoring it then needs --force).
   */
  auditProblem: string | null;
};

export function backupDirFor(dbFile: string): string {
  return join(dirname(dbFile), 'backups');
}

function stemOf(dbFile: string): string {
  return basename(dbFile).replace(/\.[^.]+$/, '');
}

export function backupName(dbFile: string, version: number, now: Date, reason?: BackupReason): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return `${stemOf(dbFile)}.v${version}.${stamp}${reason ? `.${reason}` : ''}.sqlite`;
}

const NAME = /^(.+)\.v(\d+)\.(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)(?:\.([a-z]+))?\.sqlite$/;

export function parseBackupName(name: string): { stem: string; version: number; createdAt: string; reason: BackupReason | 'unknown' } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, stem, version, stamp, reason] = m as unknown as [string, string, string, string, string | undefined];
  const createdAt = stamp.replace(/T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/, 'T$1:$2:$3.$4Z');
  return { stem, version: Number(version), createdAt, reason: reason && (REASONS as readonly string[]).includes(reason) ? (reason as BackupReason) : reason ? 'unknown' : 'migrate' };
}

/** Write a consistent copy through an open connection (sees committed data only, WAL included). */
export function writeBackup(db: Database.Database, dbFile: string, reason: BackupReason, options: { dir?: string; now?: Date } = {}): string {
  const dir = options.dir ?? backupDirFor(dbFile);
  const version = db.pragma('user_version', { simple: true }) as number;
  let at = (options.now ?? new Date()).getTime();
  // Two backups within one millisecond (a fast test, a scripted import loop) get distinct names.
  while (existsSync(join(dir, backupName(dbFile, version, new Date(at), reason)))) at++;
  const target = join(dir, backupName(dbFile, version, new Date(at), reason));
  mkdirSync(dir, { recursive: true });
  // Written under a name the list ignores, then renamed: a crash mid-copy leaves no "backup" that
  // is really half a file.
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  db.prepare('VACUUM INTO ?').run(partial);
  renameSync(partial, target);
  // The head is also kept beside the copy, so entries cut from the copy's log are found.
  writeAnchorOf(db, anchorFileOf(target));
  return target;
}

/** The schema this workbench supports (a backup from a newer one cannot be restored here). */
let supported: number | undefined;
function supportedVersion(): number {
  return (supported ??= latestVersion(loadMigrations()));
}

type Described = Pick<BackupInfo, 'datasets' | 'scenarios' | 'auditHead' | 'problem' | 'auditProblem'> & { schemaVersion?: number };

function describe(file: string): Described {
  let db: Database.Database | undefined;
  const none = { datasets: null, scenarios: null, auditHead: null, auditProblem: null };
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') return { ...none, problem: `quick_check: ${check}` };
    // The schema the file says, not the one its name says: a name can be wrong or changed.
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion > supportedVersion())
      return { ...none, schemaVersion, problem: `结构版本 ${schemaVersion} 比本程序支持的 ${supportedVersion()} 新，不能在此恢复 / schema ${schemaVersion} is newer than this workbench supports (${supportedVersion()}): it cannot be restored here` };
    const has = (t: string) => db!.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(t) !== undefined;
    const count = (t: string) => (has(t) ? (db!.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number) : null);
    const chain = has('audit_log') ? verifyChain(db) : null;
    const head = chain && chain.entries > 0 ? { seq: chain.headSeq, hash: chain.headHash } : null;
    const anchorProblem = chain && !chain.firstBad ? checkAnchorAgainst(readAnchor(anchorFileOf(file)), db) : null;
    const auditProblem = chain?.firstBad ? `审计日志第 ${chain.firstBad.seq} 条：${chain.firstBad.reason}` : anchorProblem;
    return { schemaVersion, datasets: count('dataset'), scenarios: count('scenario'), auditHead: head, problem: null, auditProblem };
  } catch (e) {
    return { ...none, problem: (e as Error).message };
  } finally {
    db?.close();
  }
}

type Parsed = NonNullable<ReturnType<typeof parseBackupName>>;

/** The backup files of this database in the folder, with what their names say. */
function backupFiles(dbFile: string, dir: string): { name: string; parsed: Parsed }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const stem = stemOf(dbFile);
  return names.map((name) => ({ name, parsed: parseBackupName(name) })).filter((x): x is { name: string; parsed: Parsed } => x.parsed !== null && x.parsed.stem === stem);
}

/** The backups of this database, newest first. Each is opened read-only and checked. */
export function listBackups(dbFile: string, dir = backupDirFor(dbFile)): BackupInfo[] {
  return backupFiles(dbFile, dir)
    .map(({ name, parsed }) => {
      const file = join(dir, name);
      const d = describe(file);
      return { name, file, sizeBytes: statSync(file).size, createdAt: parsed.createdAt, reason: parsed.reason, ...d, schemaVersion: d.schemaVersion ?? parsed.version };
    })
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1));
}

/**
 * Keep the newest `keep` backups made for `reason`; remove older ones. Migration and restore
 * copies are never pruned: they are rare and each marks a point worth returning to.
 */
export function pruneBackups(dbFile: string, reason: 'import' | 'manual', keep: number, dir = backupDirFor(dbFile)): string[] {
  const removed = backupFiles(dbFile, dir)
    .filter((x) => x.parsed.reason === reason)
    .sort((a, b) => (a.parsed.createdAt < b.parsed.createdAt ? 1 : -1))
    .slice(keep)
    .map((x) => x.name);
  for (const name of removed) for (const f of [name, `${name}${ANCHOR_SUFFIX}`]) rmSync(join(dir, f), { force: true });
  return removed;
}
