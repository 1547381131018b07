// Issue #16.14: the Excel files the workbench writes hold students, GDP, population, counts and the
// year as numbers, not text — read back with exceljs, cell by cell. Aid datasets keep all four key
// columns and count persons as persons (not divided by 100 as if they were 分).
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { tempDir } from '../test/support/temp';
import { run } from './wb';

const dir = tempDir();
const db = join(dir, 'W.sqlite');

async function wb(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

async function read(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

/** The first sheet as header → column values (row 1 is the header). */
function columns(ws: ExcelJS.Worksheet): Map<string, ExcelJS.CellValue[]> {
  const out = new Map<string, ExcelJS.CellValue[]>();
  const headers = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  headers.forEach((h) => out.set(h, []));
  ws.eachRow((row, n) => {
    if (n === 1) return;
    headers.forEach((h, i) => out.get(h)!.push(row.getCell(i + 1).value));
  });
  return out;
}

/** Text cells that read as a number, outside identifier columns (codes, hashes, ids stay text). */
function numbersStoredAsText(book: ExcelJS.Workbook): string[] {
  const found: string[] = [];
  book.eachSheet((ws) =>
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (typeof cell.value !== 'string' || !/^[-+]?\d[\d,]*(\.\d+)?%?$/.test(cell.value)) return;
        const heads = [1, 2, 3].map((h) => String(ws.getRow(h).getCell(c).value ?? '')).join('|');
        if (/代码|code|哈希|hash|标识|entity_id/i.test(heads)) return;
        found.push(`${ws.name}!R${r}C${c} "${cell.value}" under ${heads}`);
      }),
    ),
  );
  return found;
}

let facts: { ds: Record<string, number>; students: number; gdpFen: number; population: number; boarders: number; budget: { code: string; year: number; value: number }; county: string };
beforeAll(async () => {
  expect((await wb('demo', '--out', db)).code).toBe(0);
  const d = openDatabase(db).db;
  const ds = Object.fromEntries((d.prepare(`SELECT kind, MIN(id) AS id FROM dataset GROUP BY kind`).all() as { kind: string; id: number }[]).map((r) => [r.kind, r.id]));
  const county = (d.prepare(`SELECT region_code FROM aid_fact WHERE dataset_id = ? AND measure = 'boarders' ORDER BY region_code, year LIMIT 1`).pluck().get(ds.aid) as string);
  const one = <T>(sql: string, ...args: unknown[]) => d.prepare(sql).pluck().get(...args) as T;
  facts = {
    ds,
    county,
    students: one(`SELECT students FROM enrolment_fact WHERE dataset_id = ? AND region_code = '390000' AND year = 2020 AND level = 'primary'`, ds.enrolment),
    gdpFen: one(`SELECT value FROM fiscal_fact WHERE dataset_id = ? AND region_code = '390000' AND year = 2020 AND indicator = 'gdp'`, ds.fiscal),
    population: one(`SELECT value FROM fiscal_fact WHERE dataset_id = ? AND region_code = '390000' AND year = 2020 AND indicator = 'population'`, ds.fiscal),
    boarders: one(`SELECT SUM(value) FROM aid_fact WHERE dataset_id = ? AND region_code = ? AND year = 2022 AND measure = 'boarders'`, ds.aid, county),
    budget: d.prepare(`SELECT region_code AS code, year, value FROM aid_fact WHERE dataset_id = ? AND measure = 'budget_fen' ORDER BY region_code, year LIMIT 1`).get(ds.aid) as { code: string; year: number; value: number },
  };
  d.close();
});

async function exported(kind: string): Promise<{ book: ExcelJS.Workbook; cols: Map<string, ExcelJS.CellValue[]>; ws: ExcelJS.Worksheet }> {
  const out = join(dir, `${kind}.xlsx`);
  expect((await wb('--db', db, 'export', '--dataset', String(facts.ds[kind]), '--format', 'xlsx', '--out', out)).code).toBe(0);
  const book = await read(out);
  const ws = book.worksheets[0]!;
  return { book, cols: columns(ws), ws };
}

/** Rows of the export matching every given key column value. */
function pick(cols: Map<string, ExcelJS.CellValue[]>, where: Record<string, unknown>): number[] {
  const n = cols.get('年度')!.length;
  return Array.from({ length: n }, (_, i) => i).filter((i) => Object.entries(where).every(([k, v]) => cols.get(k)![i] === v));
}

describe('XLSX exports store numbers as numbers (#16.14)', () => {
  it('wb export of enrolment: the year and the students are numbers (year without a thousands separator)', async () => {
    const { cols, ws, book } = await exported('enrolment');
    expect(cols.get('年度')!.every((v) => typeof v === 'number')).toBe(true);
    expect(ws.getColumn(3).numFmt).toBe('0');
    expect(cols.get('人数')!.every((v) => typeof v === 'number' && Number.isInteger(v))).toBe(true);
    const [i] = pick(cols, { 地区代码: '390000', 年度: 2020, level: 'primary' });
    expect(cols.get('人数')![i!]).toBe(facts.students);
    expect(numbersStoredAsText(book)).toEqual([]);
  });

  it('wb export of fiscal indicators: GDP in 元 and population in persons are numbers', async () => {
    const { cols, book } = await exported('fiscal');
    const value = cols.get('数值（元；人口为人）')!;
    expect(value.every((v) => typeof v === 'number')).toBe(true);
    const gdp = pick(cols, { 地区代码: '390000', 年度: 2020, indicator: 'gdp' })[0]!;
    expect(value[gdp]).toBe(facts.gdpFen / 100);
    const pop = pick(cols, { 地区代码: '390000', 年度: 2020, indicator: 'population' })[0]!;
    expect(value[pop]).toBe(facts.population);
    expect(numbersStoredAsText(book)).toEqual([]);
  });

  it('wb export of aid: all four keys, counts in persons and budgets in 元, all numbers', async () => {
    const { cols, book } = await exported('aid');
    for (const k of ['level', 'category', 'item', 'measure']) expect(cols.has(k), k).toBe(true);
    const value = cols.get('数值（金额为元，其余为人）')!;
    expect(value.every((v) => typeof v === 'number')).toBe(true);
    const boarders = pick(cols, { 地区代码: facts.county, 年度: 2022, measure: 'boarders' }).reduce((s, i) => s + (value[i] as number), 0);
    expect(boarders).toBe(facts.boarders);
    const budget = pick(cols, { 地区代码: facts.budget.code, 年度: facts.budget.year, measure: 'budget_fen' });
    expect(budget.length).toBe(1);
    expect(value[budget[0]!]).toBe(facts.budget.value / 100);
    expect(numbersStoredAsText(book)).toEqual([]);
  });

  it('wb brief, wb aid need and wb balance workbooks hold no number as text', async () => {
    const brief = join(dir, 'brief-2024.xlsx');
    expect((await wb('--db', db, 'brief', '--region', '390000', '--format', 'xlsx', '--out', brief)).code).toBe(0);
    const aid = join(dir, 'aid-need.xlsx');
    const need = await wb('--db', db, 'aid', 'need', '--region', '390000', '--year', '2024', '--out', aid);
    expect(need.code, need.err).toBe(0);
    const balance = join(dir, 'balance.xlsx');
    expect([0, 1]).toContain((await wb('--db', db, 'balance', '--region', '390000', '--year', '2024', '--out', balance)).code);
    for (const f of [brief, aid, balance]) expect(numbersStoredAsText(await read(f)), f).toEqual([]);
  });
});
