// The national layout for benchmarks: the 31 provincial units with their real GB/T 2260 codes and
// names, roughly their real population, area and number of county-level units (2,843 in all, as in
// the 2023 code list), and synthetic prefectures and counties below them. Prefecture kinds and code
// numbers follow the real pattern (自治州 and 地区 in 21–50, 省直辖 in 90, municipalities' 市辖区
// pseudo-prefecture 0100 and 重庆's 县 0200); names below the province are invented.
import { dd, LayoutBuilder, tierThresholds, type Layout } from './layout';
import { NameFactory } from './names';
import { createRng, type Rng } from './random';
import type { Tier } from './state';
import { addCounties, assignTiers, prefectureLevels, scaleProvince } from './tree';
import type { RegionKind } from './types';

export const NATIONAL_FIRST_YEAR = 2010;
export const NATIONAL_LAST_YEAR = 2024;

type ProvinceSpec = {
  code: string;
  name: string;
  short: string;
  kind: 'province' | 'autonomous_region' | 'municipality';
  /** Central cost-sharing 档 (国办发〔2018〕6号), which devTier follows: 1 = 第一档 … 5 = 第五档. */
  dang: Tier;
  /** Population, millions (2020 census, rounded). */
  pop: number;
  /** Area, 万 km². */
  area: number;
  /** County-level units. */
  counties: number;
  /** Number of 地级市 (codes 01–20, then 51–), or their explicit code numbers. */
  cities: number | readonly number[];
  /** 地区 / 自治州 / 盟 and their code numbers. */
  others?: readonly (readonly [number, RegionKind])[];
  /** 省直辖县级行政区划 (xx90xx), by kind. */
  direct?: readonly RegionKind[];
};

const AP = 'autonomous_prefecture';
const rep = <T>(v: T, n: number): T[] => new Array<T>(n).fill(v);

const PROVINCES: readonly ProvinceSpec[] = [
  { code: '11', name: '北京市', short: '北京', kind: 'municipality', dang: 5, pop: 21.9, area: 1.64, counties: 16, cities: 0 },
  { code: '12', name: '天津市', short: '天津', kind: 'municipality', dang: 4, pop: 13.9, area: 1.2, counties: 16, cities: 0 },
  { code: '13', name: '河北省', short: '河北', kind: 'province', dang: 2, pop: 74.6, area: 18.9, counties: 167, cities: 11 },
  { code: '14', name: '山西省', short: '山西', kind: 'province', dang: 2, pop: 34.9, area: 15.6, counties: 117, cities: 11 },
  { code: '15', name: '内蒙古自治区', short: '内蒙古', kind: 'autonomous_region', dang: 1, pop: 24.0, area: 118.3, counties: 103, cities: 9, others: [[22, 'league'], [25, 'league'], [29, 'league']] },
  { code: '21', name: '辽宁省', short: '辽宁', kind: 'province', dang: 3, pop: 42.6, area: 14.8, counties: 100, cities: 14 },
  { code: '22', name: '吉林省', short: '吉林', kind: 'province', dang: 2, pop: 24.1, area: 18.7, counties: 60, cities: 8, others: [[24, AP]] },
  { code: '23', name: '黑龙江省', short: '黑龙江', kind: 'province', dang: 2, pop: 31.9, area: 47.3, counties: 121, cities: 12, others: [[27, 'prefecture']] },
  { code: '31', name: '上海市', short: '上海', kind: 'municipality', dang: 5, pop: 24.9, area: 0.63, counties: 16, cities: 0 },
  { code: '32', name: '江苏省', short: '江苏', kind: 'province', dang: 4, pop: 84.7, area: 10.7, counties: 95, cities: 13 },
  { code: '33', name: '浙江省', short: '浙江', kind: 'province', dang: 4, pop: 64.6, area: 10.6, counties: 90, cities: 11 },
  { code: '34', name: '安徽省', short: '安徽', kind: 'province', dang: 2, pop: 61.0, area: 14.0, counties: 104, cities: 16 },
  { code: '35', name: '福建省', short: '福建', kind: 'province', dang: 3, pop: 41.5, area: 12.4, counties: 84, cities: 9 },
  { code: '36', name: '江西省', short: '江西', kind: 'province', dang: 2, pop: 45.2, area: 16.7, counties: 100, cities: 11 },
  { code: '37', name: '山东省', short: '山东', kind: 'province', dang: 3, pop: 101.5, area: 15.8, counties: 136, cities: 16 },
  { code: '41', name: '河南省', short: '河南', kind: 'province', dang: 2, pop: 99.4, area: 16.7, counties: 157, cities: 17, direct: ['county_city'] },
  { code: '42', name: '湖北省', short: '湖北', kind: 'province', dang: 2, pop: 57.8, area: 18.6, counties: 103, cities: 12, others: [[28, AP]], direct: ['county_city', 'county_city', 'county_city', 'forest_area'] },
  { code: '43', name: '湖南省', short: '湖南', kind: 'province', dang: 2, pop: 66.4, area: 21.2, counties: 122, cities: 13, others: [[31, AP]] },
  { code: '44', name: '广东省', short: '广东', kind: 'province', dang: 4, pop: 126.0, area: 18.0, counties: 122, cities: 21 },
  { code: '45', name: '广西壮族自治区', short: '广西', kind: 'autonomous_region', dang: 1, pop: 50.1, area: 23.8, counties: 111, cities: 14 },
  { code: '46', name: '海南省', short: '海南', kind: 'province', dang: 2, pop: 10.1, area: 3.5, counties: 25, cities: 3, direct: [...rep<RegionKind>('county_city', 5), ...rep<RegionKind>('county', 4), ...rep<RegionKind>('autonomous_county', 6)] },
  { code: '50', name: '重庆市', short: '重庆', kind: 'municipality', dang: 1, pop: 32.1, area: 8.2, counties: 38, cities: 0 },
  { code: '51', name: '四川省', short: '四川', kind: 'province', dang: 1, pop: 83.7, area: 48.6, counties: 183, cities: 18, others: [[32, AP], [33, AP], [34, AP]] },
  { code: '52', name: '贵州省', short: '贵州', kind: 'province', dang: 1, pop: 38.6, area: 17.6, counties: 88, cities: 6, others: [[23, AP], [26, AP], [27, AP]] },
  { code: '53', name: '云南省', short: '云南', kind: 'province', dang: 1, pop: 47.2, area: 39.4, counties: 129, cities: 8, others: [[23, AP], [25, AP], [26, AP], [28, AP], [29, AP], [31, AP], [33, AP], [34, AP]] },
  { code: '54', name: '西藏自治区', short: '西藏', kind: 'autonomous_region', dang: 1, pop: 3.6, area: 122.8, counties: 74, cities: 6, others: [[25, 'prefecture']] },
  { code: '61', name: '陕西省', short: '陕西', kind: 'province', dang: 1, pop: 39.5, area: 20.6, counties: 107, cities: 10 },
  { code: '62', name: '甘肃省', short: '甘肃', kind: 'province', dang: 1, pop: 25.0, area: 42.6, counties: 86, cities: 12, others: [[29, AP], [30, AP]] },
  { code: '63', name: '青海省', short: '青海', kind: 'province', dang: 1, pop: 5.9, area: 72.2, counties: 44, cities: 2, others: [[22, AP], [23, AP], [25, AP], [26, AP], [27, AP], [28, AP]] },
  { code: '64', name: '宁夏回族自治区', short: '宁夏', kind: 'autonomous_region', dang: 1, pop: 7.2, area: 6.6, counties: 22, cities: 5 },
  {
    code: '65', name: '新疆维吾尔自治区', short: '新疆', kind: 'autonomous_region', dang: 1, pop: 25.9, area: 166.5, counties: 107, cities: [1, 2, 4, 5],
    others: [[23, AP], [27, AP], [28, AP], [29, 'prefecture'], [30, AP], [31, 'prefecture'], [32, 'prefecture'], [40, AP], [42, 'prefecture'], [43, 'prefecture']],
    direct: rep<RegionKind>('county_city', 11),
  },
];

/** Revenue-per-head base of a province by 档: Shanghai and Beijing collect several times what Gansu does. */
const CAPACITY_BASE: Record<Tier, number> = { 1: 0.85, 2: 1.0, 3: 1.5, 4: 2.2, 5: 4.0 };
/** Per-student spending relative to the national average, by 档 (west supported by central transfers). */
const SPEND_FACTOR: Record<Tier, number> = { 1: 0.98, 2: 0.88, 3: 1.05, 4: 1.45, 5: 2.4 };
const SPEND_ADJUST: Record<string, number> = { '54': 1.6, '63': 1.15, '65': 1.15 };
/** Share of a city's counties that are 市辖区, by 档 (richer provinces are more urbanised). */
const DISTRICT_SHARE: Record<Tier, number> = { 1: 0.25, 2: 0.28, 3: 0.35, 4: 0.45, 5: 0.6 };
/** County → district conversions at national scale (the demo province has exactly one). */
const CODE_CHANGES = 6;

export function nationalLayout(seed: number): Layout {
  const b = new LayoutBuilder(NATIONAL_FIRST_YEAR, NATIONAL_LAST_YEAR);
  const spend = new Map<number, number>();
  const allCounties: number[] = [];
  const namesOf = new Map<string, NameFactory>();
  for (const spec of PROVINCES) {
    const rng = createRng(seed, 'layout', spec.code);
    const names = new NameFactory(createRng(seed, 'names', spec.code), spec.code);
    namesOf.set(spec.code, names);
    const base = CAPACITY_BASE[spec.dang];
    const prov = b.add({ code: spec.code + '0000', name: spec.name, shortName: spec.short, kind: spec.kind, parent: -1, capacity: base, devTier: spec.dang });
    spend.set(prov, SPEND_FACTOR[spec.dang] * (SPEND_ADJUST[spec.code] ?? 1));
    const counties = spec.kind === 'municipality' ? municipality(b, spec, prov, rng, names) : ordinary(b, spec, prov, rng, names);
    if (counties.length !== spec.counties) throw new Error(`${spec.name}: planned ${spec.counties} counties, built ${counties.length}`);
    scaleProvince(b, counties, spec.pop * 1e6, spec.area * 1e4);
    allCounties.push(...counties);
  }
  addCodeChanges(b, createRng(seed, 'layout', 'code-changes'), namesOf);
  assignTiers(b.nodes, tierThresholds(allCounties.map((c) => b.node(c).capacity)), b.years - 1);
  return b.finish(spend);
}

function municipality(b: LayoutBuilder, spec: ProvinceSpec, prov: number, rng: Rng, names: NameFactory): number[] {
  // 市本级 runs the municipal universities, high schools and special schools.
  b.run(prov, 'higher', 'sec_voc', 'senior', 'special');
  const base = CAPACITY_BASE[spec.dang];
  const districts = spec.code === '50' ? 26 : spec.counties;
  const pseudo = b.add({ code: spec.code + '0100', name: '市辖区', shortName: '市辖区', kind: 'municipal_pseudo', parent: prov, capacity: base });
  const out = addCounties(b, pseudo, spec.code + '01', 'municipal_pseudo', rep<RegionKind>('district', districts), rng, names, { capacityBase: base, capital: true });
  if (spec.code === '50') {
    const counties = spec.counties - districts;
    const pseudoCounties = b.add({ code: '500200', name: '县', shortName: '县', kind: 'municipal_pseudo', parent: prov, capacity: base });
    const kinds = [...rep<RegionKind>('county', counties - 4), ...rep<RegionKind>('autonomous_county', 4)];
    out.push(...addCounties(b, pseudoCounties, '5002', 'prefecture', kinds, rng, names, { capacityBase: base * 0.8, capital: false }));
  }
  return out;
}

function ordinary(b: LayoutBuilder, spec: ProvinceSpec, prov: number, rng: Rng, names: NameFactory): number[] {
  b.run(prov, 'higher', 'sec_voc');
  const base = CAPACITY_BASE[spec.dang];
  const cityNumbers = typeof spec.cities === 'number' ? Array.from({ length: spec.cities }, (_, i) => (i < 20 ? i + 1 : i + 31)) : [...spec.cities];
  const prefs: { number: number; kind: RegionKind; weight: number }[] = [
    ...cityNumbers.map((n, i) => ({ number: n, kind: 'prefecture_city' as RegionKind, weight: rng.range(0.6, 1.4) * (i === 0 ? 1.2 : 1) })),
    ...(spec.others ?? []).map(([n, kind]) => ({ number: n, kind, weight: rng.range(0.6, 1.4) * 0.8 })),
  ];
  const direct = spec.direct ?? [];
  const sizes = spec.code === '46' ? [4, 4, 2] : allocate(spec.counties - direct.length, prefs.map((p) => p.weight), 2);

  const out: number[] = [];
  prefs.forEach((p, i) => {
    const m = sizes[i] as number;
    const capital = i === 0;
    const { name, shortName } = names.next(p.kind);
    const pref = b.add({ code: spec.code + dd(p.number) + '00', name, shortName, kind: p.kind, parent: prov, capacity: base });
    prefectureLevels(b, pref, rng, capital);
    const kinds = spec.code === '46' ? rep<RegionKind>('district', m) : countyKinds(spec, p.kind, m, capital, rng);
    out.push(...addCounties(b, pref, spec.code + dd(p.number), p.kind, kinds, rng, names, { capacityBase: base, capital }));
  });
  if (direct.length) out.push(...addCounties(b, prov, spec.code + '90', 'prefecture', direct, rng, names, { capacityBase: base, capital: false }));
  return out;
}

/** Kinds of a prefecture's m counties: districts, county-level cities, counties (autonomous ones, banners in 内蒙古). */
function countyKinds(spec: ProvinceSpec, prefKind: RegionKind, m: number, capital: boolean, rng: Rng): RegionKind[] {
  let districts = 0;
  let cities: number;
  if (prefKind === 'prefecture_city') {
    districts = Math.min(19, m, Math.max(1, Math.round(m * (DISTRICT_SHARE[spec.dang] + (capital ? 0.2 : 0)) * rng.range(0.8, 1.2))));
    cities = Math.min(19, m - districts, Math.round(m * rng.range(0.05, 0.2)));
  } else {
    cities = Math.min(19, Math.max(prefKind === 'prefecture' && spec.code === '54' ? 0 : 1, Math.round(m * rng.range(0.08, 0.2))));
  }
  const autonomous = prefKind === AP ? 0.2 : spec.dang === 1 ? 0.08 : 0.02;
  const rest: RegionKind[] = [];
  for (let i = 0; i < m - districts - cities; i++) {
    if (spec.code === '15' && rng.chance(0.7)) rest.push('banner');
    else rest.push(rng.chance(autonomous) ? 'autonomous_county' : 'county');
  }
  return [...rep<RegionKind>('district', districts), ...rep<RegionKind>('county_city', cities), ...rest];
}

/** Splits `total` into parts proportional to `weights`, each at least `min` (largest remainder). */
function allocate(total: number, weights: readonly number[], min: number): number[] {
  const free = total - min * weights.length;
  if (free < 0) throw new RangeError('not enough counties for the prefectures');
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (free * w) / sum);
  const out = raw.map((r) => min + Math.floor(r));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    out[i] = (out[i] as number) + 1;
  }
  return out;
}

/** A handful of 撤县设区 between 2012 and 2023, so benchmarks exercise the crosswalk. */
function addCodeChanges(b: LayoutBuilder, rng: Rng, namesOf: Map<string, NameFactory>): void {
  const candidates = b.nodes.filter((n) => n.kind === 'county' && n.level === 'county' && b.node(n.parent).kind === 'prefecture_city');
  rng.shuffle(candidates);
  let done = 0;
  const usedPrefectures = new Set<number>();
  for (const old of candidates) {
    if (done >= CODE_CHANGES) break;
    if (usedPrefectures.has(old.parent)) continue;
    const siblings = b.node(old.parent).children.map((c) => b.node(c));
    const districtNumbers = siblings.filter((s) => s.kind === 'district').map((s) => Number(s.code.slice(4)));
    const next = Math.max(1, ...districtNumbers) + 1;
    if (next > 20) continue;
    const newCode = old.code.slice(0, 4) + dd(next);
    const names = namesOf.get(old.code.slice(0, 2)) as NameFactory;
    b.countyToDistrict(old.index, newCode, rng.int(2012, 2023), names);
    usedPrefectures.add(old.parent);
    done++;
  }
}
