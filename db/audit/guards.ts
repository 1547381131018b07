// The audit triggers are what make changes logged and the log append-only; someone with the file
// can drop them. Every open compares the database's audit triggers with the ones its migrations
// create (built once per process in memory from the same migration files) and, when the database
// can be written, recreates any that are missing or altered — logging that it did, so the gap is on
// record — or, read-only, reports them.
import type Database from 'better-sqlite3';
import { type Migration } from '../migrate';
import { appendAudit, hasAuditLog } from './log';

// Keyed by the migrations' names and sizes: loadMigrations() returns a new array on every open.
const reference = new Map<string, Map<string, string>>();
const keyOf = (migrations: readonly Migration[]) => migrations.map((m) => `${m.version}:${m.name}:${m.sql.length}`).join('|');

/**
 * name → CREATE TRIGGER sql of every audit trigger the migrations create, read from their text in
 * order (a later CREATE replaces an earlier one; DROP TRIGGER removes it). SQLite stores a
 * trigger's text exactly as written, from CREATE to END, so the two compare as strings. Parsing,
 * not running the migrations, keeps every open fast.
 */
function expectedTriggers(migrations: readonly Migration[], version: number): Map<string, string> {
  const key = keyOf(migrations);
  let all = reference.get(key);
  if (!all) {
    all = new Map();
    for (const m of migrations) {
      for (const x of m.sql.matchAll(/^CREATE TRIGGER (audit_\w+) [\s\S]*?\nEND(?=;)|^DROP TRIGGER (?:IF EXISTS )?(audit_\w+)/gm)) {
        if (x[1]) all.set(x[1], x[0]);
        else if (x[2]) all.delete(x[2]);
      }
    }
    reference.set(key, all);
  }
  // Only a database at the latest version is compared (older ones are being migrated).
  return version === migrations[migrations.length - 1]?.version ? all : new Map();
}

export type GuardProblem = { trigger: string; problem: 'missing' | 'altered' };

export function guardProblems(db: Database.Database, migrations: readonly Migration[]): GuardProblem[] {
  if (!hasAuditLog(db)) return [];
  const version = db.pragma('user_version', { simple: true }) as number;
  const present = new Map(db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'audit_%'`).raw().all() as [string, string][]);
  const out: GuardProblem[] = [];
  for (const [name, sql] of expectedTriggers(migrations, version)) {
    const have = present.get(name);
    if (have === undefined) out.push({ trigger: name, problem: 'missing' });
    else if (have !== sql) out.push({ trigger: name, problem: 'altered' });
  }
  return out;
}

/** Recreate missing or altered audit triggers, in one transaction, and log it. Returns what was repaired. */
export function repairGuards(db: Database.Database, migrations: readonly Migration[]): GuardProblem[] {
  const problems = guardProblems(db, migrations);
  if (!problems.length) return problems;
  const expected = expectedTriggers(migrations, db.pragma('user_version', { simple: true }) as number);
  db.transaction(() => {
    // The log records the repair before the guards are back: the entry goes in through the view,
    // whose own trigger may be the one being recreated, so that one is restored first.
    const ordered = [...problems].sort((a, b) => (a.trigger === 'audit_append_insert' ? -1 : b.trigger === 'audit_append_insert' ? 1 : 0));
    for (const p of ordered) {
      db.exec(`DROP TRIGGER IF EXISTS "${p.trigger}"`);
      db.exec(expected.get(p.trigger)!);
    }
    appendAudit(db, { action: 'migrate', entity: 'audit_trigger', after: { repaired: problems, note: '审计触发器缺失或被改动，已按迁移重建；其间的改动可能未记入日志 / audit triggers were missing or altered and were recreated; changes made meanwhile may be unlogged' } });
  })();
  return problems;
}

export function describeGuardProblems(problems: readonly GuardProblem[]): string {
  return problems.map((p) => `${p.trigger} (${p.problem === 'missing' ? '缺失 / missing' : '被改动 / altered'})`).join(', ');
}
