// Issue #16.15, #16.17 and its "also" items: scenario files that used to crash, hang or pass
// silently. All-zero factor weights exit 2 (simulate and optimise); a switch of 0.5 is refused; a
// byte-order mark is accepted; an oversized file is refused before it is read and a file of many
// bad entries lists a bounded number of problems; scores for unknown regions are named on stderr.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test/support/temp';
import { run } from './wb';

const dir = tempDir();
const db = join(dir, 'W.sqlite');
const base = { format: 'edu-finance-scenario/1', name: '测试', region: '390000', year: 2024 };
const ZERO = { 'factor.students': 0, 'factor.population': 0, 'factor.area': 0, 'factor.inverse_capacity': 0, 'factor.standard_gap': 0, 'factor.difficulty': 0 };

async function wb(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(['--db', db, ...argv], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
function scenario(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

beforeAll(async () => {
  expect((await run(['demo', '--out', db], { out: () => {}, err: () => {} }))).toBe(0);
});

describe('scenario files (#16.15, #16.17, also)', () => {
  it('all factor weights 0: simulate and optimise exit 2 with a message, not 3 with a RangeError', async () => {
    const file = scenario('zero.json', { ...base, parameters: ZERO });
    const s = await wb('simulate', '--scenario', file);
    expect(s.code, s.err).toBe(2);
    expect(s.err).toMatch(/every factor weight is zero/);
    expect(s.err).not.toMatch(/unexpected|at .*\.ts/);
    const o = await wb('optimise', '--goal', 'min-pool', '--scenario', file);
    expect(o.code, o.err).toBe(2);
    expect(o.err).toMatch(/every factor weight is zero/);
  });
  it('standard.enabled = 0.5 is refused (a switch is 0 or 1), in parameters and in changes', async () => {
    const a = await wb('simulate', '--scenario', scenario('half.json', { ...base, parameters: { 'standard.enabled': 0.5 } }));
    expect(a.code).toBe(2);
    expect(a.err).toContain('parameters["standard.enabled"]: a switch is 0 (off) or 1 (on)');
    const b = await wb('simulate', '--scenario', scenario('half-change.json', { ...base, changes: [{ key: 'growth.enabled', value: 0.5 }] }));
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/changes\[0\]\.value: a switch is 0 \(off\) or 1 \(on\)/);
  });
  it('a BOM-prefixed scenario file is read like any other', async () => {
    const plain = await wb('simulate', '--scenario', scenario('plain.json', base), '--format', 'json');
    const bom = await wb('simulate', '--scenario', scenario('bom.json', `\uFEFF${JSON.stringify(base)}`), '--format', 'json');
    expect(bom.code, bom.err).toBe(plain.code);
    expect([0, 1]).toContain(bom.code);
    expect(bom.out).toBe(plain.out);
  });
  it('an oversized file is refused before parsing; many bad entries list at most 50 problems', async () => {
    const big = { ...base, scores: Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [String(100000 + i), 50])) };
    const r = await wb('simulate', '--scenario', scenario('big.json', big));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/at most 2097152 characters|at most 2097152 \(2 MB\)/);
    expect(r.err.length).toBeLessThan(1000);
    const bad = { ...base, scores: Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`x${i}`, -1])) };
    const b = await wb('simulate', '--scenario', scenario('bad.json', bad));
    expect(b.code).toBe(2);
    expect(b.err.split('\n').filter((l) => l.startsWith('  ')).length).toBe(51);
    expect(b.err).toMatch(/more problems not listed/);
  });
  it('scores for regions that are not units of the pool are named on stderr', async () => {
    const r = await wb('simulate', '--scenario', scenario('unknown-scores.json', { ...base, scores: { '990101': 60, '110101': 40 } }), '--format', 'json');
    expect([0, 1]).toContain(r.code);
    expect(r.err).toMatch(/2 difficulty scores in "测试" are for regions that are not units of this pool/);
    expect(r.err).toContain('110101, 990101');
  });
});
