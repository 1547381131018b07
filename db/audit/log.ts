// Reading and appending the audit log. Appends go through the audit_append view, so numbering,
// time, actor and hash are computed in one place (the view's trigger) for triggers and code alike.
import type Database from 'better-sqlite3';

export type AuditAction = 'genesis' | 'insert' | 'update' | 'delete' | 'migrate' | 'backup' | 'restore';

export type AuditEntry = {
  seq: number;
  at: string;
  actor: string;
  action: AuditAction;
  entity: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
  prevHash: string;
  hash: string;
};

export function hasAuditLog(db: Database.Database): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_log'`).get() !== undefined;
}

/** Append an entry that no table trigger writes (migrations, backups, restores). */
export function appendAudit(db: Database.Database, entry: { action: AuditAction; entity: string; entityId?: string | null; before?: unknown; after?: unknown }): void {
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  db.prepare('INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?)').run(entry.action, entry.entity, entry.entityId ?? null, json(entry.before), json(entry.after));
}

const SELECT = `SELECT seq, at, actor, action, entity, entity_id AS entityId, before, after, prev_hash AS prevHash, hash FROM audit_log`;

export type AuditFilter = {
  entity?: string;
  entityId?: string;
  /** Also the fact rows of a dataset, which are logged under their dataset's id. */
  withFacts?: boolean;
  limit?: number;
  /** Newest first (history panels) or oldest first (verification, export). */
  order?: 'newest' | 'oldest';
};

export const FACT_ENTITIES = ['expenditure_fact', 'enrolment_fact', 'fiscal_fact', 'bulletin_fact', 'aid_fact'] as const;

export function listAudit(db: Database.Database, filter: AuditFilter = {}): AuditEntry[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (filter.entity) {
    const entities = filter.withFacts ? [filter.entity, ...FACT_ENTITIES] : [filter.entity];
    where.push(`entity IN (${entities.map(() => '?').join(', ')})`);
    args.push(...entities);
  }
  if (filter.entityId !== undefined) {
    where.push('entity_id = ?');
    args.push(filter.entityId);
  }
  const sql = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY seq ${filter.order === 'newest' ? 'DESC' : 'ASC'}${filter.limit ? ' LIMIT ?' : ''}`;
  if (filter.limit) args.push(filter.limit);
  return db.prepare(sql).all(...args) as AuditEntry[];
}

/** Walk the whole log in order without holding it in memory (verification of long logs). */
export function iterateAudit(db: Database.Database): IterableIterator<AuditEntry> {
  return db.prepare(`${SELECT} ORDER BY seq`).iterate() as IterableIterator<AuditEntry>;
}
