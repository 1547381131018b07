// Issue #16.4, the app's side: the engine holds a lease on its database (`<db>.lock`) while open,
// and when the file is replaced underneath it (a restore by a program that ignored the lease) it
// never reports a save that went to the deleted inode: the write is refused with a message, the
// new file is reopened, and the next write lands in it.
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../core/ipc/contracts';
import { tempDir } from '../../test/support/temp';
import type { HandlerContext } from './dispatcher';
import { createEngine, type Engine } from './engine';

const dir = tempDir('wb-engine-guard-');
const ctx = (): HandlerContext => ({ signal: new AbortController().signal, progress: () => {} });
const reply = (engine: Engine, channel: string, input: unknown) => engine.dispatcher.dispatch(channel, input, ctx());
async function call<T>(engine: Engine, channel: string, input: unknown): Promise<T> {
  const r = await reply(engine, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}
const names = (file: string): string[] => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT name FROM scenario WHERE is_baseline = 0 ORDER BY name`).pluck().all() as string[]);
  } finally {
    db.close();
  }
};

describe('the engine and its database file (#16.4)', () => {
  it('holds a lease while open and releases it on close', () => {
    const file = join(dir, 'lease.sqlite');
    const engine = createEngine({ file, host: 'web', appVersion: '0.0.0', seedDemo: false });
    const lock = JSON.parse(readFileSync(`${file}.lock`, 'utf8')) as { pid: number; kind: string };
    expect(lock).toMatchObject({ pid: process.pid, kind: 'app' });
    engine.close();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('refuses a write after its file was replaced, reopens the new file, and the next write lands in it', async () => {
    const file = join(dir, 'replaced.sqlite');
    const engine = createEngine({ file, host: 'web', appVersion: '0.0.0' });
    const backup = (await call<Output<'backup.create'>>(engine, 'backup.create', {})).backup;
    await call(engine, 'transfer.edit', { action: 'create', regionCode: '390000', name: '甲' });
    expect(names(file)).toContain('甲');

    // Another program puts the backup in place the way a restore does: a copy renamed over it.
    copyFileSync(join(dir, 'backups', backup.name), `${file}.incoming`);
    for (const ext of ['-wal', '-shm']) rmSync(file + ext, { force: true });
    renameSync(`${file}.incoming`, file);

    const refused = await reply(engine, 'transfer.edit', { action: 'create', regionCode: '390000', name: '乙' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/replaced.*NOT saved/);
    // Reads show the new file: 甲 was never in the backup.
    const listed = await call<Output<'transfer.scenarios'>>(engine, 'transfer.scenarios', { regionCode: '390000' });
    expect(listed.scenarios.map((s) => s.name)).not.toContain('甲');

    await call(engine, 'transfer.edit', { action: 'create', regionCode: '390000', name: '丙' });
    engine.close();
    const onDisk = names(file);
    expect(onDisk).toContain('丙');
    expect(onDisk).not.toContain('乙');
    expect(onDisk).not.toContain('甲');
  });
});
