// The school-level kinds go through the same importer as every kind: the shipped templates import
// (areas to dm² and money to 分 exactly, one row per 一贯制 section), a bad file is refused with
// each problem located by row and column and nothing written, and a second import is a new dataset.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ImportRequest } from '../../core/import/request';
import { tempDir } from '../../test/support/temp';
import { importTemplate } from '../export/template';
import { generateDemo } from '../../core/demo/generate';
import { writeDemo } from '../demo/write-demo';
import { openDatabase } from '../open';
import { createRegionDirectory } from './region-directory';
import { runImport } from './run';

const dir = tempDir('wb-school-import-');
const demo = generateDemo({ scale: 'province' });

/** A database holding the demo province (the templates' example county 390321 is one of its counties). */
function demoDb(name: string) {
  const file = join(dir, name);
  const opened = openDatabase(file);
  writeDemo(opened.db, demo);
  return { db: opened.db, file };
}

it('imports the four templates exactly, with provenance', async () => {
  const { db } = demoDb('ok.sqlite');
  const regions = createRegionDirectory(db);
  const ids: Record<string, number> = {};
  for (const kind of ['schools', 'kindergartens', 'county-attainment', 'inclusion'] as const) {
    const file = join(dir, `${kind}.xlsx`);
    writeFileSync(file, await importTemplate(kind));
    const outcome = await runImport(file, ImportRequest.parse({ kind }), { db, regions });
    expect([kind, outcome.status, outcome.problems]).toEqual([kind, 'committed', []]);
    ids[kind] = outcome.datasetId!;
  }
  const d = db.prepare('SELECT kind, row_count, sha256, synthetic FROM dataset WHERE id = ?').get(ids.schools) as { kind: string; row_count: number; sha256: string; synthetic: number };
  expect(d).toMatchObject({ kind: 'schools', row_count: 3, synthetic: 0 });
  expect(db.prepare('SELECT school_code, section, school_type, locale, pupils, teaching_area_dm2, sports_area_dm2, equipment_fen FROM school_fact WHERE dataset_id = ? ORDER BY source_row').all(ids.schools)).toEqual([
    { school_code: '2139000101', section: 'primary', school_type: 'primary', locale: 'urban', pupils: 1200, teaching_area_dm2: 560_050, sports_area_dm2: 930_000, equipment_fen: 265_000_000 },
    { school_code: '2139000102', section: 'primary', school_type: 'nine_year', locale: 'rural', pupils: 380, teaching_area_dm2: 180_000, sports_area_dm2: 310_000, equipment_fen: 79_000_000 },
    { school_code: '2139000102', section: 'junior', school_type: 'nine_year', locale: 'rural', pupils: 260, teaching_area_dm2: 160_000, sports_area_dm2: 290_000, equipment_fen: 69_000_000 },
  ]);
  expect(db.prepare('SELECT ownership, children, grade FROM kindergarten_fact WHERE dataset_id = ?').get(ids.kindergartens)).toEqual({ ownership: 'public', children: 360, grade: 1 });
  expect(db.prepare('SELECT attainment, year FROM county_attainment_fact WHERE dataset_id = ? ORDER BY year').all(ids['county-attainment'])).toEqual([{ attainment: 'basic_balance', year: 2016 }, { attainment: 'quality_balance', year: 2024 }]);
  expect(db.prepare('SELECT eligible, enrolled FROM inclusion_fact WHERE dataset_id = ?').get(ids.inclusion)).toEqual({ eligible: 212, enrolled: 209 });
  db.close();
});

it('refuses a bad schools file, names each problem’s row and column, and writes nothing', async () => {
  const file = join(dir, 'bad.csv');
  writeFileSync(
    file,
    [
      '学校代码,县级区划,年度,学段,学校名称,学校类型,城乡类型,在校生数,班级数,高于规定学历教师数,县级以上骨干教师数,体育艺术专任教师数,教学及辅助用房面积（平方米）,体育运动场馆面积（平方米）,教学仪器设备值（元）,网络多媒体教室数',
      'S1,390321,2024,小学,一小,小学,城区,1000,23,42,10,9,4500,7500,2000000,23',
      'S2,390321,2024,小学,二小,大学,城区,-5,23,42,10,9,4500.125,7500,2000000,23',
      'S3,不存在县,2024,小学,三小,小学,郊区,100,3,4,1,1,450,750,200000,2',
      'S1,390321,2024,小学,一小,小学,城区,1000,23,42,10,9,4500,7500,2000000,23',
    ].join('\n'),
  );
  const { db, file: dbFile } = demoDb('bad.sqlite');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const before = readFileSync(dbFile);
  const schoolRows = db.prepare('SELECT count(*) FROM school_fact').pluck().get();
  const schoolSets = db.prepare("SELECT count(*) FROM dataset WHERE kind = 'schools'").pluck().get();
  const outcome = await runImport(file, ImportRequest.parse({ kind: 'schools' }), { db, regions: createRegionDirectory(db) });
  expect(outcome.status).toBe('refused');
  const located = outcome.problems.map((p) => `${p.row}|${p.column}|${p.code}`);
  expect(located).toEqual(expect.arrayContaining(['3|学校类型|field_invalid', '3|在校生数|value_negative', '3|教学及辅助用房面积(平方米)|value_too_precise', '4|县级区划|region_unknown', '4|城乡类型|field_invalid', '5|null|key_duplicate']));
  expect(db.prepare('SELECT count(*) FROM school_fact').pluck().get()).toBe(schoolRows);
  expect(db.prepare("SELECT count(*) FROM dataset WHERE kind = 'schools'").pluck().get()).toBe(schoolSets);
  db.close();
  expect(readFileSync(dbFile).equals(before)).toBe(true);
});
