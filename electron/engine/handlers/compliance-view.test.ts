// compliance.view through the real dispatcher on a real database seeded with the demo province:
// its Arrow tables say exactly what compliance.check says (statuses, values, failures of every
// level), a second call is answered from memory, notes travel beside the cached results, and a
// cancelled call answers "cancelled".
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../core/compliance/registry';
import { decodeCells, decodeFailures, statusName } from '../../../core/compliance/view-arrow';
import type { Output } from '../../../core/ipc/contracts';
import { tempDir } from '../../../test/support/temp';
import type { HandlerContext } from '../dispatcher';
import { createEngine } from '../engine';

const dir = tempDir('wb-engine-compliance-view-');
process.env.WB_NO_WARM = '1';

describe('compliance.view', () => {
  const engine = createEngine({ file: join(dir, 'engine.sqlite'), host: 'web', appVersion: '0.0.0' });
  const call = async <T>(channel: string, input: unknown, signal = new AbortController().signal): Promise<T> => {
    const ctx: HandlerContext = { signal, progress: () => {} };
    const reply = await engine.dispatcher.dispatch(channel, input, ctx);
    if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
    return reply.value as T;
  };

  for (const { id: rule } of RULES) {
    for (const govLevel of ['county', 'prefecture'] as const) {
      it(`${rule} at ${govLevel} level says what compliance.check says`, async () => {
        const check = await call<Output<'compliance.check'>>('compliance.check', { rules: [rule], govLevel, divisor: 'weighted_8_4' });
        const view = await call<Output<'compliance.view'>>('compliance.view', { rule, govLevel, divisor: 'weighted_8_4' });
        expect(view.rows).toBe(check.results.length);
        expect(view.summary).toEqual(check.summary[0]);
        const m = decodeCells(view.regions, view.cells);
        const own = check.results.filter((r) => r.level === null);
        const cells = [];
        for (let i = 0; i < m.regions.length; i++)
          for (let y = 0; y < m.years.length; y++) {
            const at = i * m.years.length + y;
            if (m.status[at]! >= 0) cells.push({ code: m.regions[i]!.code, name: m.regions[i]!.name, year: m.years[y]!, status: statusName(m.status[at]!), value: m.value(at), growth: m.growth(at) });
          }
        const expected = own.map((r) => ({ code: r.regionCode, name: r.regionName, year: r.year, status: r.status, value: r.value, growth: r.growth }));
        const order = (a: { code: string; year: number }, b: { code: string; year: number }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.year - b.year);
        expect(cells.sort(order)).toEqual(expected.sort(order));
        const failures = decodeFailures(view.failures, view.valueUnit);
        expect(failures).toEqual(
          check.results
            .filter((r) => r.status === 'fail')
            .map((r) => ({ regionCode: r.regionCode, regionName: r.regionName, year: r.year, level: r.level, value: r.value, priorValue: r.priorValue, benchmark: r.benchmark, growth: r.growth, valueUnit: r.valueUnit, annotations: [], flags: { crosswalk: r.flags.crosswalk, restatedBase: r.flags.restatedBase, splitByShare: r.flags.splitByShare, predecessors: r.flags.predecessors } })),
        );
      });
    }
  }

  it('answers the same question again from memory, with the notes added since', async () => {
    const input = { rule: 'edu-spending-no-decrease', govLevel: 'county' };
    const first = await call<Output<'compliance.view'>>('compliance.view', input);
    const again = await call<Output<'compliance.view'>>('compliance.view', input);
    expect(again.cached).toBe(true);
    expect(Buffer.from(again.cells).equals(Buffer.from(first.cells))).toBe(true);
    await call('compliance.annotate', { action: 'add', rule: 'edu-spending-no-decrease', regionCode: '390425', year: 2022, text: '一次性基建支出', author: '审计一组' });
    const noted = await call<Output<'compliance.view'>>('compliance.view', input);
    expect(noted.cached).toBe(true);
    expect(noted.annotations).toMatchObject([{ regionCode: '390425', year: 2022, text: '一次性基建支出' }]);
  });

  it('stops when the caller cancels', async () => {
    const c = new AbortController();
    c.abort();
    const reply = await engine.dispatcher.dispatch('compliance.view', { rule: 'three-growths', govLevel: 'prefecture', scope: 'own_level' }, { signal: c.signal, progress: () => {} });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('cancelled');
  });
});
