// Stored scenarios: create, rename, duplicate, save, delete, list. The baseline row of a region is
// made on first use and can be neither edited, renamed nor deleted. Every write records the hash
// of the parameters in force and of the data the caller evaluated them on.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { CodedError } from '../../core/result';
import { OverlayEntry, Scores } from '../../core/transfer/parameters';
import type { StoredScenario } from '../../core/transfer/schemas';

type Row = { id: number; region_code: string; name: string; is_baseline: number; overlay: string; scores: string; year: number; params_hash: string; data_hash: string; created_at: string; updated_at: string };

function fromRow(r: Row): StoredScenario {
  return {
    id: r.id,
    regionCode: r.region_code,
    name: r.name,
    isBaseline: r.is_baseline === 1,
    overlay: z.array(OverlayEntry).parse(JSON.parse(r.overlay)),
    scores: Scores.parse(JSON.parse(r.scores)),
    year: r.year,
    paramsHash: r.params_hash,
    dataHash: r.data_hash,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export const BASELINE_NAME = '基准（现行办法）';

export type Hashes = { year: number; paramsHash: string; dataHash: string };

export function listScenarios(db: Database.Database, regionCode: string): StoredScenario[] {
  return (db.prepare('SELECT * FROM scenario WHERE region_code = ? ORDER BY is_baseline DESC, id').all(regionCode) as Row[]).map(fromRow);
}

export function getScenario(db: Database.Database, id: number): StoredScenario {
  const row = db.prepare('SELECT * FROM scenario WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new CodedError('not_found', `方案 ${id} 不存在 / scenario ${id} does not exist`);
  return fromRow(row);
}

function nameTaken(db: Database.Database, regionCode: string, name: string, except = -1): boolean {
  return db.prepare('SELECT 1 FROM scenario WHERE region_code = ? AND name = ? AND id <> ?').get(regionCode, name, except) !== undefined;
}

function checkName(db: Database.Database, regionCode: string, name: string, except = -1): string {
  const trimmed = name.trim();
  if (!trimmed) throw new CodedError('bad_input', '方案名称不能为空 / a scenario needs a name');
  if (trimmed.length > 100) throw new CodedError('bad_input', '方案名称不超过 100 字 / a scenario name has at most 100 characters');
  if (nameTaken(db, regionCode, trimmed, except)) throw new CodedError('bad_input', `已有同名方案“${trimmed}” / a scenario named “${trimmed}” already exists`);
  return trimmed;
}

/** The region's baseline row, created on first use. */
export function ensureBaseline(db: Database.Database, regionCode: string, hashes: Hashes, now = new Date()): StoredScenario {
  const row = db.prepare('SELECT * FROM scenario WHERE region_code = ? AND is_baseline = 1').get(regionCode) as Row | undefined;
  if (row) return fromRow(row);
  const at = now.toISOString();
  // A read-only database cannot store the row: the baseline is shown unsaved, with id 0, which no
  // edit channel accepts (ids are positive) — and nothing could be saved anyway.
  if (db.readonly) return { id: 0, regionCode, name: BASELINE_NAME, isBaseline: true, overlay: [], scores: {}, year: hashes.year, paramsHash: hashes.paramsHash, dataHash: hashes.dataHash, createdAt: at, updatedAt: at };
  const id = db
    .prepare('INSERT INTO scenario (region_code, name, is_baseline, year, params_hash, data_hash, created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?)')
    .run(regionCode, BASELINE_NAME, hashes.year, hashes.paramsHash, hashes.dataHash, at, at).lastInsertRowid;
  return getScenario(db, Number(id));
}

export function createScenario(db: Database.Database, input: { regionCode: string; name: string; overlay: OverlayEntry[]; scores?: Record<string, number> | undefined } & Hashes, now = new Date()): StoredScenario {
  const name = checkName(db, input.regionCode, input.name);
  const at = now.toISOString();
  const id = db
    .prepare('INSERT INTO scenario (region_code, name, overlay, scores, year, params_hash, data_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(input.regionCode, name, JSON.stringify(input.overlay), JSON.stringify(input.scores ?? {}), input.year, input.paramsHash, input.dataHash, at, at).lastInsertRowid;
  return getScenario(db, Number(id));
}

function editable(db: Database.Database, id: number): StoredScenario {
  const s = getScenario(db, id);
  if (s.isBaseline) throw new CodedError('bad_input', '基准方案是现行办法，不能修改、改名或删除；请复制后修改 / the baseline is the current rule and cannot be changed: duplicate it instead');
  return s;
}

export function saveScenario(db: Database.Database, id: number, input: { overlay: OverlayEntry[]; scores?: Record<string, number> | undefined } & Hashes, now = new Date()): StoredScenario {
  const s = editable(db, id);
  db.prepare('UPDATE scenario SET overlay = ?, scores = ?, year = ?, params_hash = ?, data_hash = ?, updated_at = ? WHERE id = ?').run(
    JSON.stringify(input.overlay),
    JSON.stringify(input.scores ?? s.scores),
    input.year,
    input.paramsHash,
    input.dataHash,
    now.toISOString(),
    id,
  );
  return getScenario(db, id);
}

export function renameScenario(db: Database.Database, id: number, name: string, now = new Date()): StoredScenario {
  const s = editable(db, id);
  db.prepare('UPDATE scenario SET name = ?, updated_at = ? WHERE id = ?').run(checkName(db, s.regionCode, name, id), now.toISOString(), id);
  return getScenario(db, id);
}

/** A copy named "<name> 副本" (or "… 副本 2", …), baseline included: copying is how a baseline is edited. */
export function duplicateScenario(db: Database.Database, id: number, now = new Date()): StoredScenario {
  const s = getScenario(db, id);
  // The copy's name stays within 100 characters: a long name is shortened before " 副本 k".
  const copyName = (k: number) => {
    const suffix = k === 1 ? ' 副本' : ` 副本 ${k}`;
    return `${s.name.slice(0, 100 - suffix.length)}${suffix}`;
  };
  let k = 1;
  while (nameTaken(db, s.regionCode, copyName(k))) k++;
  const name = copyName(k);
  return createScenario(db, { regionCode: s.regionCode, name, overlay: s.overlay, scores: s.scores, year: s.year, paramsHash: s.paramsHash, dataHash: s.dataHash }, now);
}

export function deleteScenario(db: Database.Database, id: number): void {
  editable(db, id);
  db.prepare('DELETE FROM scenario WHERE id = ?').run(id);
}
