// Tampering around backups and the end of the log, through the real CLI on real files:
// a backup from a newer schema is refused before anything is replaced and listed as what it is;
// a backup whose audit entry was edited is flagged by `backup list` and restored only with --force;
// a dropped append-only guard trigger is recreated (and logged) on open; the last entries cut from
// the log are found through the head anchored beside the database and beside each backup.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../core/demo/generate';
import { run } from '../../cli/wb';
import { tempDir } from '../../test/support/temp';
import { anchorFileOf } from '../audit/anchor';
import { listAudit } from '../audit/log';
import { writeDemo } from '../demo/write-demo';
import { openDatabase } from '../open';
import { backupDirFor, listBackups } from './backups';

const root = tempDir('wb-tamper-');
let n = 0;

function demoFile(): string {
  const file = join(root, `t${++n}`, 'w.sqlite');
  const { db } = openDatabase(file);
  writeDemo(db, generateDemo({ scale: 'province' }));
  db.close();
  return file;
}

async function wb(file: string, args: string[]): Promise<{ rc: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const rc = await run(['--db', file, ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { rc, out, err };
}

async function backup(file: string): Promise<string> {
  const r = await wb(file, ['backup', 'create']);
  expect(r.rc).toBe(0);
  return r.out.trim().split(/[\\/]/).pop()!;
}

const bytes = (f: string) => readFileSync(f);
const maxSeq = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('a backup from a newer schema (user_version 99)', () => {
  it('is listed as schema 99, newer than this app, and its restore is refused with the database untouched', async () => {
    const file = demoFile();
    const name = await backup(file);
    const copy = join(backupDirFor(file), name);
    const raw = new Database(copy);
    raw.pragma('user_version = 99');
    raw.close();
    const list = await wb(file, ['backup', 'list', '--format', 'json']);
    const info = (JSON.parse(list.out) as { name: string; schemaVersion: number; problem: string | null }[]).find((b) => b.name === name)!;
    expect(info.schemaVersion).toBe(99);
    expect(info.problem).toMatch(/schema 99 is newer than this workbench supports/);
    expect((await wb(file, ['backup', 'list'])).out).toMatch(/schema 99 is newer/);
    const before = bytes(file);
    const backupsBefore = listBackups(file).length;
    const r = await wb(file, ['backup', 'restore', name]);
    expect(r.rc).toBe(2);
    expect(r.err).toMatch(/cannot be restored; the database was left untouched: .*schema 99 is newer/);
    expect(bytes(file).equals(before)).toBe(true);
    // nothing was copied aside either: the refusal came before any step of the restore
    expect(listBackups(file).length).toBe(backupsBefore);
  });
});

describe('a backup whose audit entry was edited', () => {
  it('is flagged by backup list; restore refuses without --force and warns with it', async () => {
    const file = demoFile();
    const name = await backup(file);
    const copy = join(backupDirFor(file), name);
    const raw = new Database(copy);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare(`UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3`).run();
    raw.close();
    const info = listBackups(file).find((b) => b.name === name)!;
    expect(info.problem).toBeNull();
    expect(info.auditProblem).toMatch(/审计日志第 3 条.*edited/);
    expect((await wb(file, ['backup', 'list'])).out).toMatch(/AUDIT TAMPERED/);
    const before = bytes(file);
    const refused = await wb(file, ['backup', 'restore', name]);
    expect(refused.rc).toBe(2);
    expect(refused.err).toMatch(/was tampered with; nothing was restored \(use --force/);
    expect(bytes(file).equals(before)).toBe(true);
    const forced = await wb(file, ['backup', 'restore', name, '--force']);
    expect(forced.rc).toBe(0);
    expect(forced.err).toMatch(/restored despite a tampered audit log/);
  });

  it('is flagged when its last entries were cut (the head anchored beside it)', async () => {
    const file = demoFile();
    const name = await backup(file);
    const copy = join(backupDirFor(file), name);
    expect(existsSync(anchorFileOf(copy))).toBe(true);
    const raw = new Database(copy);
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 2 FROM audit_log)').run();
    raw.close();
    expect(listBackups(file).find((b) => b.name === name)!.auditProblem).toMatch(/were removed/);
  });
});

describe('the append-only guard triggers', () => {
  it('a dropped guard is recreated on open and the repair is in the log', async () => {
    const file = demoFile();
    const raw = new Database(file);
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.close();
    const r = await wb(file, ['audit', 'verify']);
    expect(r.err).toMatch(/audit triggers were missing or altered; recreated and logged/);
    const db = new Database(file, { readonly: true });
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'audit_log_no_delete'`).pluck().get()).toBe(1);
    const last = listAudit(db, { order: 'newest', limit: 1 })[0]!;
    expect([last.action, last.entity]).toEqual(['migrate', 'audit_trigger']);
    expect(JSON.parse(last.after!).repaired).toEqual([{ trigger: 'audit_log_no_delete', problem: 'missing' }]);
    db.close();
    // and the guard works again
    const again = openDatabase(file).db;
    expect(() => again.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
    again.close();
  });

  it('an altered guard (made a no-op) is replaced', async () => {
    const file = demoFile();
    const raw = new Database(file);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.exec('CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT 1; END');
    raw.close();
    const { db, auditNotices } = openDatabase(file);
    expect(auditNotices.join('\n')).toMatch(/audit_log_no_update \(被改动 \/ altered\)/);
    expect(() => db.prepare(`UPDATE audit_log SET actor = 'x' WHERE seq = 1`).run()).toThrow(/append-only/);
    db.close();
  });

  it('read-only: reported, not recreated, and verify fails', async () => {
    const file = demoFile();
    const raw = new Database(file);
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.close();
    const { db, auditNotices } = openDatabase(file, { readOnly: true });
    expect(auditNotices.join('\n')).toMatch(/read-only: not recreated/);
    db.close();
  });
});

describe('the last audit entries removed', () => {
  it('are found by verify (exit 1) and reported on open, through the head anchored beside the database', async () => {
    const file = demoFile();
    expect((await wb(file, ['audit', 'verify'])).rc).toBe(0);
    const anchored = JSON.parse(readFileSync(anchorFileOf(file), 'utf8')) as { seq: number; hash: string };
    expect(anchored.seq).toBe(maxSeq(file));
    const raw = new Database(file);
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE seq > ?').run(anchored.seq - 3);
    raw.exec(`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only / 审计日志只能追加');
END`);
    raw.close();
    const r = await wb(file, ['audit', 'verify']);
    expect(r.rc).toBe(1);
    expect(r.err).toMatch(new RegExp(`entries ${anchored.seq - 2}–${anchored.seq} were removed`));
    expect(r.out).toMatch(new RegExp(`CHANGED OUTSIDE THE LOG: audit_log head — .*entries ${anchored.seq - 2}–${anchored.seq} were removed`));
    // the anchor is kept as evidence, not moved to the shorter log
    expect(JSON.parse(readFileSync(anchorFileOf(file), 'utf8')).seq).toBe(anchored.seq);
  });

  it('the anchor follows a restore (no false alarm afterwards), the replaced one kept beside the safety copy', async () => {
    const file = demoFile();
    const name = await backup(file);
    await wb(file, ['backup', 'create']);
    const r = await wb(file, ['backup', 'restore', name]);
    expect(r.rc).toBe(0);
    expect((await wb(file, ['audit', 'verify'])).rc).toBe(0);
    expect(JSON.parse(readFileSync(anchorFileOf(file), 'utf8')).seq).toBe(maxSeq(file));
    const safety = r.out.match(/copied to (.+)\n/)![1]!;
    expect(existsSync(anchorFileOf(safety))).toBe(true);
  });

  it('the audit export and a dataset export state the head in their provenance', async () => {
    const file = demoFile();
    const head = maxSeq(file);
    const out = join(root, `audit-${n}.csv`);
    expect((await wb(file, ['audit', 'export', '--out', out])).rc).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(new RegExp(`链头 / head: #${head} [0-9a-f]{64}`));
    const data = join(root, `dataset-${n}.csv`);
    const r = await wb(file, ['export', '--dataset', '1', '--format', 'csv', '--out', data]);
    expect(r.rc).toBe(0);
    expect(readFileSync(data, 'utf8')).toMatch(new RegExp(`audit head: #${head} [0-9a-f]{64}`));
  });
});
