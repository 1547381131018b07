// One writer at a time: the app holds a lease on its database — a `<db>.lock` file naming the
// process — for as long as it has the file open. Commands that replace the file (`wb backup
// restore`) refuse while a live process holds it; SQLite's own locks only cover a transaction,
// while a restore swaps the whole file and an app that keeps it open would go on writing to the
// deleted inode. A lease whose process is gone (killed, crashed) is stale and is taken over with a
// note saying so.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

export type LeaseHolder = { pid: number; host: string; kind: 'app' | 'cli'; since: string };
export type Lease = { file: string; holder: LeaseHolder; release(): void };
export type LeaseOutcome =
  | { ok: true; lease: Lease; takenOver: LeaseHolder | null }
  | { ok: false; holder: LeaseHolder };

export const lockFileFor = (dbFile: string): string => `${dbFile}.lock`;

function readHolder(lockFile: string): LeaseHolder | null {
  try {
    const h = JSON.parse(readFileSync(lockFile, 'utf8')) as Partial<LeaseHolder>;
    if (typeof h.pid !== 'number' || !Number.isInteger(h.pid) || h.pid <= 0) return null;
    return { pid: h.pid, host: String(h.host ?? ''), kind: h.kind === 'cli' ? 'cli' : 'app', since: String(h.since ?? '') };
  } catch {
    return null;
  }
}

/** Whether the holder's process still runs. Another machine's lease (a shared folder) is trusted as live. */
export function holderAlive(h: LeaseHolder): boolean {
  if (h.host !== hostname()) return true;
  try {
    process.kill(h.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/** The live holder of the database's lease, or null (no lock file, unreadable, or stale). */
export function leaseHolder(dbFile: string): LeaseHolder | null {
  const h = readHolder(lockFileFor(dbFile));
  return h && holderAlive(h) ? h : null;
}

function createExclusive(lockFile: string, holder: LeaseHolder): boolean {
  let fd: number;
  try {
    fd = openSync(lockFile, 'wx', 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, JSON.stringify(holder));
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Take the database's lease for this process. A lease this process already holds is shared
 * (several engines in one process, as in tests). Refused (ok: false) when another live process
 * holds it; a stale one is removed and taken over (`takenOver` names the dead holder).
 */
export function acquireLease(dbFile: string, kind: LeaseHolder['kind']): LeaseOutcome {
  const lockFile = lockFileFor(dbFile);
  const me: LeaseHolder = { pid: process.pid, host: hostname(), kind, since: new Date().toISOString() };
  let takenOver: LeaseHolder | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createExclusive(lockFile, me)) return { ok: true, lease: leaseOf(lockFile, me), takenOver };
    const current = readHolder(lockFile);
    if (current && current.pid === process.pid && current.host === me.host) return { ok: true, lease: { file: lockFile, holder: current, release: () => {} }, takenOver: null };
    if (current && holderAlive(current)) return { ok: false, holder: current };
    // Stale (dead process) or unreadable: remove and try again; another taker may win the race.
    takenOver = current ?? { pid: 0, host: '', kind: 'app', since: '' };
    rmSync(lockFile, { force: true });
  }
  const current = readHolder(lockFile);
  return current ? { ok: false, holder: current } : { ok: false, holder: { pid: 0, host: '', kind: 'app', since: '' } };
}

function leaseOf(lockFile: string, me: LeaseHolder): Lease {
  let released = false;
  return {
    file: lockFile,
    holder: me,
    release() {
      if (released) return;
      released = true;
      // Only our own lease: a stale-lease taker may have replaced it meanwhile.
      const current = readHolder(lockFile);
      if (current && current.pid === me.pid && current.since === me.since) rmSync(lockFile, { force: true });
    },
  };
}

/** The holder in words, for refusals and notes. */
export function describeHolder(h: LeaseHolder): string {
  const who = h.kind === 'app' ? '工作台 / the workbench app' : '命令行 / a wb command';
  return `${who}（进程 / pid ${h.pid}${h.host && h.host !== hostname() ? `，主机 / host ${h.host}` : ''}${h.since ? `，自 / since ${h.since}` : ''}）`;
}
