import { beforeAll, describe, expect, it } from 'vitest';
import { LEVEL_CODES, type LevelOrAll } from '../levels';
import { generateDemo } from './generate';
import { compareFailures, failureKey, ratioLess, type NeverDecreaseFailure } from './never-decrease';
import { findNeverDecreaseFailures } from './self-check';
import type { DemoData, Scope } from './types';

/**
 * An independent, deliberately naive reading of the rules (written from the spec, not from
 * self-check.ts): string-keyed maps, BigInt for every per-student comparison, predecessors looked
 * up in codeChanges for every value.
 */
function naiveFailures(data: DemoData): NeverDecreaseFailure[] {
  const spend = new Map<string, number>();
  const students = new Map<string, number>();
  for (const r of data.expenditure) spend.set(`${r.regionCode}/${r.scope}/${r.year}/${r.level}`, r.amountFen);
  for (const r of data.enrolment) students.set(`${r.regionCode}/${r.scope}/${r.year}/${r.level}`, r.students);
  const codesOf = (code: string): string[] => {
    const out = [code];
    for (const c of data.codeChanges) {
      if (c.newCode === code) {
        if (c.share !== 1) throw new Error('naive check handles share 1 only');
        out.push(...codesOf(c.oldCode));
      }
    }
    return out;
  };
  const value = (map: Map<string, number>, code: string, scope: Scope, year: number, level: string): number | undefined => {
    let found = false;
    let sum = 0;
    for (const c of codesOf(code)) {
      const v = map.get(`${c}/${scope}/${year}/${level}`);
      if (v !== undefined) {
        found = true;
        sum += v;
      }
    }
    return found ? sum : undefined;
  };
  const out: NeverDecreaseFailure[] = [];
  for (const region of data.regions) {
    for (const scope of ['consolidated', 'own_level'] as const) {
      for (let year = data.firstYear + 1; year <= data.lastYear; year++) {
        const push = (rule: NeverDecreaseFailure['rule'], level: LevelOrAll): void => {
          out.push({ rule, regionCode: region.code, year, level, scope });
        };
        let e1: number | undefined;
        let e0: number | undefined;
        let n1: number | undefined;
        let n0: number | undefined;
        for (const level of LEVEL_CODES) {
          const a = value(spend, region.code, scope, year, level);
          const b = value(spend, region.code, scope, year - 1, level);
          const c = value(students, region.code, scope, year, level);
          const d = value(students, region.code, scope, year - 1, level);
          if (a !== undefined) e1 = (e1 ?? 0) + a;
          if (b !== undefined) e0 = (e0 ?? 0) + b;
          if (c !== undefined) n1 = (n1 ?? 0) + c;
          if (d !== undefined) n0 = (n0 ?? 0) + d;
          if (a === undefined || b === undefined || !c || !d) continue;
          if (BigInt(a) * BigInt(d) < BigInt(b) * BigInt(c)) push('per-student-no-decrease', level);
        }
        if (e1 !== undefined && e0 !== undefined && e1 < e0) push('edu-spending-no-decrease', 'all');
        if (e1 !== undefined && e0 !== undefined && n1 && n0 && BigInt(e1) * BigInt(n0) < BigInt(e0) * BigInt(n1)) push('per-student-no-decrease', 'all');
      }
    }
  }
  return out.sort(compareFailures);
}

const strip = (p: DemoData['planted']): NeverDecreaseFailure[] => p.map(({ rule, regionCode, year, level, scope }) => ({ rule, regionCode, year, level, scope }));

describe('never-decrease self-check on the generated demo', () => {
  let province: DemoData;
  let national: DemoData;
  beforeAll(() => {
    province = generateDemo({ scale: 'province' });
    national = generateDemo({ scale: 'national' });
  });

  it('finds exactly the planted failures at province scale', () => {
    expect(findNeverDecreaseFailures(province)).toEqual(strip(province.planted));
  });

  it('agrees with a naive re-implementation at province scale', () => {
    expect(naiveFailures(province)).toEqual(findNeverDecreaseFailures(province));
  });

  it('finds exactly the planted failures at national scale, and the naive check agrees', () => {
    const found = findNeverDecreaseFailures(national);
    expect(found).toEqual(strip(national.planted));
    expect(naiveFailures(national)).toEqual(found);
  });

  it('holds for other seeds too', () => {
    for (const seed of [1, 2, 3, 99, 123456789]) {
      const d = generateDemo({ scale: 'province', seed });
      expect(naiveFailures(d).map(failureKey)).toEqual(d.planted.map(failureKey));
    }
  });

  it('plants every documented kind of failure', () => {
    const p = province.planted;
    const counties = new Set(province.regions.filter((r) => r.level === 'county').map((r) => r.code));
    const prefectures = new Set(province.regions.filter((r) => r.level === 'prefecture').map((r) => r.code));
    const cases = new Set(p.map((f) => `${f.regionCode}/${f.year}`));
    expect(cases.size).toBeGreaterThanOrEqual(6);
    expect(cases.size).toBeLessThanOrEqual(10);
    for (const f of p) expect(f.description.length).toBeGreaterThan(20);
    // Total falls at a county, listed in both scopes (a county's 全辖 equals its 本级).
    const totalFalls = p.filter((f) => f.rule === 'edu-spending-no-decrease' && counties.has(f.regionCode) && f.scope === 'consolidated');
    expect(totalFalls.length).toBeGreaterThanOrEqual(3);
    for (const f of totalFalls) expect(p.some((g) => failureKey(g) === failureKey({ ...f, scope: 'own_level' }))).toBe(true);
    // Per-student of one level falls while the total of that county-year rises.
    const levelOnly = p.filter((f) => f.rule === 'per-student-no-decrease' && f.level !== 'all' && !p.some((g) => g.rule === 'edu-spending-no-decrease' && g.regionCode === f.regionCode && g.year === f.year));
    expect(new Set(levelOnly.map((f) => f.regionCode)).size).toBeGreaterThanOrEqual(2);
    // The combined per-student figure falls somewhere.
    expect(p.some((f) => f.rule === 'per-student-no-decrease' && f.level === 'all')).toBe(true);
    // The total falls while the combined per-student figure does not (enrolment fell faster).
    expect(totalFalls.some((f) => !p.some((g) => g.rule === 'per-student-no-decrease' && g.level === 'all' && g.regionCode === f.regionCode && g.year === f.year))).toBe(true);
    // One 本级 failure at a prefecture, and its consolidated total does not fail.
    const own = p.filter((f) => prefectures.has(f.regionCode) && f.rule === 'edu-spending-no-decrease');
    expect(own.map((f) => f.scope)).toEqual(['own_level']);
  });

  it('contains a fall of a few 分 whose growth prints as −0.00 %', () => {
    const total = new Map<string, number>();
    for (const r of province.expenditure) {
      const k = `${r.regionCode}/${r.scope}/${r.year}`;
      total.set(k, (total.get(k) ?? 0) + r.amountFen);
    }
    const tiny = province.planted.filter((f) => {
      if (f.rule !== 'edu-spending-no-decrease') return false;
      const now = total.get(`${f.regionCode}/${f.scope}/${f.year}`) as number;
      const before = total.get(`${f.regionCode}/${f.scope}/${f.year - 1}`) as number;
      const growth = (now / before - 1) * 100;
      return growth < 0 && growth.toFixed(2) === '-0.00' && before - now < 10;
    });
    expect(tiny.length).toBeGreaterThanOrEqual(1);
    expect(tiny[0]!.description).toContain('−0.00%');
  });
});

describe('self-check rules on hand-made data', () => {
  const base = (): DemoData => ({
    seed: 0,
    scale: 'province',
    firstYear: 2020,
    lastYear: 2021,
    regions: [
      { code: '390000', name: '示范省', shortName: '示范', level: 'province', kind: 'province', parentCode: null, devTier: 3, urbanRural: null, validFrom: null, validTo: null },
    ],
    codeChanges: [],
    expenditure: [],
    enrolment: [],
    fiscal: [],
    planted: [],
  });
  const fact = (d: DemoData, code: string, year: number, level: (typeof LEVEL_CODES)[number], amountFen: number, students: number | null, scope: Scope = 'own_level'): void => {
    d.expenditure.push({ regionCode: code, year, level, scope, amountFen });
    if (students !== null) d.enrolment.push({ regionCode: code, year, level, scope, students });
  };

  it('passes equality and fails a fall of one 分', () => {
    const d = base();
    fact(d, '390000', 2020, 'primary', 1_000_000, 10);
    fact(d, '390000', 2021, 'primary', 1_000_000, 10);
    expect(findNeverDecreaseFailures(d)).toEqual([]);
    d.expenditure[1]!.amountFen = 999_999;
    expect(findNeverDecreaseFailures(d).map((f) => `${f.rule}/${f.level}`)).toEqual(['edu-spending-no-decrease/all', 'per-student-no-decrease/primary', 'per-student-no-decrease/all']);
  });

  it('treats a level without students in either year as N/A', () => {
    const d = base();
    fact(d, '390000', 2020, 'senior', 500, 0);
    fact(d, '390000', 2021, 'senior', 600, 3);
    fact(d, '390000', 2020, 'special', 900, null);
    fact(d, '390000', 2021, 'special', 950, null);
    expect(findNeverDecreaseFailures(d)).toEqual([]);
  });

  it('compares a new code with its predecessor (current boundary)', () => {
    const d = base();
    d.codeChanges.push({ oldCode: '390121', newCode: '390108', effectiveDate: '2021-01-01', kind: 'county_to_district', share: 1, note: '' });
    fact(d, '390121', 2020, 'primary', 2_000, 2);
    fact(d, '390108', 2021, 'primary', 1_999, 2);
    expect(findNeverDecreaseFailures(d).map((f) => `${f.regionCode}/${f.year}/${f.level}/${f.rule}`)).toEqual([
      '390108/2021/all/edu-spending-no-decrease',
      '390108/2021/primary/per-student-no-decrease',
      '390108/2021/all/per-student-no-decrease',
    ]);
  });

  it('decides per-student ties exactly beyond 2^53', () => {
    // 4.5e14 分 × 3e8 students: products near 1.35e23, far past exact float range.
    const a = 450_000_000_000_001;
    const b = 300_000_000;
    expect(ratioLess(a, b, a, b)).toBe(false);
    expect(ratioLess(a - 1, b, a, b)).toBe(true);
    expect(ratioLess(a, b + 1, a, b)).toBe(true);
    expect(ratioLess(a * 2 - 1, b * 2, a, b)).toBe(true);
    expect(ratioLess(a * 2, b * 2, a, b)).toBe(false);
  });
});
