// The workbench's own import templates must import back exactly: every example row, under the
// 功能分类科目 it names (2050202, 2050203 — not 205), several sub-items per level not refused.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ImportRequest } from '../../core/import/request';
import { importTemplate } from '../../db/export/template';
import { createRegionDirectory } from '../../db/import/region-directory';
import { runImport } from '../../db/import/run';
import { openDatabase } from '../../db/open';
import { tempDir } from '../support/temp';

const dir = tempDir('wb-template-');

describe('templates import back exactly', () => {
  it('expenditure: the example rows keep their 功能分类科目', async () => {
    const file = join(dir, 'expenditure.xlsx');
    writeFileSync(file, await importTemplate('expenditure'));
    const { db } = openDatabase(join(dir, 'a.sqlite'));
    const o = await runImport(file, ImportRequest.parse({ kind: 'expenditure', basis: 'mof_205' }), { db, regions: createRegionDirectory(db) });
    expect(o.status, JSON.stringify(o.problems)).toBe('committed');
    const rows = db.prepare('SELECT region_code, year, level, func_code, amount_fen FROM expenditure_fact WHERE dataset_id = ? ORDER BY func_code').all(o.datasetId);
    expect(rows).toEqual([
      { region_code: '110000', year: 2023, level: 'primary', func_code: '2050202', amount_fen: 1234567890000 },
      { region_code: '110000', year: 2023, level: 'junior', func_code: '2050203', amount_fen: 987654320000 },
    ]);
    db.close();
  });

  it('expenditure: several sub-items of one level are several facts, not a duplicate key', async () => {
    const wb = new ExcelJS.Workbook();
    const bytes = await importTemplate('expenditure');
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.getWorksheet('数据')!;
    ws.addRow(['北京市', 2023, '小学', '2050299', 1000]);
    ws.addRow(['北京市', 2023, '小学', '20502', 2234567.89]);
    const file = join(dir, 'expenditure-more.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const { db } = openDatabase(join(dir, 'b.sqlite'));
    const o = await runImport(file, ImportRequest.parse({ kind: 'expenditure', basis: 'mof_205' }), { db, regions: createRegionDirectory(db) });
    expect(o.status, JSON.stringify(o.problems)).toBe('committed');
    expect(db.prepare("SELECT func_code FROM expenditure_fact WHERE dataset_id = ? AND level = 'primary' ORDER BY func_code").pluck().all(o.datasetId)).toEqual(['20502', '2050202', '2050299']);
    db.close();
  });

  it('bulletin: the example row 全国 is a national fact (000000), not a control total', async () => {
    const file = join(dir, 'bulletin.xlsx');
    writeFileSync(file, await importTemplate('bulletin'));
    const { db } = openDatabase(join(dir, 'bulletin.sqlite'));
    const o = await runImport(file, ImportRequest.parse({ kind: 'bulletin' }), { db, regions: createRegionDirectory(db) });
    expect(o.status, JSON.stringify(o.problems)).toBe('committed');
    expect(o.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const rows = db.prepare('SELECT region_code, year, level, measure, amount_fen FROM bulletin_fact WHERE dataset_id = ?').all(o.datasetId) as { region_code: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.region_code))).toEqual(new Set(['000000']));
    db.close();
  });

  for (const kind of ['enrolment', 'capacity'] as const) {
    it(`${kind}: imports with no problem`, async () => {
      const file = join(dir, `${kind}.xlsx`);
      writeFileSync(file, await importTemplate(kind));
      const { db } = openDatabase(join(dir, `${kind}.sqlite`));
      const o = await runImport(file, ImportRequest.parse({ kind }), { db, regions: createRegionDirectory(db) });
      expect(o.status, JSON.stringify(o.problems)).toBe('committed');
      expect(o.problems.filter((p) => p.severity === 'error')).toEqual([]);
      db.close();
    });
  }
});
