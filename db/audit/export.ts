// The audit log as a table for .xlsx/.csv export: every field of every entry, hashes included, so
// an auditor can re-verify the chain outside the workbench (docs/audit.md gives the recipe).
import type Database from 'better-sqlite3';
import type { TableData } from '../export/table-file';
import { listAudit, type AuditFilter } from './log';
import { verifyAudit } from './verify';

/** Excel refuses cells over 32,767 characters; longer JSON is cut with a marker, the CSV keeps it whole. */
const XLSX_CELL_MAX = 32_000;

export function auditTable(db: Database.Database, filter: AuditFilter = {}, options: { forXlsx?: boolean; now?: Date } = {}): TableData {
  const cut = (s: string | null) => (s !== null && options.forXlsx && s.length > XLSX_CELL_MAX ? `${s.slice(0, XLSX_CELL_MAX)}…［超长已截断，完整内容见 CSV 导出 / truncated; the CSV export holds it whole］` : s);
  const report = verifyAudit(db);
  const rows = listAudit(db, { ...filter, order: 'oldest' }).map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, entity: e.entity, entityId: e.entityId, before: cut(e.before), after: cut(e.after), prevHash: e.prevHash, hash: e.hash }));
  return {
    title: '审计日志',
    columns: [
      { header: '序号 seq', key: 'seq', kind: 'integer', width: 8 },
      { header: '时间 at (UTC)', key: 'at', kind: 'text', width: 26 },
      { header: '操作者 actor', key: 'actor', kind: 'text', width: 14 },
      { header: '动作 action', key: 'action', kind: 'text', width: 10 },
      { header: '对象 entity', key: 'entity', kind: 'text', width: 20 },
      { header: '标识 entity_id', key: 'entityId', kind: 'text', width: 14 },
      { header: '变更前 before', key: 'before', kind: 'text', width: 50 },
      { header: '变更后 after', key: 'after', kind: 'text', width: 50 },
      { header: '前一哈希 prev_hash', key: 'prevHash', kind: 'text', width: 66 },
      { header: '哈希 hash', key: 'hash', kind: 'text', width: 66 },
    ],
    rows,
    provenance: [
      `数据库 / database: ${db.name}`,
      `导出时间 / exported at: ${(options.now ?? new Date()).toISOString()}`,
      `日志条数 / entries: ${report.entries}; 链头 / head: #${report.headSeq} ${report.headHash}`,
      `校验 / verification: ${report.ok ? '通过 / intact' : `未通过 / FAILED${report.firstBad ? ` at #${report.firstBad.seq}: ${report.firstBad.reason}` : ''}${report.state.length ? `; ${report.state.length} table problem(s)` : ''}`}`,
      filter.entity ? `筛选 / filter: ${filter.entity}${filter.entityId ? ` #${filter.entityId}` : ''}` : '筛选 / filter: 全部 / all entries',
      '哈希 = SHA-256(JSON.stringify([seq, at, actor, action, entity, entity_id, before, after, prev_hash])) / hash recipe',
    ],
  };
}
