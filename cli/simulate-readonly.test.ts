// Issue #16 "also": `wb simulate` on a database that can only be read (file marked read-only) must
// not write its derived cache (fact_columns) or anything else: the file's bytes and mtime are
// unchanged and the cache table is still empty afterwards, while the simulation itself answers.
import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fileSha256 } from '../test/support/hash';
import { tempDir } from '../test/support/temp';
import { run } from './wb';

async function wb(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('a read-only simulate writes nothing', () => {
  it('leaves the file byte-identical, its mtime unchanged and fact_columns empty', async () => {
    const dir = tempDir();
    const db = join(dir, 'W.sqlite');
    expect((await wb('demo', '--out', db)).code).toBe(0);
    const raw = new Database(db);
    raw.exec('DELETE FROM fact_columns');
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.pragma('journal_mode = DELETE'); // everything in the main file, no WAL to hide a write in
    raw.close();
    chmodSync(db, 0o444);
    const before = { sha: fileSha256(db), mtime: statSync(db).mtimeMs };
    const scenario = join(dir, 's.json');
    writeFileSync(scenario, JSON.stringify({ format: 'edu-finance-scenario/1', name: '只读', region: '390000', year: 2024, parameters: { 'difficulty.tilt': 1 } }));
    const r = await wb('--db', db, 'simulate', '--scenario', scenario, '--format', 'json');
    expect([0, 1], r.err).toContain(r.code);
    expect(r.err).toMatch(/read-only/);
    expect(JSON.parse(r.out)).toBeTruthy();
    expect(fileSha256(db)).toBe(before.sha);
    expect(statSync(db).mtimeMs).toBe(before.mtime);
    const check = new Database(db, { readonly: true });
    expect(check.prepare('SELECT COUNT(*) FROM fact_columns').pluck().get()).toBe(0);
    check.close();
  });
});
