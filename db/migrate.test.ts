import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CodedError } from '../core/result';
import { fileSha256 } from '../test/support/hash';
import { tempDir } from '../test/support/temp';
import { latestVersion, loadMigrations, type Migration } from './migrate';
import { openDatabase } from './open';
import { dumpSchema } from './schema-dump';

const dir = tempDir();
const SNAPSHOT = new URL('./schema.snapshot.sql', import.meta.url);

describe('migrations from zero', () => {
  it('produce exactly the committed schema snapshot', () => {
    const { db } = openDatabase(join(dir, 'fresh.sqlite'));
    const schema = dumpSchema(db);
    db.close();
    if (process.env.UPDATE_SNAPSHOT === '1') writeFileSync(SNAPSHOT, schema);
    expect(schema).toBe(readFileSync(SNAPSHOT, 'utf8'));
  });

  it('set user_version, WAL and foreign keys, and pass integrity checks', () => {
    const { db, migration } = openDatabase(join(dir, 'pragmas.sqlite'));
    expect(migration.from).toBe(0);
    expect(migration.to).toBe(latestVersion(loadMigrations()));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('make every table STRICT', () => {
    const { db } = openDatabase(join(dir, 'strict.sqlite'));
    const tables = db.prepare(`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string; strict: number }[];
    expect(tables.length).toBeGreaterThan(8);
    for (const t of tables) expect(t, t.name).toEqual({ name: t.name, strict: 1 });
    db.close();
  });

  it('are numbered without gaps', () => {
    expect(loadMigrations().map((m) => m.version)).toEqual(loadMigrations().map((_, i) => i + 1));
  });
});

describe('constraints hold the data honest', () => {
  const { db } = openDatabase(join(dir, 'checks.sqlite'));
  db.prepare(`INSERT INTO region (code, name, short_name, level, kind) VALUES ('390000', '示范省', '示范', 'province', 'province')`).run();
  const bad: [string, string][] = [
    ['a code that is not six digits', `INSERT INTO region (code, name, short_name, level, kind, parent_code) VALUES ('39010', 'x', 'x', 'county', 'county', '390000')`],
    ['a county without a parent', `INSERT INTO region (code, name, short_name, level, kind) VALUES ('390102', 'x', 'x', 'county', 'district')`],
    ['a province code for a county', `INSERT INTO region (code, name, short_name, level, kind, parent_code) VALUES ('380000', 'x', 'x', 'county', 'county', '390000')`],
    ['a dataset with a malformed hash', `INSERT INTO dataset (name, kind, source_file_name, sha256, imported_at, unit, release_stage, row_count) VALUES ('x', 'enrolment', 'f', 'XYZ', 't', '人', 'yearbook', 0)`],
    ['an expenditure dataset without basis or scope', `INSERT INTO dataset (name, kind, source_file_name, sha256, imported_at, unit, release_stage, row_count) VALUES ('x', 'expenditure', 'f', '${'a'.repeat(64)}', 't', '元', 'yearbook', 0)`],
    ['a fractional amount', `INSERT INTO expenditure_fact (dataset_id, region_code, year, level, amount_fen) VALUES (1, '390000', 2020, 'primary', 1.5)`],
    ['a fact for an unknown dataset', `INSERT INTO expenditure_fact (dataset_id, region_code, year, level, amount_fen) VALUES (999, '390000', 2020, 'primary', 1)`],
    ['an unknown level', `INSERT INTO enrolment_fact (dataset_id, region_code, year, level, students) VALUES (1, '390000', 2020, 'college', 1)`],
  ];
  it.each(bad)('refuse %s', (_, sql) => {
    expect(() => db.prepare(sql).run()).toThrow();
  });
});

describe('opening an existing database', () => {
  it('backs up before migrating, and only then', () => {
    const file = join(dir, 'old.sqlite');
    const migrations = loadMigrations();
    // A database at version 1, as an older workbench would have left it.
    openDatabase(file, { migrations: migrations.slice(0, 1) }).db.close();
    const backups = join(dir, 'backups-old');
    const second = openDatabase(file, { migrations, backupDir: backups, now: () => new Date('2026-01-02T03:04:05Z') });
    expect(second.migration).toMatchObject({ from: 1, to: latestVersion(migrations) });
    expect(second.backupFile).not.toBeNull();
    const backup = new Database(second.backupFile!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    backup.close();
    second.db.close();
    expect(readdirSync(backups)).toEqual(['old.v1.2026-01-02T03-04-05-000Z.migrate.sqlite']);
    // Already current: no second backup.
    const third = openDatabase(file, { migrations, backupDir: backups });
    expect(third.backupFile).toBeNull();
    third.db.close();
  });

  it('refuses a database from a newer workbench and leaves the file byte-identical', () => {
    const file = join(dir, 'newer.sqlite');
    const { db } = openDatabase(file);
    db.pragma(`user_version = ${latestVersion(loadMigrations()) + 5}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = fileSha256(file);
    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CodedError);
    expect((error as CodedError).code).toBe('db_newer_version');
    expect((error as CodedError).message).toMatch(/newer workbench/);
    expect(fileSha256(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('applies pending migrations all or nothing', () => {
    const file = join(dir, 'atomic.sqlite');
    const migrations = loadMigrations();
    openDatabase(file, { migrations: migrations.slice(0, 1) }).db.close();
    const broken: Migration[] = [...migrations, { version: migrations.length + 1, name: 'broken', sql: 'CREATE TABLE half_done (x INTEGER) STRICT; INSERT INTO no_such_table VALUES (1);' }];
    expect(() => openDatabase(file, { migrations: broken, backupDir: join(dir, 'b2') })).toThrow(/no_such_table/);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'`).get()).toEqual({ n: 0 });
    // Migration 0002's reference data went back out with the failed 0003.
    expect(db.prepare('SELECT count(*) AS n FROM budget_function').get()).toEqual({ n: 0 });
    db.close();
  });

  it('says clearly when a file is not a database', () => {
    const file = join(dir, 'not-a-db.sqlite');
    copyFileSync(new URL('../package.json', import.meta.url), file);
    expect(() => openDatabase(file)).toThrow(/is damaged or not a workbench database \(.*not an SQLite database file/);
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'db_corrupt' }));
  });
});
