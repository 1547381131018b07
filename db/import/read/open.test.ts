// openSource on the small synthetic files of test/fixtures/readers (see make-fixtures.ts there).
import { copyFileSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { RawRow } from '../../../core/import/cells';
import type { ProblemCode } from '../../../core/import/problems';
import { openSource, ReaderError, type OpenOptions, type TableSource } from './index';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/readers/', import.meta.url));
const fixture = (name: string) => join(FIXTURES, name);
const tmp = mkdtempSync(join(tmpdir(), 'readers-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function all(source: TableSource, sheet = source.sheets[0] ?? ''): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const r of source.rows(sheet)) rows.push(r);
  return rows;
}

async function read(name: string, options?: OpenOptions): Promise<{ source: TableSource; rows: RawRow[] }> {
  const source = await openSource(fixture(name), options);
  try {
    return { source, rows: await all(source) };
  } finally {
    await source.close();
  }
}

/** The ReaderError a promise rejects with (fails the test if it resolves or throws anything else). */
async function problemOf(p: Promise<unknown>): Promise<ReaderError['problem']> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ReaderError);
  return (e as ReaderError).problem;
}

async function refusal(name: string, code: ProblemCode, options?: OpenOptions) {
  const p = await problemOf(openSource(fixture(name), options));
  expect(p.code).toBe(code);
  expect(p.severity).toBe('error');
  expect(p.file).toBe(name);
  expect(p.expected).toMatch(/ \/ /); // Chinese / English
  return p;
}

const TABLE = [
  { n: 1, cells: ['地区', '年份', '金额'] },
  { n: 2, cells: ['北京', '2024', '1.5'] },
  { n: 3, cells: ['天津', '2024', '2'] },
];

describe('CSV and TSV', () => {
  it('reads UTF-8 with and without BOM, and GB18030 without BOM, to the same rows', async () => {
    for (const [name, encoding] of [['utf8-bom.csv', 'utf-8'], ['utf8-nobom.csv', 'utf-8'], ['gb18030.csv', 'gb18030']] as const) {
      const { source, rows } = await read(name);
      expect(rows).toEqual(TABLE);
      expect(source).toMatchObject({ format: 'csv', encoding, sheets: [name.replace(/\.csv$/, '')], fileName: name });
      expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('reads TSV and semicolon files', async () => {
    const tsv = await read('tabs.tsv');
    expect(tsv.source.format).toBe('tsv');
    expect(tsv.rows.map((r) => r.cells)).toEqual([['region', 'year', 'amount'], ['北京', '2024', '1.5'], ['天津, 市', '2024']]);
    const semi = await read('semicolon.csv');
    expect(semi.rows.map((r) => r.cells)).toEqual([['region', 'amount', 'note'], ['北京', '1,5', 'a'], ['天津', '2,25', 'b']]);
  });

  it('reads quoted fields with separators, line breaks and doubled quotes; numbers records', async () => {
    const { rows } = await read('quoted.csv');
    expect(rows).toEqual([
      { n: 1, cells: ['name', 'note', 'amount'] },
      { n: 2, cells: ['Beijing, East', 'line1\r\nline2', '1'] },
      { n: 3, cells: ['say "hi"', null, '2'] },
      { n: 4, cells: [null, '  spaced  ', '3'] },
    ]);
  });

  it('keeps row numbers across blank lines (CRLF) and drops trailing blank lines', async () => {
    expect((await read('crlf-blank.csv')).rows).toEqual([
      { n: 1, cells: ['a', 'b'] },
      { n: 2, cells: [] },
      { n: 3, cells: ['1', '2'] },
      { n: 4, cells: [] },
      { n: 5, cells: ['3', '4'] },
    ]);
    expect((await read('cr-only.csv')).rows.map((r) => r.cells)).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
  });

  it('never turns a trailing separator into a cell', async () => {
    expect((await read('trailing-sep.csv')).rows.map((r) => r.cells)).toEqual([['a', 'b'], ['1']]);
  });

  it('reads the NBS "\\t," export shape without stray tabs, notes included', async () => {
    const { rows, source } = await read('nbs-tabcomma.csv');
    expect(source.format).toBe('csv');
    expect(rows.map((r) => r.cells)).toEqual([['数据库：分省年度数据 '], ['时间：2023年-2024年 '], ['地区', '2024年', '2023年'], ['北京市', '8396.49'], ['注：1. 均为本级收入,不包括债务收入。'], ['数据来源：国家统计局']]);
  });

  it('reports invalid bytes under the declared encoding with their row', async () => {
    for (const [name, encoding] of [['gb18030-bad.csv', 'gb18030'], ['utf8-bad.csv', 'utf-8']] as const) {
      const source = await openSource(fixture(name), { encoding });
      const seen: number[] = [];
      const p = await problemOf(
        (async () => {
          for await (const r of source.rows(source.sheets[0] ?? '')) seen.push(r.n);
        })(),
      );
      expect(p).toMatchObject({ code: 'encoding_invalid', row: 3, file: name });
      expect(seen).toEqual([1, 2]);
      await source.close();
    }
  });

  it('refuses text that is neither UTF-8 nor GB18030 when detecting', async () => {
    await refusal('utf8-bad.csv', 'file_unreadable');
  });

  it('finds invalid bytes beyond the detection sample, with the right row', async () => {
    const file = join(tmp, 'late-bad.csv');
    const good = Array.from({ length: 5000 }, (_, i) => `${i},北京,${i * 1.5}\n`).join('');
    writeFileSync(file, Buffer.concat([Buffer.from(good), Buffer.from('5000,'), Buffer.from([0xe5, 0x28]), Buffer.from(',1\n5001,x,2\n')]));
    const source = await openSource(file);
    expect(source.encoding).toBe('utf-8');
    let last = 0;
    const p = await problemOf(
      (async () => {
        for await (const r of source.rows(source.sheets[0] ?? '')) last = r.n;
      })(),
    );
    expect(p).toMatchObject({ code: 'encoding_invalid', row: 5001 });
    expect(last).toBe(5000);
    await source.close();
  });

  it('accepts a U+FFFD the file really contains', async () => {
    const file = join(tmp, 'replacement.csv');
    writeFileSync(file, 'a,b\n\uFFFD,1\n');
    expect((await all(await openSource(file))).map((r) => r.cells)).toEqual([['a', 'b'], ['\uFFFD', '1']]);
  });

  it('reports an unclosed quote with its row', async () => {
    const source = await openSource(fixture('unclosed-quote.csv'));
    expect(await problemOf(all(source))).toMatchObject({ code: 'file_unreadable', row: 2 });
  });

  it('refuses a missing file and a directory', async () => {
    expect(await problemOf(openSource(join(tmp, 'missing.csv')))).toMatchObject({ code: 'file_unreadable', file: 'missing.csv', expected: expect.stringContaining('ENOENT') });
    expect((await problemOf(openSource(tmp))).code).toBe('file_unreadable');
  });

  it('refuses empty, blank-only, binary, UTF-16 and HTML files', async () => {
    await refusal('empty.csv', 'file_empty');
    await refusal('blank-lines.csv', 'file_empty');
    expect((await refusal('binary.csv', 'file_unreadable')).expected).toContain('PNG');
    await refusal('nul-bytes.csv', 'file_unreadable');
    expect((await refusal('utf16.csv', 'file_unreadable')).expected).toContain('UTF-16');
    expect((await refusal('page.xls', 'file_unreadable')).expected).toContain('HTML');
  });

  it('iterates again from the start, in batches too, and rejects unknown sheets', async () => {
    const source = await openSource(fixture('crlf-blank.csv'));
    const first = await all(source);
    expect(await all(source)).toEqual(first);
    const batches: RawRow[][] = [];
    for await (const b of source.rowsBatched(source.sheets[0] ?? '', 2)) batches.push(b);
    expect(batches.map((b) => b.length)).toEqual([2, 2, 1]);
    expect(batches.flat()).toEqual(first);
    expect(await source.flags(source.sheets[0] ?? '')).toEqual([]);
    const p = await problemOf(all(source, 'nope'));
    expect(p).toMatchObject({ code: 'sheet_not_found', sheet: 'nope', value: 'nope' });
    expect(p.expected).toContain('crlf-blank');
    await source.close();
  });

  it('refuses to read a file changed after it was opened', async () => {
    const file = join(tmp, 'changing.csv');
    copyFileSync(fixture('utf8-nobom.csv'), file);
    const source = await openSource(file);
    writeFileSync(file, 'x,y\n1,2\n3,4\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect((await problemOf(all(source))).code).toBe('file_unreadable');
  });

  it('stops on abort, when opening and while iterating', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(openSource(fixture('utf8-bom.csv'), { signal: controller.signal })).rejects.toThrow(/abort/i);

    const file = join(tmp, 'long.csv');
    writeFileSync(file, Array.from({ length: 50_000 }, (_, i) => `${i},x\n`).join(''));
    const later = new AbortController();
    const source = await openSource(file, { signal: later.signal });
    let seen = 0;
    const iteration = (async () => {
      for await (const _row of source.rows(source.sheets[0] ?? '')) if (++seen === 1) later.abort();
    })();
    await expect(iteration).rejects.toThrow(/abort/i);
    expect(seen).toBeLessThan(50_000);
    await source.close();
  });

  it('closes iterations the caller abandoned', async () => {
    const source = await openSource(fixture('utf8-bom.csv'));
    const it = source.rows(source.sheets[0] ?? '')[Symbol.asyncIterator]();
    expect((await it.next()).value).toEqual(TABLE[0]);
    await source.close();
    await source.close(); // idempotent
    await expect(all(source)).rejects.toThrow(/closed/);
  });
});

describe('xlsx', () => {
  it('reads cell types as stored: numbers unrounded, dates ISO, booleans, errors, rich text', async () => {
    const { rows, source } = await read('types.xlsx');
    expect(source).toMatchObject({ format: 'xlsx', encoding: null, sheets: ['类型'] });
    expect(rows).toEqual([
      { n: 1, cells: ['number', 0.1 + 0.2] },
      { n: 2, cells: ['date', '2024-01-15'] },
      { n: 3, cells: ['datetime', '2024-01-15T13:30:00'] },
      { n: 4, cells: ['bool', 'TRUE'] },
      { n: 5, cells: ['error', '#N/A'] },
      { n: 6, cells: ['rich', '北京'] },
      { n: 7, cells: ['link', '国家统计局'] },
      { n: 8, cells: ['spaces', ' 北  京\n市 '] },
      { n: 9, cells: ['text-number', '8309.04'] },
      { n: 10, cells: ['string-formula', 'numberx'] },
      { n: 11, cells: [] },
      { n: 12, cells: [null, null, null, 'far'] },
    ]);
  });

  it('flags merged cells other than the top-left, which keeps the value', async () => {
    const source = await openSource(fixture('merged.xlsx'));
    const rows = await all(source);
    expect(rows[0]).toEqual({ n: 1, cells: ['标题横跨三列'] });
    expect(rows[4]).toEqual({ n: 5, cells: [null, 20] });
    expect(await source.flags('合并')).toEqual([
      { row: 1, col: 1, kind: 'merged' },
      { row: 1, col: 2, kind: 'merged' },
      { row: 5, col: 0, kind: 'merged' },
    ]);
    await source.close();
  });

  it('flags a formula without a cached value and yields the cached result otherwise', async () => {
    const source = await openSource(fixture('formula-no-value.xlsx'));
    expect((await all(source))[1]).toEqual({ n: 2, cells: [1, 2, null, 10] });
    // The cached result is reported too (it may be stale): the importer asks to confirm it.
    expect(await source.flags('公式')).toEqual([{ row: 2, col: 2, kind: 'formula_without_value' }, { row: 2, col: 3, kind: 'formula' }]);
    await source.close();
  });

  it('detects an .xlsx by content even when named .csv', async () => {
    const { source, rows } = await read('really-xlsx.csv');
    expect(source.format).toBe('xlsx');
    expect(rows).toHaveLength(5);
  });

  it('lists empty sheets and yields no rows for them', async () => {
    const source = await openSource(fixture('empty-sheet.xlsx'));
    expect(source.sheets).toEqual(['空表', '数据']);
    expect(await all(source, '空表')).toEqual([]);
    expect(await all(source, '数据')).toEqual([{ n: 1, cells: ['x', 1] }]);
    expect((await problemOf(all(source, 'Sheet9'))).code).toBe('sheet_not_found');
    await source.close();
  });

  it('refuses truncated, sheetless, all-empty and non-workbook ZIP files', async () => {
    await refusal('truncated.xlsx', 'file_unreadable');
    await refusal('crc-damaged.xlsx', 'file_unreadable'); // inflates fine, to wrong bytes: only the CRC tells
    await refusal('no-sheets.xlsx', 'file_empty');
    await refusal('only-empty-sheet.xlsx', 'file_empty');
    expect((await refusal('not-a-workbook.xlsx', 'file_unreadable')).expected).toContain('Word');
  });

  it('decrypts with the given password or Excel’s default one; refuses an unknown password', async () => {
    await refusal('encrypted-secret.xlsx', 'file_encrypted');
    expect((await refusal('encrypted-secret.xlsx', 'file_encrypted', { password: 'wrong' })).expected).toContain('password');
    const rows = [
      { n: 1, cells: ['地区', '金额'] },
      { n: 2, cells: ['北京', 42] },
    ];
    expect((await read('encrypted-secret.xlsx', { password: 'secret' })).rows).toEqual(rows);
    const dflt = await read('encrypted-default.xlsx');
    expect(dflt.rows).toEqual(rows);
    expect(dflt.source.format).toBe('xlsx');
  });
});

describe('xls', () => {
  it('reads values as stored, dates by their format, merges as flags', async () => {
    const source = await openSource(fixture('merged.xls'));
    expect(source).toMatchObject({ format: 'xls', encoding: null, sheets: ['表1', 'Two'] });
    expect(await all(source, '表1')).toEqual([
      { n: 1, cells: ['表 1 标题'] },
      { n: 2, cells: ['地区', '金额', '日期'] },
      { n: 3, cells: [' 北  京', 8309.04, '2024-01-15'] },
      { n: 4, cells: ['天津', '1,234.5', 'TRUE'] },
    ]);
    expect(await source.flags('表1')).toEqual([
      { row: 1, col: 1, kind: 'merged' },
      { row: 1, col: 2, kind: 'merged' },
    ]);
    expect(await all(source, 'Two')).toEqual([{ n: 1, cells: ['second'] }]);
    await source.close();
  });
});
