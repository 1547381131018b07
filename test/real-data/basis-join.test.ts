// Real yearbook sheets through the real importer into an empty workspace (`wb init`): two yearly
// sheets of 中国财政年鉴 table 7-6 join into one series through the data basis, and the province
// falls of 2021 against 2020 are found — 9 of them, no N/A. Then the demo workspace with one real
// sheet: the demo's planted county failures are still found (the new dataset supplies only its own
// province-years). The 2021 sheet against the long panel (same figures at fewer decimals) is a
// rounding difference, not a conflict.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp';
import { lastLine, wb } from './cli';

const DATA = process.env.WB_SHARED_DATA ?? '/work/shared/data';
const DIR = join(DATA, 'csy_local_budget_expenditure_2010_2023');
const sheet = (y: number) => join(DIR, `original_yearbook_tables/csy_table7-6_general_public_budget_expenditure_by_region_${y}.xls`);
const LONG = join(DIR, 'local_gpb_expenditure_long_2010_2023.csv');
const have = existsSync(sheet(2020)) && existsSync(sheet(2021)) && existsSync(LONG);

type Row = { region_code: string; region_name: string; year: number; status: string; value: string; prior_value: string | null };

describe.skipIf(!have)('real data: yearly sheets join into one series (empty workspace)', () => {
  const dir = tempDir('wb-basis-join-');
  const db = join(dir, 'own.sqlite');
  const ids: string[] = [];

  beforeAll(async () => {
    const init = await wb(['init', '--out', db]);
    expect(init.rc, init.err).toBe(0);
    for (const y of [2020, 2021]) {
      const r = await wb(['--db', db, 'import', sheet(y), '--kind', 'expenditure']);
      expect(r.rc, r.err).toBe(0);
      ids.push(lastLine(r));
    }
  }, 120_000);

  it('finds the 9 provinces whose 2021 education spending fell, with no N/A', async () => {
    const r = await wb(['--db', db, 'check', '--rule', 'edu-spending-no-decrease', '--level', 'province', '--year', '2021', '--format', 'json']);
    expect(r.rc, r.err).toBe(1);
    const rows = JSON.parse(r.out) as Row[];
    expect(rows).toHaveLength(31);
    expect(rows.filter((x) => x.status === 'na')).toEqual([]);
    const failing = rows.filter((x) => x.status === 'fail');
    expect(failing.map((x) => x.region_name)).toEqual(['内蒙古自治区', '辽宁省', '吉林省', '河南省', '海南省', '云南省', '西藏自治区', '甘肃省', '宁夏回族自治区']);
    // Each fall is a fall in the published figures: 2021 below 2020, both read from the sheets.
    for (const f of failing) expect(BigInt(f.value) < BigInt(f.prior_value!)).toBe(true);
    // 北京: 2020 from the 2020 sheet, 2021 from the 2021 sheet (1147.8293 亿元 printed in 2021).
    expect(rows.find((x) => x.region_code === '110000')!.value).toBe('11478293000000');
  });

  it('shows the basis: one input, two datasets, one year each', async () => {
    const r = await wb(['--db', db, 'basis', 'show', '--format', 'json']);
    expect(r.rc, r.err).toBe(0);
    const b = JSON.parse(r.out) as { hash: string; inputs: { input: string; datasetId: number; regions: number; years: number[] }[] };
    expect(b.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.inputs.map((i) => [i.input, String(i.datasetId), i.regions, i.years])).toEqual([
      ['expenditure', ids[1], 31, [2021]],
      ['expenditure', ids[0], 31, [2020]],
    ]);
    const table = await wb(['--db', db, 'check', '--rule', 'edu-spending-no-decrease', '--year', '2021']);
    expect(table.out).toContain(`数据基础 / data basis ${b.hash.slice(0, 12)}`);
  });

  it('compares the overlap with the long panel cell by cell: rounding, not conflict', async () => {
    const imp = await wb(['--db', db, 'import', LONG, '--kind', 'expenditure', '--where', 'chn_block4=教育', '--stage', 'bulletin']);
    expect(imp.rc, imp.err).toBe(0);
    const r = await wb(['--db', db, 'basis', 'explain', '--format', 'json']);
    const x = JSON.parse(r.out) as { summary: { usedId: number; otherId: number; same: number; rounding: number; conflict: number }[] };
    const vs2021 = x.summary.find((s) => String(s.usedId) === ids[1])!;
    expect(vs2021).toMatchObject({ same: 0, rounding: 31, conflict: 0 });
    // The yearbook sheets keep their years (stage 年鉴 before 公告); the panel fills the others.
    const again = await wb(['--db', db, 'check', '--rule', 'edu-spending-no-decrease', '--year', '2021', '--format', 'json']);
    expect((JSON.parse(again.out) as Row[]).filter((x) => x.status === 'fail')).toHaveLength(9);
    // An override prefers the panel for 2021: the basis changes, and says so.
    const set = await wb(['--db', db, 'basis', 'set', '--input', 'expenditure', '--dataset', lastLine(imp), '--from', '2021', '--to', '2021', '--note', 'test']);
    expect(set.rc, set.err).toBe(0);
    const shown = JSON.parse((await wb(['--db', db, 'basis', 'show', '--format', 'json'])).out) as { overrides: unknown[]; inputs: { datasetId: number; years: number[] }[] };
    expect(shown.overrides).toHaveLength(1);
    expect(shown.inputs.find((i) => String(i.datasetId) === lastLine(imp))!.years).toContain(2021);
    expect(shown.inputs.some((i) => String(i.datasetId) === ids[1])).toBe(false);
    const audit = await wb(['--db', db, 'audit', 'list', '--entity', 'setting']);
    expect(audit.out).toContain('data_basis');
  });

  it('数据体检: coverage 31 × 2 of the spending, and per-student N/A said as 无数据 with its reason', async () => {
    const r = await wb(['--db', db, 'health', '--from', '2020', '--to', '2021', '--format', 'json']);
    expect(r.rc, r.err).toBe(0);
    const h = JSON.parse(r.out) as { coverage: { input: string; covered: number; total: number }[]; na: { rule: string; reason: string; count: number }[] };
    expect(h.coverage.find((c) => c.input === 'expenditure')).toMatchObject({ covered: 62, total: 62 });
    const perStudent = h.na.filter((n) => n.rule === 'per-student-no-decrease');
    expect(perStudent).toEqual([{ rule: 'per-student-no-decrease', reason: '无数据：数据基础中无本年在校生数 / no enrolment for this year in the data basis', count: 62 }]);
    const csv = await wb(['--db', db, 'health', '--year', '2021', '--format', 'csv']);
    expect(csv.out.split('\r\n')[0]).toMatch(/^# 数据基础/);
  });

  it('a rule with nothing to evaluate exits 2 and names the missing input', async () => {
    const empty = join(dir, 'empty.sqlite');
    expect((await wb(['init', '--out', empty])).rc).toBe(0);
    const r = await wb(['--db', empty, 'check', '--rule', 'per-student-no-decrease', '--year', '2021']);
    expect(r.rc).toBe(2);
    expect(r.err).toContain('per-student-no-decrease');
    expect(r.err).toContain('enrolment_fact');
  });

  it('a missing --db file says how to create one', async () => {
    const r = await wb(['--db', join(dir, 'nope.sqlite'), 'info']);
    expect(r.rc).toBe(2);
    expect(r.err).toContain('wb init --out');
  });
});

describe.skipIf(!have)('real data: the demo plus one real sheet keeps the demo checks', () => {
  const dir = tempDir('wb-basis-demo-');
  const db = join(dir, 'demo.sqlite');

  it('finds the same county failures before and after the import', async () => {
    expect((await wb(['demo', '--out', db])).rc).toBe(0);
    const before = await wb(['--db', db, 'check', '--level', 'county', '--failures', '--format', 'json']);
    expect(before.rc).toBe(1);
    // Before committing, the preview says what the import would change in the data basis: 31
    // province-years gained, no existing result changed (the demo's counties keep their data).
    const dry = await wb(['--db', db, 'import', sheet(2021), '--kind', 'expenditure', '--dry-run', '--format', 'json']);
    expect(dry.rc, dry.err).toBe(0);
    const impact = (JSON.parse(dry.out) as { basisImpact: { changes: boolean; inputs: { input: string; gained: number; replaced: number; lost: number; regions: number; years: number[] }[]; views: string[]; results: { changed: number; statusChanged: number; added: number } } }).basisImpact;
    expect(impact.changes).toBe(true);
    expect(impact.inputs).toEqual([expect.objectContaining({ input: 'expenditure', gained: 31, replaced: 0, lost: 0, regions: 31, years: [2021] })]);
    expect(impact.views).toEqual(['home', 'compliance', 'transfer', 'brief', 'health']);
    expect(impact.results).toMatchObject({ changed: 0, statusChanged: 0 });
    expect(impact.results.added).toBeGreaterThan(0);
    const text = await wb(['--db', db, 'import', sheet(2021), '--kind', 'expenditure', '--dry-run']);
    expect(text.out).toContain('expenditure: 新增 31 个地区年份');
    expect(text.out).toContain('0 个改变（其中 0 个结论改变）');
    const imp = await wb(['--db', db, 'import', sheet(2021), '--kind', 'expenditure']);
    expect(imp.rc, imp.err).toBe(0);
    const after = await wb(['--db', db, 'check', '--level', 'county', '--failures', '--format', 'json']);
    expect(after.rc).toBe(1);
    const key = (rows: Row[]) => rows.map((x) => `${x.region_code} ${x.year} ${x.status} ${x.value}`);
    const failures = key(JSON.parse(after.out) as Row[]);
    expect(failures.length).toBeGreaterThan(10);
    expect(failures).toEqual(key(JSON.parse(before.out) as Row[]));
  }, 120_000);

  it('refuses to simulate the provinces of 2021, naming the ones without enrolment (never read as 0)', async () => {
    const r = await wb(['--db', db, 'simulate', '--init', '--region', '000000', '--year', '2021', '--out', join(dir, 'n.json')]);
    expect(r.rc).toBe(2);
    expect(r.err).toContain('数据基础中无在校生数');
    expect(r.err).toContain('北京市（110000）2021');
    expect(r.err).toContain('31 个单位');
    expect(existsSync(join(dir, 'n.json'))).toBe(false);
  });

  it('starts a scenario from the data of the demo province and runs it', async () => {
    const file = join(dir, 's.json');
    const init = await wb(['--db', db, 'simulate', '--init', '--region', '390000', '--out', file]);
    expect(init.rc, init.err).toBe(0);
    expect(init.out).toContain('100 个县级单位');
    const run = await wb(['--db', db, 'simulate', '--scenario', file, '--format', 'json']);
    expect(run.rc, run.err).toBe(0);
    const j = JSON.parse(run.out) as { basis: { hash: string; line: string } };
    expect(j.basis.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(j.basis.line).toContain('enrolment');
  });
});
