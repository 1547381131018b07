// Every rule runs on every measure it claims, or refuses: real bulletins (test/fixtures/bulletins,
// copied from the shared report shapes) through `wb bulletin read --import` into an empty workspace,
// then `wb check`. 乐山 2016 prints 生均一般公共预算教育事业费 and 生均公用经费 by level with last
// year's figures; 沾益 2016 prints only rates (no prior amounts); 呼伦贝尔 2020 prints 教育经费 and
// 财政经常性收入 with both years. A district file of 生均公用经费 only (乐山's printed figures) feeds
// the quota rule, and the per-student rule asked for alone refuses with exit 2 naming what it lacks.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rebuild } from '../bulletin/rebuild';
import { tempDir } from '../support/temp';
import { wb } from './cli';

type Row = { rule: string; region_code: string; year: number; level: string | null; status: string; value: string | null; prior_value: string | null; growth: string | null; benchmark: string | null; reason: string | null; measure: string | null };

const dir = tempDir('wb-published-');
const db = join(dir, 'own.sqlite');

async function importBulletin(folder: string, region: string, year?: number): Promise<void> {
  const file = join(dir, `${folder}.txt`);
  writeFileSync(file, rebuild(folder));
  const r = await wb(['--db', db, 'bulletin', 'read', file, '--region', region, ...(year ? ['--year', String(year)] : []), '--import']);
  expect(r.err).not.toMatch(/wb: /);
  expect([0, 1]).toContain(r.rc);
}

async function check(args: string[]): Promise<{ rc: number; rows: Row[]; err: string }> {
  const r = await wb(['--db', db, 'check', ...args, '--format', 'json']);
  return { rc: r.rc, rows: r.rc === 2 ? [] : (JSON.parse(r.out) as Row[]), err: r.err };
}

describe('real bulletins: published per-student figures and growth rates are evaluated', () => {
  beforeAll(async () => {
    expect((await wb(['init', '--out', db])).rc).toBe(0);
    await importBulletin('leshan_city_sichuan_2016', '511100');
    await importBulletin('zhanyi_district_qujing_yunnan_2016', '530303', 2016);
    await importBulletin('hulunbuir_city_inner_mongolia_2020', '150700');
  });

  it('乐山 2016: the printed 生均教育事业费 by level — 小学 and 中职 fell, named as the measure used', async () => {
    const r = await check(['--rule', 'per-student-no-decrease', '--level', 'prefecture', '--region', '511100', '--year', '2016']);
    expect(r.rc).toBe(1);
    const at = (level: string) => r.rows.find((x) => x.level === level)!;
    expect(at('primary')).toMatchObject({ status: 'fail', value: '854785.0000', prior_value: '930015.0000', growth: '-8.0891', measure: 'published_operating' });
    expect(at('sec_voc')).toMatchObject({ status: 'fail', value: '726999.0000', prior_value: '727887.0000', growth: '-0.1220', measure: 'published_operating' });
    expect(at('junior')).toMatchObject({ status: 'pass', value: '1367839.0000', prior_value: '1255494.0000', measure: 'published_operating' });
    expect(at('senior')).toMatchObject({ status: 'pass', value: '1023319.0000', prior_value: '746966.0000' });
    expect(at('primary').reason).toContain('生均一般公共预算教育事业费');
  });

  it('乐山 2016: 生均公用经费 against the quota, with last year’s printed figure beside it', async () => {
    const r = await check(['--rule', 'public-funds-per-student-standard', '--level', 'prefecture', '--region', '511100', '--year', '2016']);
    expect(r.rc).toBe(0);
    expect(r.rows.find((x) => x.level === 'primary')).toMatchObject({ status: 'pass', value: '177405.0000', prior_value: '149267.0000', growth: '18.8508', benchmark: '60000.0000', measure: 'published_public_funds' });
    expect(r.rows.find((x) => x.level === 'junior')).toMatchObject({ status: 'pass', value: '277467.0000', benchmark: '80000.0000' });
  });

  it('乐山 2016: 三个增长 has no 财政经常性收入 — exit 2 naming it, never 0 with nothing evaluated', async () => {
    const r = await check(['--rule', 'three-growths', '--level', 'prefecture', '--region', '511100', '--year', '2016']);
    expect(r.rc).toBe(2);
    expect(r.err).toContain('three-growths');
    expect(r.err).toContain('财政经常性收入');
  });

  it('沾益 2016: only rates printed — 三个增长 compares the printed 15.23 % with 2.19 % and says so', async () => {
    const r = await check(['--rule', 'three-growths', '--level', 'county', '--region', '530303', '--year', '2016']);
    expect(r.rc).toBe(0);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ status: 'pass', growth: '15.2300', benchmark: '2.1900', value: null, measure: 'published_growth' });
    expect(r.rows[0]!.reason).toContain('公告刊印的增长率 15.23%');
    expect(r.rows[0]!.reason).toContain('公告刊印的增长率 2.19%');
  });

  it('沾益 2016: a per-student figure printed with its rate only — the base is 本年 ÷ (1 + rate)', async () => {
    const r = await check(['--rule', 'per-student-no-decrease', '--level', 'county', '--region', '530303', '--year', '2016']);
    expect(r.rows.find((x) => x.level === 'primary')).toMatchObject({ status: 'pass', value: '844563.0000', prior_value: '724822.3481', growth: '16.5200', measure: 'published_operating' });
  });

  it('呼伦贝尔 2020: 三个增长 not met — 55.09 vs 53.70 亿元 (2.5885 %) against 财政经常性收入 134.47 vs 127.73 亿元 (5.2768 %)', async () => {
    const r = await check(['--rule', 'three-growths', '--level', 'prefecture', '--region', '150700', '--year', '2020']);
    expect(r.rc).toBe(1);
    expect(r.rows[0]).toMatchObject({ status: 'fail', value: '550900000000', prior_value: '537000000000', growth: '2.5885', benchmark: '5.2768' });
    expect(r.rows[0]!.reason).toContain('财政经常性收入取自公告所印本年与上年金额');
  });
});

describe('a district file of 生均公用经费 only', () => {
  const own = join(dir, 'pf.sqlite');
  beforeAll(async () => {
    expect((await wb(['init', '--out', own])).rc).toBe(0);
    const file = join(dir, '生均公用经费.csv');
    // 乐山市 2016 bulletin's printed figures, as a by-level report would tabulate them.
    writeFileSync(file, '地区,年度,学段,生均公用经费（元）,比上年增长（%）\n乐山市,2015,小学,1492.67,\n乐山市,2015,初中,1705.62,\n乐山市,2016,小学,1774.05,18.85\n乐山市,2016,初中,2774.67,62.68\n');
    const r = await wb(['--db', own, 'import', file, '--kind', 'bulletin', '--map', 'measure==per_student_public_funds', '--map', 'amount=生均公用经费（元）']);
    expect(r.rc, r.err).toBe(0);
  });

  it('the quota rule evaluates it; the per-student rule alone exits 2 and says 公用经费 is not its measure', async () => {
    const pf = await wb(['--db', own, 'check', '--rule', 'public-funds-per-student-standard', '--level', 'prefecture', '--format', 'json']);
    expect(pf.rc).toBe(0);
    const rows = JSON.parse(pf.out) as Row[];
    expect(rows.filter((x) => x.status === 'pass').map((x) => [x.level, x.value])).toEqual([['primary', '177405.0000'], ['junior', '277467.0000']]);
    const ps = await wb(['--db', own, 'check', '--rule', 'per-student-no-decrease', '--level', 'prefecture']);
    expect(ps.rc).toBe(2);
    expect(ps.out).toBe('');
    expect(ps.err).toContain('仅刊印生均公用经费');
    expect(ps.err).toContain('per_student_operating');
  });

  it('every rule at once: exit 0 on what could be evaluated, the idle rules named on stderr', async () => {
    const all = await wb(['--db', own, 'check', '--level', 'prefecture']);
    expect(all.rc).toBe(0);
    expect(all.out).toContain('达标 2，未达标 0');
    expect(all.err).toContain('未评估的规则');
    expect(all.err).toContain('three-growths');
  });
});
