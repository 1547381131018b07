// What an import found and kept beside the dataset: the printed figures a bulletin table gives
// beside 本年 (bulletin_published) and the import's warnings (dataset_finding), so that `wb check`
// and the app can list them with the results that use the dataset.
import type Database from 'better-sqlite3';
import type { Fact } from '../../core/import/interpret';
import type { Problem } from '../../core/import/problems';
import { formatRatio, parseDecimal, scaleExact } from '../../core/money/decimal';
import { UNIT_FACTOR } from '../../core/import/units';

const PUBLISHED_FIELDS = ['prior', 'share', 'revenue_growth', 'growth_gap', 'share_base'] as const;

/** The printed figures of a committed bulletin import's facts, and the 同口径 bases derived. */
export function savePublished(db: Database.Database, datasetId: number, facts: readonly Fact[]): number {
  const insert = db.prepare('INSERT OR REPLACE INTO bulletin_published (dataset_id, region_code, year, level, measure, field, printed, source_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  let n = 0;
  for (const f of facts) {
    for (const field of PUBLISHED_FIELDS) {
      const printed = f.published?.[field];
      if (printed === undefined) continue;
      insert.run(datasetId, f.regionCode, f.year, f.level, f.measure, field, printed, f.row);
      n++;
    }
    if (f.restatedFromGrowth && f.restatedPrior !== undefined) {
      insert.run(datasetId, f.regionCode, f.year, f.level, f.measure, 'comparable_base', formatRatio(f.restatedPrior, 100n, 2), f.row);
      n++;
    }
  }
  return n;
}

/** The import's warnings, in the order reported (errors never reach a committed dataset). */
export function saveFindings(db: Database.Database, datasetId: number, problems: readonly Problem[]): number {
  const insert = db.prepare('INSERT INTO dataset_finding (dataset_id, seq, code, sheet, source_row, column_label, value, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  let seq = 0;
  for (const p of problems) if (p.severity === 'warning') insert.run(datasetId, ++seq, p.code, p.sheet, p.row, p.column, p.value, p.expected);
  return seq;
}

export type DatasetFinding = { datasetId: number; datasetName: string; code: string; sheet: string | null; row: number | null; column: string | null; value: string | null; message: string };

/** The findings stored for these datasets, by dataset then order of report. */
export function findingsFor(db: Database.Database, datasetIds: readonly number[]): DatasetFinding[] {
  if (datasetIds.length === 0) return [];
  const q = db.prepare(`SELECT f.dataset_id AS datasetId, d.name AS datasetName, f.code, f.sheet, f.source_row AS row, f.column_label AS "column", f.value, f.message
    FROM dataset_finding f JOIN dataset d ON d.id = f.dataset_id WHERE f.dataset_id = ? ORDER BY f.seq`);
  return [...new Set(datasetIds)].sort((a, b) => a - b).flatMap((id) => q.all(id) as DatasetFinding[]);
}

/** One line per finding, for command output. */
export function findingLine(f: DatasetFinding): string {
  const where = [f.sheet ? `工作表 ${f.sheet}` : null, f.row !== null ? `第 ${f.row} 行` : null, f.column ? `列「${f.column}」` : null].filter(Boolean).join('，');
  return `#${f.datasetId} [${f.code}] ${where}${f.value ? `：${f.value}` : ''} — ${f.message}`;
}

/**
 * 上年 as printed becomes the prior year's fact of the same dataset (as a bulletin's text is read),
 * so that the never-decrease rules can compare the year the table states with the one it prints
 * beside it. Not for a 同口径 growth (上年 is then not its base), and never over a row the file
 * states for that year itself: a different figure there is reported, not overwritten.
 */
export function writePriorYearFacts(db: Database.Database, datasetId: number, facts: readonly Fact[]): { written: number; conflicts: { fact: Fact; printed: string; held: bigint }[] } {
  const held = db.prepare('SELECT amount_fen FROM bulletin_fact WHERE dataset_id = ? AND region_code = ? AND year = ? AND level = ? AND measure = ?').safeIntegers().pluck();
  const insert = db.prepare('INSERT INTO bulletin_fact (dataset_id, region_code, year, level, measure, amount_fen, official_growth, comparable, restated_prior_fen, source_row) VALUES (?, ?, ?, ?, ?, ?, NULL, 0, NULL, ?)');
  let written = 0;
  const conflicts: { fact: Fact; printed: string; held: bigint }[] = [];
  for (const f of facts) {
    const printed = f.published?.prior;
    if (printed === undefined || f.comparable || !f.unit || f.year - 1 < 1949) continue;
    const d = parseDecimal(printed);
    if (!d.ok) continue;
    const scaled = scaleExact(d.value, d.scale, UNIT_FACTOR[f.unit].factor);
    if (!scaled.ok || scaled.value < 0n) continue;
    const existing = held.get(datasetId, f.regionCode, f.year - 1, f.level, f.measure) as bigint | undefined;
    if (existing === undefined) {
      insert.run(datasetId, f.regionCode, f.year - 1, f.level, f.measure, scaled.value, f.row);
      written++;
    } else if (existing !== scaled.value) conflicts.push({ fact: f, printed, held: existing });
  }
  return { written, conflicts };
}
