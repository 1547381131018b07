// The exact facts behind the per-student view for one region, on its current boundary.
import type Database from 'better-sqlite3';
import type { SeriesRow } from '../../core/arrow/per-student-series';
import type { CodeChange, DatasetInfo } from '../../core/ipc/schemas';
import type { LevelOrAll } from '../../core/levels';
import { asFen, type Fen } from '../../core/money/fen';
import { basisLine, resolveBasis, type InputBasis } from './basis';
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
  /** The data basis read (hash and one line); the datasets above supply the last year. */
  basis: { hash: string; line: string };
};

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(',');
}

export function perStudentSeries(db: Database.Database, q: SeriesQuery): SeriesResult {
  const sources = boundarySources(db, q.regionCode);
  const codes = sources.map((s) => s.code);
  const all = listDatasets(db);
  // The data basis decides, per source code and year, which dataset is read (explicit ids replace it).
  const explicit = [q.expenditureDatasetId, q.enrolmentDatasetId].filter((x): x is number => x !== undefined);
  const basis = resolveBasis(db, q.scope, explicit.length ? explicit : undefined);
  const spending = basis.inputs.get('expenditure') ?? null;
  const pupils = basis.inputs.get('enrolment') ?? null;
  const yearsOf = (ib: InputBasis | null) => {
    const years = new Map<number, number>();
    for (const code of codes) for (const [k, id] of ib?.owner ?? []) if (k.startsWith(`${code}|`)) years.set(Number(k.slice(7)), id);
    return years;
  };
  const expYears = yearsOf(spending);
  const enrYears = yearsOf(pupils);
  const availableYears = [...expYears.keys()].sort((a, b) => a - b);
  const info = (id: number | undefined) => (id === undefined ? null : (all.find((d) => d.id === id) ?? null));
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
  const expenditureDataset = info(expYears.get(lastYear) ?? expYears.get(availableYears[availableYears.length - 1]!));
  const enrolmentDataset = info(enrYears.get(lastYear) ?? [...enrYears.values()].pop());
  const ids = (ib: InputBasis | null) => JSON.stringify(ib?.datasets.map((d) => d.id) ?? []);

  if (spending) {
    const rows = db
      .prepare(
        `SELECT dataset_id AS id, region_code AS code, year, level, SUM(amount_fen) AS amount FROM expenditure_fact
         WHERE dataset_id IN (SELECT value FROM json_each(?)) AND region_code IN (${placeholders(codes.length)}) AND year BETWEEN ? AND ?
         GROUP BY dataset_id, region_code, year, level`,
      )
      .all(ids(spending), ...codes, from, lastYear) as { id: number; code: string; year: number; level: LevelOrAll; amount: number }[];
    for (const r of rows) {
      if (spending.owner.get(`${r.code}|${r.year}`) !== r.id) continue;
      const src = shareOf.get(r.code)!;
      const c = cell(r.year, r.level);
      // A share below 1 (a split) cannot be exact; it is rounded to the 分 and the row is flagged.
      const part = src.share === 1 ? r.amount : Math.round(r.amount * src.share);
      c.spendingFen = asFen((c.spendingFen ?? 0) + part) as Fen;
      if (src.via) c.viaCrosswalk = true;
    }
  }
  if (pupils) {
    const rows = db
      .prepare(
        `SELECT dataset_id AS id, region_code AS code, year, level, students FROM enrolment_fact
         WHERE dataset_id IN (SELECT value FROM json_each(?)) AND region_code IN (${placeholders(codes.length)}) AND year BETWEEN ? AND ? AND count_basis = 'autumn'`,
      )
      .all(ids(pupils), ...codes, from, lastYear) as { id: number; code: string; year: number; level: LevelOrAll; students: number }[];
    for (const r of rows) {
      if (pupils.owner.get(`${r.code}|${r.year}`) !== r.id) continue;
      const src = shareOf.get(r.code)!;
      const c = cell(r.year, r.level);
      c.students = (c.students ?? 0) + (src.share === 1 ? r.students : Math.round(r.students * src.share));
      if (src.via) c.viaCrosswalk = true;
    }
  }
  const candidateIds = new Set([...(spending?.datasets ?? []), ...(pupils?.datasets ?? [])].map((d) => d.id));
  return {
    firstYear,
    lastYear,
    rows: [...cells.values()].sort((a, b) => a.year - b.year || a.level.localeCompare(b.level)),
    expenditureDataset,
    enrolmentDataset,
    candidates: all.filter((d) => candidateIds.has(d.id)),
    crosswalk: sources.flatMap((s) => (s.via ? [s.via] : [])),
    availableYears,
    basis: { hash: basis.hash, line: basisLine(basis, (i) => i === 'expenditure' || i === 'enrolment') },
  };
}

