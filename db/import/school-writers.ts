// Writing school-level records into their fact tables inside the import's transaction; a repeated
// key (the same school section, kindergarten, certification or county-year twice) is reported.
import type Database from 'better-sqlite3';
import type { SchoolKindRecord } from '../../core/import/school-records';
import type { WriteResult } from './writers';

export function schoolRecordWriter(db: Database.Database, datasetId: number) {
  const school = db.prepare(
    `INSERT INTO school_fact (dataset_id, region_code, year, school_code, section, school_name, school_type, locale, township, pupils, classes, qualified_teachers, key_teachers, pe_art_teachers,
       teaching_area_dm2, sports_area_dm2, equipment_fen, multimedia_rooms, boarders, special_ed_pupils, teachers, bachelor_teachers, source_row) VALUES (${Array(23).fill('?').join(', ')})`,
  );
  const kg = db.prepare('INSERT INTO kindergarten_fact (dataset_id, region_code, year, kg_code, kg_name, ownership, children, grade, source_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const att = db.prepare('INSERT INTO county_attainment_fact (dataset_id, region_code, year, attainment, source_row) VALUES (?, ?, ?, ?, ?)');
  const inc = db.prepare('INSERT INTO inclusion_fact (dataset_id, region_code, year, eligible, enrolled, source_row) VALUES (?, ?, ?, ?, ?, ?)');
  return {
    write(r: SchoolKindRecord): WriteResult {
      try {
        if (r.kind === 'schools') {
          const s = r.record;
          school.run(datasetId, s.county, s.year, s.code, s.section, s.name, s.type, s.locale, s.township, s.pupils, s.classes, s.qualifiedTeachers, s.keyTeachers, s.peArtTeachers, s.teachingAreaDm2, s.sportsAreaDm2, s.equipmentFen, s.multimediaRooms, s.boarders, s.specialEdPupils, s.teachers, s.bachelorTeachers, s.row);
        } else if (r.kind === 'kindergartens') {
          const k = r.record;
          kg.run(datasetId, k.county, k.year, k.code, k.name, k.ownership, k.children, k.grade, k.row);
        } else if (r.kind === 'county-attainment') att.run(datasetId, r.record.county, r.record.year, r.record.attainment, r.record.row);
        else inc.run(datasetId, r.record.county, r.record.year, r.record.eligible, r.record.enrolled, r.record.row);
        return { ok: true };
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return { ok: false, duplicateOfRow: null, message: '同一学校学段（幼儿园、认定、县年度）重复出现 / the same key twice' };
        if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === 'SQLITE_CONSTRAINT_CHECK') return { ok: false, duplicateOfRow: null, message: (e as Error).message };
        throw e;
      }
    },
  };
}
