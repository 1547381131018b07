// Opening a database that is damaged, marked read-only or locked by another program: a damaged file
// is refused untouched with the backups that could replace it; a read-only or locked one opens
// read-only and says why; writes through such a connection fail and change nothing.
import { chmodSync, closeSync, copyFileSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fileSha256 } from '../test/support/hash';
import { tempDir } from '../test/support/temp';
import { writeBackup } from './backup/backups';
import { openDatabase } from './open';

const dir = tempDir('wb-open-safety-');
let n = 0;
function fresh(): string {
  const file = join(dir, `db${++n}.sqlite`);
  const { db } = openDatabase(file);
  db.prepare(`INSERT INTO setting (key, value) VALUES ('unit', '万元')`).run();
  db.close();
  return file;
}

describe('a damaged database', () => {
  it('is refused with a clear message naming the usable backups, and left byte-identical', () => {
    const file = fresh();
    const { db } = openDatabase(file);
    writeBackup(db, file, 'manual', { now: new Date('2026-03-04T05:06:07.089Z') });
    db.close();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 8, 0xee), 0, 4096 * 8, 4096 * 2);
    closeSync(fd);
    const before = fileSha256(file);
    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'db_corrupt', details: { backups: [{ name: expect.stringMatching(/\.v\d+\.2026-03-04T05-06-07-089Z\.manual\.sqlite$/) }] } });
    expect((error as Error).message).toMatch(/damaged or not a workbench database/);
    expect((error as Error).message).toMatch(/1 backup\(s\) can replace it/);
    expect(fileSha256(file)).toBe(before);
  });

  it('says so when no backup exists', () => {
    const file = join(dir, 'garbage.sqlite');
    const fd = openSync(file, 'w');
    writeSync(fd, Buffer.from('SQLite format 3\0'.padEnd(4096, 'x')));
    closeSync(fd);
    expect(() => openDatabase(file)).toThrow(/no usable backup was found|没有可用的备份/);
  });
});

describe('a database that cannot be written', () => {
  it('opens read-only when the file is marked read-only, and refuses writes', () => {
    const file = fresh();
    chmodSync(file, 0o444);
    const opened = openDatabase(file);
    try {
      expect(opened.readOnly).toMatchObject({ reason: 'file_read_only' });
      expect(opened.db.readonly).toBe(true);
      expect(opened.db.prepare('SELECT value FROM setting').pluck().get()).toBe('万元');
      expect(() => opened.db.prepare(`UPDATE setting SET value = '亿元'`).run()).toThrow(/readonly/);
    } finally {
      opened.db.close();
      chmodSync(file, 0o644);
    }
  });

  it('opens read-only, with a notice, when another program holds the write lock', () => {
    const file = fresh();
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const opened = openDatabase(file, { lockWaitMs: 50 });
      expect(opened.readOnly).toMatchObject({ reason: 'locked', message: expect.stringMatching(/locked by another program/) });
      expect(opened.db.prepare('SELECT count(*) FROM setting').pluck().get()).toBe(1);
      opened.db.close();
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    // Once the lock is gone it opens for writing again.
    const again = openDatabase(file);
    expect(again.readOnly).toBeNull();
    again.db.close();
  });

  it('cannot be upgraded while read-only, and says so', () => {
    const file = join(dir, 'old-readonly.sqlite');
    copyFileSync(fresh(), file);
    const db = new Database(file);
    db.pragma('user_version = 5');
    db.close();
    chmodSync(file, 0o444);
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'db_read_only' }));
    chmodSync(file, 0o644);
  });
});
