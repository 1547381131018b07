// Builds the engine for a host: opens (and if needed creates) the database, seeds the demo
// province on first start, and wires every handler into one dispatcher.
import { generateDemo } from '../../core/demo/generate';
import { openDatabase, type OpenResult } from '../../db/open';
import { writeDemo } from '../../db/demo/write-demo';
import { createDispatcher, type Dispatcher, type Handlers } from './dispatcher';
import { appHandlers } from './handlers/app';
import { briefHandlers } from './handlers/brief';
import { complianceHandlers } from './handlers/compliance';
import { importHandlers } from './handlers/imports';
import { perStudentHandlers } from './handlers/per-student';
import { regionHandlers } from './handlers/regions';
import { transferHandlers } from './handlers/transfer';
import type { EngineState } from './state';

export type EngineOptions = {
  file: string;
  host: 'electron' | 'web';
  appVersion: string;
  /** Seed a new database with the synthetic demo province (default true). */
  seedDemo?: boolean;
  log?: (line: string) => void;
};

export type Engine = { dispatcher: Dispatcher; state: EngineState; opened: OpenResult; close(): void };

export function createEngine(options: EngineOptions): Engine {
  const log = options.log ?? (() => {});
  const opened = openDatabase(options.file);
  if (opened.backupFile) log(`backup before migration: ${opened.backupFile}`);
  if (opened.created && options.seedDemo !== false) {
    const written = writeDemo(opened.db, generateDemo({ scale: 'province' }));
    log(`new database ${opened.file}: demo province written (${written.rows} rows)`);
  }
  const state: EngineState = { db: opened.db, file: opened.file, appVersion: options.appVersion, host: options.host };
  const handlers = {
    ...appHandlers(state),
    ...regionHandlers(state),
    ...perStudentHandlers(state),
    ...importHandlers(state),
    ...complianceHandlers(state),
    ...transferHandlers(state),
    ...briefHandlers(state),
  } satisfies Handlers;
  const dispatcher = createDispatcher(handlers, (e) => log(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  return { dispatcher, state, opened, close: () => opened.db.close() };
}
