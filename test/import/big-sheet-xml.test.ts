// A legitimate .xlsx under 10 MB whose sheet XML is far larger (a long county panel compresses
// well) used to exit 3 ("sheet1.xml is too large"): it is streamed like a big file and imports.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ImportRequest } from '../../core/import/request';
import { loadRegionList } from '../../db/data/region-list';
import { STREAM_SHEET_XML_BYTES } from '../../db/import/read/open';
import { readZipDirectory } from '../../db/import/read/zip';
import { createRegionDirectory } from '../../db/import/region-directory';
import { runImport } from '../../db/import/run';
import { openDatabase } from '../../db/open';
import { readFileSync } from 'node:fs';
import { tempDir } from '../support/temp';

const dir = tempDir('wb-bigxml-');

describe('a small workbook with a big sheet', () => {
  it('is streamed and imported, not refused with exit 3', async () => {
    const file = join(dir, 'county-panel.xlsx');
    const counties = loadRegionList().filter((r) => r.level === 'county');
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const ws = book.addWorksheet('面板');
    ws.addRow(['区划代码', '年份', '在校生数(人)', '备注']).commit();
    const note = '数据来源：各县教育事业统计年报，按学年初在校学生数汇总，不含成人教育及非学历教育；'.repeat(8);
    let n = 0;
    for (let y = 2000; y <= 2024; y++) for (const c of counties) ws.addRow([c.code, y, 20_000 + (++n % 5000), note]).commit();
    await book.commit();
    const buf = readFileSync(file);
    const entries = await readZipDirectory(async (o, l) => buf.subarray(o, o + l), buf.length);
    const xml = [...entries.values()].filter((e) => /worksheets\/.*\.xml$/.test(e.name)).reduce((a, e) => a + e.size, 0);
    expect(statSync(file).size).toBeLessThan(10 * 1024 * 1024);
    expect(xml).toBeGreaterThan(64 * 1024 * 1024);
    expect(xml).toBeGreaterThan(STREAM_SHEET_XML_BYTES);
    const { db } = openDatabase(join(dir, 'w.sqlite'));
    const o = await runImport(file, ImportRequest.parse({ kind: 'enrolment', map: ['students=在校生数(人)'] }), { db, regions: createRegionDirectory(db), backup: false });
    expect(o.status, JSON.stringify(o.problems.slice(0, 3))).toBe('committed');
    expect(o.factCount).toBe(counties.length * 25);
    db.close();
  });
});
