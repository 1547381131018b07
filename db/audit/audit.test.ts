// The audit trail on a real database: triggers log every change with the row before and after and
// the OS user; the chain detects an edited, removed or inserted entry and names the first bad one;
// the state check catches changes made with the triggers dropped; a connection without the
// workbench's functions cannot change an audited table at all.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../core/hash/sha256';
import { generateDemo } from '../../core/demo/generate';
import { tempDir } from '../../test/support/temp';
import { addAnnotation, removeAnnotation } from '../compliance/annotations';
import { writeDemo } from '../demo/write-demo';
import { openDatabase } from '../open';
import { createScenario, deleteScenario, renameScenario, saveScenario } from '../transfer/scenarios';
import { osActor } from './functions';
import { listAudit } from './log';
import { verifyAudit, WATCHED_TABLES } from './verify';

const dir = tempDir('wb-audit-');
const HASHES = { year: 2024, paramsHash: sha256Hex('p'), dataHash: sha256Hex('d') };
let n = 0;

/** A fresh demo database; `raw` is a second connection without the workbench's functions. */
function fresh() {
  const file = join(dir, `a${++n}.sqlite`);
  const { db } = openDatabase(file);
  writeDemo(db, generateDemo({ scale: 'province' }));
  return { db, file, raw: () => new Database(file) };
}

const province = (db: Database.Database) => db.prepare(`SELECT code FROM region WHERE level = 'province' LIMIT 1`).pluck().get() as string;

describe('the triggers', () => {
  const { db } = fresh();
  afterAll(() => db.close());

  it('cover every column of every watched table, in every trigger', () => {
    for (const table of Object.keys(WATCHED_TABLES)) {
      const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
      const triggers = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ? AND name LIKE 'audit_%'`).all(table) as { name: string; sql: string }[];
      expect(triggers.map((t) => t.name).sort(), table).toEqual([`audit_${table}_delete`, `audit_${table}_insert`, `audit_${table}_update`]);
      for (const t of triggers) {
        for (const objectArgs of t.sql.matchAll(/json_object\(([^)]*)\)/g)) {
          const keys = [...objectArgs[1]!.matchAll(/'([a-z0-9_]+)', (?:NEW|OLD)\./g)].map((m) => m[1]);
          expect(keys, t.name).toEqual(columns);
        }
      }
    }
  });

  it('log a scenario created, saved, renamed and deleted, with before, after and the OS user', () => {
    const start = listAudit(db).length;
    const s = createScenario(db, { regionCode: province(db), name: '倾斜方案', overlay: [], ...HASHES });
    saveScenario(db, s.id, { overlay: [{ key: 'difficulty.tilt', value: 1, from: null, to: null }], ...HASHES });
    renameScenario(db, s.id, '倾斜方案（二）');
    deleteScenario(db, s.id);
    const entries = listAudit(db, { entity: 'scenario', entityId: String(s.id) });
    expect(entries.map((e) => e.action)).toEqual(['insert', 'update', 'update', 'delete']);
    expect(listAudit(db).length).toBe(start + 4);
    expect(entries.every((e) => e.actor === osActor())).toBe(true);
    expect(JSON.parse(entries[1]!.before!).overlay).toBe('[]');
    expect(JSON.parse(entries[1]!.after!).overlay).toContain('difficulty.tilt');
    expect(JSON.parse(entries[2]!.after!).name).toBe('倾斜方案（二）');
    expect(entries[3]!.after).toBeNull();
    expect(JSON.parse(entries[3]!.before!).name).toBe('倾斜方案（二）');
    expect(verifyAudit(db)).toMatchObject({ ok: true, firstBad: null, state: [] });
  });

  it('log annotations added and removed', () => {
    const a = addAnnotation(db, { rule: 'edu-spending-no-decrease', regionCode: province(db), year: 2023, level: null, scope: 'consolidated', text: '口径调整', author: '审计处' });
    removeAnnotation(db, a.id);
    expect(listAudit(db, { entity: 'compliance_annotation', entityId: String(a.id) }).map((e) => e.action)).toEqual(['insert', 'delete']);
  });

  it('refuse to change the log itself', () => {
    expect(() => db.prepare('UPDATE audit_log SET actor = ? WHERE seq = 1').run('x')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
  });
});

describe('a connection without the workbench functions (e.g. the sqlite3 shell)', () => {
  it('cannot change an audited table', () => {
    const { db, raw } = fresh();
    const other = raw();
    expect(() => other.prepare(`UPDATE dataset SET name = 'x' WHERE id = 1`).run()).toThrow(/no such function: wb_/);
    other.close();
    expect(verifyAudit(db).ok).toBe(true);
    db.close();
  });
});

describe('verification', () => {
  it('passes on an untouched log and reports its head', () => {
    const { db } = fresh();
    const report = verifyAudit(db);
    expect(report.ok).toBe(true);
    expect(report.entries).toBeGreaterThan(100); // genesis + demo regions, standards and datasets
    expect(report.headSeq).toBe(report.entries);
    expect(report.headHash).toBe(listAudit(db, { order: 'newest', limit: 1 })[0]!.hash);
    expect(listAudit(db, { limit: 1 })[0]!.action).toBe('genesis');
    db.close();
  });

  it('names the first edited entry, whatever field and entry is edited', () => {
    const { db, raw } = fresh();
    const total = verifyAudit(db).entries;
    db.close();
    const fields = ['at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after'] as const;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: total }), fc.constantFrom(...fields), (seq, field) => {
        const other = raw();
        try {
          other.exec('BEGIN');
          other.exec('DROP TRIGGER audit_log_no_update');
          const value = field === 'action' ? 'update' : field === 'before' || field === 'after' ? '{"tampered":1}' : 'tampered';
          const changed = other.prepare(`UPDATE audit_log SET ${field} = ? WHERE seq = ? AND ${field} IS NOT ?`).run(value, seq, value).changes;
          const report = verifyAudit(other);
          // (the dropped guard trigger is itself reported, in the state)
          if (changed === 0) return report.firstBad === null && report.state.every((p) => p.entity === 'trigger');
          return report.ok === false && report.firstBad?.seq === seq && /hash|edited/.test(report.firstBad.reason);
        } finally {
          other.exec('ROLLBACK');
          other.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('names a removed entry and an inserted one', () => {
    const { db, raw } = fresh();
    db.close();
    const other = raw();
    other.exec('DROP TRIGGER audit_log_no_delete');
    other.prepare('DELETE FROM audit_log WHERE seq = 50').run();
    expect(verifyAudit(other).firstBad).toEqual({ seq: 51, reason: expect.stringMatching(/entries 50–50 are missing/) });
    // Renumbering to hide the gap breaks the hash chain instead.
    other.exec('DROP TRIGGER audit_log_no_update');
    other.prepare('UPDATE audit_log SET seq = seq - 1 WHERE seq > 50').run();
    expect(verifyAudit(other).firstBad).toMatchObject({ seq: 50 });
    other.close();
  });

  it('catches changes made with the triggers dropped, by comparing the tables with the log', () => {
    const { db, raw } = fresh();
    createScenario(db, { regionCode: province(db), name: '方案甲', overlay: [], ...HASHES });
    db.close();
    const other = raw();
    for (const t of other.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'audit_%'`).pluck().all() as string[]) other.exec(`DROP TRIGGER ${t}`);
    other.prepare(`UPDATE scenario SET name = '方案乙'`).run();
    other.prepare(`DELETE FROM expenditure_fact WHERE (dataset_id, region_code, year, level, func_code) IN (SELECT dataset_id, region_code, year, level, func_code FROM expenditure_fact WHERE dataset_id = 1 LIMIT 3)`).run();
    other.prepare(`INSERT INTO setting (key, value) VALUES ('unit', '亿元')`).run();
    const report = verifyAudit(other);
    expect(report.ok).toBe(false);
    expect(report.firstBad).toBeNull();
    expect(report.state).toEqual(
      expect.arrayContaining([
        { entity: 'scenario', entityId: expect.any(String), reason: expect.stringMatching(/differs from the last logged state/) },
        { entity: 'dataset', entityId: '1', reason: expect.stringMatching(/holds 5537 facts; imported with 5540/) },
        { entity: 'setting', entityId: 'unit', reason: expect.stringMatching(/no audit entry/) },
      ]),
    );
    other.close();
  });

  it('accepts fact deletions that were logged', () => {
    const { db } = fresh();
    db.prepare(`DELETE FROM expenditure_fact WHERE (dataset_id, region_code, year, level, func_code) IN (SELECT dataset_id, region_code, year, level, func_code FROM expenditure_fact WHERE dataset_id = 1 LIMIT 2)`).run();
    expect(listAudit(db, { entity: 'expenditure_fact', entityId: '1' }).map((e) => e.action)).toEqual(['delete', 'delete']);
    expect(verifyAudit(db)).toMatchObject({ ok: true, state: [] });
    db.close();
  });
});

describe('a database from before the audit log', () => {
  it('starts its log at the upgrade, listing the rows it already held, and verifies', async () => {
    const { loadMigrations } = await import('../migrate');
    const file = join(dir, 'v5.sqlite');
    const migrations = loadMigrations();
    const old = openDatabase(file, { migrations: migrations.slice(0, 5) });
    writeDemo(old.db, generateDemo({ scale: 'province' }));
    createScenario(old.db, { regionCode: province(old.db), name: '旧方案', overlay: [], ...HASHES });
    old.db.close();
    const { db, backupFile } = openDatabase(file);
    const entries = listAudit(db);
    // …then the content of each dataset it already held is sealed, marked late.
    expect(entries.map((e) => e.action)).toEqual(['genesis', 'migrate', 'insert', 'insert', 'insert', 'insert', 'insert']);
    expect(entries.slice(2).map((e) => [e.entity, e.entityId, JSON.parse(e.after!).late])).toEqual(['1', '2', '3', '4', '5'].map((id) => ['dataset_content', id, true]));
    expect(JSON.parse(entries[0]!.after!)).toMatchObject({ dataset: ['1', '2', '3', '4', '5'], scenario: ['1'] });
    // Every migration from 0006 on is applied in that one upgrade.
    expect(JSON.parse(entries[1]!.after!)).toMatchObject({ schemaVersion: migrations.length, applied: migrations.slice(5).map((m) => `${String(m.version).padStart(4, '0')}_${m.name}`), backup: backupFile });
    expect(verifyAudit(db)).toMatchObject({ ok: true, state: [] });
    db.close();
  });
});
