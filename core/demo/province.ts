// The region tree of 示范省, the fictional province of the built-in demo: code 39 (unused in
// GB/T 2260), 11 地级市 and one 自治州, about 100 county-level units including two 省直辖县级市,
// and one 撤县设区 in 2020.
import { LayoutBuilder, dd, tierThresholds, type Layout } from './layout';
import { NameFactory } from './names';
import { createRng } from './random';
import { levelIndex, type Node } from './state';
import { addCounties, assignTiers, prefectureLevels, scaleProvince } from './tree';
import type { RegionKind } from './types';

export const DEMO_PROVINCE_CODE = '390000';
export const PROVINCE_FIRST_YEAR = 2015;
export const PROVINCE_LAST_YEAR = 2024;
/** The year the capital's county becomes a district (effective 1 January). */
export const CODE_CHANGE_YEAR = 2020;
/** Current county-level units (after the code change), 省直辖 included. */
const COUNTY_TARGET = 100;
const POPULATION = 49.5e6;
const AREA_KM2 = 152_000;

export function provinceLayout(seed: number): Layout {
  const b = new LayoutBuilder(PROVINCE_FIRST_YEAR, PROVINCE_LAST_YEAR);
  const rng = createRng(seed, 'layout', '39');
  const names = new NameFactory(createRng(seed, 'names', '39'), '39');
  const province = b.add({ code: DEMO_PROVINCE_CODE, name: '示范省', shortName: '示范', kind: 'province', parent: -1, capacity: 1, devTier: 3 });
  // 省本级: the provincial universities and a few provincial vocational schools.
  b.run(province, 'higher', 'sec_voc');

  // County kinds per prefecture. The capital has one remaining county, which becomes a district.
  const plans: { code: string; kind: RegionKind; counties: RegionKind[] }[] = [];
  plans.push({ code: '3901', kind: 'prefecture_city', counties: [...rep('district', 6), 'county', 'county_city'] });
  for (let i = 2; i <= 11; i++) {
    const counties: RegionKind[] = [...rep('district', rng.int(2, 4)), ...rep('county_city', rng.int(0, 2)), ...rep('county', rng.int(3, 6))];
    plans.push({ code: '39' + dd(i), kind: 'prefecture_city', counties });
  }
  // One autonomous county in an ordinary city (as 湖北 has 长阳 under 宜昌).
  const withAutonomous = plans[rng.int(1, plans.length - 1)]!;
  withAutonomous.counties[withAutonomous.counties.lastIndexOf('county')] = 'autonomous_county';
  // GB/T 2260 numbers 自治州 in the 21–50 range (湖北恩施 4228); 28 echoes that.
  plans.push({ code: '3928', kind: 'autonomous_prefecture', counties: ['county_city', 'county', 'county', 'county', 'county', 'autonomous_county', 'autonomous_county'] });

  fitCountyCount(plans, COUNTY_TARGET - 2, rng);

  const counties: number[] = [];
  const prefectures: number[] = [];
  for (const plan of plans) {
    const { name, shortName } = names.next(plan.kind);
    const capital = plan.code === '3901';
    const pref = b.add({ code: plan.code + '00', name, shortName, kind: plan.kind, parent: province, capacity: 1 });
    prefectureLevels(b, pref, rng, capital);
    prefectures.push(pref);
    counties.push(...addCounties(b, pref, plan.code, plan.kind, plan.counties, rng, names, { capacityBase: 1, capital }));
  }
  // Two 省直辖县级市 (3990xx): no prefecture between them and the province.
  counties.push(...addCounties(b, province, '3990', 'prefecture', ['county_city', 'county_city'], rng, names, { capacityBase: 1.05, capital: false }));

  ensureNotApplicable(b.nodes, counties);
  scaleProvince(b, counties, POPULATION, AREA_KM2);

  // 撤县设区: the capital's only county becomes its next district.
  const capitalIdx = prefectures[0]!;
  const oldCounty = b.node(capitalIdx).children.find((c) => b.node(c).kind === 'county')!;
  const districtNumbers = b.node(capitalIdx).children.filter((c) => b.node(c).kind === 'district').map((c) => Number(b.node(c).code.slice(4)));
  const newCode = '3901' + dd(Math.max(...districtNumbers) + 1);
  b.countyToDistrict(oldCounty, newCode, CODE_CHANGE_YEAR, names);

  const thresholds = tierThresholds(counties.map((c) => b.node(c).capacity));
  assignTiers(b.nodes, thresholds, b.years - 1);
  return b.finish(new Map([[province, 1]]));
}

/**
 * Adds or removes units of the ordinary cities (never the capital's or the 自治州's) until the
 * prefectures hold `target` counties. Counties go first (3–8 per city), then county-level cities,
 * then districts (at least 2), so the loop always ends: every step moves one unit toward the target
 * while any city has room, and the bounds leave room for 10 cities × 4–18 units.
 */
function fitCountyCount(plans: { counties: RegionKind[] }[], target: number, rng: ReturnType<typeof createRng>): void {
  const cities = plans.slice(1, 11);
  const count = (p: { counties: RegionKind[] }, k: RegionKind): number => p.counties.filter((x) => x === k).length;
  let total = plans.reduce((s, p) => s + p.counties.length, 0);
  const order = rng.shuffle([...cities.keys()]);
  for (let guard = 0; total !== target; guard++) {
    if (guard > 10_000) throw new Error('cannot fit the demo province to its county count');
    const p = cities[order[guard % order.length] as number] as { counties: RegionKind[] };
    if (total < target) {
      if (count(p, 'county') < 8) p.counties.push('county');
      else if (count(p, 'county_city') < 3) p.counties.push('county_city');
      else continue;
      total++;
    } else {
      const k: RegionKind | null = count(p, 'county') > 3 ? 'county' : count(p, 'county_city') > 0 ? 'county_city' : count(p, 'district') > 2 ? 'district' : null;
      if (k === null) continue;
      p.counties.splice(p.counties.lastIndexOf(k), 1);
      total--;
    }
  }
}

function rep(v: RegionKind, n: number): RegionKind[] {
  return new Array<RegionKind>(n).fill(v);
}

/**
 * The app must show N/A for levels a county does not run; make sure the demo has such counties
 * even if the dice gave every county a senior high school.
 */
function ensureNotApplicable(nodes: readonly Node[], counties: readonly number[]): void {
  const senior = levelIndex('senior');
  const special = levelIndex('special');
  const withoutSenior = counties.filter((c) => !(nodes[c] as Node).runs[senior]);
  if (withoutSenior.length < 3) for (const c of counties.slice(0, 3)) (nodes[c] as Node).runs[senior] = false;
  const withoutSpecial = counties.filter((c) => !(nodes[c] as Node).runs[special]);
  if (withoutSpecial.length < 3) for (const c of counties.slice(-3)) (nodes[c] as Node).runs[special] = false;
}
