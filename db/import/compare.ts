// Cell-by-cell comparison of two datasets of the same kind: used to show what a corrected file
// changes before it is committed, and to compare any two datasets in the app.
import type Database from 'better-sqlite3';
import type { FactTable } from './fact-tables';

export type CellChange = { regionCode: string; year: number; key: string; before: string | null; after: string | null };
export type Comparison = { changed: number; added: number; removed: number; same: number; cells: CellChange[] };

export function compareDatasets(db: Database.Database, t: FactTable, beforeId: number, afterId: number, limit = 200): Comparison {
  const keys = ['region_code', 'year', ...t.keys];
  const join = keys.map((k) => `a.${k} = b.${k}`).join(' AND ');
  const keyExpr = (alias: string) => t.keys.map((k) => `${alias}.${k}`).join(` || '/' || `);
  const counts = db
    .prepare(
      `SELECT
         (SELECT COUNT(*) FROM ${t.table} a JOIN ${t.table} b ON ${join} AND b.dataset_id = @after WHERE a.dataset_id = @before AND a.${t.value} <> b.${t.value}) AS changed,
         (SELECT COUNT(*) FROM ${t.table} a JOIN ${t.table} b ON ${join} AND b.dataset_id = @after WHERE a.dataset_id = @before AND a.${t.value} = b.${t.value}) AS same,
         (SELECT COUNT(*) FROM ${t.table} b WHERE b.dataset_id = @after AND NOT EXISTS (SELECT 1 FROM ${t.table} a WHERE a.dataset_id = @before AND ${join})) AS added,
         (SELECT COUNT(*) FROM ${t.table} a WHERE a.dataset_id = @before AND NOT EXISTS (SELECT 1 FROM ${t.table} b WHERE b.dataset_id = @after AND ${join})) AS removed`,
    )
    .get({ before: beforeId, after: afterId }) as { changed: number; same: number; added: number; removed: number };
  const cells = db
    .prepare(
      `SELECT * FROM (
         SELECT a.region_code AS regionCode, a.year, ${keyExpr('a')} AS key, CAST(a.${t.value} AS TEXT) AS before, CAST(b.${t.value} AS TEXT) AS after
         FROM ${t.table} a JOIN ${t.table} b ON ${join} AND b.dataset_id = @after WHERE a.dataset_id = @before AND a.${t.value} <> b.${t.value}
         UNION ALL
         SELECT b.region_code, b.year, ${keyExpr('b')}, NULL, CAST(b.${t.value} AS TEXT) FROM ${t.table} b
         WHERE b.dataset_id = @after AND NOT EXISTS (SELECT 1 FROM ${t.table} a WHERE a.dataset_id = @before AND ${join})
         UNION ALL
         SELECT a.region_code, a.year, ${keyExpr('a')}, CAST(a.${t.value} AS TEXT), NULL FROM ${t.table} a
         WHERE a.dataset_id = @before AND NOT EXISTS (SELECT 1 FROM ${t.table} b WHERE b.dataset_id = @after AND ${join})
       ) ORDER BY regionCode, year, key LIMIT @limit`,
    )
    .all({ before: beforeId, after: afterId, limit }) as CellChange[];
  return { ...counts, cells };
}
