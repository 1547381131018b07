// Bulletin tables of the real shapes (test/fixtures/published, figures copied from published
// bulletins) through the importer into a real SQLite file and out through `wb check`: a growth
// that its own figures do not give, two swapped columns, a 同口径 growth and its comparable base.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/wb';
import { openDatabase } from '../../db/open';
import { fileSha256 } from '../support/hash';
import { tempDir } from '../support/temp';

const FIXTURES = join(__dirname, '..', 'fixtures', 'published');
const dir = tempDir('wb-published-');
let n = 0;

function workspace(): string {
  const file = join(dir, `w${++n}.sqlite`);
  openDatabase(file).db.close();
  return file;
}

async function wb(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

function query<T>(db: string, sql: string, ...args: unknown[]): T[] {
  const h = openDatabase(db).db;
  try {
    return h.prepare(sql).safeIntegers().all(...args) as T[];
  } finally {
    h.close();
  }
}

describe('published figures checked at import (real shapes)', () => {
  it('莲都区 2022: every printed growth agrees at its precision; 上年 stored as 2021', async () => {
    const db = workspace();
    const r = await wb('--db', db, 'import', join(FIXTURES, 'liandu-2022-per-student.xlsx'), '--kind', 'bulletin');
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toContain('published_mismatch');
    expect(r.out).toContain('核对 3 行');
    const facts = query<{ year: bigint; level: string; amount_fen: bigint }>(db, 'SELECT year, level, amount_fen FROM bulletin_fact ORDER BY year, level');
    expect(facts.map((f) => `${f.year} ${f.level} ${f.amount_fen}`)).toEqual(['2021 junior 2260330', '2021 preschool 1704952', '2021 primary 1793720', '2022 junior 2372649', '2022 preschool 1324856', '2022 primary 2001865']);
    const printed = query<{ field: string; printed: string }>(db, "SELECT field, printed FROM bulletin_published WHERE level = 'primary'");
    expect(printed).toEqual([{ field: 'prior', printed: '17937.2' }]);
  });

  it('信阳市 2020: the total\'s 8.25 % (8.18 % computed) is refused until confirmed, then stored and listed by wb check', async () => {
    const db = workspace();
    const file = join(FIXTURES, 'xinyang-2020-rate-disagrees.csv');
    const before = fileSha256(db);
    const dry = await wb('--db', db, 'import', file, '--kind', 'bulletin', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.err).toMatch(/\[published_mismatch\].*第 2 行.*列「增长率\(%\)」.*8\.25.*8\.18%/);
    const refused = await wb('--db', db, 'import', file, '--kind', 'bulletin');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('confirmation_required');
    expect(fileSha256(db)).toBe(before);
    const ok = await wb('--db', db, 'import', file, '--kind', 'bulletin', '--confirm');
    expect(ok.code, ok.err).toBe(0);
    const stored = query<{ code: string; source_row: bigint; column_label: string }>(db, 'SELECT code, source_row, column_label FROM dataset_finding');
    expect(stored).toEqual([{ code: 'published_mismatch', source_row: 2n, column_label: '增长率(%)' }]);
    // The per-student rule now has the printed 上年 to compare with, and the finding is shown.
    const check = await wb('--db', db, 'check', '--rule', 'per-student-no-decrease', '--level', 'prefecture', '--year', '2020');
    expect(check.code, check.err).toBe(0);
    expect(check.out).toMatch(/信阳市.*小学.*达标.*8,449\.49.*8,115\.23/);
    expect(check.out).toMatch(/导入时的核对提示.*\n.*\[published_mismatch\] 第 2 行，列「增长率\(%\)」.*8\.18%/);
  });

  it('three-growths table with the two growth columns swapped: both rows named, the swap suggested, nothing written', async () => {
    const db = workspace();
    const before = fileSha256(db);
    const r = await wb('--db', db, 'import', join(FIXTURES, 'three-growths-swapped.xlsx'), '--kind', 'bulletin');
    expect(r.code).toBe(2);
    expect(fileSha256(db)).toBe(before);
    expect(r.err).toContain('列「教育经费增长(%)」与列「财政经常性收入增长(%)」似乎互换');
    expect(r.err).toContain('第 2 行（呼伦贝尔市）、第 3 行（沾益区）');
    expect(r.err).toMatch(/工作表 三个增长，第 2 行，列「增幅比较\(百分点\)」/);
    // The same table as published (columns in place) imports without a word.
    const good = await wb('--db', db, 'import', join(FIXTURES, 'three-growths.xlsx'), '--kind', 'bulletin');
    expect(good.code, good.err).toBe(0);
    expect(good.err).not.toContain('published_mismatch');
    const gaps = query<{ region_code: string; field: string; printed: string }>(db, "SELECT region_code, field, printed FROM bulletin_published WHERE field IN ('growth_gap', 'revenue_growth') ORDER BY region_code, field");
    expect(gaps).toEqual([
      { region_code: '150700', field: 'growth_gap', printed: '-2.69' },
      { region_code: '150700', field: 'revenue_growth', printed: '5.28' },
      { region_code: '530303', field: 'growth_gap', printed: '13.04' },
      { region_code: '530303', field: 'revenue_growth', printed: '2.19' },
    ]);
  });

  it('伊川县 2021: 同口径 growth gives the comparable base 本年 ÷ (1+g), stored, labelled and used by the per-student rule', async () => {
    const db = workspace();
    const r = await wb('--db', db, 'import', join(FIXTURES, 'yichuan-2021-comparable.csv'), '--kind', 'bulletin');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('2299.11 元 ÷ (1 − 30.57%) = 3311.41 元');
    const facts = query<{ level: string; comparable: bigint; restated_prior_fen: bigint }>(db, 'SELECT level, comparable, restated_prior_fen FROM bulletin_fact ORDER BY level');
    expect(facts.map((f) => `${f.level} ${f.comparable} ${f.restated_prior_fen}`)).toEqual(['junior 1 1055076', 'preschool 1 331141', 'primary 1 333565', 'sec_voc 1 1298440', 'senior 1 566570']);
    const check = await wb('--db', db, 'check', '--rule', 'per-student-no-decrease', '--level', 'county', '--year', '2021');
    expect(check.code).toBe(1);
    expect(check.out).toMatch(/伊川县.*学前教育.*未达标.*2,299\.11.*3,311\.41.*同口径基数/);
    expect(check.out).toMatch(/伊川县.*小学.*达标.*4,112\.19.*3,335\.65/);
  });
});
