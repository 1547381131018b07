// Analysts' justifications on results (migration 0004). Adding one never changes a status.
import type Database from 'better-sqlite3';
import type { Annotation, RuleId } from '../../core/compliance/types';
import type { LevelCode } from '../../core/levels';
import { CodedError } from '../../core/result';

type Row = { id: number; rule: RuleId; region_code: string; year: number; level: LevelCode | null; scope: Annotation['scope']; text: string; author: string; created_at: string };

function toAnnotation(r: Row): Annotation {
  return { id: r.id, rule: r.rule, regionCode: r.region_code, year: r.year, level: r.level, scope: r.scope, text: r.text, author: r.author, createdAt: r.created_at };
}

export type NewAnnotation = Omit<Annotation, 'id' | 'createdAt'>;

export function addAnnotation(db: Database.Database, a: NewAnnotation, now = new Date()): Annotation {
  const region = db.prepare('SELECT 1 FROM region WHERE code = ?').get(a.regionCode);
  if (!region) throw new CodedError('not_found', `地区代码 ${a.regionCode} 不在数据库中 / region ${a.regionCode} is not in the database`);
  const info = db
    .prepare('INSERT INTO compliance_annotation (rule, region_code, year, level, scope, text, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(a.rule, a.regionCode, a.year, a.level, a.scope, a.text, a.author, now.toISOString());
  return toAnnotation(db.prepare('SELECT * FROM compliance_annotation WHERE id = ?').get(info.lastInsertRowid) as Row);
}

export function removeAnnotation(db: Database.Database, id: number): void {
  const info = db.prepare('DELETE FROM compliance_annotation WHERE id = ?').run(id);
  if (info.changes === 0) throw new CodedError('not_found', `批注 ${id} 不存在 / annotation ${id} does not exist`);
}

export function listAnnotations(db: Database.Database, scope: Annotation['scope'], fromYear: number, toYear: number): Annotation[] {
  return (db.prepare('SELECT * FROM compliance_annotation WHERE scope = ? AND year BETWEEN ? AND ? ORDER BY id').all(scope, fromYear, toYear) as Row[]).map(toAnnotation);
}
