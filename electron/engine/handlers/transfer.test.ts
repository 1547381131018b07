// The transfer-simulator channels through the real dispatcher on a real database seeded with the
// demo province: inputs, the baseline made on first listing, the stored-scenario round trip with
// hashes of parameters and data, validation errors naming the path, and goal seeking with HiGHS.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Output } from '../../../core/ipc/contracts';
import { canonicalJson, sha256Hex } from '../../../core/hash/sha256';
import { resolveParameters, type OverlayEntry } from '../../../core/transfer/parameters';
import { parametersHash } from '../../../core/transfer/simulate';
import { tempDir } from '../../../test/support/temp';
import type { HandlerContext } from '../dispatcher';
import { createEngine } from '../engine';

const dir = tempDir('wb-engine-transfer-');
const ctx = (): HandlerContext => ({ signal: new AbortController().signal, progress: () => {} });
const TILT: OverlayEntry[] = [{ key: 'difficulty.tilt', value: 1, from: null, to: null }];

describe('transfer channels', () => {
  const engine = createEngine({ file: join(dir, 'engine.sqlite'), host: 'web', appVersion: '0.0.0' });
  afterAll(() => engine.close());
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const reply = await engine.dispatcher.dispatch(channel, input, ctx());
    if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
    return reply.value as T;
  };
  const failure = async (channel: string, input: unknown) => {
    const reply = await engine.dispatcher.dispatch(channel, input, ctx());
    if (reply.ok) throw new Error(`${channel} should have failed`);
    return reply.error;
  };
  const rows = () => engine.state.db.prepare('SELECT count(*) FROM scenario').pluck().get() as number;

  it('answers the inputs of the province and the years a simulation can use', async () => {
    const r = await call<Output<'transfer.inputs'>>('transfer.inputs', { regionCode: '390000' });
    expect(r.inputs).toMatchObject({ regionCode: '390000', regionName: '示范省', year: 2024 });
    expect(r.inputs.units).toHaveLength(100);
    expect(r.inputs.dataHash).toBe(sha256Hex(canonicalJson(r.inputs.units)));
    expect(r.inputs.units.find((u) => u.code === '390425')).toMatchObject({ name: '美水县', tier: 1, urbanRural: 'rural', current: { students: 52119 } });
    // Every year with a prior year: the demo's 2015 has none.
    expect(r.availableYears).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    const earlier = await call<Output<'transfer.inputs'>>('transfer.inputs', { regionCode: '390000', year: 2020 });
    expect(earlier.inputs.year).toBe(2020);
    expect(earlier.inputs.dataHash).not.toBe(r.inputs.dataHash);
  });

  it('creates the baseline on first listing, once', async () => {
    expect(rows()).toBe(0);
    const first = await call<Output<'transfer.scenarios'>>('transfer.scenarios', { regionCode: '390000' });
    expect(first.scenarios).toHaveLength(1);
    const [b] = first.scenarios;
    expect(b).toMatchObject({ regionCode: '390000', name: '基准（现行办法）', isBaseline: true, overlay: [], scores: {}, year: 2024 });
    expect(b!.paramsHash).toBe(parametersHash(2024, resolveParameters([], 2024), undefined));
    const { inputs } = await call<Output<'transfer.inputs'>>('transfer.inputs', { regionCode: '390000' });
    expect(b!.dataHash).toBe(inputs.dataHash);
    const second = await call<Output<'transfer.scenarios'>>('transfer.scenarios', { regionCode: '390000' });
    expect(second.scenarios).toEqual(first.scenarios);
    expect(rows()).toBe(1);
  });

  it('creates, saves, renames, duplicates and deletes a scenario', async () => {
    const created = (await call<Output<'transfer.edit'>>('transfer.edit', { action: 'create', regionCode: '390000', name: '倾斜', overlay: TILT, scores: { '390425': 80 } })).scenario!;
    expect(created).toMatchObject({ regionCode: '390000', name: '倾斜', isBaseline: false, overlay: TILT, scores: { '390425': 80 }, year: 2024 });
    expect(created.paramsHash).toBe(parametersHash(2024, resolveParameters(TILT, 2024), { '390425': 80 }));

    const overlay: OverlayEntry[] = [...TILT, { key: 'hold_harmless.h', value: 0.9, from: 2024, to: 2026 }];
    const saved = await call<Output<'transfer.edit'>>('transfer.edit', { action: 'save', id: created.id, year: 2023, overlay });
    expect(saved.deletedId).toBeNull();
    expect(saved.scenario).toMatchObject({ id: created.id, overlay, scores: { '390425': 80 }, year: 2023 });
    // Scores left out: the stored ones are kept, and hashed.
    expect(saved.scenario!.paramsHash).toBe(parametersHash(2023, resolveParameters(overlay, 2023), { '390425': 80 }));
    const { inputs: inputs2023 } = await call<Output<'transfer.inputs'>>('transfer.inputs', { regionCode: '390000', year: 2023 });
    expect(saved.scenario!.dataHash).toBe(inputs2023.dataHash);

    const renamed = (await call<Output<'transfer.edit'>>('transfer.edit', { action: 'rename', id: created.id, name: '倾斜（修订）' })).scenario!;
    expect(renamed).toMatchObject({ id: created.id, name: '倾斜（修订）', overlay, paramsHash: saved.scenario!.paramsHash });

    const copy = (await call<Output<'transfer.edit'>>('transfer.edit', { action: 'duplicate', id: created.id })).scenario!;
    expect(copy).toMatchObject({ name: '倾斜（修订） 副本', overlay, scores: { '390425': 80 }, year: 2023, paramsHash: renamed.paramsHash, dataHash: renamed.dataHash });
    expect(copy.id).not.toBe(created.id);

    const listed = await call<Output<'transfer.scenarios'>>('transfer.scenarios', { regionCode: '390000' });
    expect(listed.scenarios.map((s) => s.name)).toEqual(['基准（现行办法）', '倾斜（修订）', '倾斜（修订） 副本']);

    const deleted = await call<Output<'transfer.edit'>>('transfer.edit', { action: 'delete', id: copy.id });
    expect(deleted).toEqual({ scenario: null, deletedId: copy.id });
    const after = await call<Output<'transfer.scenarios'>>('transfer.scenarios', { regionCode: '390000' });
    expect(after.scenarios.map((s) => s.id)).not.toContain(copy.id);
    expect(await failure('transfer.edit', { action: 'delete', id: copy.id })).toMatchObject({ code: 'not_found' });
  });

  it('refuses to edit the baseline and a duplicate name as bad_input', async () => {
    const { scenarios } = await call<Output<'transfer.scenarios'>>('transfer.scenarios', { regionCode: '390000' });
    const baseline = scenarios.find((s) => s.isBaseline)!;
    for (const input of [{ action: 'save', id: baseline.id, overlay: TILT }, { action: 'rename', id: baseline.id, name: '新基准' }, { action: 'delete', id: baseline.id }]) {
      const e = await failure('transfer.edit', input);
      expect(e.code, input.action).toBe('bad_input');
      expect(e.message).toContain('基准');
    }
    const dup = await failure('transfer.edit', { action: 'create', regionCode: '390000', name: '倾斜（修订）', overlay: [] });
    expect(dup.code).toBe('bad_input');
    expect(dup.message).toContain('倾斜（修订）');
    // A copy of the baseline is how it is edited.
    const copy = (await call<Output<'transfer.edit'>>('transfer.edit', { action: 'duplicate', id: baseline.id })).scenario!;
    expect(copy).toMatchObject({ name: '基准（现行办法） 副本', isBaseline: false, overlay: [] });
  });

  it('answers invalid input with an error naming the path, and stores nothing', async () => {
    const before = rows();
    const unknownKey = await failure('transfer.edit', { action: 'create', regionCode: '390000', name: '错键', overlay: [{ key: 'difficulty.tlit', value: 1 }] });
    expect(unknownKey.code).toBe('bad_input');
    expect(unknownKey.message).toContain('overlay.0.key');
    expect(unknownKey.message).toContain('not a known parameter');
    const range = await failure('transfer.edit', { action: 'create', regionCode: '390000', name: '越界', overlay: [{ key: 'hold_harmless.h', value: 2 }] });
    expect(range.message).toContain('overlay.0.value');
    const backwards = await failure('transfer.edit', { action: 'save', id: 1, overlay: [{ key: 'hold_harmless.h', value: 0.5, from: 2025, to: 2024 }] });
    expect(backwards.message).toContain('overlay.0.to');
    expect(await failure('transfer.inputs', { regionCode: '39000' })).toMatchObject({ code: 'bad_input', message: expect.stringContaining('regionCode') });
    expect(await failure('transfer.inputs', { regionCode: '390999' })).toMatchObject({ code: 'bad_input', message: expect.stringContaining('390999') });
    expect(await failure('transfer.scenarios', { regionCode: '390425' })).toMatchObject({ code: 'bad_input' });
    expect(rows()).toBe(before);
  });

  it('seeks the smallest pool with the real HiGHS', async () => {
    const r = await call<Output<'transfer.goalSeek'>>('transfer.goalSeek', { regionCode: '390000', goal: 'min-pool' });
    expect(r).toMatchObject({ goal: 'min-pool', feasible: true, solverStatus: 'Optimal', check: { perStudentFailures: 0, belowFloor: 0 } });
    expect(Number.isInteger(r.value)).toBe(true);
    expect(r.value!).toBeGreaterThan(0);
    expect(r.overlay).toEqual([{ key: 'pool.amount', value: r.value! / 100, from: null, to: null }]);
    expect(r.lp.variables).toBe(1);
  });

  it('reports an unreachable floor as infeasible, naming a county', async () => {
    const r = await call<Output<'transfer.goalSeek'>>('transfer.goalSeek', { regionCode: '390000', goal: 'max-difficulty-weight', overlay: [{ key: 'floor.per_student', value: 5000 }] });
    expect(r).toMatchObject({ feasible: false, value: null, overlay: null, check: null });
    expect(r.message.zh).toContain('不可行');
    expect(r.binding.length).toBeGreaterThan(0);
    expect(r.binding.every((b) => /^\d{6}$/.test(b.code))).toBe(true);
  });
});
