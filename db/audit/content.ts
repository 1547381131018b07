// Content seals: what each dataset held when it was imported, as a hash in the audit log.
//
// The fact tables are not logged row by row on insert (an import of 300,000 rows would write
// 300,000 entries); the import is logged through its dataset row. So that facts changed with the
// triggers dropped are still found, every import appends one more entry in its own transaction —
// action 'insert', entity 'dataset_content' — holding the SHA-256 of the dataset's rows in every
// table keyed by dataset_id, and the SHA-256 of its compliance column pack (the cache in
// fact_columns). `wb audit verify` recomputes the first; the check recomputes the second before it
// trusts a stored pack (db/compliance/columns.ts).
//
// The content hash does not depend on row order (VACUUM may reorder): each row is hashed as the
// JSON object the fact triggers log (every column, table order), the row hashes are sorted and the
// sorted list hashed. Logged fact updates and deletions can therefore be replayed backwards onto
// the current rows to recover the imported content.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { packDigestOf, packKindOf } from '../compliance/columns';
import { appendAudit, hasAuditLog } from './log';

export const CONTENT_ENTITY = 'dataset_content';

/** Tables that hold a dataset's rows: every table with a dataset_id, less caches and logged ones. */
const NOT_CONTENT = new Set(['fact_columns', 'funding_standard']);

export function contentTables(db: Database.Database): string[] {
  return (
    db
      .prepare(`SELECT m.name FROM sqlite_schema m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'dataset_id') ORDER BY m.name`)
      .pluck()
      .all() as string[]
  ).filter((t) => !NOT_CONTENT.has(t));
}

export type ContentSeal = {
  datasetId: number;
  /** Binds the seal to this dataset: ids of deleted datasets can be reused. */
  sha256: string;
  importedAt: string;
  contentSha256: string;
  rows: Record<string, number>;
  /** SHA-256 of the dataset's column pack; null for kinds the compliance check does not pack. */
  packSha256: string | null;
  /** Sealed when a database from before content seals was first opened, not at import. */
  late?: true;
};

export const rowHash = (table: string, json: string): string => createHash('sha256').update(`${table}\n${json}`, 'utf8').digest('hex');

function columnsOf(db: Database.Database, table: string): string[] {
  return db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
}

/** The row hashes of a dataset in every content table, and the row counts. */
export function contentRowHashes(db: Database.Database, datasetId: number): { hashes: Map<string, number>; rows: Record<string, number> } {
  const hashes = new Map<string, number>();
  const rows: Record<string, number> = {};
  for (const table of contentTables(db)) {
    const json = `json_object(${columnsOf(db, table).map((c) => `'${c}', "${c}"`).join(', ')})`;
    let n = 0;
    for (const j of db.prepare(`SELECT ${json} FROM "${table}" WHERE dataset_id = ?`).pluck().iterate(datasetId) as IterableIterator<string>) {
      const h = rowHash(table, j);
      hashes.set(h, (hashes.get(h) ?? 0) + 1);
      n++;
    }
    if (n) rows[table] = n;
  }
  return { hashes, rows };
}

export function digestOfRowHashes(hashes: Map<string, number>): string {
  const all: string[] = [];
  for (const [h, n] of hashes) for (let i = 0; i < n; i++) all.push(h);
  all.sort();
  return createHash('sha256').update(all.join('\n'), 'utf8').digest('hex');
}

export function computeSeal(db: Database.Database, dataset: { id: number; kind: string; sha256: string; importedAt: string }): ContentSeal {
  const { hashes, rows } = contentRowHashes(db, dataset.id);
  const packKind = packKindOf(dataset.kind);
  return { datasetId: dataset.id, sha256: dataset.sha256, importedAt: dataset.importedAt, contentSha256: digestOfRowHashes(hashes), rows, packSha256: packKind ? packDigestOf(db, packKind, dataset.id) : null };
}

/** The latest seal of each dataset id, read from the log (sealed ones only). */
export function sealsInLog(db: Database.Database): Map<number, ContentSeal> {
  const out = new Map<number, ContentSeal>();
  for (const after of db.prepare(`SELECT after FROM audit_log WHERE entity = ? ORDER BY seq`).pluck().iterate(CONTENT_ENTITY) as IterableIterator<string | null>) {
    if (!after) continue;
    try {
      const s = JSON.parse(after) as ContentSeal;
      if (typeof s.datasetId === 'number') out.set(s.datasetId, s);
    } catch {
      // an entry that is not JSON is caught by the chain check (the hash covers it)
    }
  }
  return out;
}

type DatasetRow = { id: number; kind: string; sha256: string; importedAt: string };

/** Datasets with no seal for their current (id, sha256, imported_at). */
export function unsealedDatasets(db: Database.Database): DatasetRow[] {
  const seals = sealsInLog(db);
  return (db.prepare('SELECT id, kind, sha256, imported_at AS importedAt FROM dataset ORDER BY id').all() as DatasetRow[]).filter((d) => {
    const s = seals.get(d.id);
    return !s || s.sha256 !== d.sha256 || s.importedAt !== d.importedAt;
  });
}

/**
 * A database from before content seals (its log has none): seal what it holds now, marked late.
 * Once a log has seals, an unsealed dataset is reported by verify and never sealed silently, so
 * rows slipped in with the triggers dropped are not made legitimate by the next open.
 */
export function sealLegacyDatasets(db: Database.Database): number[] {
  if (!hasAuditLog(db)) return [];
  if (db.prepare('SELECT 1 FROM audit_log WHERE entity = ? LIMIT 1').get(CONTENT_ENTITY) !== undefined) return [];
  return sealNewDatasets(db, { late: true });
}

/**
 * Seal every dataset not sealed yet. Writers call this inside their write transaction, after the
 * last fact; opening a database from before seals calls it with `late` (recorded in the entry).
 */
export function sealNewDatasets(db: Database.Database, options: { late?: boolean } = {}): number[] {
  const sealed: number[] = [];
  if (!hasAuditLog(db)) return sealed;
  for (const d of unsealedDatasets(db)) {
    const seal = computeSeal(db, d);
    appendAudit(db, { action: 'insert', entity: CONTENT_ENTITY, entityId: String(d.id), after: options.late ? { ...seal, late: true } : seal });
    sealed.push(d.id);
  }
  return sealed;
}
