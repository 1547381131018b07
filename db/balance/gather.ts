// Reads what the 优质均衡 assessment and the target monitor need for one region: its current
// counties and prefectures, and the newest dataset of each school-level kind (which one is used is
// returned, so every output can say so), plus teacher and civil-servant pay from the fiscal data.
import type Database from 'better-sqlite3';
import type { MonitorInput, MonitorSchool } from '../../core/balance/monitor';

export type DatasetRef = { id: number; name: string; sha256: string; synthetic: boolean };
export type BalanceDatasets = { schools: DatasetRef | null; kindergartens: DatasetRef | null; attainment: DatasetRef | null; inclusion: DatasetRef | null };

function newest(db: Database.Database, kind: string): DatasetRef | null {
  const r = db.prepare('SELECT id, name, sha256, synthetic FROM dataset WHERE kind = ? ORDER BY id DESC LIMIT 1').get(kind) as { id: number; name: string; sha256: string; synthetic: number } | undefined;
  return r ? { id: r.id, name: r.name, sha256: r.sha256, synthetic: r.synthetic === 1 } : null;
}

export function balanceDatasets(db: Database.Database): BalanceDatasets {
  return { schools: newest(db, 'schools'), kindergartens: newest(db, 'kindergartens'), attainment: newest(db, 'county_attainment'), inclusion: newest(db, 'inclusion') };
}

/** Current county-level units in a region (the region itself when it is a county). */
export function countiesIn(db: Database.Database, regionCode: string): { code: string; name: string; prefecture: string | null }[] {
  const rows = db
    .prepare(
      `SELECT c.code, c.name, c.parent_code AS parent, p.level AS parentLevel FROM region c LEFT JOIN region p ON p.code = c.parent_code
       WHERE c.level = 'county' AND c.valid_to IS NULL AND (c.code = ? OR c.parent_code = ? OR p.parent_code = ?) ORDER BY c.code`,
    )
    .all(regionCode, regionCode, regionCode) as { code: string; name: string; parent: string | null; parentLevel: string | null }[];
  return rows.map((r) => ({ code: r.code, name: r.name, prefecture: r.parentLevel === 'prefecture' ? r.parent : null }));
}

const SCHOOL_COLUMNS = `region_code AS county, year, school_code AS code, section, school_name AS name, school_type AS type, locale, township, pupils, classes,
  qualified_teachers AS qualifiedTeachers, key_teachers AS keyTeachers, pe_art_teachers AS peArtTeachers, teaching_area_dm2 AS teachingAreaDm2,
  sports_area_dm2 AS sportsAreaDm2, equipment_fen AS equipmentFen, multimedia_rooms AS multimediaRooms, boarders, special_ed_pupils AS specialEdPupils,
  teachers, bachelor_teachers AS bachelorTeachers`;

/** School sections of a dataset for some counties, one year or all (senior sections left out). */
export function loadSchools(db: Database.Database, datasetId: number, counties: readonly string[], year?: number): MonitorSchool[] {
  const stmt = db.prepare(`SELECT ${SCHOOL_COLUMNS} FROM school_fact WHERE dataset_id = ? AND region_code = ? ${year === undefined ? '' : 'AND year = ?'} AND section <> 'senior' ORDER BY year, school_code, section`);
  const out: MonitorSchool[] = [];
  for (const c of counties) out.push(...((year === undefined ? stmt.all(datasetId, c) : stmt.all(datasetId, c, year)) as MonitorSchool[]));
  return out;
}

/** Years a schools dataset holds. */
export function schoolYears(db: Database.Database, datasetId: number): number[] {
  return db.prepare('SELECT DISTINCT year FROM school_fact WHERE dataset_id = ? ORDER BY year').pluck().all(datasetId) as number[];
}

export function gatherMonitorInput(db: Database.Database, regionCode: string, asOfYear: number): { input: MonitorInput; datasets: BalanceDatasets } {
  const region = db.prepare('SELECT code, name FROM region WHERE code = ?').get(regionCode) as { code: string; name: string };
  const counties = countiesIn(db, regionCode);
  const codes = counties.map((c) => c.code);
  const prefCodes = [...new Set(counties.map((c) => c.prefecture).filter((p): p is string => p !== null))];
  const prefectures = prefCodes.map((code) => db.prepare('SELECT code, name FROM region WHERE code = ?').get(code) as { code: string; name: string });
  const datasets = balanceDatasets(db);
  const inList = (table: string, cols: string, id: number | undefined) => {
    if (id === undefined) return [];
    const stmt = db.prepare(`SELECT ${cols} FROM ${table} WHERE dataset_id = ? AND region_code = ?`);
    return codes.flatMap((c) => stmt.all(id, c));
  };
  const pay = db
    .prepare(
      `SELECT t.region_code AS county, t.year, t.value AS teacherFen, c.value AS civilServantFen FROM fiscal_fact t
       JOIN fiscal_fact c ON c.dataset_id = t.dataset_id AND c.region_code = t.region_code AND c.year = t.year AND c.indicator = 'civil_servant_avg_pay'
       WHERE t.indicator = 'teacher_avg_pay' AND t.dataset_id = (SELECT max(dataset_id) FROM fiscal_fact WHERE indicator = 'teacher_avg_pay')`,
    )
    .all() as MonitorInput['pay'];
  return {
    datasets,
    input: {
      region,
      counties,
      prefectures,
      schools: datasets.schools ? loadSchools(db, datasets.schools.id, codes) : [],
      kindergartens: inList('kindergarten_fact', 'region_code AS county, year, ownership, children, grade', datasets.kindergartens?.id) as MonitorInput['kindergartens'],
      attainment: inList('county_attainment_fact', 'region_code AS county, year, attainment', datasets.attainment?.id) as MonitorInput['attainment'],
      inclusion: inList('inclusion_fact', 'region_code AS county, year, eligible, enrolled', datasets.inclusion?.id) as MonitorInput['inclusion'],
      pay: pay.filter((p) => codes.includes(p.county)),
      asOfYear,
    },
  };
}
