// Every real file under /work/shared/data (NBS exports, yearbook .xls, tidy .xlsx) must open and
// yield rows; a few cells are checked exactly.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../../core/import/cells';
import { openSource, type TableSource } from './index';
import { openXlsxStream } from './xlsx-stream';

const DATA = '/work/shared/data';
const have = existsSync(DATA);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

async function all(source: TableSource, sheet = source.sheets[0] ?? ''): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const r of source.rows(sheet)) rows.push(r);
  return rows;
}

async function rowsOf(path: string, sheet?: string): Promise<RawRow[]> {
  const source = await openSource(join(DATA, path));
  try {
    return await all(source, sheet);
  } finally {
    await source.close();
  }
}

describe.skipIf(!have)('real files in /work/shared/data', () => {
  const files = have ? walk(DATA).filter((f) => /\.(csv|xls|xlsx)$/i.test(f)) : [];

  it('finds the files', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
  });

  for (const file of files) {
    it(`opens ${file.slice(DATA.length + 1)}`, async () => {
      const source = await openSource(file);
      try {
        const ext = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
        expect(source.format).toBe(ext === 'csv' ? 'csv' : ext);
        expect(source.sheets.length).toBeGreaterThan(0);
        let total = 0;
        for (const sheet of source.sheets) {
          const rows = await all(source, sheet);
          rows.forEach((r, i) => expect(r.n).toBe(i + 1));
          total += rows.filter((r) => r.cells.length > 0).length;
          await source.flags(sheet);
        }
        expect(total).toBeGreaterThan(2);
      } finally {
        await source.close();
      }
    });
  }

  it('decodes the GBK export to the same rows as its UTF-8 copy', async () => {
    const dir = 'nbs_exports_2006_2024/original';
    const gbk = await openSource(join(DATA, dir, 'renjiyi163_地区生产总值_2006_2024.csv'));
    expect(gbk.encoding).toBe('gb18030');
    const gbkRows = await all(gbk);
    await gbk.close();
    const utf8Rows = await rowsOf(join(dir, 'renjiyi163_地区生产总值_2006_2024.utf8.csv'));
    expect(gbkRows).toEqual(utf8Rows);
    expect(gbkRows[3]?.cells.slice(0, 3)).toEqual(['地区', '2024年', '2023年']);
    expect(gbkRows[4]?.cells.slice(0, 2)).toEqual(['北京市', '49670.2']);
  });

  it('reads the NBS "\\t," export: header, values and footnotes', async () => {
    const rows = await rowsOf('nbs_exports_2006_2024/original/tec_expenditure_地方一般公共预算支出_2011_2024.csv');
    expect(rows[2]).toEqual({ n: 3, cells: ['地区', ...Array.from({ length: 15 }, (_, i) => `${2025 - i}年`)] });
    const beijing = rows.find((r) => r.cells[0] === '北京市');
    expect(beijing?.cells[1]).toBeNull(); // 2025 not yet published
    expect(beijing?.cells[2]).toBe('8396.49'); // 2024
    expect(rows.at(-2)?.cells[0]).toMatch(/^注：1\. 地方财政支出均为本级支出/);
    expect(rows.at(-1)?.cells).toEqual(['数据来源：国家统计局']);
    expect(rows.flatMap((r) => r.cells).some((c) => typeof c === 'string' && c.includes('\t'))).toBe(false);
  });

  it('decrypts the 2019 yearbook table and reads 河北 as stored', async () => {
    const file = join(DATA, 'csy_local_budget_expenditure_2010_2023/original_yearbook_tables/csy_table7-6_general_public_budget_expenditure_by_region_2019.xls');
    const source = await openSource(file);
    expect(source.sheets).toEqual(['1-2', '3', 'CNKI']);
    const hebei = (await all(source, '1-2')).find((r) => r.cells[0] === '河 北');
    expect(hebei?.cells.slice(0, 3)).toEqual(['河 北', 'Hebei', '8309.04']);
    await source.close();
  });

  it('reads the tidy 2015 workbook with numbers unrounded', async () => {
    const rows = await rowsOf('csy_local_budget_expenditure_2010_2023/original_tidy_xlsx/2015.xlsx');
    expect(rows[0]?.cells).toEqual(['province', 'year', 'chn_block4', 'value', 'units', 'variables']);
    expect(rows[1]?.cells).toEqual(['安徽', '2015', '合计', 5239.01, '亿元', 'v6_cz_yszc_hj']);
  });

  it('streams every tidy .xlsx to the same rows as loading it whole', async () => {
    for (const file of files.filter((f) => f.endsWith('.xlsx'))) {
      const whole = await openSource(file);
      const s = statSync(file);
      const streamed = await openXlsxStream({ path: file, fileName: basename(file), size: s.size, mtimeMs: s.mtimeMs, signal: undefined }, whole.sha256);
      expect(streamed.sheets).toEqual(whole.sheets);
      for (const sheet of whole.sheets) expect(await all(streamed, sheet)).toEqual(await all(whole, sheet));
      await Promise.all([whole.close(), streamed.close()]);
    }
  });
});
