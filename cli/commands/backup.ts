// wb backup list | create | restore NAME: the automatic copies taken before migrations and imports,
// a copy on demand, and putting one back (the current file is copied aside first; logged).
import { existsSync } from 'node:fs';
import { appendAudit } from '../../db/audit/log';
import { listBackups, writeBackup } from '../../db/backup/backups';
import { restoreBackup } from '../../db/backup/restore';
import { acquireLease, describeHolder } from '../../db/lock/lease';
import { defaultDatabasePath } from '../../db/paths';
import { CodedError } from '../../core/result';
import { oneOf, parse } from '../args';
import { openForCli } from '../database';
import { EXIT, UsageError, type CliIO } from '../io';
import { renderJson, renderTable } from '../output';

export const backupHelp = `wb backup list [--format table|json]
  The database's backups, newest first, each checked: when, why, schema, datasets, audit head.
wb backup create
  Take a backup now.
wb backup restore NAME [--force]
  Replace the database with backup NAME (from the list). The current database is copied aside first
  and the restore is recorded in the audit log. Works on a damaged database too. A backup from a
  newer workbench, or a damaged one, is refused before anything is replaced; one whose audit log
  was tampered with (chain broken, or shorter than the head anchored beside it) needs --force.
  Refused (exit 2) while the workbench app has the database open (its lease, FILE.lock); a stale
  lease (its process has ended) is taken over with a note.`;

export function backupCommand(argv: string[], io: CliIO, dbOption: string | undefined): number {
  const [sub, ...rest] = argv;
  const file = dbOption ?? defaultDatabasePath();
  if (sub === 'list') {
    const { values } = parse(rest, { format: { type: 'string' } });
    const format = oneOf(values, 'format', ['table', 'json'] as const, 'table');
    // Listing reads only the backups folder: it must work when the database itself is damaged.
    const backups = listBackups(file);
    if (format === 'json') io.out(renderJson(backups));
    else if (!backups.length) io.out(`no backups of ${file}\n`);
    else io.out(renderTable(['name', 'created at', 'reason', 'schema', 'datasets', 'scenarios', 'audit head', 'MB', 'check'], backups.map((b) => [b.name, b.createdAt, b.reason, b.schemaVersion, b.datasets, b.scenarios, b.auditHead ? `#${b.auditHead.seq}` : null, (b.sizeBytes / 1048576).toFixed(1), b.problem ?? (b.auditProblem ? `AUDIT TAMPERED: ${b.auditProblem}` : 'ok')]), [false, false, false, true, true, true, false, true]));
    return EXIT.ok;
  }
  if (sub === 'create') {
    parse(rest, {});
    const { db } = openForCli(dbOption, io);
    try {
      const target = writeBackup(db, file, 'manual');
      appendAudit(db, { action: 'backup', entity: 'database', after: { backup: target.split(/[\\/]/).pop() } });
      io.out(`${target}\n`);
      return EXIT.ok;
    } finally {
      db.close();
    }
  }
  if (sub === 'restore') {
    const { positionals, values } = parse(rest, { force: { type: 'boolean' } }, true);
    const name = positionals[0];
    if (!name || positionals.length > 1) throw new UsageError('wb backup restore needs exactly one backup NAME (see wb backup list)');
    if (dbOption !== undefined && !existsSync(file)) throw new UsageError(`database file not found: ${file}`);
    // One writer at a time: an app holding the file would keep writing to the replaced inode.
    const taken = acquireLease(file, 'cli');
    if (!taken.ok) {
      throw new UsageError(
        `数据库 ${file} 正被 ${describeHolder(taken.holder)} 使用，未恢复、未做任何更改；请先关闭工作台再恢复，或在工作台「审计与备份」中恢复 / the database ${file} is in use by ${describeHolder(taken.holder)}; nothing was restored or changed — close the app first, or restore from its 审计与备份 view`,
      );
    }
    if (taken.takenOver) io.err(`wb: note: a stale lock of ${describeHolder(taken.takenOver)} was taken over (its process has ended)\n`);
    try {
      const result = restoreBackup(file, name, { force: values.force === true });
      result.opened.db.close();
      if (result.restored.auditProblem) io.err(`warning: restored despite a tampered audit log (--force): ${result.restored.auditProblem}\n`);
      io.out(`restored ${name} into ${file}\nthe replaced database was copied to ${result.safetyCopy}\n`);
      return EXIT.ok;
    } catch (e) {
      if (e instanceof CodedError) throw new UsageError(e.message);
      throw e;
    } finally {
      taken.lease.release();
    }
  }
  throw new UsageError(`wb backup needs list, create or restore, got "${sub ?? ''}"`);
}
