import { beforeAll, describe, expect, it } from 'vitest';
import { LEVEL_CODES, type LevelCode } from '../levels';
import { impliedParent, isRegionCode, levelOfCode } from '../regions/gbt2260';
import { generateDemo } from './generate';
import type { DemoData, DemoRegion } from './types';

let d: DemoData;
beforeAll(() => {
  d = generateDemo({ scale: 'province' });
});

const byCode = (code: string): DemoRegion => d.regions.find((r) => r.code === code) as DemoRegion;
const current = (): DemoRegion[] => d.regions.filter((r) => r.validTo === null);
const countyNo = (code: string): number => Number(code.slice(4));

/** Σ over levels, or one level, of a scope's facts for region/year. */
const factCache = new Map<string, { e: Map<string, number>; n: Map<string, number> }>();
function facts(scope: 'consolidated' | 'own_level'): { e: Map<string, number>; n: Map<string, number> } {
  const cached = factCache.get(scope);
  if (cached) return cached;
  const e = new Map<string, number>();
  const n = new Map<string, number>();
  for (const r of d.expenditure) if (r.scope === scope) e.set(`${r.regionCode}/${r.year}/${r.level}`, r.amountFen);
  for (const r of d.enrolment) if (r.scope === scope) n.set(`${r.regionCode}/${r.year}/${r.level}`, r.students);
  factCache.set(scope, { e, n });
  return { e, n };
}

function fiscal(code: string, year: number, indicator: string): number {
  const f = d.fiscal.find((x) => x.regionCode === code && x.year === year && x.indicator === indicator);
  if (!f) throw new Error(`no ${indicator} for ${code} ${year}`);
  return f.value;
}

describe('示范省: regions', () => {
  it('has the province, 12 prefectures and about 100 counties', () => {
    expect(d.firstYear).toBe(2015);
    expect(d.lastYear).toBe(2024);
    const prov = d.regions.filter((r) => r.level === 'province');
    expect(prov).toHaveLength(1);
    expect(prov[0]).toMatchObject({ code: '390000', name: '示范省', kind: 'province', parentCode: null });
    const prefs = d.regions.filter((r) => r.level === 'prefecture');
    expect(prefs).toHaveLength(12);
    expect(prefs.filter((p) => p.kind === 'prefecture_city' && p.name.endsWith('市'))).toHaveLength(11);
    expect(prefs.filter((p) => p.kind === 'autonomous_prefecture' && p.name.endsWith('自治州'))).toHaveLength(1);
    const counties = current().filter((r) => r.level === 'county');
    expect(counties.length).toBeGreaterThanOrEqual(95);
    expect(counties.length).toBeLessThanOrEqual(105);
  });

  it('has two 省直辖县级市 directly under the province', () => {
    const direct = d.regions.filter((r) => r.code.startsWith('3990'));
    expect(direct).toHaveLength(2);
    for (const r of direct) expect(r).toMatchObject({ level: 'county', kind: 'county_city', parentCode: '390000' });
  });

  it('uses valid GB/T 2260 codes consistent with their parents and kinds', () => {
    for (const r of d.regions) {
      expect(isRegionCode(r.code), r.code).toBe(true);
      expect(levelOfCode(r.code), r.code).toBe(r.level);
      expect(r.parentCode, r.code).toBe(impliedParent(r.code));
      if (r.level !== 'county') continue;
      const parent = byCode(r.parentCode as string);
      const n = countyNo(r.code);
      if (r.kind === 'district') expect(n >= 1 && n <= 20, r.code).toBe(true);
      if (r.kind === 'county' || r.kind === 'autonomous_county') expect(n >= 21 && n <= 80, r.code).toBe(true);
      if (r.kind === 'county_city') expect(parent.kind === 'prefecture_city' ? n >= 81 : n <= 20, r.code).toBe(true);
    }
    const prefs = d.regions.filter((r) => r.level === 'prefecture');
    for (const p of prefs) {
      const n = Number(p.code.slice(2, 4));
      expect(p.kind === 'prefecture_city' ? n >= 1 && n <= 20 : n >= 21 && n <= 50, p.code).toBe(true);
    }
  });

  it('has unique names, short names without the suffix, and sensible urban/rural and tiers', () => {
    expect(new Set(d.regions.map((r) => r.name)).size).toBe(d.regions.length);
    const suffix = /(市|区|县|自治县|自治州)$/;
    for (const r of d.regions.filter((x) => x.level !== 'province')) {
      expect(r.name.startsWith(r.shortName), r.name).toBe(true);
      expect(r.shortName).toHaveLength(2);
      expect(suffix.test(r.name), r.name).toBe(true);
      if (r.kind === 'district') expect(r.urbanRural).toBe('urban');
      if (r.kind === 'county' || r.kind === 'autonomous_county') expect(r.urbanRural).toBe('rural');
      if (r.kind === 'autonomous_county') expect(r.name).toMatch(/族自治县$/);
    }
    const tiers = new Set(d.regions.filter((r) => r.level === 'county').map((r) => r.devTier));
    expect([...tiers].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('has exactly one 撤县设区 in 2020, with facts split at the change and a continuous series', () => {
    expect(d.codeChanges).toHaveLength(1);
    const c = d.codeChanges[0]!;
    expect(c).toMatchObject({ kind: 'county_to_district', share: 1, effectiveDate: '2020-01-01' });
    const old = byCode(c.oldCode);
    const nu = byCode(c.newCode);
    expect(old).toMatchObject({ kind: 'county', validTo: '2020-01-01', validFrom: null });
    expect(nu).toMatchObject({ kind: 'district', validFrom: '2020-01-01', validTo: null, parentCode: old.parentCode, shortName: old.shortName });
    expect(countyNo(nu.code)).toBeLessThanOrEqual(20);
    expect(d.regions.filter((r) => r.validTo !== null || r.validFrom !== null)).toHaveLength(2);
    const years = (code: string): number[] => [...new Set(d.expenditure.filter((r) => r.regionCode === code).map((r) => r.year))].sort();
    expect(years(old.code)).toEqual([2015, 2016, 2017, 2018, 2019]);
    expect(years(nu.code)).toEqual([2020, 2021, 2022, 2023, 2024]);
    const fiscalYears = (code: string): number[] => [...new Set(d.fiscal.filter((r) => r.regionCode === code).map((r) => r.year))].sort();
    expect(fiscalYears(old.code)).toEqual([2015, 2016, 2017, 2018, 2019]);
    expect(fiscalYears(nu.code)).toEqual([2020, 2021, 2022, 2023, 2024]);
    const { e, n } = facts('consolidated');
    let e19 = 0;
    let e20 = 0;
    for (const l of LEVEL_CODES) {
      const a = e.get(`${old.code}/2019/${l}`);
      const b = e.get(`${nu.code}/2020/${l}`);
      expect(a === undefined, l).toBe(b === undefined);
      if (a === undefined || b === undefined) continue;
      e19 += a;
      e20 += b;
      const na = n.get(`${old.code}/2019/${l}`) as number;
      const nb = n.get(`${nu.code}/2020/${l}`) as number;
      expect(BigInt(b) * BigInt(na) >= BigInt(a) * BigInt(nb), l).toBe(true);
    }
    expect(e20).toBeGreaterThanOrEqual(e19);
  });
});

describe('示范省: levels and scopes', () => {
  it('emits matching spending and enrolment rows, never with zero students', () => {
    const key = (r: { regionCode: string; year: number; level: string; scope: string }): string => `${r.regionCode}/${r.year}/${r.level}/${r.scope}`;
    expect(d.expenditure.map(key)).toEqual(d.enrolment.map(key));
    for (const r of d.enrolment) expect(r.students).toBeGreaterThan(0);
    for (const r of d.expenditure) expect(Number.isSafeInteger(r.amountFen) && r.amountFen > 0).toBe(true);
  });

  it('runs the right levels at each tier of government', () => {
    const own = facts('own_level').e;
    const levelsOf = (code: string): Set<string> => new Set([...own.keys()].filter((k) => k.startsWith(`${code}/2024/`)).map((k) => k.split('/')[2] as string));
    expect([...levelsOf('390000')].sort()).toEqual(['higher', 'sec_voc']);
    const counties = current().filter((r) => r.level === 'county');
    const sets = counties.map((c) => levelsOf(c.code));
    for (const s of sets) for (const l of ['preschool', 'primary', 'junior']) expect(s.has(l)).toBe(true);
    for (const s of sets) expect(s.has('higher')).toBe(false);
    const share = (l: string): number => sets.filter((s) => s.has(l)).length / sets.length;
    expect(share('senior')).toBeGreaterThan(0.6);
    expect(share('senior')).toBeLessThan(1);
    expect(share('sec_voc')).toBeGreaterThan(0.2);
    expect(share('sec_voc')).toBeLessThan(0.8);
    expect(share('special')).toBeGreaterThan(0.2);
    expect(share('special')).toBeLessThan(0.8);
    for (const p of d.regions.filter((r) => r.level === 'prefecture')) {
      const s = levelsOf(p.code);
      expect(s.has('senior') && s.has('sec_voc')).toBe(true);
      expect(s.has('primary')).toBe(false);
    }
  });

  it('makes consolidated the exact integer sum of own_level over the subtree', () => {
    const children = new Map<string, string[]>();
    for (const r of d.regions) if (r.parentCode) children.set(r.parentCode, [...(children.get(r.parentCode) ?? []), r.code]);
    const own = facts('own_level');
    const con = facts('consolidated');
    const subtree = (code: string): string[] => [code, ...(children.get(code) ?? []).flatMap(subtree)];
    let checked = 0;
    for (const r of d.regions) {
      const codes = subtree(r.code);
      for (let year = d.firstYear; year <= d.lastYear; year++) {
        for (const l of LEVEL_CODES) {
          let e = 0;
          let n = 0;
          let any = false;
          for (const c of codes) {
            const v = own.e.get(`${c}/${year}/${l}`);
            if (v === undefined) continue;
            any = true;
            e += v;
            n += own.n.get(`${c}/${year}/${l}`) as number;
          }
          const k = `${r.code}/${year}/${l}`;
          expect(con.e.has(k), k).toBe(any);
          if (!any) continue;
          expect(con.e.get(k), k).toBe(e);
          expect(con.n.get(k), k).toBe(n);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });
});

describe('示范省: magnitudes', () => {
  const RANGE_2024: Record<LevelCode, [number, number]> = {
    preschool: [9_000, 12_000],
    primary: [12_000, 16_000],
    junior: [17_000, 22_000],
    senior: [19_000, 25_000],
    sec_voc: [20_000, 26_000],
    special: [55_000, 80_000],
    higher: [24_000, 30_000],
  };
  const perStudent = (year: number, level: LevelCode): number => {
    const { e, n } = facts('consolidated');
    return (e.get(`390000/${year}/${level}`) as number) / 100 / (n.get(`390000/${year}/${level}`) as number);
  };
  const total = (code: string, year: number, what: 'e' | 'n'): number => {
    const f = facts('consolidated')[what];
    return LEVEL_CODES.reduce((s, l) => s + (f.get(`${code}/${year}/${l}`) ?? 0), 0);
  };

  it('has per-student spending by level in the expected ranges, 2015 at 60–70 % of 2024', () => {
    for (const l of LEVEL_CODES) {
      const [lo, hi] = RANGE_2024[l];
      const p24 = perStudent(2024, l);
      expect(p24, l).toBeGreaterThanOrEqual(lo);
      expect(p24, l).toBeLessThanOrEqual(hi);
      const ratio = perStudent(2015, l) / p24;
      expect(ratio, l).toBeGreaterThanOrEqual(0.6);
      expect(ratio, l).toBeLessThanOrEqual(0.7);
    }
  });

  it('has realistic totals, enrolment and growth', () => {
    const e24 = total('390000', 2024, 'e') / 100 / 1e8; // 亿元
    expect(e24).toBeGreaterThanOrEqual(1000);
    expect(e24).toBeLessThanOrEqual(1400);
    const pop = fiscal('390000', 2024, 'population');
    expect(pop).toBeGreaterThan(45e6);
    expect(pop).toBeLessThan(55e6);
    for (let year = 2015; year <= 2024; year++) {
      const share = total('390000', year, 'n') / fiscal('390000', year, 'population');
      expect(share, String(year)).toBeGreaterThanOrEqual(0.15);
      expect(share, String(year)).toBeLessThanOrEqual(0.18);
      if (year > 2015) {
        const g = total('390000', year, 'e') / total('390000', year - 1, 'e') - 1;
        expect(g, String(year)).toBeGreaterThanOrEqual(0.03);
        expect(g, String(year)).toBeLessThanOrEqual(0.09);
      }
    }
    const { n } = facts('consolidated');
    const primary = (y: number): number => n.get(`390000/${y}/primary`) as number;
    const preschool = (y: number): number => n.get(`390000/${y}/preschool`) as number;
    expect(primary(2019)).toBeGreaterThan(primary(2015));
    expect(primary(2024)).toBeLessThan(primary(2020));
    expect(preschool(2024)).toBeLessThan(preschool(2021));
    const higher = n.get('390000/2024/higher') as number;
    expect(higher).toBeGreaterThan(600_000);
    expect(higher).toBeLessThan(900_000);
  });

  it('keeps amounts in 分 that are mostly not round 元', () => {
    const round = d.expenditure.filter((r) => r.amountFen % 100 === 0).length;
    expect(round / d.expenditure.length).toBeLessThan(0.05);
  });

  it('has fiscal indicators consistent with education spending', () => {
    const indicators = ['gpb_revenue', 'gpb_expenditure', 'recurrent_revenue', 'tax_revenue', 'transfer_received', 'gdp', 'fiscal_edu_funds', 'edu_appropriation', 'population', 'area'];
    for (const r of d.regions) {
      for (let year = 2015; year <= 2024; year++) {
        if ((r.validTo && year >= 2020) || (r.validFrom && year < 2020)) continue;
        const e = total(r.code, year, 'e');
        const got = d.fiscal.filter((f) => f.regionCode === r.code && f.year === year);
        const want = r.level === 'county' ? [...indicators, 'teacher_avg_pay', 'civil_servant_avg_pay'] : indicators;
        expect(got.map((f) => f.indicator).sort(), `${r.code} ${year}`).toEqual([...want].sort());
        for (const f of got) expect(Number.isSafeInteger(f.value) && f.value > 0, `${r.code} ${f.indicator}`).toBe(true);
        const val = (k: string): number => got.find((f) => f.indicator === k)!.value;
        const share = e / val('gpb_expenditure');
        expect(share, `${r.code} ${year}`).toBeGreaterThanOrEqual(0.14);
        expect(share, `${r.code} ${year}`).toBeLessThanOrEqual(0.22);
        const funds = val('fiscal_edu_funds') / e;
        expect(funds).toBeGreaterThanOrEqual(1.03);
        expect(funds).toBeLessThanOrEqual(1.08);
        const rec = val('recurrent_revenue') / val('gpb_revenue');
        expect(rec).toBeGreaterThanOrEqual(0.88);
        expect(rec).toBeLessThanOrEqual(0.95);
        expect(val('tax_revenue')).toBeLessThan(val('recurrent_revenue'));
        if (year === 2024) {
          const gdpPerHead = val('gdp') / 100 / val('population');
          expect(gdpPerHead, r.code).toBeGreaterThanOrEqual(30_000);
          expect(gdpPerHead, r.code).toBeLessThanOrEqual(130_000);
        }
      }
    }
  });

  it('ties revenue per head to devTier, and pays most teachers at least as much as civil servants', () => {
    const counties = current().filter((r) => r.level === 'county');
    const mean = (t: number): number => {
      const xs = counties.filter((c) => c.devTier === t).map((c) => fiscal(c.code, 2024, 'gpb_revenue') / fiscal(c.code, 2024, 'population'));
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    for (let t = 2; t <= 5; t++) expect(mean(t)).toBeGreaterThan(mean(t - 1));
    expect(mean(5) / mean(1)).toBeGreaterThan(3);
    const below = counties.filter((c) => fiscal(c.code, 2024, 'teacher_avg_pay') < fiscal(c.code, 2024, 'civil_servant_avg_pay'));
    expect(below.length).toBeGreaterThanOrEqual(1);
    expect(below.length).toBeLessThanOrEqual(counties.length * 0.15);
  });
});
