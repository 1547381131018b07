// `wb balance` and `wb targets` on the demo province (a real SQLite file): every planted near-miss
// is found exactly — the failing school or 差异系数 named, the exactly-85 % school passing, the
// prefecture just above 1.05 off track — with exit 1 when anything fails and 2 on bad input.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../core/demo/generate';
import { generateSchoolDemo, type SchoolDemo } from '../../core/demo/schools';
import { writeDemo } from '../../db/demo/write-demo';
import { openDatabase } from '../../db/open';
import { tempDir } from '../../test/support/temp';
import { run } from '../wb';

const dir = tempDir('wb-balance-');
const file = join(dir, 'demo.sqlite');
let schools: SchoolDemo;

async function wb(args: string[]): Promise<{ rc: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const rc = await run(['--db', file, ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { rc, out, err };
}

beforeAll(() => {
  const demo = generateDemo({ scale: 'province' });
  schools = generateSchoolDemo(demo);
  const opened = openDatabase(file);
  writeDemo(opened.db, demo);
  opened.db.close();
});

type BalanceJson = { status: string; cvs: { section: string; indicator: string; passes: boolean; cv: string }[]; schools: { section: string; code: string; passes: boolean; met: number }[] };

describe('wb balance finds each planted near-miss exactly', () => {
  it('school and CV near-misses', async () => {
    for (const p of schools.planted.filter((x) => x.kind.startsWith('school_') || x.kind.startsWith('cv_'))) {
      const r = await wb(['balance', '--region', p.region, '--year', String(p.year), '--format', 'json']);
      expect(r.err).toBe('');
      const j = JSON.parse(r.out) as BalanceJson;
      const failingSchools = j.schools.filter((s) => !s.passes).map((s) => `${s.code}/${s.section}`);
      const failingCvs = j.cvs.filter((c) => !c.passes).map((c) => `${c.section}/${c.indicator}`);
      if (p.passes) {
        expect([p.kind, r.rc, j.status, failingSchools]).toEqual([p.kind, 0, 'met', []]);
      } else if (p.kind.startsWith('school_')) {
        expect([p.kind, r.rc, failingSchools, failingCvs]).toEqual([p.kind, 1, [`${p.school}/${p.section}`], []]);
      } else {
        expect([p.kind, r.rc, failingSchools, failingCvs]).toEqual([p.kind, 1, [], [`${p.section}/${p.indicator}`]]);
        expect(Number(j.cvs.find((c) => !c.passes)!.cv)).toBeCloseTo(p.value, 4);
      }
    }
  });

  it('the table names the failing indicator and its share of the standard', async () => {
    const p = schools.planted.find((x) => x.kind === 'school_remainder_below_85')!;
    const r = await wb(['balance', '--region', p.region, '--year', String(p.year)]);
    expect(r.rc).toBe(1);
    expect(r.out).toContain('6:84.9%');
    expect(r.out).toContain('未达到资源配置标准');
    expect(r.out).toContain('补齐差距所需资金');
  });

  it('refuses a county without schools data in the year and a missing year (exit 2)', async () => {
    expect((await wb(['balance', '--region', schools.planted[0]!.region, '--year', '2010'])).rc).toBe(2);
    expect((await wb(['balance', '--region', schools.planted[0]!.region])).rc).toBe(2);
  });
});

describe('wb balance for a province: every county, cost to close by prefecture, the inspectors’ workbook', () => {
  it('lists every county, sums the cost by prefecture and writes one sheet per indicator', async () => {
    const out = join(dir, '优质均衡.xlsx');
    const r = await wb(['balance', '--region', '390000', '--year', '2024', '--format', 'json', '--out', out, '--area-cost', '3000', '--room-cost', '50000']);
    expect(r.rc).toBe(1);
    const j = JSON.parse(r.out) as { counties: { county: string; status: string; cost_fen: number }[]; prefectures: { fen: number }[] };
    expect(j.counties.every((c) => Number.isInteger(c.cost_fen))).toBe(true);
    expect(j.counties).toHaveLength(100);
    for (const p of schools.planted.filter((x) => x.kind.startsWith('school_') || x.kind.startsWith('cv_'))) expect(j.counties.find((c) => c.county === p.region)!.status).toBe(p.passes ? 'met' : 'not_met');
    expect(j.prefectures.reduce((a, p) => a + p.fen, 0)).toBe(j.counties.reduce((a, c) => a + c.cost_fen, 0));
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(['指标1', '指标2', '指标3', '指标4', '指标5', '指标6', '指标7', '差异系数', '补齐资金']);
    expect(String(book.getWorksheet('指标6')!.getCell('A1').value)).toContain('合成数据');
  });
});

describe('unit costs have no built-in default', () => {
  it('without them the floor-area and room parts are 无数据 with the reason; --save-costs stores them (audited)', async () => {
    const r = await wb(['balance', '--region', '390000', '--year', '2024', '--format', 'json']);
    const j = JSON.parse(r.out) as { counties: { cost_fen: number | null }[]; missing: string[]; unit_costs: Record<string, number | null> };
    expect(j.unit_costs).toEqual({ areaYuanPerM2: null, roomYuan: null, teacherPayYuan: null });
    expect(j.counties.some((c) => c.cost_fen === null)).toBe(true);
    expect(j.missing.join('\n')).toContain('无数据：未设定校舍场地单价');
    const table = await wb(['balance', '--region', '390000', '--year', '2024']);
    expect(table.out).toContain('未设定（--area-cost）');
    expect((await wb(['balance', '--region', '390000', '--year', '2024', '--area-cost', 'abc'])).rc).toBe(2);
    // The simulator's 缺口因素 is refused with the same reason until the unit costs are set.
    const refused = await wb(['simulate', '--scenario', gapScenario()]);
    expect(refused.rc).toBe(2);
    expect(refused.err).toContain('缺口因素不可用：无数据：未设定校舍场地单价');
    await wb(['balance', '--region', '390000', '--year', '2024', '--area-cost', '2800', '--room-cost', '60000', '--save-costs']);
    const saved = JSON.parse((await wb(['balance', '--region', '390000', '--year', '2024', '--format', 'json'])).out) as { unit_costs: Record<string, number | null>; missing: string[] };
    expect(saved.unit_costs).toEqual({ areaYuanPerM2: 2800, roomYuan: 60000, teacherPayYuan: null });
    expect(saved.missing).toEqual([]);
  });
});

function gapScenario(): string {
  const f = join(dir, 'gap.json');
  writeFileSync(f, JSON.stringify({ format: 'edu-finance-scenario/1', name: '缺口因素 40%', region: '390000', year: 2024, parameters: { 'factor.gap': 0.4, 'factor.students': 0.3, 'factor.population': 0.05, 'factor.area': 0.05, 'factor.inverse_capacity': 0.1, 'factor.standard_gap': 0.1 } }));
  return f;
}

type ReachJson = { gap_source: { year: number; reason: string | null }; scenarios: { name: string; quality_balance_reach: { available: boolean; met_now: number; units: number; spend_share: number; by_year: { year: number; counties: number }[]; assumption: string } }[] };

describe('wb simulate with the 缺口因素 (after the unit costs are saved above)', () => {
  it('weights the cost to close, and more counties reach the resource standards by 2027 than under the baseline', async () => {
    const r = await wb(['simulate', '--scenario', gapScenario(), '--format', 'json']);
    expect([0, 1]).toContain(r.rc);
    const j = JSON.parse(r.out) as ReachJson;
    expect(j.gap_source).toMatchObject({ year: 2024, reason: null });
    const [base, gap] = j.scenarios.map((s) => s.quality_balance_reach);
    expect([base!.available, base!.met_now, base!.units, base!.spend_share]).toEqual([true, 48, 100, 0.05]);
    expect(gap!.by_year.map((y) => y.year)).toEqual([2027, 2030]);
    expect(gap!.by_year[0]!.counties).toBeGreaterThan(base!.by_year[0]!.counties);
    expect(gap!.by_year[1]!.counties).toBeGreaterThanOrEqual(gap!.by_year[0]!.counties);
    expect(gap!.assumption).toContain('5%');
    const table = await wb(['simulate', '--scenario', gapScenario()]);
    expect(table.out).toContain('优质均衡资源配置达标县数');
    expect(table.out).toContain('2027年');
  });
});

describe('the brief’s 规划目标 section (unit costs saved above)', () => {
  it('states the targets, the certified share and the cost to close by prefecture, with the school data among the sources', async () => {
    const out = join(dir, 'brief.html');
    const r = await wb(['brief', '--region', '390000', '--year', '2024', '--sections', 'targets', '--format', 'html', '--out', out]);
    expect(r.rc).toBe(0);
    const html = (await import('node:fs')).readFileSync(out, 'utf8');
    expect(html).toContain('五、规划目标与优质均衡');
    expect(html).toContain('100个县中59个已认定义务教育优质均衡（59.0%），48个学校数据达到资源配置标准（48.0%）');
    expect(html).toContain('优质均衡资源配置与补齐资金');
    expect(html).toContain('学校办学条件');
    expect(html).not.toContain('无数据：未设定');
  });
});

type TargetsJson = { targets: { target: string; region: string; status: string; value: string; off_track_units: string[] }[] };

describe('wb targets on the demo province', () => {
  it('finds the prefecture planted just above 1.05, and only it', async () => {
    const r = await wb(['targets', '--format', 'json']);
    expect(r.rc).toBe(1);
    const j = JSON.parse(r.out) as TargetsJson;
    const p = schools.planted.find((x) => x.kind === 'degree_ratio_above_limit')!;
    const ratio = j.targets.filter((t) => t.target === 'urban_rural_degree_ratio' && t.status !== 'met');
    expect(ratio.map((t) => t.region)).toEqual([p.region]);
    expect(ratio[0]!.value).toBe(p.value.toFixed(4));
  });

  it('puts the certified share one county below 60 % and names the township without a junior school', async () => {
    const j = JSON.parse((await wb(['targets', '--format', 'json'])).out) as TargetsJson;
    const share = j.targets.find((t) => t.target === 'counties_quality_balanced_2027')!;
    expect(share.value).toBe('59.00%');
    expect(share.status).not.toBe('met');
    const township = j.targets.find((t) => t.target === 'township_junior')!;
    expect(township.off_track_units).toHaveLength(1);
    expect(j.targets.find((t) => t.target === 'county_vocational')!.status).toBe('no_data');
  });

  it('a year before any certification: the share target has no data yet but others do', async () => {
    const r = await wb(['targets', '--year', '2021', '--format', 'csv']);
    expect([0, 1]).toContain(r.rc);
    expect(r.out.split('\n')[0]).toContain('target');
  });
});
