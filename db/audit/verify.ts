// `wb audit verify`: is the log intact, and does the database still hold what the log says?
// 1. The chain: numbers without gaps, each entry's prev_hash is its predecessor's hash, and each
//    hash is recomputed from the entry. The first entry that fails is named; later ones are not
//    trusted, so checking stops there.
// 2. The state: for the tables the triggers watch, each row's current content must equal the
//    "after" of its last entry (or be absent after a delete), every row must be accounted for by
//    an entry or the genesis list, and each dataset's rows must hash to the content seal recorded
//    at its import (db/audit/content.ts), after replaying the fact changes that were logged. This
//    catches changes made with the triggers dropped, which the chain alone cannot see. Stored
//    column packs (fact_columns) must match the pack digest of their seal.
import type Database from 'better-sqlite3';
import { packDigest } from '../compliance/columns';
import { loadMigrations } from '../migrate';
import { anchorFileOf, checkAnchorAgainst, readAnchor } from './anchor';
import { guardProblems } from './guards';
import { CONTENT_ENTITY, contentRowHashes, digestOfRowHashes, rowHash, type ContentSeal } from './content';
import { auditHash, GENESIS_PREV_HASH } from './functions';
import { hasAuditLog, iterateAudit } from './log';

export type ChainBreak = { seq: number; reason: string };
export type StateProblem = { entity: string; entityId: string; reason: string };

export type VerifyReport = {
  ok: boolean;
  entries: number;
  headSeq: number;
  headHash: string;
  firstBad: ChainBreak | null;
  state: StateProblem[];
};

/** Tables whose every insert, update and delete is logged; key = the entity_id expression. */
export const WATCHED_TABLES: Record<string, string> = {
  dataset: "CAST(id AS TEXT)",
  scenario: "CAST(id AS TEXT)",
  compliance_annotation: "CAST(id AS TEXT)",
  setting: 'key',
  import_mapping: "kind || ':' || shape_hash",
  funding_standard: "CAST(id AS TEXT)",
  region: 'code',
  region_code_change: "CAST(id AS TEXT)",
};
/** Tables listed by id in the genesis entry (others may hold reference rows from migrations). */
const GENESIS_LISTED = new Set(['dataset', 'scenario', 'compliance_annotation', 'setting']);

export function rowJsonSql(db: Database.Database, table: string): string {
  const cols = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
  return `json_object(${cols.map((c) => `'${c}', ${c}`).join(', ')})`;
}

/** A logged change to a fact row (facts have update and delete triggers, no insert trigger). */
type FactChange = { seq: number; table: string; action: string; before: string | null; after: string | null };
type SealAt = { seq: number; seal: ContentSeal };

type Chain = { entries: number; headSeq: number; headHash: string; firstBad: ChainBreak | null; lastAfter: Map<string, string | null>; genesis: Record<string, unknown> | null; factChanges: Map<string, FactChange[]>; seals: Map<string, SealAt> };

function checkChain(db: Database.Database): Chain {
  let prev = GENESIS_PREV_HASH;
  let expectedSeq = 1;
  let entries = 0;
  let firstBad: ChainBreak | null = null;
  const lastAfter = new Map<string, string | null>();
  const factChanges = new Map<string, FactChange[]>();
  const seals = new Map<string, SealAt>();
  let genesis: Record<string, unknown> | null = null;
  for (const e of iterateAudit(db)) {
    entries++;
    if (e.seq !== expectedSeq) {
      firstBad = { seq: e.seq, reason: e.seq > expectedSeq ? `第 ${expectedSeq}–${e.seq - 1} 条缺失 / entries ${expectedSeq}–${e.seq - 1} are missing` : `序号重复 / sequence number repeated` };
      break;
    }
    if (e.prevHash !== prev) {
      firstBad = { seq: e.seq, reason: '前一条的哈希不符：之前的记录被改动、删除或插入 / prev_hash does not match the previous entry: an earlier entry was changed, removed or inserted' };
      break;
    }
    if (auditHash(e) !== e.hash) {
      firstBad = { seq: e.seq, reason: '本条内容与其哈希不符：记录被改动 / the entry does not match its hash: it was edited' };
      break;
    }
    if (e.action === 'genesis') genesis = JSON.parse(e.after ?? '{}') as Record<string, unknown>;
    if (e.entityId !== null && e.entity in WATCHED_TABLES) lastAfter.set(`${e.entity}\u0000${e.entityId}`, e.after);
    // Updates and deletes of any other table are of dataset content (the fact tables, published figures).
    if ((e.action === 'delete' || e.action === 'update') && e.entityId !== null && !(e.entity in WATCHED_TABLES) && e.entity !== CONTENT_ENTITY) {
      const list = factChanges.get(e.entityId) ?? [];
      list.push({ seq: e.seq, table: e.entity, action: e.action, before: e.before, after: e.after });
      factChanges.set(e.entityId, list);
    }
    if (e.entity === CONTENT_ENTITY && e.entityId !== null && e.after) {
      try {
        seals.set(e.entityId, { seq: e.seq, seal: JSON.parse(e.after) as ContentSeal });
      } catch {
        // the hash covers the entry; a seal that is not JSON was written so and counts as missing
      }
    }
    prev = e.hash;
    expectedSeq++;
  }
  return { entries, headSeq: expectedSeq - 1, headHash: prev, firstBad, lastAfter, genesis, factChanges, seals };
}

function checkState(db: Database.Database, { lastAfter, genesis, factChanges, seals }: Chain): StateProblem[] {
  const problems: StateProblem[] = [];
  const seen = new Set<string>();
  for (const [table, idExpr] of Object.entries(WATCHED_TABLES)) {
    const listed = new Set(Array.isArray(genesis?.[table]) ? (genesis[table] as string[]) : []);
    const rows = db.prepare(`SELECT ${idExpr} AS id, ${rowJsonSql(db, table)} AS json FROM ${table}`).all() as { id: string; json: string }[];
    for (const r of rows) {
      const key = `${table}\u0000${r.id}`;
      seen.add(key);
      if (!lastAfter.has(key)) {
        if (GENESIS_LISTED.has(table) && !listed.has(r.id)) problems.push({ entity: table, entityId: r.id, reason: '此行没有任何审计记录 / this row has no audit entry' });
        continue;
      }
      const after = lastAfter.get(key);
      if (after === null) problems.push({ entity: table, entityId: r.id, reason: '审计日志记为已删除，但此行仍在 / logged as deleted but the row is present' });
      else if (after !== r.json) problems.push({ entity: table, entityId: r.id, reason: '当前内容与最后一条审计记录不同 / current content differs from the last logged state' });
    }
  }
  for (const [key, after] of lastAfter) {
    if (after !== null && !seen.has(key)) {
      const [entity, id] = key.split('\u0000') as [string, string];
      problems.push({ entity, entityId: id, reason: '审计日志记为存在，但此行已不在 / logged as present but the row is gone' });
    }
  }
  problems.push(...checkContent(db, factChanges, seals));
  return problems;
}

/**
 * Each dataset's rows against its content seal. Logged fact changes after the seal are undone on
 * the current rows (newest first) before comparing, so a logged deletion is not a mismatch.
 */
function checkContent(db: Database.Database, factChanges: Map<string, FactChange[]>, seals: Map<string, SealAt>): StateProblem[] {
  const problems: StateProblem[] = [];
  const datasets = db.prepare('SELECT id, sha256, imported_at AS importedAt FROM dataset ORDER BY id').all() as { id: number; sha256: string; importedAt: string }[];
  for (const d of datasets) {
    const id = String(d.id);
    const at = seals.get(id);
    if (!at || at.seal.sha256 !== d.sha256 || at.seal.importedAt !== d.importedAt) {
      problems.push({ entity: 'dataset', entityId: id, reason: '没有导入时的内容封存哈希，无法核对其数据 / no content hash was sealed at import: its rows cannot be checked' });
      continue;
    }
    const { hashes } = contentRowHashes(db, d.id);
    const actual = [...hashes.values()].reduce((a, b) => a + b, 0);
    const changes = (factChanges.get(id) ?? []).filter((c) => c.seq > at.seq).reverse();
    let unreplayable = false;
    for (const c of changes) {
      if (c.action === 'update' && c.after !== null) {
        const h = rowHash(c.table, c.after);
        const n = hashes.get(h) ?? 0;
        if (n === 0) unreplayable = true;
        else if (n === 1) hashes.delete(h);
        else hashes.set(h, n - 1);
      }
      if (c.before !== null) {
        const h = rowHash(c.table, c.before);
        hashes.set(h, (hashes.get(h) ?? 0) + 1);
      }
    }
    const expected = Object.values(at.seal.rows).reduce((a, b) => a + b, 0);
    const deleted = changes.filter((c) => c.action === 'delete').length;
    if (unreplayable || digestOfRowHashes(hashes) !== at.seal.contentSha256) {
      const counts = actual !== expected - deleted ? `数据条数 ${actual}，导入时为 ${expected - deleted}；` : '';
      problems.push({
        entity: 'dataset',
        entityId: id,
        reason: `${counts}数据内容与导入时封存的哈希不符（在日志之外被改动） / ${actual !== expected - deleted ? `holds ${actual} facts; imported with ${expected - deleted}; ` : ''}its rows differ from the content hash sealed at import (changed outside the log)`,
      });
    }
  }
  // The column-pack cache: a stored pack must be the one sealed at import (it is rebuilt otherwise).
  const packs = db.prepare(`SELECT dataset_id AS id, sha256, row_count AS n, codes, keys, data FROM fact_columns`).all() as { id: number; sha256: string; n: number; codes: string; keys: string; data: Buffer }[];
  for (const p of packs) {
    const sealed = seals.get(String(p.id))?.seal;
    if (!sealed || sealed.sha256 !== p.sha256 || sealed.packSha256 !== packDigest(p.n, p.codes, p.keys, p.data))
      problems.push({ entity: 'fact_columns', entityId: String(p.id), reason: '缓存的数据列包与导入时封存的哈希不符，不会被使用（按数据重建） / the cached column pack differs from the hash sealed at import; it is not used (rebuilt from the facts)' });
  }
  return problems;
}

/** The hash chain only (no table state): for backups, where the tables are not compared. */
export function verifyChain(db: Database.Database): Pick<VerifyReport, 'entries' | 'headSeq' | 'headHash' | 'firstBad'> {
  const { entries, headSeq, headHash, firstBad } = checkChain(db);
  return { entries, headSeq, headHash, firstBad };
}

export function verifyAudit(db: Database.Database): VerifyReport {
  if (!hasAuditLog(db)) return { ok: false, entries: 0, headSeq: 0, headHash: GENESIS_PREV_HASH, firstBad: { seq: 0, reason: '数据库没有审计日志 / the database has no audit log' }, state: [] };
  const chain = checkChain(db);
  // State is only meaningful against an intact chain.
  const state = chain.firstBad ? [] : checkState(db, chain);
  // Entries removed from the end leave a valid chain: the head anchored outside the log shows them.
  const anchor = db.name && db.name !== ':memory:' ? checkAnchorAgainst(readAnchor(anchorFileOf(db.name)), db) : null;
  if (anchor) state.push({ entity: 'audit_log', entityId: 'head', reason: anchor });
  for (const g of guardProblems(db, loadMigrations())) state.push({ entity: 'trigger', entityId: g.trigger, reason: g.problem === 'missing' ? '审计触发器缺失：改动不会记入日志 / audit trigger missing: changes are not logged' : '审计触发器被改动 / audit trigger altered' });
  return { ok: chain.firstBad === null && state.length === 0, entries: chain.entries, headSeq: chain.headSeq, headHash: chain.headHash, firstBad: chain.firstBad, state };
}
