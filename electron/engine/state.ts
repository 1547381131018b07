import type Database from 'better-sqlite3';
import type { OpenResult } from '../../db/open';

/** What every handler shares: the one writer connection and facts about the host. */
export type EngineState = {
  /** Replaced when a backup is restored; handlers read it on every call, never keep it. */
  db: Database.Database;
  file: string;
  appVersion: string;
  host: 'electron' | 'web';
  /** Set when the database could only be opened read-only (see db/open.ts). */
  readOnly: OpenResult['readOnly'];
  /** Set while the database is damaged and no backup has been restored yet. */
  recovery: { message: string } | null;
};
