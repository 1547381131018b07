// (b) The per-student aggregation over the whole national dataset: SQLite through better-sqlite3 on
// the database (a) wrote, against DuckDB in-process (@duckdb/node-api) on the same rows loaded from
// the same CSV files. Same SQL text; every result row is materialised in JS; results must agree.
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type Database from 'better-sqlite3';
import { openDatabase } from '../db/open';
import type { FactCsv, FactTable } from './csv';
import type { WrittenDemo } from '../db/demo/write-demo';
import { measure, timedAsync } from './measure';
import { perStudentSql } from './per-student-sql';
import type { BenchContext, BenchRow } from './types';

type ResultRow = readonly unknown[];

export type ResultChecksum = { rows: number; spending: bigint; students: bigint; perStudent: number; growth: number; nulls: number; keys: string };

function toBig(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return BigInt(v);
  if (v === null) return 0n;
  throw new TypeError(`not an integer: ${String(v)}`);
}

function toNum(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v === null) return 0;
  throw new TypeError(`not a number: ${String(v)}`);
}

/** Sums over the result in row order, so equal results give bit-identical float sums. */
export function resultChecksum(rows: readonly ResultRow[]): ResultChecksum {
  const sum: ResultChecksum = { rows: rows.length, spending: 0n, students: 0n, perStudent: 0, growth: 0, nulls: 0, keys: '' };
  let keyHash = 0;
  for (const r of rows) {
    const [region, year, level, spending, students, perStudent, growth] = r;
    sum.spending += toBig(spending ?? null);
    sum.students += toBig(students ?? null);
    sum.perStudent += toNum(perStudent ?? null);
    sum.growth += toNum(growth ?? null);
    for (const v of [spending, students, perStudent, growth]) if (v === null) sum.nulls++;
    const key = `${String(region)}|${String(year)}|${String(level)}`;
    for (let i = 0; i < key.length; i++) keyHash = (Math.imul(keyHash, 31) + key.charCodeAt(i)) | 0;
  }
  sum.keys = (keyHash >>> 0).toString(16);
  return sum;
}

function assertSameResult(ours: ResultChecksum, peer: ResultChecksum): void {
  const close = (a: number, b: number): boolean => a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  const same = ours.rows === peer.rows && ours.spending === peer.spending && ours.students === peer.students && ours.nulls === peer.nulls && ours.keys === peer.keys && close(ours.perStudent, peer.perStudent) && close(ours.growth, peer.growth);
  if (!same) {
    const show = (c: ResultChecksum): string => JSON.stringify(c, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    throw new Error(`(b) per-student results differ:\n  SQLite ${show(ours)}\n  DuckDB ${show(peer)}`);
  }
}

/** The indexes SQLite has on the two fact tables, and the plan it chose. */
function describeSqlite(db: Database.Database, sql: string): { indexes: string[]; plan: string[] } {
  const indexes: string[] = [];
  for (const table of ['expenditure_fact', 'enrolment_fact']) {
    // A WITHOUT ROWID table is itself the primary-key B-tree, so its key is not in sqlite_master.
    const pk = (db.prepare(`SELECT name, pk FROM pragma_table_info('${table}') WHERE pk > 0 ORDER BY pk`).all() as { name: string }[]).map((c) => c.name);
    indexes.push(`${table} PRIMARY KEY (${pk.join(', ')}) (clustered: WITHOUT ROWID)`);
    const others = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name").pluck().all(table) as string[];
    indexes.push(...others.map((s) => s.replace(/^CREATE INDEX /, 'index ')));
  }
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail);
  return { indexes, plan };
}

const DUCK_TABLES: Readonly<Record<Exclude<FactTable, 'fiscal_fact'>, { create: string; csvColumns: string; select: string }>> = {
  expenditure_fact: {
    create: 'CREATE TABLE expenditure_fact (dataset_id INTEGER, region_code VARCHAR, year INTEGER, level VARCHAR, amount_fen BIGINT, source_row INTEGER)',
    csvColumns: "{'dataset_id': 'INTEGER', 'region_code': 'VARCHAR', 'year': 'INTEGER', 'level': 'VARCHAR', 'amount_fen': 'BIGINT', 'source_row': 'INTEGER'}",
    select: 'dataset_id, region_code, year, level, amount_fen, source_row',
  },
  enrolment_fact: {
    create: "CREATE TABLE enrolment_fact (dataset_id INTEGER, region_code VARCHAR, year INTEGER, level VARCHAR, students BIGINT, count_basis VARCHAR, source_row INTEGER)",
    csvColumns: "{'dataset_id': 'INTEGER', 'region_code': 'VARCHAR', 'year': 'INTEGER', 'level': 'VARCHAR', 'students': 'BIGINT', 'source_row': 'INTEGER'}",
    // writeDemo leaves count_basis at its default, 'autumn'.
    select: "dataset_id, region_code, year, level, students, 'autumn', source_row",
  },
};

async function loadDuck(con: DuckDBConnection, csvs: readonly FactCsv[]): Promise<void> {
  for (const [table, t] of Object.entries(DUCK_TABLES)) {
    const csv = csvs.find((c) => c.table === table);
    if (!csv) throw new Error(`no CSV for ${table}`);
    await con.run(t.create);
    await con.run(`INSERT INTO ${table} SELECT ${t.select} FROM read_csv('${csv.file.replace(/'/g, "''")}', header = false, columns = ${t.csvColumns})`);
  }
}

export async function benchAggregate(ctx: BenchContext, oursDbFile: string, ids: WrittenDemo['datasetIds'], csvs: readonly FactCsv[]): Promise<BenchRow> {
  const { sampler, log } = ctx;
  const sql = perStudentSql(ids.expenditureConsolidated, ids.enrolmentConsolidated);

  log('(b) aggregate: ours = SQLite via better-sqlite3 …');
  const { db } = openDatabase(oursDbFile);
  const { indexes, plan } = describeSqlite(db, sql);
  const stmt = db.prepare(sql).raw();
  const last: { ours: ResultRow[]; peer: ResultRow[] } = { ours: [], peer: [] };
  const ours = await measure(
    () => {
      const t0 = performance.now();
      const rows = stmt.all() as ResultRow[];
      const ms = performance.now() - t0;
      last.ours = rows;
      return { ms };
    },
    { warmup: ctx.warmup, runs: ctx.runs.aggregate },
    sampler,
  );
  db.close();
  const oursSum = resultChecksum(last.ours);
  last.ours = [];

  log('(b) aggregate: peer = DuckDB in-process, loading the CSV files (untimed) …');
  const instance = await DuckDBInstance.create(join(ctx.dir, 'peer.duckdb'));
  const con = await instance.connect();
  try {
    const duckLoadMs = (await timedAsync(() => loadDuck(con, csvs))).ms;
    const info = (await con.runAndReadAll("SELECT current_setting('threads'), version()")).getRows()[0] ?? [];
    const threads = String(info[0]);
    const duckVersion = String(info[1]);
    log('(b) aggregate: peer = DuckDB in-process, running the query …');
    const peer = await measure(
      async () => {
        const t0 = performance.now();
        const reader = await con.runAndReadAll(sql);
        const rows = reader.getRows();
        const ms = performance.now() - t0;
        last.peer = rows;
        return { ms };
      },
      { warmup: ctx.warmup, runs: ctx.runs.aggregate },
      sampler,
    );
    const peerSum = resultChecksum(last.peer);
    last.peer = [];
    assertSameResult(oursSum, peerSum);
    return {
      benchmark: '(b) per-student aggregation',
      unit: 'ms',
      ours,
      peer,
      oursLabel: 'SQLite (better-sqlite3) .raw().all()',
      peerLabel: `DuckDB ${duckVersion} in-process`,
      note: `${oursSum.rows.toLocaleString('en-US')} result rows (7 levels + all)`,
      fairness:
        `The same SQL text on both (expenditure and enrolment facts UNION ALL, GROUP BY region×year×level, a UNION ALL for all levels combined, Σ spending ÷ Σ students, LAG over the prior year) for the consolidated scope. ` +
        `(The more obvious FULL JOIN of the two aggregates is planned by SQLite as a nested loop without an index and was stopped after 50 minutes; DuckDB hash-joins it.) ` +
        `${oursSum.rows.toLocaleString('en-US')} rows materialised in JS (better-sqlite3 .raw().all() arrays; DuckDB runAndReadAll + getRows arrays, sums as BigInt), with identical row counts, integer sums and float sums. ` +
        `SQLite runs on the file (a) wrote, single-threaded, using its indexes: ${indexes.join('; ')}. Plan: ${plan.join(' / ')}. ` +
        `DuckDB holds the same fact rows in its own columnar file (no indexes; loaded from the CSV files in ${Math.round(duckLoadMs)} ms, untimed) and uses ${threads} threads; it was built for exactly this kind of scan, so this compares our OLTP store with an analytical engine.`,
      code: sql,
    };
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
