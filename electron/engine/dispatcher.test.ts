import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSeries } from '../../core/arrow/per-student-series';
import { CodedError } from '../../core/result';
import { contracts } from '../../core/ipc/contracts';
import type { ServerMessage } from '../../core/ipc/wire';
import { tempDir } from '../../test/support/temp';
import { createDispatcher, serveConnection, type HandlerContext, type Handlers } from './dispatcher';
import { createEngine } from './engine';
import { latestVersion, loadMigrations } from '../../db/migrate';

const dir = tempDir();
const ctx = (): HandlerContext => ({ signal: new AbortController().signal, progress: () => {} });

describe('engine dispatcher on a real database', () => {
  const engine = createEngine({ file: join(dir, 'engine.sqlite'), host: 'web', appVersion: '9.9.9' });

  it('answers app.info', async () => {
    const reply = await engine.dispatcher.dispatch('app.info', {}, ctx());
    expect(reply).toMatchObject({ ok: true, value: { appVersion: '9.9.9', synthetic: true, host: 'web', schemaVersion: latestVersion(loadMigrations()) } });
  });

  it('rejects an unknown channel as a value', async () => {
    expect(await engine.dispatcher.dispatch('db.dropEverything', {}, ctx())).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('validates input and names the offending field', async () => {
    const reply = await engine.dispatcher.dispatch('perStudent.series', { regionCode: '39', scope: 'consolidated' }, ctx());
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('bad_input');
      expect(reply.error.message).toContain('regionCode');
    }
    expect(await engine.dispatcher.dispatch('app.info', { extra: 1 }, ctx())).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });

  it('returns not_found for a region that is not held', async () => {
    expect(await engine.dispatcher.dispatch('perStudent.series', { regionCode: '110000', scope: 'consolidated' }, ctx())).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('ships the per-student series as Arrow bytes that decode to exact rows', async () => {
    const reply = await engine.dispatcher.dispatch('perStudent.series', { regionCode: '390000', scope: 'consolidated', year: 2024 }, ctx());
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const value = reply.value as { series: Uint8Array; firstYear: number; lastYear: number };
    expect(value.series).toBeInstanceOf(Uint8Array);
    expect(value.firstYear).toBe(2015);
    const rows = decodeSeries(value.series);
    const primary2024 = rows.find((r) => r.year === 2024 && r.level === 'primary')!;
    const direct = engine.state.db
      .prepare(`SELECT f.amount_fen AS amount FROM expenditure_fact f JOIN dataset d ON d.id = f.dataset_id WHERE d.scope = 'consolidated' AND f.region_code = '390000' AND f.year = 2024 AND f.level = 'primary'`)
      .get() as { amount: number };
    expect(primary2024.spendingFen).toBe(direct.amount);
  });
});

describe('dispatcher error handling', () => {
  const unused = (): never => {
    throw new Error('unused');
  };
  const everyChannelUnused = Object.fromEntries(Object.keys(contracts).map((c) => [c, unused])) as unknown as Handlers;
  const handlers: Handlers = {
    ...everyChannelUnused,
    'app.info': () => {
      throw new CodedError('conflict', 'already there');
    },
    'regions.tree': () => {
      throw new Error('boom');
    },
    'datasets.list': async (_input, c) => {
      await new Promise((r) => setTimeout(r, 30));
      c.progress(1, 2, 'half');
      return { datasets: [] };
    },
  };
  const internal: unknown[] = [];
  const d = createDispatcher(handlers, (e) => internal.push(e));

  it('turns coded errors into their code and other throws into internal', async () => {
    expect(await d.dispatch('app.info', {}, ctx())).toEqual({ ok: false, error: { code: 'conflict', message: 'already there' } });
    expect(await d.dispatch('regions.tree', {}, ctx())).toMatchObject({ ok: false, error: { code: 'internal', message: 'regions.tree failed: boom' } });
    expect(internal).toHaveLength(1);
  });

  it('serves a connection: progress, cancel, malformed messages', async () => {
    const sent: ServerMessage[] = [];
    let receive: (raw: unknown) => void = () => {};
    serveConnection(d, { send: (m) => sent.push(m), onMessage: (r) => (receive = r), onClose: () => {} });
    receive({ t: 'call', id: 1, channel: 'datasets.list', input: {} });
    receive({ t: 'call', id: 2, channel: 'datasets.list', input: {} });
    receive({ t: 'cancel', id: 2 });
    receive({ nonsense: true });
    await new Promise((r) => setTimeout(r, 80));
    expect(sent).toContainEqual({ t: 'progress', id: 1, done: 1, total: 2, stage: 'half' });
    expect(sent).toContainEqual({ t: 'reply', id: 1, reply: { ok: true, value: { datasets: [] } } });
    expect(sent).toContainEqual({ t: 'reply', id: 2, reply: { ok: false, error: { code: 'cancelled', message: 'datasets.list was cancelled' } } });
    expect(sent.find((m) => m.t === 'reply' && m.id === -1)).toMatchObject({ reply: { ok: false, error: { code: 'bad_input' } } });
  });
});
