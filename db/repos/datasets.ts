// Datasets: one per import (or per generated demo table), immutable, with provenance.
import type Database from 'better-sqlite3';
import type { DatasetInfo } from '../../core/ipc/schemas';

export type NewDataset = {
  name: string;
  kind: DatasetInfo['kind'];
  sourceFileName: string;
  sha256: string;
  sheet: string | null;
  importedAt: string;
  unit: '元' | '万元' | '亿元' | '人' | '万人' | 'mixed';
  basis: DatasetInfo['basis'];
  scope: DatasetInfo['scope'];
  releaseStage: DatasetInfo['releaseStage'];
  rowCount: number;
  synthetic: boolean;
  supersedesId?: number | null;
  note?: string | null;
};

export function insertDataset(db: Database.Database, d: NewDataset): number {
  const info = db
    .prepare(
      `INSERT INTO dataset (name, kind, source_file_name, sha256, sheet, imported_at, unit, basis, scope, release_stage, row_count, synthetic, supersedes_id, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(d.name, d.kind, d.sourceFileName, d.sha256, d.sheet, d.importedAt, d.unit, d.basis, d.scope, d.releaseStage, d.rowCount, d.synthetic ? 1 : 0, d.supersedesId ?? null, d.note ?? null);
  return Number(info.lastInsertRowid);
}

export function setRowCount(db: Database.Database, id: number, rowCount: number): void {
  db.prepare('UPDATE dataset SET row_count = ? WHERE id = ?').run(rowCount, id);
}

type DatasetRow = {
  id: number; name: string; kind: DatasetInfo['kind']; source_file_name: string; sha256: string; sheet: string | null;
  imported_at: string; unit: string; basis: DatasetInfo['basis']; scope: DatasetInfo['scope']; release_stage: DatasetInfo['releaseStage'];
  row_count: number; synthetic: number; supersedes_id: number | null; note: string | null;
  first_year: number | null; last_year: number | null; region_count: number;
};

// Coverage (years, regions) comes from whichever fact table the dataset's kind fills.
const LIST_SQL = `
WITH coverage AS (
  SELECT dataset_id, MIN(year) AS first_year, MAX(year) AS last_year, COUNT(DISTINCT region_code) AS region_count
  FROM (SELECT dataset_id, year, region_code FROM expenditure_fact
        UNION ALL SELECT dataset_id, year, region_code FROM enrolment_fact
        UNION ALL SELECT dataset_id, year, region_code FROM fiscal_fact
        UNION ALL SELECT dataset_id, year, region_code FROM aid_fact
        UNION ALL SELECT dataset_id, year, region_code FROM school_fact
        UNION ALL SELECT dataset_id, year, region_code FROM kindergarten_fact
        UNION ALL SELECT dataset_id, year, region_code FROM county_attainment_fact
        UNION ALL SELECT dataset_id, year, region_code FROM inclusion_fact)
  GROUP BY dataset_id)
SELECT d.*, c.first_year, c.last_year, COALESCE(c.region_count, 0) AS region_count
FROM dataset d LEFT JOIN coverage c ON c.dataset_id = d.id`;

function toInfo(r: DatasetRow): DatasetInfo {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    sourceFileName: r.source_file_name,
    sha256: r.sha256,
    sheet: r.sheet,
    importedAt: r.imported_at,
    unit: r.unit,
    basis: r.basis,
    scope: r.scope,
    releaseStage: r.release_stage,
    rowCount: r.row_count,
    synthetic: r.synthetic === 1,
    supersedesId: r.supersedes_id,
    note: r.note,
    firstYear: r.first_year,
    lastYear: r.last_year,
    regionCount: r.region_count,
  };
}

export function listDatasets(db: Database.Database): DatasetInfo[] {
  return (db.prepare(`${LIST_SQL} ORDER BY d.id`).all() as DatasetRow[]).map(toInfo);
}

export function getDataset(db: Database.Database, id: number): DatasetInfo | undefined {
  const row = db.prepare(`${LIST_SQL} WHERE d.id = ?`).get(id) as DatasetRow | undefined;
  return row && toInfo(row);
}

export function hasSyntheticData(db: Database.Database): boolean {
  return db.prepare('SELECT 1 FROM dataset WHERE synthetic = 1 LIMIT 1').get() !== undefined;
}
