// Issue #16.1: every command that writes a file refuses an existing path unless --force, and never
// writes onto the open database, its WAL/SHM/journal, its companions or its backups — not even
// with --force, not through a symbolic or hard link. Real database, real files, the real CLI.
import { existsSync, linkSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileSha256 } from '../test/support/hash';
import { tempDir } from '../test/support/temp';
import { pathFlavour, protectedOutputReason } from '../core/security/output-path';
import { run } from './wb';

const dir = tempDir();
const db = join(dir, 'W.sqlite');

async function wb(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

beforeAll(async () => {
  expect((await wb('demo', '--out', db)).code).toBe(0);
  expect((await wb('--db', db, 'backup', 'create')).code).toBe(0);
  // Leave a WAL beside the database, as a running app does.
  const keep = new Database(db);
  keep.pragma('journal_mode = WAL');
  keep.close();
});

/** Every file-writing command, aimed at `out` (with --force when asked). */
function writers(out: string, force: boolean): string[][] {
  const f = force ? ['--force'] : [];
  return [
    ['--db', db, 'brief', '--region', '390000', '--format', 'html', '--out', out, ...f],
    ['--db', db, 'export', '--dataset', '1', '--format', 'csv', '--out', out, ...f],
    ['--db', db, 'template', '--kind', 'expenditure', '--out', out, ...f],
    ['--db', db, 'audit', 'export', '--out', out, ...f],
  ];
}

describe('output paths (#16.1)', () => {
  it('never writes onto the open database, even with --force (the reported `brief --out W.sqlite`)', async () => {
    const before = fileSha256(db);
    for (const force of [false, true]) {
      for (const argv of writers(db, force)) {
        // audit export needs .csv/.xlsx: aimed at the database it is refused for its extension, also exit 2.
        const r = await wb(...argv);
        expect(r.code, argv.join(' ')).toBe(2);
      }
    }
    const r = await wb('--db', db, 'brief', '--region', '390000', '--format', 'html', '--out', db, '--force');
    expect(r.err).toMatch(/workbench database itself/);
    expect(fileSha256(db)).toBe(before);
    expect((await wb('--db', db, 'info')).code).toBe(0);
  });
  it('never writes onto its WAL/SHM, its companions or a backup, even with --force', async () => {
    const backups = readdirSync(join(dir, 'backups')).filter((n) => n.endsWith('.sqlite'));
    expect(backups.length).toBeGreaterThan(0);
    const backup = join(dir, 'backups', backups[0]!);
    const backupHash = fileSha256(backup);
    for (const target of [`${db}-wal`, `${db}-shm`, `${db}-journal`, `${db}.audit-head.json`, backup, join(dir, 'backups', 'new.csv')]) {
      const r = await wb('--db', db, 'export', '--dataset', '1', '--format', 'csv', '--out', target, '--force');
      expect(r.code, target).toBe(2);
      expect(r.err).toMatch(/belongs to the database|backups folder/);
    }
    expect(fileSha256(backup)).toBe(backupHash);
    expect(existsSync(join(dir, 'backups', 'new.csv'))).toBe(false);
  });
  it('sees through symbolic and hard links to the database', async () => {
    const before = fileSha256(db);
    symlinkSync(db, join(dir, 'alias.csv'));
    linkSync(db, join(dir, 'hard.csv'));
    for (const target of [join(dir, 'alias.csv'), join(dir, 'hard.csv')]) {
      const r = await wb('--db', db, 'export', '--dataset', '1', '--format', 'csv', '--out', target, '--force');
      expect(r.code, target).toBe(2);
    }
    expect(fileSha256(db)).toBe(before);
  });
  it('refuses an existing file without --force (exit 2, file unchanged) and replaces it with --force', async () => {
    for (const [i, argv] of writers('', false).entries()) {
      const ext = argv.includes('template') ? 'xlsx' : argv.includes('brief') ? 'html' : 'csv';
      const out = join(dir, `existing-${i}.${ext}`);
      writeFileSync(out, 'keep me');
      const hash = fileSha256(out);
      const refused = await wb(...writers(out, false)[i]!);
      expect(refused.code, argv.join(' ')).toBe(2);
      expect(refused.err).toMatch(/exists; add --force/);
      expect(fileSha256(out)).toBe(hash);
      const forced = await wb(...writers(out, true)[i]!);
      expect(forced.code, forced.err).toBe(0);
      expect(fileSha256(out)).not.toBe(hash);
    }
    // No stray partial files are left beside the replaced ones.
    expect(readdirSync(dir).filter((n) => n.includes('.partial'))).toEqual([]);
  });
  it('refuses a folder, and a file in a folder that does not exist', async () => {
    mkdirSync(join(dir, 'a-folder'));
    expect((await wb('--db', db, 'export', '--dataset', '1', '--format', 'csv', '--out', join(dir, 'a-folder'), '--force')).err).toMatch(/is a folder/);
    expect((await wb('--db', db, 'export', '--dataset', '1', '--format', 'csv', '--out', join(dir, 'nope', 'x.csv'))).err).toMatch(/does not exist/);
  });
  it('the path policy: case-insensitive where the file system is, backslashes on Windows', () => {
    const win = pathFlavour('win32');
    expect(protectedOutputReason('C:\\Data\\WORKBENCH.sqlite', 'C:\\data\\workbench.sqlite', win)).toMatch(/database itself/);
    expect(protectedOutputReason('C:\\data\\backups\\x.csv', 'C:\\data\\workbench.sqlite', win)).toMatch(/backups folder/);
    expect(protectedOutputReason('C:\\data\\backups-old\\x.csv', 'C:\\data\\workbench.sqlite', win)).toBeNull();
    const linux = pathFlavour('linux');
    expect(protectedOutputReason('/d/W.SQLITE', '/d/W.sqlite', linux)).toBeNull();
    expect(protectedOutputReason('/d/W.sqlite-wal', '/d/W.sqlite', linux)).toMatch(/-wal/);
    expect(protectedOutputReason('/d/W.sqlite.csv', '/d/W.sqlite', linux)).toBeNull();
  });
});
