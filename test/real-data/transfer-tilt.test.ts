// Real data through the simulator: the NBS province panel (2000–2019) imported with `wb import`
// (revenue, expenditure, population, education spending, enrolment), then `wb simulate` splitting a
// pool among the 31 provinces (region 000000, units province) for 2019. A tilt toward low revenue
// per head must move money toward the provinces with the lowest revenue per head — ranked here,
// independently, from the CSV text itself (no workbench code): revenue (亿元) ÷ population (万人).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { tempDir } from '../support/temp';
import { wb } from './cli';

const DATA = process.env.WB_SHARED_DATA ?? '/work/shared/data';
const FILE = join(DATA, 'nbs_province_panel_2000_2019/province_panel_2000_2019.csv');
const have = existsSync(FILE);
const YEAR = 2019;

/** Province code → (revenue 亿元 ÷ population 万人) for the year, straight from the file. */
function revenuePerHead(): Map<string, number> {
  const lines = readFileSync(FILE, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0]!.split(',');
  const [code, year, revenue, population] = ['province_code', 'year', 'lgpb_revenue_100m_yuan', 'population_10k'].map((h) => header.indexOf(h));
  const out = new Map<string, number>();
  for (const line of lines.slice(1)) {
    const c = line.split(',');
    if (Number(c[year!]) !== YEAR) continue;
    out.set(c[code!]!, Number(c[revenue!]) / Number(c[population!]));
  }
  return out;
}

/** Spearman rank correlation (no ties expected in these data). */
function spearman(xs: readonly number[], ys: readonly number[]): number {
  const rank = (v: readonly number[]) => {
    const order = v.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x);
    const r = new Array<number>(v.length);
    order.forEach((o, k) => (r[o.i] = k));
    return r;
  };
  const rx = rank(xs);
  const ry = rank(ys);
  const n = xs.length;
  const d2 = rx.reduce((a, r, i) => a + (r - ry[i]!) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

type County = { code: string; allocation_fen: number; baseline_fen: number; delta_fen: number };
type Report = { name: string; pool_fen: number; counties: County[] };

if (!have) {
  describe('real data: transfer tilt', () => {
    it.skip(`skipped: ${FILE} is not present (set WB_SHARED_DATA to the shared data folder)`, () => {});
  });
}

describe.skipIf(!have)('real data: a tilt toward low revenue per head, 31 provinces, 2019', () => {
  const dir = tempDir('wb-real-transfer-');
  const db = join(dir, 'real.sqlite');
  const scenarioFile = join(dir, 'tilt.json');
  let reports: Report[] = [];
  const population = new Map<string, number>();

  beforeAll(async () => {
    openDatabase(db).db.close();
    const imports: string[][] = [
      ['--kind', 'capacity', '--unit', '亿元', '--map', 'gpb_revenue=lgpb_revenue_100m_yuan', '--map', 'gpb_expenditure=lgpb_expenditure_100m_yuan'],
      ['--kind', 'capacity', '--unit', '万人', '--map', 'population=population_10k'],
      ['--kind', 'expenditure', '--unit', '亿元', '--map', 'amount=lgpb_edu_expenditure_100m_yuan', '--basis', 'mof_205', '--dataset', 'panel 教育支出'],
      ...(['primary', 'junior', 'senior'] as const).map((level) => ['--kind', 'enrolment', '--unit', '万人', '--map', `students=enrol_${level === 'senior' ? 'senior_general' : level === 'junior' ? 'junior_secondary' : level}_10k`, '--map', `level==${level}`, '--dataset', `panel 在校生 ${level}`]),
    ];
    for (const args of imports) {
      const r = await wb(['--db', db, 'import', FILE, ...args]);
      expect(r.rc, `${args.join(' ')}\n${r.err}`).toBe(0);
    }
    // A tilt by relative fiscal capacity (multiplier 1 + 0.5 × (average ÷ own revenue per head − 1))
    // and, as an alternative, the inverse-capacity factor alone (shares ∝ 1 / revenue per head).
    writeFileSync(
      scenarioFile,
      JSON.stringify({
        format: 'edu-finance-scenario/1',
        name: '向人均财力低的省份倾斜',
        region: '000000',
        units: 'province',
        year: YEAR,
        // The panel has no land area: the area factor is switched off, and the hole is filled with 0
        // explicitly (--fill-missing zero below) — the simulator refuses to read missing data as 0 on its own.
        parameters: { 'difficulty.by_revenue_per_head': 1, 'difficulty.tilt': 0.5, 'factor.area': 0 },
        alternatives: [{ name: '只按人均财力', parameters: { 'factor.inverse_capacity': 1, 'factor.students': 0, 'factor.population': 0, 'factor.area': 0, 'factor.standard_gap': 0 } }],
      }),
    );
    const refused = await wb(['--db', db, 'simulate', '--scenario', scenarioFile, '--format', 'json']);
    expect(refused.rc).toBe(2);
    expect(refused.err).toContain('数据基础中无面积');
    const r = await wb(['--db', db, 'simulate', '--scenario', scenarioFile, '--format', 'json', '--fill-missing', 'zero']);
    expect([0, 1], r.err).toContain(r.rc);
    const parsed = JSON.parse(r.out) as { year: number; scenarios: Report[] };
    expect(parsed.year).toBe(YEAR);
    reports = parsed.scenarios;
    const lines = readFileSync(FILE, 'utf8').split(/\r?\n/);
    const header = lines[0]!.split(',');
    for (const line of lines.slice(1)) {
      const c = line.split(',');
      if (Number(c[header.indexOf('year')]) === YEAR) population.set(c[header.indexOf('province_code')]!, Number(c[header.indexOf('population_10k')]));
    }
  }, 180_000);

  it('splits the pool among all 31 provinces, exactly', () => {
    for (const r of reports) {
      expect(r.counties).toHaveLength(31);
      expect(r.counties.reduce((a, c) => a + c.allocation_fen, 0)).toBe(r.pool_fen);
    }
  });

  it('with the inverse-capacity factor alone, the allocation falls strictly as revenue per head rises', () => {
    const rph = revenuePerHead();
    const full = reports.find((r) => r.name === '只按人均财力')!;
    const byRevenue = [...full.counties].sort((a, b) => rph.get(a.code)! - rph.get(b.code)!);
    for (let k = 1; k < byRevenue.length; k++) expect(byRevenue[k]!.allocation_fen, byRevenue[k]!.code).toBeLessThan(byRevenue[k - 1]!.allocation_fen);
  });

  it('a tilt toward low revenue per head moves money toward the provinces with the lowest revenue per head', () => {
    const rph = revenuePerHead();
    const tilt = reports.find((r) => r.name === '向人均财力低的省份倾斜')!;
    const rows = tilt.counties.map((c) => ({ code: c.code, rph: rph.get(c.code)!, relative: c.delta_fen / c.baseline_fen, perHead: c.delta_fen / population.get(c.code)! }));
    expect(rows.every((r) => Number.isFinite(r.rph))).toBe(true);
    // Ranked independently: the lower a province's revenue per head, the larger its relative gain —
    // strictly, across all 31 (the multiplier scales each formula share by the same rule).
    const ranked = [...rows].sort((a, b) => a.rph - b.rph);
    for (let k = 1; k < ranked.length; k++) expect(ranked[k]!.relative, ranked[k]!.code).toBeLessThan(ranked[k - 1]!.relative);
    // The five lowest all gain, the five highest all lose, and money per head follows.
    for (const r of ranked.slice(0, 5)) expect(r.relative, r.code).toBeGreaterThan(0);
    for (const r of ranked.slice(-5)) expect(r.relative, r.code).toBeLessThan(0);
    expect(spearman(rows.map((r) => r.rph), rows.map((r) => r.perHead))).toBeLessThan(-0.8);
  });
});
