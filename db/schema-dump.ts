// A normalised dump of the schema (tables, indexes, triggers, views) for the snapshot test and for
// reviewers: what a database created from zero looks like after every migration.
import type Database from 'better-sqlite3';

export function dumpSchema(db: Database.Database): string {
  const rows = db
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, name`)
    .all() as { type: string; name: string; sql: string }[];
  const version = db.pragma('user_version', { simple: true }) as number;
  return [`-- schema after migration ${version}`, ...rows.map((r) => `${r.sql.replace(/[ \t]+$/gm, '')};`)].join('\n\n') + '\n';
}
