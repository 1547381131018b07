// The two SQL functions the audit triggers call (db/migrations/0006_audit.sql). Registered on every
// connection the workbench opens; a connection without them cannot change an audited table.
import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import type Database from 'better-sqlite3';

export const GENESIS_PREV_HASH = '0'.repeat(64);

export type AuditFields = {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
  prevHash: string;
};

/**
 * SHA-256 over the entry as a JSON array in a fixed order. JSON, not concatenation, so no two
 * different entries can produce the same input ("a|b" + "c" vs "a" + "b|c").
 */
export function auditHash(f: AuditFields): string {
  const canonical = JSON.stringify([f.seq, f.at, f.actor, f.action, f.entity, f.entityId, f.before, f.after, f.prevHash]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Who is changing things: the operating-system account, as the issue asks. */
export function osActor(): string {
  try {
    const name = userInfo().username;
    if (name) return name;
  } catch {
    // userInfo throws when the uid has no passwd entry (some containers)
  }
  return process.env.USER ?? process.env.USERNAME ?? `uid-${process.getuid?.() ?? 'unknown'}`;
}

const asText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function registerAuditFunctions(db: Database.Database, actor: string = osActor()): void {
  db.function('wb_actor', { deterministic: false }, () => actor);
  db.function('wb_audit_hash', { deterministic: true }, (seq, at, who, action, entity, entityId, before, after, prevHash) =>
    auditHash({
      seq: Number(seq),
      at: String(at),
      actor: String(who),
      action: String(action),
      entity: String(entity),
      entityId: asText(entityId),
      before: asText(before),
      after: asText(after),
      prevHash: String(prevHash),
    }),
  );
}
