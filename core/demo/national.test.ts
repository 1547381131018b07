import { beforeAll, describe, expect, it } from 'vitest';
import { LEVEL_CODES } from '../levels';
import { impliedParent, isRegionCode, levelOfCode } from '../regions/gbt2260';
import { generateDemo } from './generate';
import type { DemoData } from './types';

let d: DemoData;
let ms = 0;
beforeAll(() => {
  const t0 = performance.now();
  d = generateDemo({ scale: 'national' });
  ms = performance.now() - t0;
});

const REAL = [
  ['110000', '北京市'], ['120000', '天津市'], ['130000', '河北省'], ['140000', '山西省'], ['150000', '内蒙古自治区'],
  ['210000', '辽宁省'], ['220000', '吉林省'], ['230000', '黑龙江省'], ['310000', '上海市'], ['320000', '江苏省'],
  ['330000', '浙江省'], ['340000', '安徽省'], ['350000', '福建省'], ['360000', '江西省'], ['370000', '山东省'],
  ['410000', '河南省'], ['420000', '湖北省'], ['430000', '湖南省'], ['440000', '广东省'], ['450000', '广西壮族自治区'],
  ['460000', '海南省'], ['500000', '重庆市'], ['510000', '四川省'], ['520000', '贵州省'], ['530000', '云南省'],
  ['540000', '西藏自治区'], ['610000', '陕西省'], ['620000', '甘肃省'], ['630000', '青海省'], ['640000', '宁夏回族自治区'],
  ['650000', '新疆维吾尔自治区'],
];

describe('national demo', () => {
  it('generates (timing printed, never asserted: CI machines are shared and noisy)', () => {
    console.log(`national demo generated in ${Math.round(ms)} ms`);
    expect(d.regions.length).toBeGreaterThan(3000);
  });

  it('has the 31 provincial units with real codes and names, 2010–2024', () => {
    expect(d.firstYear).toBe(2010);
    expect(d.lastYear).toBe(2024);
    const provinces = d.regions.filter((r) => r.level === 'province').map((r) => [r.code, r.name]);
    expect(provinces).toEqual(REAL);
    const kinds = Object.fromEntries(d.regions.filter((r) => r.level === 'province').map((r) => [r.code.slice(0, 2), r.kind]));
    for (const m of ['11', '12', '31', '50']) expect(kinds[m]).toBe('municipality');
    for (const a of ['15', '45', '54', '64', '65']) expect(kinds[a]).toBe('autonomous_region');
  });

  it('has about 2,850 counties distributed like reality', () => {
    const counties = d.regions.filter((r) => r.level === 'county' && r.validTo === null);
    expect(counties.length).toBeGreaterThanOrEqual(2800);
    expect(counties.length).toBeLessThanOrEqual(2900);
    const inProvince = (p: string): number => counties.filter((c) => c.code.startsWith(p)).length;
    expect(inProvince('51')).toBe(183);
    expect(inProvince('13')).toBe(167);
    expect(inProvince('54')).toBe(74);
    expect(inProvince('11')).toBe(16);
    expect(inProvince('46')).toBe(25);
    expect(counties.filter((c) => c.code.startsWith('4690')).length).toBeGreaterThan(0);
  });

  it('puts municipal districts under the 市辖区 pseudo-prefecture', () => {
    for (const m of ['11', '12', '31', '50']) {
      const pseudo = d.regions.find((r) => r.code === `${m}0100`);
      expect(pseudo).toMatchObject({ kind: 'municipal_pseudo', name: '市辖区', parentCode: `${m}0000` });
    }
    expect(d.regions.filter((r) => r.parentCode === '110100')).toHaveLength(16);
  });

  it('uses valid codes consistent with their parents, names unique per province', () => {
    for (const r of d.regions) {
      expect(isRegionCode(r.code), r.code).toBe(true);
      expect(levelOfCode(r.code), r.code).toBe(r.level);
      expect(r.parentCode, r.code).toBe(impliedParent(r.code));
    }
    expect(new Set(d.regions.map((r) => r.code)).size).toBe(d.regions.length);
    const names = new Set(d.regions.filter((r) => r.kind !== 'municipal_pseudo').map((r) => `${r.code.slice(0, 2)}/${r.name}`));
    expect(names.size).toBe(d.regions.filter((r) => r.kind !== 'municipal_pseudo').length);
  });

  it('has code changes whose old and new codes split the years', () => {
    expect(d.codeChanges.length).toBeGreaterThan(0);
    for (const c of d.codeChanges) {
      const year = Number(c.effectiveDate.slice(0, 4));
      const years = (code: string): number[] => [...new Set(d.expenditure.filter((r) => r.regionCode === code).map((r) => r.year))];
      expect(Math.max(...years(c.oldCode))).toBe(year - 1);
      expect(Math.min(...years(c.newCode))).toBe(year);
    }
  });

  it('has all levels, both scopes and fiscal rows', () => {
    expect(new Set(d.expenditure.map((r) => r.level))).toEqual(new Set(LEVEL_CODES));
    expect(new Set(d.expenditure.map((r) => r.scope))).toEqual(new Set(['consolidated', 'own_level']));
    expect(d.expenditure.length).toBe(d.enrolment.length);
    expect(d.fiscal.length).toBeGreaterThan(500_000);
    expect(d.planted.length).toBeGreaterThan(5);
    // National total 2024 of the order of the real 4 万亿元 (synthetic, so within a broad band).
    const total = d.expenditure.filter((r) => r.year === 2024 && r.scope === 'consolidated' && r.regionCode.endsWith('0000')).reduce((s, r) => s + r.amountFen, 0);
    expect(total / 1e10).toBeGreaterThan(30_000);
    expect(total / 1e10).toBeLessThan(55_000);
  });
});
