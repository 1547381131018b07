// The engine's hold on its database file: the lease (`<db>.lock`, db/lock/lease.ts) that tells
// `wb backup restore` and other workbench processes the file is in use, and the check, before
// every call, that the file on disk is still the one the connection has open. A file replaced
// underneath (restored by a program that ignored the lease, copied over by hand) is detected by
// its identity (device + inode): the engine closes the old connection — whose writes would go to
// a deleted inode and be lost while reported saved — reopens the new file, and refuses the change
// it was asked for with a message saying so, so nothing is reported saved that was not.
import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { fail, type Reply } from '../../core/result';
import { acquireLease, describeHolder, type Lease } from '../../db/lock/lease';
import { openDatabase } from '../../db/open';
import type { EngineState } from './state';

type Identity = { dev: number; ino: number } | null;

function identityOf(file: string): Identity {
  try {
    const st = statSync(file);
    return { dev: st.dev, ino: st.ino };
  } catch {
    return null;
  }
}

const same = (a: Identity, b: Identity) => a !== null && b !== null && a.dev === b.dev && a.ino === b.ino;

export const REPLACED_MESSAGE =
  '数据库文件已被替换（例如在工作台之外恢复了备份），已重新打开新文件；本次更改未保存，请核对后重试 / the database file was replaced (for example a backup restored outside the workbench); the new file has been reopened; this change was NOT saved — check and try again';

export type FileGuard = {
  /** Before a call: null to go on, or the reply that answers it instead. */
  before(channel: string, writes: boolean): Reply<never> | null;
  close(): void;
};

export function createFileGuard(state: EngineState, log: (line: string) => void): FileGuard {
  let lease: Lease | null = null;
  let leaseFile: string | null = null;
  let trackedDb: Database.Database | null = null;
  let identity: Identity = null;

  function holdLease(): void {
    if (leaseFile === state.file) return;
    lease?.release();
    lease = null;
    leaseFile = state.file;
    const outcome = acquireLease(state.file, 'app');
    if (outcome.ok) {
      lease = outcome.lease;
      if (outcome.takenOver) log(`stale lock of ${describeHolder(outcome.takenOver)} on ${state.file} taken over (its process has ended)`);
    } else {
      // Another live workbench has the file: this one may read but not write.
      const message = `数据库正被另一个 ${describeHolder(outcome.holder)} 使用，已以只读方式打开 / the database is in use by ${describeHolder(outcome.holder)}: opened read-only`;
      log(message);
      state.readOnly ??= { reason: 'locked', message };
    }
  }

  /** Track the connection the engine holds now (after open, a restore or a workspace switch). */
  function track(): void {
    if (trackedDb !== state.db) {
      trackedDb = state.db;
      identity = identityOf(state.file);
    }
  }

  if (!state.recovery) {
    holdLease();
    track();
  }

  return {
    before(channel, writes) {
      if (state.recovery) return null;
      holdLease();
      track();
      if (same(identity, identityOf(state.file))) return null;
      log(`${state.file} was replaced on disk (${channel}): reopening`);
      try {
        state.db.close();
        const opened = openDatabase(state.file);
        state.db = opened.db;
        state.readOnly = opened.readOnly ?? (lease ? null : state.readOnly);
      } catch (e) {
        state.recovery = { message: `${REPLACED_MESSAGE}：${(e as Error).message}` };
        return fail('db_unavailable', state.recovery.message);
      }
      track();
      return writes ? fail('conflict', REPLACED_MESSAGE) : null;
    },
    close() {
      lease?.release();
      lease = null;
    },
  };
}
