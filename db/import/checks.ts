// Checks run on an import after its facts are written inside the (not yet committed) transaction:
// control totals against the sum of the parts, and the magnitude of the values against data
// already held for the same cells (a file in 万元 imported as 元 is off by exactly 10^4).
import type Database from 'better-sqlite3';
import type { TotalRow } from '../../core/import/interpret';
import { UNIT_FACTOR } from '../../core/import/units';
import type { FactTable } from './fact-tables';

export type Reconciliation = { label: string; year: number | null; field: string; level: string; expected: bigint; actual: bigint; tolerance: bigint; row: number | null };

/** Running sums of the facts written so far, per (year, field, level): kept while writing, so no check rescans the table. */
export type PartSums = Map<string, { sum: bigint; n: number }>;

export function partKey(year: number, field: string, level: string): string {
  return `${year}|${field}|${level}`;
}

export function addPart(sums: PartSums, year: number, field: string, level: string, value: bigint): void {
  const key = partKey(year, field, level);
  const s = sums.get(key);
  if (s) {
    s.sum += value;
    s.n++;
  } else sums.set(key, { sum: value, n: 1 });
}

/**
 * Compare each total row (or published control figure) with the sum of the imported parts. A
 * printed total and its parts are each rounded to the printed decimals, so a difference within
 * half a unit of the last printed digit per figure is rounding, not a mismatch.
 */
export function reconcile(s: PartSums, totals: readonly TotalRow[]): Reconciliation[] {
  // A national row with no provinces beside it in the file has nothing to be checked against.
  return totals.filter((tot) => !tot.national || (s.get(partKey(tot.year ?? 0, tot.field, tot.level))?.n ?? 0) > 0).map((tot) => {
    const part = s.get(partKey(tot.year ?? 0, tot.field, tot.level)) ?? { sum: 0n, n: 0 };
    const factor = tot.unit ? UNIT_FACTOR[tot.unit].factor : 1n;
    const halfUlp = (factor * 5n) / 10n ** BigInt(tot.decimals + 1);
    return { label: tot.label, year: tot.year, field: tot.field, level: tot.level, expected: tot.value, actual: part.sum, tolerance: halfUlp * BigInt(part.n + 1), row: tot.row };
  });
}

export type Magnitude = { otherDatasetId: number; ratio: number; pairs: number };

/**
 * The typical ratio between this dataset's values and the same cells in other datasets of the same
 * kind (median over the shared cells of a sample). A ratio near 10^±4 or 10^±8 means a unit
 * mix-up. The sample — the first and last few thousand facts in key order, so more than one region
 * and year — keeps the check independent of the file's size.
 */
export function magnitudeAgainstHeld(db: Database.Database, t: FactTable, datasetId: number): Magnitude | null {
  const keys = ['region_code', 'year', ...t.keys];
  const join = keys.map((k) => `a.${k} = b.${k}`).join(' AND ');
  const order = keys.map((k) => `${k}`).join(', ');
  const orderDesc = keys.map((k) => `${k} DESC`).join(', ');
  const sample = (dir: string) => `SELECT ${keys.join(', ')}, ${t.value} FROM ${t.table} WHERE dataset_id = ? AND ${t.value} > 0 ORDER BY ${dir} LIMIT 2500`;
  const rows = db
    .prepare(
      `SELECT b.dataset_id AS other, CAST(a.${t.value} AS REAL) / b.${t.value} AS ratio
       FROM (SELECT * FROM (${sample(order)}) UNION SELECT * FROM (${sample(orderDesc)})) a JOIN ${t.table} b ON ${join}
       WHERE b.dataset_id <> ? AND b.${t.value} > 0 LIMIT 2000`,
    )
    .all(datasetId, datasetId, datasetId) as { other: number; ratio: number }[];
  if (rows.length === 0) return null;
  const sorted = rows.map((r) => r.ratio).sort((x, y) => x - y);
  return { otherDatasetId: rows[0]!.other, ratio: sorted[Math.floor(sorted.length / 2)]!, pairs: rows.length };
}

export function isUnitMixUp(ratio: number): boolean {
  return Math.abs(Math.log10(ratio)) >= 2.5;
}
