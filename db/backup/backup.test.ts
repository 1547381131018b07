// Backups on real files: one before every import (removed again when the import is refused), the
// newest ten import backups kept, each listed with what it holds, and a restore that copies the
// current database aside, puts the backup in place and logs itself in the restored audit log.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportRequest } from '../../core/import/request';
import { tempDir } from '../../test/support/temp';
import { listAudit } from '../audit/log';
import { verifyAudit } from '../audit/verify';
import { createRegionDirectory } from '../import/region-directory';
import { runImport } from '../import/run';
import { openDatabase } from '../open';
import { backupDirFor, listBackups, parseBackupName, writeBackup } from './backups';
import { restoreBackup } from './restore';

const dir = tempDir('wb-backup-');

function csv(name: string, value: string): string {
  const file = join(dir, name);
  writeFileSync(file, `地区代码,地区名称,年份,学段,教育支出(万元)\n110101,东城区,2023,小学,${value}\n110102,西城区,2023,小学,200.50\n`);
  return file;
}

describe('backups around imports', () => {
  it('are taken before each import, dropped when the import is refused, and capped at ten', async () => {
    const file = join(dir, 'imports.sqlite');
    const { db } = openDatabase(file);
    const regions = createRegionDirectory(db);
    const outcome = await runImport(csv('ok-0.csv', '100.25'), ImportRequest.parse({ kind: 'expenditure' }), { db, regions });
    expect(outcome.status).toBe('committed');
    expect(listBackups(file).map((b) => [b.reason, b.datasets])).toEqual([['import', 0]]);
    const refused = await runImport(csv('bad.csv', 'not a number'), ImportRequest.parse({ kind: 'expenditure' }), { db, regions });
    expect(refused.status).toBe('refused');
    expect(listBackups(file)).toHaveLength(1);
    for (let i = 1; i <= 11; i++) {
      const o = await runImport(csv(`ok-${i}.csv`, `${100 + i}.00`), ImportRequest.parse({ kind: 'expenditure' }), { db, regions });
      expect(o.status).toBe('committed');
    }
    const kept = listBackups(file);
    expect(kept).toHaveLength(10);
    // Newest first; the newest holds the 11 datasets imported before the last one.
    expect(kept[0]!.datasets).toBe(11);
    expect(kept.every((b) => b.problem === null && b.reason === 'import')).toBe(true);
    db.close();
  });
});

describe('names', () => {
  it('round-trip, including the ones older versions wrote before migrations', () => {
    expect(parseBackupName('w.v5.2026-01-02T03-04-05-006Z.import.sqlite')).toEqual({ stem: 'w', version: 5, createdAt: '2026-01-02T03:04:05.006Z', reason: 'import' });
    expect(parseBackupName('w.v1.2026-01-02T03-04-05-000Z.sqlite')).toMatchObject({ reason: 'migrate' });
    expect(parseBackupName('w.v1.2026-01-02T03-04-05-000Z.import.sqlite.partial')).toBeNull();
    expect(parseBackupName('../x.sqlite')).toBeNull();
  });
});

describe('restore', () => {
  it('puts the backup in place, keeps the replaced database, and logs the restore', () => {
    const file = join(dir, 'restore.sqlite');
    const opened = openDatabase(file);
    opened.db.prepare(`INSERT INTO setting (key, value) VALUES ('unit', '万元')`).run();
    const backup = writeBackup(opened.db, file, 'manual');
    const backupHead = listAudit(opened.db, { order: 'newest', limit: 1 })[0]!;
    opened.db.prepare(`UPDATE setting SET value = '亿元'`).run();
    const replacedHead = listAudit(opened.db, { order: 'newest', limit: 1 })[0]!;
    opened.db.close();

    const name = backup.split(/[\\/]/).pop()!;
    const result = restoreBackup(file, name);
    const db = result.opened.db;
    expect(db.prepare(`SELECT value FROM setting WHERE key = 'unit'`).pluck().get()).toBe('万元');
    const last = listAudit(db, { order: 'newest', limit: 1 })[0]!;
    expect(last).toMatchObject({ action: 'restore', entity: 'database', seq: backupHead.seq + 1, prevHash: backupHead.hash });
    expect(JSON.parse(last.after!)).toMatchObject({ backup: name, backupAuditHead: { seq: backupHead.seq, hash: backupHead.hash }, replacedAuditHead: { seq: replacedHead.seq, hash: replacedHead.hash } });
    expect(verifyAudit(db).ok).toBe(true);
    db.close();
    // The replaced database is kept as a restore backup holding the later change.
    expect(readdirSync(backupDirFor(file)).filter((n) => n.endsWith('.restore.sqlite'))).toHaveLength(1);
    expect(listBackups(file).find((b) => b.reason === 'restore')?.auditHead).toEqual({ seq: replacedHead.seq, hash: replacedHead.hash });
  });

  it('refuses a name that is a path or not a backup', () => {
    const file = join(dir, 'restore-bad.sqlite');
    openDatabase(file).db.close();
    expect(() => restoreBackup(file, '../restore-bad.sqlite')).toThrow(/not a backup name/);
    expect(() => restoreBackup(file, 'restore-bad.v6.2026-01-01T00-00-00-000Z.manual.sqlite')).toThrow(/not found/);
  });
});
