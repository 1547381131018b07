// The compliance channels through the real dispatcher on a real database seeded with the demo
// province: registry, check, annotations (a noted failure stays a failure), drill-down, variance.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../../core/ipc/contracts';
import { tempDir } from '../../../test/support/temp';
import type { HandlerContext } from '../dispatcher';
import { createEngine } from '../engine';

const dir = tempDir('wb-engine-compliance-');
const ctx = (): HandlerContext => ({ signal: new AbortController().signal, progress: () => {} });

describe('compliance channels', () => {
  const engine = createEngine({ file: join(dir, 'engine.sqlite'), host: 'web', appVersion: '0.0.0' });
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const reply = await engine.dispatcher.dispatch(channel, input, ctx());
    if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
    return reply.value as T;
  };

  it('lists the rule registry with legal basis', async () => {
    const { rules } = await call<Output<'compliance.rules'>>('compliance.rules', {});
    expect(rules.map((r) => r.id)).toContain('per-student-no-decrease');
    expect(rules).toHaveLength(7);
    expect(rules.find((r) => r.id === 'edu-spending-no-decrease')?.legalBasis).toContain('只增不减');
  });

  it('checks counties, names its datasets and divisor, and keeps a noted failure a failure', async () => {
    const input = { rules: ['edu-spending-no-decrease'], govLevel: 'county', yearFrom: 2022, yearTo: 2022, onlyFailures: true };
    const first = await call<Output<'compliance.check'>>('compliance.check', input);
    expect(first.results.map((r) => r.regionCode)).toEqual(['390425']);
    expect(first.provenance.divisor).toBe('autumn');
    expect(first.provenance.datasets.map((d) => d.kind)).toContain('expenditure');
    expect(first.provenance.datasets.every((d) => /^[0-9a-f]{64}$/.test(d.sha256))).toBe(true);

    const added = await call<Output<'compliance.annotate'>>('compliance.annotate', { action: 'add', rule: 'edu-spending-no-decrease', regionCode: '390425', year: 2022, text: '2021 年一次性基建支出抬高了基数', author: '审计一组' });
    expect(added.annotation?.id).toBeGreaterThan(0);
    const second = await call<Output<'compliance.check'>>('compliance.check', input);
    expect(second.results[0]).toMatchObject({ status: 'fail', annotations: [{ text: '2021 年一次性基建支出抬高了基数', author: '审计一组' }] });

    await call('compliance.annotate', { action: 'remove', id: added.annotation!.id });
    const third = await call<Output<'compliance.check'>>('compliance.check', input);
    expect(third.results[0]!.annotations).toEqual([]);
    const bad = await engine.dispatcher.dispatch('compliance.annotate', { action: 'remove', id: 9999 }, ctx());
    expect(bad).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('drills from the prefecture into its counties, levels and budget functions', async () => {
    const d = await call<Output<'compliance.drilldown'>>('compliance.drilldown', { rule: 'edu-spending-no-decrease', regionCode: '390400', year: 2022 });
    expect(d.region?.regionCode).toBe('390400');
    expect(d.children.find((c) => c.regionCode === '390425')?.status).toBe('fail');
    expect(d.children.every((c) => c.regionLevel === 'county')).toBe(true);
    expect(d.levels.map((l) => l.level)).toContain('primary');
    expect(d.functions.map((f) => f.funcCode)).toEqual(['205']);
  });

  it('reports year-over-year variance with top movers', async () => {
    const v = await call<Output<'compliance.variance'>>('compliance.variance', { year: 2022, govLevel: 'county', thresholdPercent: '8', top: 3 });
    expect(v.rows.length).toBeGreaterThan(90);
    expect(v.topDown[0]?.regionCode).toBe('390425');
    expect(v.topUp).toHaveLength(3);
    expect(v.overThreshold).toBe(v.rows.filter((r) => r.overThreshold).length);
  });

  it('rejects bad input as a value', async () => {
    expect(await engine.dispatcher.dispatch('compliance.check', { rules: ['nope'] }, ctx())).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await engine.dispatcher.dispatch('compliance.check', { yearFrom: 2024, yearTo: 2020 }, ctx())).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });
});
