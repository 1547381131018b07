// What "the same data" means for the load benchmark: row counts and position-sensitive sums of
// every fact table, and a SHA-256 over every reference row. Both databases are read by the same
// code (better-sqlite3), so only their contents can make the checksums differ.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

export type DbChecksum = Record<string, string>;

const FACTS: readonly [table: string, value: string][] = [
  ['expenditure_fact', 'amount_fen'],
  ['enrolment_fact', 'students'],
  ['fiscal_fact', 'value'],
];

// Reference tables are hashed whole, except dataset.imported_at, which is the time of each load.
const REFERENCE: readonly [table: string, sql: string][] = [
  ['region', 'SELECT * FROM region ORDER BY code'],
  ['region_code_change', 'SELECT * FROM region_code_change ORDER BY id'],
  ['dataset', 'SELECT id, name, kind, source_file_name, sha256, sheet, unit, basis, scope, release_stage, row_count, synthetic, supersedes_id, note FROM dataset ORDER BY id'],
];

export function checksumDb(file: string): DbChecksum {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const out: DbChecksum = {};
    for (const [table, value] of FACTS) {
      const key = table === 'fiscal_fact' ? 'indicator' : 'level';
      // Sums weighted by source_row and year catch rows whose values landed in the wrong row; the
      // value is summed as quotient and remainder so that no sum can overflow 64 bits.
      const row = db
        .prepare(
          `SELECT COUNT(*), SUM(${value} / 1000000007), SUM(${value} % 1000000007), SUM((source_row % 9973) * (${value} % 100003)), SUM(year * source_row),
                  SUM(dataset_id * source_row), COUNT(DISTINCT region_code || ${key}), SUM(length(${key}) * source_row)
           FROM ${table}`,
        )
        .raw()
        .get() as unknown[];
      out[table] = row.map(String).join(' ');
    }
    for (const [table, sql] of REFERENCE) {
      const rows = db.prepare(sql).raw().all();
      out[table] = `${rows.length} ${createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16)}`;
    }
    return out;
  } finally {
    db.close();
  }
}

/** Throws, naming every table that differs, unless the two checksums are identical. */
export function assertSameChecksum(what: string, ours: DbChecksum, peer: DbChecksum): void {
  const tables = new Set([...Object.keys(ours), ...Object.keys(peer)]);
  const diffs = [...tables].filter((t) => ours[t] !== peer[t]).map((t) => `  ${t}: ours ${ours[t] ?? '—'} / peer ${peer[t] ?? '—'}`);
  if (diffs.length) throw new Error(`${what}: the databases differ\n${diffs.join('\n')}`);
}

/** Total fact rows, for the rows/s figure. */
export function factRows(sum: DbChecksum): number {
  return FACTS.reduce((n, [t]) => n + Number((sum[t] ?? '0').split(' ')[0]), 0);
}
