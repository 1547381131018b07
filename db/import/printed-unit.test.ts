// A file printed in 千元 (a unit the dataset table does not list) imports with exact amounts; the
// dataset records 'mixed' and names the printed unit in its notes. Before the fix the import failed
// on the table's CHECK constraint with a raw SQLite error (found by fuzzing).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ImportRequest } from '../../core/import/request';
import { tempDir } from '../../test/support/temp';
import { openDatabase } from '../open';
import { createRegionDirectory } from './region-directory';
import { runImport } from './run';

it('imports a 千元 table exactly and says which unit it was printed in', async () => {
  const dir = tempDir('wb-printed-unit-');
  const csv = join(dir, 'spending-thousands.csv');
  writeFileSync(csv, '地区代码,地区名称,年份,学段,教育支出(千元)\n110101,东城区,2023,小学,1.5\n110102,西城区,2023,小学,2000.25\n');
  const { db } = openDatabase(join(dir, 'w.sqlite'));
  const outcome = await runImport(csv, ImportRequest.parse({ kind: 'expenditure' }), { db, regions: createRegionDirectory(db) });
  expect(outcome.status).toBe('committed');
  const d = db.prepare('SELECT unit, note FROM dataset WHERE id = ?').get(outcome.datasetId) as { unit: string; note: string };
  expect(d.unit).toBe('mixed');
  expect(d.note).toContain('原表单位：千元');
  expect(db.prepare('SELECT region_code, amount_fen FROM expenditure_fact ORDER BY region_code').all()).toEqual([
    { region_code: '110101', amount_fen: 150_000 },
    { region_code: '110102', amount_fen: 200_025_000 },
  ]);
  db.close();
});
