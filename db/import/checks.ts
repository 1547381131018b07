// Checks run on an import after its facts are written inside the (not yet committed) transaction:
// control totals against the sum of the parts, and the magnitude of the values against data
// already held for the same cells (a file in 万元 imported as 元 is off by exactly 10^4).
import type Database from 'better-sqlite3';
import type { TotalRow } from '../../core/import/interpret';
import { UNIT_FACTOR } from '../../core/import/units';
import type { FactTable } from './fact-tables';

export type Reconciliation = { label: string; year: number | null; field: string; level: string; expected: bigint; actual: bigint; tolerance: bigint; row: number | null };

/** Sum of this dataset's facts per (year, field). */
function sums(db: Database.Database, t: FactTable, datasetId: number): Map<string, { sum: bigint; n: number }> {
  const fieldExpr = t.table === 'fiscal_fact' ? 'indicator' : t.table === 'enrolment_fact' ? "'students'" : "'amount'";
  const levelExpr = t.keys.includes('level') ? 'level' : "'all'";
  const rows = db
    .prepare(`SELECT year, ${fieldExpr} AS field, ${levelExpr} AS level, SUM(${t.value}) AS s, COUNT(*) AS n FROM ${t.table} WHERE dataset_id = ? GROUP BY year, field, level`)
    .safeIntegers()
    .all(datasetId) as { year: bigint; field: string; level: string; s: bigint; n: bigint }[];
  return new Map(rows.map((r) => [`${r.year}|${r.field}|${r.level}`, { sum: r.s, n: Number(r.n) }]));
}

/**
 * Compare each total row (or published control figure) with the sum of the imported parts. A
 * printed total and its parts are each rounded to the printed decimals, so a difference within
 * half a unit of the last printed digit per figure is rounding, not a mismatch.
 */
export function reconcile(db: Database.Database, t: FactTable, datasetId: number, totals: readonly TotalRow[]): Reconciliation[] {
  const s = sums(db, t, datasetId);
  return totals.map((tot) => {
    const part = s.get(`${tot.year}|${tot.field}|${tot.level}`) ?? { sum: 0n, n: 0 };
    const factor = tot.unit ? UNIT_FACTOR[tot.unit].factor : 1n;
    const halfUlp = (factor * 5n) / 10n ** BigInt(tot.decimals + 1);
    return { label: tot.label, year: tot.year, field: tot.field, level: tot.level, expected: tot.value, actual: part.sum, tolerance: halfUlp * BigInt(part.n + 1), row: tot.row };
  });
}

export type Magnitude = { otherDatasetId: number; ratio: number; pairs: number };

/**
 * The typical ratio between this dataset's values and the same cells in other datasets of the same
 * kind (median over up to 2,000 shared cells). A ratio near 10^±4 or 10^±8 means a unit mix-up.
 */
export function magnitudeAgainstHeld(db: Database.Database, t: FactTable, datasetId: number): Magnitude | null {
  const join = ['region_code', 'year', ...t.keys].map((k) => `a.${k} = b.${k}`).join(' AND ');
  const rows = db
    .prepare(
      `SELECT b.dataset_id AS other, CAST(a.${t.value} AS REAL) / b.${t.value} AS ratio FROM ${t.table} a JOIN ${t.table} b ON ${join}
       WHERE a.dataset_id = ? AND b.dataset_id <> a.dataset_id AND b.${t.value} > 0 AND a.${t.value} > 0 LIMIT 2000`,
    )
    .all(datasetId) as { other: number; ratio: number }[];
  if (rows.length === 0) return null;
  const sorted = rows.map((r) => r.ratio).sort((x, y) => x - y);
  return { otherDatasetId: rows[0]!.other, ratio: sorted[Math.floor(sorted.length / 2)]!, pairs: rows.length };
}

export function isUnitMixUp(ratio: number): boolean {
  return Math.abs(Math.log10(ratio)) >= 2.5;
}
