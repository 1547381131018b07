// The exact facts behind the per-student view for one region, on its current boundary.
import type Database from 'better-sqlite3';
import type { SeriesRow } from '../../core/arrow/per-student-series';
import type { CodeChange, DatasetInfo } from '../../core/ipc/schemas';
import type { LevelOrAll } from '../../core/levels';
import { asFen, type Fen } from '../../core/money/fen';
import { listDatasets } from './datasets';
import { boundarySources } from './regions';

export type SeriesQuery = {
  regionCode: string;
  /** Last year of the window; default: the latest year the chosen expenditure dataset has. */
  year?: number | undefined;
  /** Number of years in the window, ending at `year`. */
  span: number;
  scope: 'consolidated' | 'own_level';
  expenditureDatasetId?: number | undefined;
  enrolmentDatasetId?: number | undefined;
};

export type SeriesResult = {
  rows: SeriesRow[];
  firstYear: number;
  lastYear: number;
  expenditureDataset: DatasetInfo | null;
  enrolmentDataset: DatasetInfo | null;
  candidates: DatasetInfo[];
  crosswalk: CodeChange[];
  availableYears: number[];
};

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(',');
}

/** Datasets of `kind` with facts for any of `codes`, newest first, superseded ones last. */
function datasetsCovering(db: Database.Database, kind: 'expenditure' | 'enrolment', codes: string[]): number[] {
  const table = kind === 'expenditure' ? 'expenditure_fact' : 'enrolment_fact';
  const rows = db
    .prepare(
      `SELECT DISTINCT f.dataset_id AS id,
              EXISTS (SELECT 1 FROM dataset s WHERE s.supersedes_id = f.dataset_id) AS superseded
       FROM ${table} f WHERE f.region_code IN (${placeholders(codes.length)})
       ORDER BY superseded, id DESC`,
    )
    .all(...codes) as { id: number }[];
  return rows.map((r) => r.id);
}

function pick(all: DatasetInfo[], ids: number[], scope: string, wanted: number | undefined): DatasetInfo | null {
  if (wanted !== undefined) return all.find((d) => d.id === wanted) ?? null;
  for (const id of ids) {
    const d = all.find((x) => x.id === id);
    if (d && (d.scope === scope || d.scope === null)) return d;
  }
  return null;
}

export function perStudentSeries(db: Database.Database, q: SeriesQuery): SeriesResult {
  const sources = boundarySources(db, q.regionCode);
  const codes = sources.map((s) => s.code);
  const all = listDatasets(db);
  const expIds = datasetsCovering(db, 'expenditure', codes);
  const enrIds = datasetsCovering(db, 'enrolment', codes);
  const expenditureDataset = pick(all, expIds, q.scope, q.expenditureDatasetId);
  const enrolmentDataset = pick(all, enrIds, q.scope, q.enrolmentDatasetId);

  const availableYears = expenditureDataset
    ? (db
        .prepare(`SELECT DISTINCT year FROM expenditure_fact WHERE dataset_id = ? AND region_code IN (${placeholders(codes.length)}) ORDER BY year`)
        .pluck()
        .all(expenditureDataset.id, ...codes) as number[])
    : [];
  const lastYear = q.year ?? availableYears[availableYears.length - 1] ?? new Date().getFullYear();
  // The span never reaches before 1949, the earliest year the workbench holds (found by fuzzing).
  const firstYear = Math.max(1949, lastYear - q.span + 1);
  // Two years before the window: growth needs t−1, and the 8/4 divisor of t−1 needs t−2's autumn.
  const from = firstYear - 2;
  const cells = new Map<string, SeriesRow>();
  const cell = (year: number, level: LevelOrAll): SeriesRow => {
    const key = `${year}|${level}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { year, level, spendingFen: null, students: null, viaCrosswalk: false }));
    return c;
  };
  const shareOf = new Map(sources.map((s) => [s.code, s]));

  if (expenditureDataset) {
    const rows = db
      .prepare(
        `SELECT region_code AS code, year, level, SUM(amount_fen) AS amount FROM expenditure_fact
         WHERE dataset_id = ? AND region_code IN (${placeholders(codes.length)}) AND year BETWEEN ? AND ?
         GROUP BY region_code, year, level`,
      )
      .all(expenditureDataset.id, ...codes, from, lastYear) as { code: string; year: number; level: LevelOrAll; amount: number }[];
    for (const r of rows) {
      const src = shareOf.get(r.code)!;
      const c = cell(r.year, r.level);
      // A share below 1 (a split) cannot be exact; it is rounded to the 分 and the row is flagged.
      const part = src.share === 1 ? r.amount : Math.round(r.amount * src.share);
      c.spendingFen = asFen((c.spendingFen ?? 0) + part) as Fen;
      if (src.via) c.viaCrosswalk = true;
    }
  }
  if (enrolmentDataset) {
    const rows = db
      .prepare(
        `SELECT region_code AS code, year, level, students FROM enrolment_fact
         WHERE dataset_id = ? AND region_code IN (${placeholders(codes.length)}) AND year BETWEEN ? AND ? AND count_basis = 'autumn'`,
      )
      .all(enrolmentDataset.id, ...codes, from, lastYear) as { code: string; year: number; level: LevelOrAll; students: number }[];
    for (const r of rows) {
      const src = shareOf.get(r.code)!;
      const c = cell(r.year, r.level);
      c.students = (c.students ?? 0) + (src.share === 1 ? r.students : Math.round(r.students * src.share));
      if (src.via) c.viaCrosswalk = true;
    }
  }
  const candidateIds = new Set([...expIds, ...enrIds]);
  return {
    firstYear,
    lastYear,
    rows: [...cells.values()].sort((a, b) => a.year - b.year || a.level.localeCompare(b.level)),
    expenditureDataset,
    enrolmentDataset,
    candidates: all.filter((d) => candidateIds.has(d.id)),
    crosswalk: sources.flatMap((s) => (s.via ? [s.via] : [])),
    availableYears,
  };
}

