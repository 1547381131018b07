// `wb check` on the demo province finds exactly the planted never-decrease failures (core/demo's
// self-check lists them), exits 1 when anything fails, 0 when nothing does, 2 on bad input.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../core/demo/generate';
import type { DemoData } from '../../core/demo/types';
import { writeDemo } from '../../db/demo/write-demo';
import { openDatabase } from '../../db/open';
import { tempDir } from '../../test/support/temp';
import { run } from '../wb';

const dir = tempDir('wb-check-');
const file = join(dir, 'demo.sqlite');
let demo: DemoData;

async function wb(args: string[]): Promise<{ rc: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const rc = await run(['--db', file, ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { rc, out, err };
}

type Row = { rule: string; region_code: string; year: number; level: string | null; scope: string; status: string; flags: { crosswalk: boolean }; decomposition: { spendingEffect: string; enrolmentEffect: string; totalGrowth: string } | null };

beforeAll(() => {
  demo = generateDemo({ scale: 'province' });
  const opened = openDatabase(file);
  writeDemo(opened.db, demo);
  opened.db.close();
});

describe('wb check on the demo province', () => {
  it('finds exactly the planted failures, at every level and in both scopes', async () => {
    const r = await wb(['check', '--rule', 'edu-spending-no-decrease', '--rule', 'per-student-no-decrease', '--level', 'all', '--scope', 'both', '--failures', '--format', 'json']);
    expect(r.err).toBe('');
    expect(r.rc).toBe(1);
    const rows = JSON.parse(r.out) as Row[];
    const key = (x: { rule: string; regionCode: string; year: number; level: string; scope: string }) => `${x.rule}|${x.regionCode}|${x.year}|${x.level}|${x.scope}`;
    const found = rows.map((x) => key({ rule: x.rule, regionCode: x.region_code, year: x.year, level: x.level ?? 'all', scope: x.scope })).sort();
    const planted = demo.planted.map((p) => key(p)).sort();
    expect(planted.length).toBe(19);
    expect(found).toEqual(planted);
  });

  it('decomposes each per-student failure so the printed parts add up to the printed total', async () => {
    const r = await wb(['check', '--rule', 'per-student-no-decrease', '--level', 'county', '--failures', '--format', 'json']);
    const rows = JSON.parse(r.out) as Row[];
    expect(rows.length).toBeGreaterThan(0);
    for (const x of rows) {
      const d = x.decomposition!;
      const hundredths = (s: string) => Math.round(Number(s) * 100);
      expect(hundredths(d.spendingEffect) + hundredths(d.enrolmentEffect)).toBe(hundredths(d.totalGrowth));
    }
  });

  it('compares the recoded district on its current boundary and flags it', async () => {
    const r = await wb(['check', '--rule', 'edu-spending-no-decrease', '--level', 'county', '--region', '390108', '--year', '2020', '--format', 'json']);
    const rows = JSON.parse(r.out) as (Row & { prior_value: string | null })[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe('pass');
    expect(rows[0]!.prior_value).not.toBeNull();
    expect(rows[0]!.flags.crosswalk).toBe(true);
  });

  it('exits 0 when nothing fails', async () => {
    const r = await wb(['check', '--rule', 'edu-spending-no-decrease', '--level', 'province', '--format', 'csv']);
    expect(r.rc).toBe(0);
    expect(r.out.split('\r\n')[0]).toContain('rule,region_code,region_name');
  });

  it('exits 2 with a clear message on bad input', async () => {
    for (const args of [['--rule', 'no-such-rule'], ['--level', 'village'], ['--from', '2020', '--to', '2018'], ['--year', '20x0'], ['--dataset', '999'], ['--year', '2020', '--from', '2019']]) {
      const r = await wb(['check', ...args]);
      expect(r.rc, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^wb: /);
    }
  });
});
