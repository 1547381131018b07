// `wb audit verify`: is the log intact, and does the database still hold what the log says?
// 1. The chain: numbers without gaps, each entry's prev_hash is its predecessor's hash, and each
//    hash is recomputed from the entry. The first entry that fails is named; later ones are not
//    trusted, so checking stops there.
// 2. The state: for the tables the triggers watch, each row's current content must equal the
//    "after" of its last entry (or be absent after a delete), every row must be accounted for by
//    an entry or the genesis list, and each dataset must still hold as many facts as it was
//    imported with. This catches changes made with the triggers dropped, which the chain alone
//    cannot see.
import type Database from 'better-sqlite3';
import { FACT_TABLES } from '../import/fact-tables';
import { SCHOOL_FACT_TABLES } from '../import/school-tables';
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

function checkChain(db: Database.Database): { entries: number; headSeq: number; headHash: string; firstBad: ChainBreak | null; lastAfter: Map<string, string | null>; genesis: Record<string, unknown> | null; factDeletes: Map<string, number> } {
  let prev = GENESIS_PREV_HASH;
  let expectedSeq = 1;
  let entries = 0;
  let firstBad: ChainBreak | null = null;
  const lastAfter = new Map<string, string | null>();
  const factDeletes = new Map<string, number>();
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
    if (e.action === 'delete' && e.entityId !== null && e.entity.endsWith('_fact')) factDeletes.set(e.entityId, (factDeletes.get(e.entityId) ?? 0) + 1);
    prev = e.hash;
    expectedSeq++;
  }
  return { entries, headSeq: expectedSeq - 1, headHash: prev, firstBad, lastAfter, genesis, factDeletes };
}

function checkState(db: Database.Database, lastAfter: Map<string, string | null>, genesis: Record<string, unknown> | null, factDeletes: Map<string, number>): StateProblem[] {
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
  // Facts: a dataset holds exactly the facts it was imported with, less logged deletions.
  const datasets = db.prepare(`SELECT id, kind, row_count AS rowCount FROM dataset`).all() as { id: number; kind: string; rowCount: number }[];
  const tables = [...Object.values(FACT_TABLES).map((t) => t!.table), ...Object.values(SCHOOL_FACT_TABLES)];
  const counters = tables.map((t) => db.prepare(`SELECT count(*) FROM ${t} WHERE dataset_id = ?`).pluck());
  for (const d of datasets) {
    if (!['expenditure', 'enrolment', 'fiscal', 'bulletin', ...Object.keys(SCHOOL_FACT_TABLES)].includes(d.kind)) continue;
    const actual = counters.reduce((n, c) => n + (c.get(d.id) as number), 0);
    const expected = d.rowCount - (factDeletes.get(String(d.id)) ?? 0);
    if (actual !== expected) problems.push({ entity: 'dataset', entityId: String(d.id), reason: `数据条数 ${actual}，导入时为 ${expected} / holds ${actual} facts; imported with ${expected}` });
  }
  return problems;
}

export function verifyAudit(db: Database.Database): VerifyReport {
  if (!hasAuditLog(db)) return { ok: false, entries: 0, headSeq: 0, headHash: GENESIS_PREV_HASH, firstBad: { seq: 0, reason: '数据库没有审计日志 / the database has no audit log' }, state: [] };
  const chain = checkChain(db);
  // State is only meaningful against an intact chain.
  const state = chain.firstBad ? [] : checkState(db, chain.lastAfter, chain.genesis, chain.factDeletes);
  return { ok: chain.firstBad === null && state.length === 0, entries: chain.entries, headSeq: chain.headSeq, headHash: chain.headHash, firstBad: chain.firstBad, state };
}
