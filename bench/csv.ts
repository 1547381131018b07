// The national dataset as the peers read it: one CSV per fact table, with exactly the columns and
// values that writeDemo inserts (same dataset ids, same source_row numbering), and the handful of
// reference rows (regions, code changes, datasets) as SQL INSERT statements. Writing these files is
// set-up and never timed.
import { closeSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { DemoData, Scope } from '../core/demo/types';
import type { WrittenDemo } from '../db/demo/write-demo';

export type FactTable = 'expenditure_fact' | 'enrolment_fact' | 'fiscal_fact';

export type FactCsv = {
  table: FactTable;
  file: string;
  /** The columns of the CSV, in order; the same list writeDemo's INSERT names. */
  columns: readonly string[];
  rows: number;
  bytes: number;
};

export const FACT_COLUMNS: Readonly<Record<FactTable, readonly string[]>> = {
  expenditure_fact: ['dataset_id', 'region_code', 'year', 'level', 'amount_fen', 'source_row'],
  enrolment_fact: ['dataset_id', 'region_code', 'year', 'level', 'students', 'source_row'],
  fiscal_fact: ['dataset_id', 'region_code', 'year', 'indicator', 'value', 'source_row'],
};

function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Streams rows to a file in 64k-line chunks. */
function writeCsv(file: string, rows: Iterable<readonly (string | number)[]>): number {
  const fd = openSync(file, 'w');
  let n = 0;
  try {
    let chunk: string[] = [];
    for (const r of rows) {
      chunk.push(r.map(csvField).join(','));
      n++;
      if (chunk.length === 65536) {
        writeSync(fd, chunk.join('\n') + '\n');
        chunk = [];
      }
    }
    if (chunk.length) writeSync(fd, chunk.join('\n') + '\n');
  } finally {
    closeSync(fd);
  }
  return n;
}

function* expenditureRows(data: DemoData, ids: WrittenDemo['datasetIds']): Generator<(string | number)[]> {
  const idOf: Record<Scope, number> = { consolidated: ids.expenditureConsolidated, own_level: ids.expenditureOwnLevel };
  // writeDemo numbers source_row within each scope's dataset, consolidated first.
  for (const scope of ['consolidated', 'own_level'] as const) {
    let i = 0;
    for (const f of data.expenditure) if (f.scope === scope) yield [idOf[scope], f.regionCode, f.year, f.level, f.amountFen, ++i];
  }
}

function* enrolmentRows(data: DemoData, ids: WrittenDemo['datasetIds']): Generator<(string | number)[]> {
  const idOf: Record<Scope, number> = { consolidated: ids.enrolmentConsolidated, own_level: ids.enrolmentOwnLevel };
  for (const scope of ['consolidated', 'own_level'] as const) {
    let i = 0;
    for (const f of data.enrolment) if (f.scope === scope) yield [idOf[scope], f.regionCode, f.year, f.level, f.students, ++i];
  }
}

function* fiscalRows(data: DemoData, ids: WrittenDemo['datasetIds']): Generator<(string | number)[]> {
  let i = 0;
  for (const f of data.fiscal) yield [ids.fiscal, f.regionCode, f.year, f.indicator, f.value, ++i];
}

export function writeFactCsvs(dir: string, data: DemoData, ids: WrittenDemo['datasetIds']): FactCsv[] {
  const sources: [FactTable, Iterable<readonly (string | number)[]>][] = [
    ['expenditure_fact', expenditureRows(data, ids)],
    ['enrolment_fact', enrolmentRows(data, ids)],
    ['fiscal_fact', fiscalRows(data, ids)],
  ];
  return sources.map(([table, rows]) => {
    const file = join(dir, `${table}.csv`);
    const n = writeCsv(file, rows);
    return { table, file, columns: FACT_COLUMNS[table], rows: n, bytes: statSync(file).size };
  });
}

function sqlLiteral(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'string') return `'${v.replace(/'/g, "''")}'`;
  throw new TypeError(`cannot write ${typeof v} as an SQL literal`);
}

/**
 * The reference rows writeDemo puts beside the facts (regions parents first, code changes,
 * datasets), copied from a database it wrote, as INSERT statements for the shell's `.read`.
 */
export function writeReferenceSql(db: Database.Database, file: string): number {
  const queries = [
    ['region', "SELECT * FROM region ORDER BY CASE level WHEN 'province' THEN 0 WHEN 'prefecture' THEN 1 ELSE 2 END, code"],
    ['region_code_change', 'SELECT * FROM region_code_change ORDER BY id'],
    ['dataset', 'SELECT * FROM dataset ORDER BY id'],
  ] as const;
  const lines: string[] = [];
  for (const [table, sql] of queries) {
    const stmt = db.prepare(sql);
    const cols = stmt.columns().map((c) => c.name);
    for (const row of stmt.raw().all() as unknown[][]) {
      lines.push(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${row.map(sqlLiteral).join(', ')});`);
    }
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return lines.length;
}
