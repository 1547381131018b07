// `wb audit` and `wb backup` on real files: verify passes on an untouched log and exits 1 naming the
// first edited entry; export writes every entry to .csv and .xlsx (read back); a backup is taken,
// listed and restored, the restore logged; a damaged database is refused with the way out.
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../core/demo/generate';
import { writeDemo } from '../../db/demo/write-demo';
import { openDatabase } from '../../db/open';
import { tempDir } from '../../test/support/temp';
import { run } from '../wb';

const dir = tempDir('wb-audit-cli-');

async function wb(file: string, args: string[]): Promise<{ rc: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const rc = await run(['--db', file, ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { rc, out, err };
}

function demo(name: string): string {
  const file = join(dir, name);
  const opened = openDatabase(file);
  writeDemo(opened.db, generateDemo({ scale: 'province' }));
  opened.db.close();
  return file;
}

let file: string;
beforeAll(() => {
  file = demo('demo.sqlite');
});

describe('wb audit', () => {
  it('verify: 0 on an intact log, 1 naming the first edited entry after tampering', async () => {
    const ok = await wb(file, ['audit', 'verify']);
    expect(ok.rc).toBe(0);
    expect(ok.out).toMatch(/the audit log is intact/);
    const copy = join(dir, 'tampered.sqlite');
    const src = new Database(file);
    src.prepare('VACUUM INTO ?').run(copy);
    src.close();
    const raw = new Database(copy);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare(`UPDATE audit_log SET actor = 'someone-else' WHERE seq = 7`).run();
    raw.close();
    const bad = await wb(copy, ['audit', 'verify']);
    expect(bad.rc).toBe(1);
    expect(bad.out).toMatch(/TAMPERED: entry #7 — .*it was edited/);
    const json = JSON.parse((await wb(copy, ['audit', 'verify', '--format', 'json'])).out) as { ok: boolean; firstBad: { seq: number } };
    expect(json).toMatchObject({ ok: false, firstBad: { seq: 7 } });
  });

  it('export: every entry with its hashes, to CSV and to Excel', async () => {
    const total = (JSON.parse((await wb(file, ['audit', 'verify', '--format', 'json'])).out) as { entries: number }).entries;
    const csvFile = join(dir, 'log.csv');
    expect((await wb(file, ['audit', 'export', '--out', csvFile])).rc).toBe(0);
    const lines = readFileSync(csvFile, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('序号 seq,时间 at (UTC),操作者 actor,动作 action,对象 entity,标识 entity_id,变更前 before,变更后 after,前一哈希 prev_hash,哈希 hash');
    expect(lines.filter((l) => /^\d+,/.test(l))).toHaveLength(total);
    expect(lines.some((l) => l.includes('# 校验 / verification: 通过 / intact'))).toBe(true);
    const xlsxFile = join(dir, 'log.xlsx');
    expect((await wb(file, ['audit', 'export', '--out', xlsxFile, '--entity', 'dataset'])).rc).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsxFile);
    const sheet = book.worksheets[0]!;
    const actions = sheet.getColumn(4).values.slice(2);
    // The demo's ten datasets: expenditure and enrolment (全辖, 本级), fiscal, student aid, schools,
    // kindergartens, county certifications and inclusion.
    expect(actions).toEqual(Array(10).fill('insert'));
    expect(String(sheet.getRow(2).getCell(10).value)).toMatch(/^[0-9a-f]{64}$/);
    expect((await wb(file, ['audit', 'export', '--out', join(dir, 'log.txt')])).rc).toBe(2);
  });
});

describe('wb backup', () => {
  it('creates, lists and restores; the restore is in the log; a damaged database points the way', async () => {
    const f = demo('backup.sqlite');
    const created = await wb(f, ['backup', 'create']);
    expect(created.rc).toBe(0);
    const name = created.out.trim().split(/[\\/]/).pop()!;
    const list = JSON.parse((await wb(f, ['backup', 'list', '--format', 'json'])).out) as { name: string; reason: string; datasets: number; problem: string | null }[];
    expect(list).toEqual([expect.objectContaining({ name, reason: 'manual', datasets: 10, problem: null })]);

    // A failing disk overwrites pages in the middle of the file.
    const fd = openSync(f, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 16, 0xff), 0, 4096 * 16, 4096 * 4);
    closeSync(fd);
    const refused = await wb(f, ['info']);
    expect(refused.rc).toBe(2);
    expect(refused.err).toMatch(/damaged or not a workbench database/);
    expect(refused.err).toMatch(/backup restore NAME/);

    const restored = await wb(f, ['backup', 'restore', name]);
    expect(restored.rc).toBe(0);
    expect(restored.out).toMatch(/restored .* copied to .*\.restore\.sqlite/s);
    const log = JSON.parse((await wb(f, ['audit', 'list', '--limit', '2', '--format', 'json'])).out) as { action: string }[];
    // The entry saying the backup was taken came after the copy, so the restored log ends before it.
    expect(log.map((e) => e.action)).toEqual(['restore', 'insert']);
    expect((await wb(f, ['audit', 'verify'])).rc).toBe(0);
    expect((await wb(f, ['backup', 'restore'])).rc).toBe(2);
  });
});
