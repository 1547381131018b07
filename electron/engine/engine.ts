// Builds the engine for a host: opens (and if needed creates) the database, seeds the demo
// province on first start, and wires every handler into one dispatcher. A damaged database does
// not stop the engine: it starts in recovery, where only app.info and the backup channels answer,
// so the app can show what is wrong and offer the backups.
import Database from 'better-sqlite3';
import { generateDemo } from '../../core/demo/generate';
import { CodedError, fail } from '../../core/result';
import { openDatabase, type OpenResult } from '../../db/open';
import { writeDemo } from '../../db/demo/write-demo';
import { createDispatcher, type Dispatcher, type Handlers } from './dispatcher';
import { createFileGuard } from './file-guard';
import { aidHandlers } from './handlers/aid';
import { appHandlers } from './handlers/app';
import { auditHandlers } from './handlers/audit';
import { briefHandlers } from './handlers/brief';
import { bulletinHandlers } from './handlers/bulletin';
import { complianceHandlers } from './handlers/compliance';
import { importHandlers } from './handlers/imports';
import { perStudentHandlers } from './handlers/per-student';
import { regionHandlers } from './handlers/regions';
import { targetsHandlers } from './handlers/targets';
import { transferHandlers } from './handlers/transfer';
import { workspaceHandlers } from './handlers/workspace';
import { healthHandlers } from './handlers/health';
import type { EngineState } from './state';

export type EngineOptions = {
  file: string;
  host: 'electron' | 'web';
  appVersion: string;
  /** Seed a new database with the synthetic demo province (default true). */
  seedDemo?: boolean;
  log?: (line: string) => void;
};

export type Engine = { dispatcher: Dispatcher; state: EngineState; opened: OpenResult | null; close(): void };

/** Channels that answer while the database is damaged. */
const RECOVERY_CHANNELS = new Set(['app.info', 'backup.list', 'backup.restore']);
/** Channels that change the database, refused up front when it is read-only. */
const WRITE_CHANNELS = new Set(['import.commit', 'bulletin.import', 'compliance.annotate', 'transfer.edit', 'backup.create', 'backup.restore', 'basis.set', 'targets.unitCosts.set']);

function openOrRecover(options: EngineOptions, log: (line: string) => void): { opened: OpenResult | null; recovery: EngineState['recovery'] } {
  try {
    const opened = openDatabase(options.file);
    if (opened.backupFile) log(`backup before migration: ${opened.backupFile}`);
    if (opened.readOnly) log(opened.readOnly.message);
    // The 审计与备份 view's verification shows the same problems where the user looks.
    for (const notice of opened.auditNotices) log(`audit: ${notice}`);
    if (opened.created && options.seedDemo !== false) {
      const written = writeDemo(opened.db, generateDemo({ scale: 'province' }));
      log(`new database ${opened.file}: demo province written (${written.rows} rows)`);
    }
    return { opened, recovery: null };
  } catch (e) {
    if (e instanceof CodedError && e.code === 'db_corrupt') {
      log(e.message);
      return { opened: null, recovery: { message: e.message } };
    }
    throw e;
  }
}

export function createEngine(options: EngineOptions): Engine {
  const log = options.log ?? (() => {});
  const { opened, recovery } = openOrRecover(options, log);
  const state: EngineState = {
    // In recovery there is no database to hand out; an empty in-memory one stands in, and the
    // gate below keeps every channel that would read it closed.
    db: opened?.db ?? new Database(':memory:'),
    file: options.file,
    appVersion: options.appVersion,
    host: options.host,
    readOnly: opened?.readOnly ?? null,
    recovery,
  };
  const handlers = {
    ...appHandlers(state),
    ...regionHandlers(state),
    ...perStudentHandlers(state),
    ...importHandlers(state),
    ...bulletinHandlers(state),
    ...complianceHandlers(state),
    ...transferHandlers(state),
    ...aidHandlers(state),
    ...targetsHandlers(state),
    ...briefHandlers(state),
    ...auditHandlers(state),
    ...workspaceHandlers(state),
    ...healthHandlers(state),
  } satisfies Handlers;
  // The lease on the file and the check that it was not replaced underneath (file-guard.ts).
  const guard = createFileGuard(state, log);
  const inner = createDispatcher(handlers, (e) => log(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  const dispatcher: Dispatcher = {
    dispatch(channel, input, ctx) {
      const replaced = guard.before(channel, WRITE_CHANNELS.has(channel));
      if (replaced) return Promise.resolve(replaced);
      if (state.recovery && !RECOVERY_CHANNELS.has(channel)) return Promise.resolve(fail('db_unavailable', state.recovery.message));
      if (state.readOnly && WRITE_CHANNELS.has(channel)) return Promise.resolve(fail('db_read_only', `${state.readOnly.message}（未做任何更改 / nothing was changed）`));
      return inner.dispatch(channel, input, ctx);
    },
  };
  return {
    dispatcher,
    state,
    opened,
    close: () => {
      state.db.close();
      guard.close();
    },
  };
}
