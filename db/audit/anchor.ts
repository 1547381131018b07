// The chain's head kept outside the log. The hash chain shows an entry edited, inserted or removed
// in the middle, but not the last entries removed: a shorter log is still a valid chain. So the
// head (sequence number and hash) is also written to a file beside the database,
// `<database>.audit-head.json` — refreshed when a connection opens and closes and after a restore —
// beside every backup (`<backup>.audit-head.json`), and into the provenance of every export. Opening
// and `wb audit verify` compare the log with it: the anchored entry must still be there, unchanged.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { hasAuditLog } from './log';

export const ANCHOR_SUFFIX = '.audit-head.json';

export type Anchor = { seq: number; hash: string; at: string };

export const anchorFileOf = (dbFile: string): string => `${dbFile}${ANCHOR_SUFFIX}`;

export function headOf(db: Database.Database): { seq: number; hash: string } | null {
  if (!hasAuditLog(db)) return null;
  return (db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined) ?? null;
}

/** The anchor file's content; null when there is none. A file that cannot be read is reported. */
export function readAnchor(file: string): Anchor | null | { unreadable: string } {
  if (!existsSync(file)) return null;
  try {
    const a = JSON.parse(readFileSync(file, 'utf8')) as Partial<Anchor>;
    if (typeof a.seq === 'number' && Number.isInteger(a.seq) && typeof a.hash === 'string' && /^[0-9a-f]{64}$/.test(a.hash)) return { seq: a.seq, hash: a.hash, at: String(a.at ?? '') };
    return { unreadable: '内容不是链头 / not a chain head' };
  } catch (e) {
    return { unreadable: (e as Error).message };
  }
}

/** Why the log does not reach the anchored head, or null when it does (or there is no anchor). */
export function checkAnchorAgainst(anchor: ReturnType<typeof readAnchor>, db: Database.Database): string | null {
  if (anchor === null) return null;
  if ('unreadable' in anchor) return `链头文件无法读取（${anchor.unreadable}） / the anchored head cannot be read (${anchor.unreadable})`;
  if (!hasAuditLog(db)) return `已记录链头 #${anchor.seq}，但数据库没有审计日志 / a head #${anchor.seq} was anchored but the database has no audit log`;
  const head = headOf(db);
  const last = head?.seq ?? 0;
  if (anchor.seq > last) return `日志在第 ${last} 条结束，但链头记录为第 ${anchor.seq} 条（${anchor.at}）：第 ${last + 1}–${anchor.seq} 条被删除 / the log ends at #${last} but its head was anchored at #${anchor.seq} (${anchor.at}): entries ${last + 1}–${anchor.seq} were removed`;
  const hash = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(anchor.seq) as string | undefined;
  if (hash !== anchor.hash) return `第 ${anchor.seq} 条与记录的链头不同：日志被改写 / entry #${anchor.seq} differs from the anchored head: the log was rewritten`;
  return null;
}

/** The provenance line every export carries: the log's head when the file was written. */
export function auditHeadLine(db: Database.Database): string {
  const head = headOf(db);
  return head ? `审计链头 / audit head: #${head.seq} ${head.hash}` : '审计链头 / audit head: 无审计日志 / no audit log';
}

/** Write the current head to `file` (through a temporary name, so a crash leaves the old one). */
export function writeAnchorOf(db: Database.Database, file: string, now = new Date()): void {
  const head = headOf(db);
  if (!head) return;
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ seq: head.seq, hash: head.hash, at: now.toISOString() })}\n`);
  renameSync(tmp, file);
}
