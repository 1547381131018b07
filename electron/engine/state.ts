import type Database from 'better-sqlite3';

/** What every handler shares: the one writer connection and facts about the host. */
export type EngineState = {
  db: Database.Database;
  file: string;
  appVersion: string;
  host: 'electron' | 'web';
};
