// Writes the demo's schools, kindergartens, certifications and disabled-children enrolment
// (core/demo/schools) as four synthetic datasets, inside the caller's transaction.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { SchoolDemo } from '../../core/demo/schools';
import { insertDataset } from '../repos/datasets';

function sha256Lines(lines: Iterable<string>): string {
  const h = createHash('sha256');
  for (const l of lines) h.update(l + '\n');
  return h.digest('hex');
}

export type WrittenSchools = { schools: number; kindergartens: number | null; attainment: number | null; inclusion: number | null; rows: number };

export function writeSchoolDemo(db: Database.Database, demo: SchoolDemo, label: string, source: string, importedAt: string): WrittenSchools {
  const years = demo.firstYear === demo.lastYear ? `${demo.lastYear}` : `${demo.firstYear}–${demo.lastYear}`;
  const base = { sourceFileName: source, sheet: null, importedAt, basis: null, scope: null, releaseStage: 'other' as const, synthetic: true };
  const schoolStmt = db.prepare(
    `INSERT INTO school_fact (dataset_id, region_code, year, school_code, section, school_name, school_type, locale, township, pupils, classes, qualified_teachers, key_teachers, pe_art_teachers,
       teaching_area_dm2, sports_area_dm2, equipment_fen, multimedia_rooms, boarders, special_ed_pupils, teachers, bachelor_teachers, source_row) VALUES (${Array(23).fill('?').join(', ')})`,
  );
  const schools = insertDataset(db, {
    ...base,
    name: `${label}学校办学条件（合成数据，${years}）`,
    kind: 'schools',
    sha256: sha256Lines(demo.schools.map((s) => [s.county, s.year, s.code, s.section, s.pupils, s.qualifiedTeachers, s.keyTeachers, s.peArtTeachers, s.teachingAreaDm2, s.sportsAreaDm2, s.equipmentFen, s.multimediaRooms].join(','))),
    unit: 'mixed',
    rowCount: demo.schools.length,
    note: '每校（一贯制学校、完全中学按学段）一行；面积以0.01平方米、金额以分存储。One row per school section; areas in dm², money in 分.',
  });
  demo.schools.forEach((s, i) =>
    schoolStmt.run(schools, s.county, s.year, s.code, s.section, s.name, s.type, s.locale, s.township, s.pupils, s.classes, s.qualifiedTeachers, s.keyTeachers, s.peArtTeachers, s.teachingAreaDm2, s.sportsAreaDm2, s.equipmentFen, s.multimediaRooms, s.boarders, s.specialEdPupils, s.teachers ?? null, s.bachelorTeachers ?? null, i + 1),
  );
  let rows = demo.schools.length;
  const out: WrittenSchools = { schools, kindergartens: null, attainment: null, inclusion: null, rows };
  if (demo.kindergartens.length) {
    const stmt = db.prepare('INSERT INTO kindergarten_fact (dataset_id, region_code, year, kg_code, kg_name, ownership, children, grade, source_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    out.kindergartens = insertDataset(db, { ...base, name: `${label}幼儿园（合成数据，${years}）`, kind: 'kindergartens', sha256: sha256Lines(demo.kindergartens.map((k) => [k.county, k.year, k.code, k.ownership, k.children, k.grade].join(','))), unit: '人', rowCount: demo.kindergartens.length, note: '在园幼儿数；等级1为省一类。' });
    demo.kindergartens.forEach((k, i) => stmt.run(out.kindergartens, k.county, k.year, k.code, k.name, k.ownership, k.children, k.grade, i + 1));
    rows += demo.kindergartens.length;
  }
  if (demo.attainment.length) {
    const stmt = db.prepare('INSERT INTO county_attainment_fact (dataset_id, region_code, year, attainment, source_row) VALUES (?, ?, ?, ?, ?)');
    out.attainment = insertDataset(db, { ...base, name: `${label}县域认定（合成数据）`, kind: 'county_attainment', sha256: sha256Lines(demo.attainment.map((a) => [a.county, a.year, a.attainment].join(','))), unit: 'mixed', rowCount: demo.attainment.length, note: '基本均衡、优质均衡、普及普惠的认定年度。' });
    demo.attainment.forEach((a, i) => stmt.run(out.attainment, a.county, a.year, a.attainment, i + 1));
    rows += demo.attainment.length;
  }
  if (demo.inclusion.length) {
    const stmt = db.prepare('INSERT INTO inclusion_fact (dataset_id, region_code, year, eligible, enrolled, source_row) VALUES (?, ?, ?, ?, ?, ?)');
    out.inclusion = insertDataset(db, { ...base, name: `${label}适龄残疾儿童入学（合成数据，${years}）`, kind: 'inclusion', sha256: sha256Lines(demo.inclusion.map((r) => [r.county, r.year, r.eligible, r.enrolled].join(','))), unit: '人', rowCount: demo.inclusion.length, note: '适龄残疾儿童少年数与义务教育阶段在校数（含送教上门）。' });
    demo.inclusion.forEach((r, i) => stmt.run(out.inclusion, r.county, r.year, r.eligible, r.enrolled, i + 1));
    rows += demo.inclusion.length;
  }
  out.rows = rows;
  return out;
}
