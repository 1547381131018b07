// One import writes at a time. Two imports in one process (the engine runs each on its own
// connection) take turns through a queue per database file: a second BEGIN IMMEDIATE on the same
// thread would spin in SQLite's busy handler while the first one — waiting on the event loop for
// its next rows — can never finish. Imports in other processes (several `wb import` at once) are
// waited for without blocking: the write lock is asked for with a short busy timeout and retried
// after a pause, so the engine stays responsive and the wait can be cancelled.
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';

const queues = new Map<string, Promise<unknown>>();

/** Run `work` after every earlier import into the same database file (in this process) has ended. */
export async function inTurn<T>(db: Database.Database, work: () => Promise<T>): Promise<T> {
  const key = db.memory || !db.name ? `memory:${String(Math.random())}` : resolve(db.name);
  const before = queues.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((r) => (release = r));
  const tail = before.then(() => mine);
  queues.set(key, tail);
  try {
    await before.catch(() => undefined);
    return await work();
  } finally {
    release();
    if (queues.get(key) === tail) queues.delete(key);
  }
}

const isBusy = (e: unknown) => typeof e === 'object' && e !== null && /^SQLITE_(BUSY|LOCKED)/.test(String((e as { code?: unknown }).code ?? ''));

export class WriteLockTimeout extends Error {}

/**
 * BEGIN IMMEDIATE, waiting (asynchronously) while another program holds the write lock.
 * `onWait` is told once when the wait starts; the wait ends with WriteLockTimeout after `maxWaitMs`.
 */
export async function beginImmediate(db: Database.Database, options: { signal?: AbortSignal; onWait?: () => void; maxWaitMs?: number } = {}): Promise<'begun' | 'aborted'> {
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  const started = Date.now();
  let told = false;
  db.pragma('busy_timeout = 50');
  try {
    for (;;) {
      try {
        db.exec('BEGIN IMMEDIATE');
        return 'begun';
      } catch (e) {
        if (!isBusy(e)) throw e;
      }
      if (!told) {
        options.onWait?.();
        told = true;
      }
      if (options.signal?.aborted) return 'aborted';
      if (Date.now() - started > (options.maxWaitMs ?? 600_000)) throw new WriteLockTimeout('另一程序长时间占用数据库写入 / another program has held the database write lock too long');
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    db.pragma(`busy_timeout = ${busyTimeout}`);
  }
}
