// The audit and backup channels through the real engine: history of a scenario as the app saves it;
// a damaged database starts the engine in recovery, where only app.info and the backup channels
// answer, and a restore brings every channel back; a read-only database refuses every write channel
// with db_read_only before anything runs.
import { chmodSync, closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../../core/ipc/contracts';
import { tempDir } from '../../../test/support/temp';
import type { HandlerContext } from '../dispatcher';
import { createEngine, type Engine } from '../engine';

const dir = tempDir('wb-engine-audit-');
const ctx = (): HandlerContext => ({ signal: new AbortController().signal, progress: () => {} });
const reply = (engine: Engine, channel: string, input: unknown) => engine.dispatcher.dispatch(channel, input, ctx());
async function call<T>(engine: Engine, channel: string, input: unknown): Promise<T> {
  const r = await reply(engine, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

describe('history', () => {
  it('lists a scenario’s changes newest first, with the fields before and after', async () => {
    const engine = createEngine({ file: join(dir, 'history.sqlite'), host: 'web', appVersion: '0.0.0' });
    const made = await call<Output<'transfer.edit'>>(engine, 'transfer.edit', { action: 'create', regionCode: '390000', name: '甲' });
    const id = made.scenario!.id;
    await call(engine, 'transfer.edit', { action: 'rename', id, name: '乙' });
    const h = await call<Output<'audit.history'>>(engine, 'audit.history', { entity: 'scenario', entityId: String(id) });
    expect(h.entries.map((e) => e.action)).toEqual(['update', 'insert']);
    expect(JSON.parse(h.entries[0]!.before!).name).toBe('甲');
    expect(JSON.parse(h.entries[0]!.after!).name).toBe('乙');
    expect(h.headSeq).toBe(h.entries[0]!.seq);
    expect((await call<Output<'audit.verify'>>(engine, 'audit.verify', {})).ok).toBe(true);
    engine.close();
  });
});

describe('a damaged database', () => {
  it('starts the engine in recovery; a restore brings everything back', async () => {
    const file = join(dir, 'damaged.sqlite');
    const first = createEngine({ file, host: 'web', appVersion: '0.0.0' });
    const backup = (await call<Output<'backup.create'>>(first, 'backup.create', {})).backup;
    first.close();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 16, 0xff), 0, 4096 * 16, 4096 * 4);
    closeSync(fd);

    const logs: string[] = [];
    const engine = createEngine({ file, host: 'web', appVersion: '0.0.0', log: (l) => logs.push(l) });
    const info = await call<Output<'app.info'>>(engine, 'app.info', {});
    expect(info.recovery?.message).toMatch(/damaged/);
    expect(info.recovery?.backups.map((b) => b.name)).toEqual([backup.name]);
    expect(logs.join('\n')).toMatch(/damaged/);
    const blocked = await reply(engine, 'regions.tree', {});
    expect(blocked).toMatchObject({ ok: false, error: { code: 'db_unavailable' } });

    const restored = await call<Output<'backup.restore'>>(engine, 'backup.restore', { name: backup.name });
    expect(restored.restored.name).toBe(backup.name);
    expect((await call<Output<'app.info'>>(engine, 'app.info', {})).recovery).toBeNull();
    const tree = await call<Output<'regions.tree'>>(engine, 'regions.tree', {});
    expect(tree.regions.length).toBeGreaterThan(100);
    engine.close();
  });
});

describe('a read-only database', () => {
  it('answers reads and refuses every write channel before it runs', async () => {
    const file = join(dir, 'readonly.sqlite');
    createEngine({ file, host: 'web', appVersion: '0.0.0' }).close();
    chmodSync(file, 0o444);
    const engine = createEngine({ file, host: 'web', appVersion: '0.0.0' });
    try {
      expect((await call<Output<'app.info'>>(engine, 'app.info', {})).readOnly).toMatchObject({ reason: 'file_read_only' });
      // Listing scenarios would store the baseline; read-only, it is shown unsaved instead.
      const list = await call<Output<'transfer.scenarios'>>(engine, 'transfer.scenarios', { regionCode: '390000' });
      expect(list.scenarios).toEqual([expect.objectContaining({ id: 0, isBaseline: true })]);
      for (const [channel, input] of [
        ['transfer.edit', { action: 'create', regionCode: '390000', name: '甲' }],
        ['compliance.annotate', { action: 'remove', id: 1 }],
        ['backup.create', {}],
        ['import.commit', { uploadId: 'a'.repeat(64), fileName: 'x.csv', request: { kind: 'expenditure' } }],
      ] as const) {
        expect(await reply(engine, channel, input), channel).toMatchObject({ ok: false, error: { code: 'db_read_only' } });
      }
    } finally {
      engine.close();
      chmodSync(file, 0o644);
    }
  });
});
