// Real data through the whole chain: the 中国财政年鉴 province education spending (function class
// 205, 2010–2023) imported with `wb import`, then `wb check --rule edu-spending-no-decrease` at
// province level. The failing province-years must equal the list derived here, independently,
// from the CSV itself: split the lines, keep 教育, compare each province's decimal text with its
// prior year's exactly (as scaled integers), no code of the workbench involved.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { tempDir } from '../support/temp';
import { lastLine, wb } from './cli';
import { regionOf } from './source';

const DATA = process.env.WB_SHARED_DATA ?? '/work/shared/data';
const FILE = join(DATA, 'csy_local_budget_expenditure_2010_2023/local_gpb_expenditure_long_2010_2023.csv');
const have = existsSync(FILE);

/** Decimal text (亿元) as an integer in units of 10^-8 亿元 — exact for the file's 4 decimals. */
function scaled(text: string): bigint {
  const [int, frac = ''] = text.split('.');
  if (!/^\d+$/.test(int ?? '') || !/^\d{0,8}$/.test(frac)) throw new Error(`not a decimal: ${text}`);
  return BigInt(`${int}${frac.padEnd(8, '0')}`);
}

function expectedFailures(): string[] {
  const lines = readFileSync(FILE, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0]!.split(',');
  const [p, y, block, value, units] = ['province', 'year', 'chn_block4', 'value', 'units'].map((h) => header.indexOf(h));
  const series = new Map<string, Map<number, bigint>>();
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const cells = line.split(',');
    if (cells[block!] !== '教育') continue;
    if (cells[units!] !== '亿元') throw new Error(`unexpected unit in ${line}`);
    const code = regionOf(cells[p!]!, line);
    if (typeof code !== 'string' || !/^\d{6}$/.test(code)) continue;
    const m = series.get(code) ?? new Map<number, bigint>();
    m.set(Number(cells[y!]), scaled(cells[value!]!));
    series.set(code, m);
  }
  const out: string[] = [];
  for (const [code, m] of series) for (const [year, v] of m) if (m.has(year - 1) && v < m.get(year - 1)!) out.push(`${code} ${year}`);
  return out.sort();
}

if (!have) {
  describe('real data: edu-spending-no-decrease', () => {
    it.skip(`skipped: ${FILE} is not present (set WB_SHARED_DATA to the shared data folder)`, () => {});
  });
}

describe.skipIf(!have)('real data: edu-spending-no-decrease at province level', () => {
  const dir = tempDir('wb-real-check-');
  const db = join(dir, 'real.sqlite');
  let datasetId = '';

  beforeAll(async () => {
    openDatabase(db).db.close(); // an empty workbench database, no demo
    const r = await wb(['--db', db, 'import', FILE, '--kind', 'expenditure', '--where', 'chn_block4=教育', '--basis', 'mof_205']);
    expect(r.rc, r.err).toBe(0);
    datasetId = lastLine(r);
  }, 120_000);

  it('fails exactly the province-years where the file shows a fall', async () => {
    const expected = expectedFailures();
    expect(expected.length).toBeGreaterThan(0);
    const r = await wb(['--db', db, 'check', '--rule', 'edu-spending-no-decrease', '--level', 'province', '--dataset', datasetId, '--format', 'json']);
    expect(r.err).toBe('');
    expect(r.rc).toBe(1);
    const rows = JSON.parse(r.out) as { region_code: string; year: number; status: string; level: string | null }[];
    expect(rows.every((x) => x.level === null)).toBe(true);
    const failing = rows.filter((x) => x.status === 'fail').map((x) => `${x.region_code} ${x.year}`).sort();
    expect(failing).toEqual(expected);
    // every province-year with a prior year was judged: 31 provinces × 2011–2023
    expect(rows.filter((x) => x.status !== 'na')).toHaveLength(31 * 13);
  });
});
