// The database a command works on: --db FILE, or the app's own database. An explicit file must
// exist (a typo should not create an empty database); the default one is created with the demo
// province on first use, exactly as the app does on first start.
import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { generateDemo } from '../core/demo/generate';
import { CodedError } from '../core/result';
import { writeDemo } from '../db/demo/write-demo';
import { openDatabase } from '../db/open';
import { defaultDatabasePath } from '../db/paths';
import type { CliIO } from './io';
import { UsageError } from './io';

export type CliOpenOptions = {
  /** A command that writes waits this long for another writer before giving up (default 2 s). */
  lockWaitMs?: number;
  /** Refuse (exit 2) instead of continuing when the database can only be read. */
  mustWrite?: boolean;
};

export function openForCli(dbOption: string | undefined, io: CliIO, cli: CliOpenOptions = {}): { db: Database.Database; file: string } {
  const file = dbOption ?? defaultDatabasePath();
  if (dbOption !== undefined && !existsSync(file)) throw new UsageError(`database file not found: ${file}\n  create an empty workspace: wb init --out ${file}\n  or one with the synthetic demo: wb demo --out ${file}`);
  try {
    const opened = openDatabase(file, cli.lockWaitMs !== undefined ? { lockWaitMs: cli.lockWaitMs } : {});
    if (opened.backupFile) io.err(`backup before migration: ${opened.backupFile}\n`);
    if (opened.readOnly && cli.mustWrite) {
      opened.db.close();
      throw new UsageError(`${opened.readOnly.message}；未写入任何内容 / nothing was written`);
    }
    if (opened.readOnly) io.err(`${opened.readOnly.message}\n`);
    for (const notice of opened.auditNotices) io.err(`审计 / audit: ${notice}\n`);
    if (opened.created) {
      writeDemo(opened.db, generateDemo({ scale: 'province' }));
      io.err(`created ${file} with the synthetic demo province\n`);
    }
    return { db: opened.db, file };
  } catch (e) {
    if (e instanceof CodedError && ['db_newer_version', 'db_unreadable', 'db_corrupt', 'db_read_only'].includes(e.code)) {
      const hint = e.code === 'db_corrupt' ? `\n查看与恢复备份 / list and restore backups: wb --db ${file} backup list; wb --db ${file} backup restore NAME` : '';
      throw new UsageError(e.message + hint);
    }
    throw e;
  }
}
