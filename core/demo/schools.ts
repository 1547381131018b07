// Synthetic schools, kindergartens, county certifications and disabled-children enrolment for the
// demo's counties (合成数据), with a few counties planted just below (or exactly at) a threshold of
// the 优质均衡 assessment or of the plan's targets. Same seed, same output. At national scale only
// the latest year's schools are made (about 200,000, for the benchmark).
import { assessCounty } from '../balance/county';
import { evaluateIndicator, type Locale, type SchoolSection, type SchoolType } from '../balance/school';
import { BALANCE_RULES, INDICATORS, type IndicatorDefinition, type Section } from '../balance/standards';
import { weightedCv } from '../equity/cv';
import { createRng, type Rng } from './random';
import type { DemoData, DemoRegion } from './types';

export const SCHOOL_FIRST_YEAR = 2021;

export type DemoSchool = SchoolSection & { year: number; township: string | null };
export type DemoKindergarten = { county: string; year: number; code: string; name: string; ownership: 'public' | 'inclusive_private' | 'private'; children: number; grade: number | null };
export type DemoAttainment = { county: string; year: number; attainment: 'basic_balance' | 'quality_balance' | 'preschool_universal' };
export type DemoInclusion = { county: string; year: number; eligible: number; enrolled: number };

export type NearMissKind =
  | 'school_remainder_below_85'
  | 'school_remainder_exactly_85'
  | 'school_two_below_standard'
  | 'cv_primary_above_limit'
  | 'cv_junior_above_limit'
  | 'degree_ratio_above_limit'
  | 'township_without_junior';

export type PlantedNearMiss = {
  kind: NearMissKind;
  region: string;
  year: number;
  /** The school (and section) or indicator concerned, when there is one. */
  school?: string;
  section?: Section;
  indicator?: string;
  /** The value planted (share of the standard, CV or ratio) for the documentation. */
  value: number;
  /** Does the unit still pass? Only the “exactly 85 %” case does. */
  passes: boolean;
  description: string;
};

export type SchoolDemo = {
  schools: DemoSchool[];
  kindergartens: DemoKindergarten[];
  attainment: DemoAttainment[];
  inclusion: DemoInclusion[];
  planted: PlantedNearMiss[];
  firstYear: number;
  lastYear: number;
};

const SCHOOLS_PER_COUNTY = { province: [13, 17], national: [60, 80] } as const;

function currentCounties(data: DemoData): DemoRegion[] {
  return data.regions.filter((r) => r.level === 'county' && r.validTo === null);
}

function rawFor(d: IndicatorDefinition, section: Section, pupils: number, factor: number): number {
  const { num, den } = d.threshold[section].value;
  return Math.max(0, Math.round((factor * num * pupils * d.raw.scale) / (den * d.per)));
}

function makeSection(rng: Rng, county: string, code: string, name: string, type: SchoolType, section: Section, locale: Locale, pupils: number, level: number, year: number, township: string | null, growth: number): DemoSchool {
  const f = (): number => level * growth * rng.range(0.86, 1.2);
  const [q, k, pe, ta, sa, eq, mm] = INDICATORS.map((d) => rawFor(d, section, pupils, f()));
  const teachers = Math.max(q! + 1, Math.round(pupils / (section === 'primary' ? 17 : 13)));
  const bachelorShare = (locale === 'urban' ? 0.92 : locale === 'town' ? 0.9 : 0.89) + rng.range(-0.015, 0.015);
  return {
    code, name, county, type, section, locale, year, township, pupils,
    classes: Math.max(1, Math.ceil(pupils / (section === 'primary' ? rng.int(36, 44) : rng.int(42, 49)))),
    qualifiedTeachers: q!, keyTeachers: k!, peArtTeachers: pe!, teachingAreaDm2: ta!, sportsAreaDm2: sa!, equipmentFen: eq!, multimediaRooms: mm!,
    boarders: locale === 'rural' ? Math.round(pupils * rng.range(0.1, 0.5)) : 0,
    specialEdPupils: rng.chance(0.3) ? rng.int(1, 6) : 0,
    teachers, bachelorTeachers: Math.min(teachers, Math.round(teachers * bachelorShare)),
  };
}

/** One county's schools for one year; the same rng labels each year so schools persist. */
function countySchools(seed: number, county: DemoRegion, year: number, lastYear: number, scale: 'province' | 'national'): DemoSchool[] {
  const rng = createRng(seed, 'schools', county.code);
  // County resource level: richer tiers sit higher; resources grow about 4 % a year to the last year.
  const level = rng.range(0.93, 1.08) + county.devTier * rng.range(0.03, 0.09);
  const growth = 1 - 0.04 * (lastYear - year);
  const [lo, hi] = SCHOOLS_PER_COUNTY[scale];
  const n = rng.int(lo, hi);
  const townships = Array.from({ length: Math.max(3, Math.round(n / 4)) }, (_, i) => `${county.shortName}第${i + 1}乡镇`);
  const out: DemoSchool[] = [];
  const yr = createRng(seed, 'schools', county.code, year);
  const add = (i: number, type: SchoolType, sections: Section[], locale: Locale, pupils: number[], township: string | null): void => {
    const code = `${county.code}${String(i).padStart(4, '0')}`;
    const name = `${county.shortName}${type === 'teaching_point' ? `第${i}教学点` : type === 'special' ? '特殊教育学校' : `第${i}${type === 'primary' ? '小学' : type === 'junior' ? '中学' : type === 'complete_middle' ? '完全中学' : '九年一贯制学校'}`}`;
    sections.forEach((s, j) => out.push(makeSection(yr, county.code, code, name, type, s, locale, Math.max(1, Math.round(pupils[j]! * (1 + 0.01 * (lastYear - year)))), level, year, township, growth)));
  };
  let i = 1;
  const juniors = Math.max(2, Math.round(n * 0.25));
  for (let j = 0; j < juniors; j++, i++) add(i, 'junior', ['junior'], j === 0 ? 'urban' : j < juniors / 2 ? 'town' : 'rural', [rng.int(400, 1800)], j === 0 ? null : townships[(j - 1) % townships.length]!);
  // Every township gets a junior: the remaining townships get a 九年一贯制 school.
  for (let t = juniors - 1; t < townships.length; t++, i++) add(i, 'nine_year', ['primary', 'junior'], 'rural', [rng.int(200, 600), rng.int(150, 400)], townships[t]!);
  if (rng.chance(0.4)) add(i++, 'complete_middle', ['junior'], 'urban', [rng.int(600, 1500)], null);
  const points = rng.int(1, 3);
  for (let p = 0; p < points; p++, i++) add(i, 'teaching_point', ['primary'], 'rural', [p === 0 ? rng.int(12, 49) : rng.int(50, 90)], townships[p % townships.length]!);
  while (out.length < n) {
    const urban = out.length % 4 === 0;
    add(i++, 'primary', ['primary'], urban ? 'urban' : out.length % 3 === 0 ? 'town' : 'rural', [urban ? rng.int(900, 2400) : rng.int(150, 900)], urban ? null : townships[i % townships.length]!);
  }
  if (rng.chance(0.7)) add(i, 'special', ['primary'], 'urban', [rng.int(40, 160)], null);
  return out;
}

function nearMissDescription(kind: NearMissKind, value: number): string {
  switch (kind) {
    case 'school_remainder_below_85':
      return `一所学校6项达标，第7项仅为标准的${(value * 100).toFixed(2)}%（低于85%），学校不达标，全县资源配置不达标`;
    case 'school_remainder_exactly_85':
      return '一所学校6项达标，第7项恰为标准的85%：按“不低于85%”达标（边界）';
    case 'school_two_below_standard':
      return `一所学校两项指标均为标准的${(value * 100).toFixed(1)}%：只有5项达标，学校不达标`;
    case 'cv_primary_above_limit':
      return `小学 生均体育运动场馆面积 差异系数 ${value.toFixed(4)}，略高于0.50；各校均达标`;
    case 'cv_junior_above_limit':
      return `初中 生均教学及辅助用房面积 差异系数 ${value.toFixed(4)}，略高于0.45；各校均达标`;
    case 'degree_ratio_above_limit':
      return `城市与农村专任教师本科以上学历比例之比 ${value.toFixed(4)}，略高于1.05`;
    case 'township_without_junior':
      return '一个乡镇没有初中（该乡镇的九年一贯制学校改为小学）';
  }
}

/** A county whose latest-year assessment passes with room: every school passes, every CV ≤ limit − 0.1. */
function comfortable(schools: DemoSchool[]): boolean {
  const a = assessCounty(schools[0]!.county, schools);
  return a.status === 'met' && a.sections.every((s) => s.cvs.every((c) => c.cv <= c.limit - 0.1)) && a.sections.length === 2;
}

/** The raw amount at which one school's indicator reaches `num/den` of its standard, floored. */
function amountAtShare(s: SchoolSection, d: IndicatorDefinition, num: number, den: number, exact: boolean): number {
  const t = d.threshold[s.section].value;
  const need = t.num * s.pupils * d.raw.scale * num; // / (per·den·t.den·den)
  const q = d.per * t.den * den;
  return exact ? need / q : Math.ceil(need / q) - 1;
}

function setRaw(s: DemoSchool, d: IndicatorDefinition, v: number): void {
  (s as Record<string, unknown>)[d.raw.field === 'teachingAreaCm2' ? 'teachingAreaDm2' : d.raw.field === 'sportsAreaCm2' ? 'sportsAreaDm2' : d.raw.field] = v;
}

/** Raises one school's indicator until the county CV of that indicator is just above `limit`. */
function plantCv(schools: DemoSchool[], section: Section, d: IndicatorDefinition, limit: number): number {
  const list = schools.filter((s) => s.section === section && s.type !== 'special' && !(s.type === 'teaching_point' && s.pupils < BALANCE_RULES.smallTeachingPointPupils.value));
  const target = list.reduce((a, s) => (s.pupils > a.pupils ? a : s));
  const field = d.raw.field === 'teachingAreaCm2' ? 'teachingAreaDm2' : 'sportsAreaDm2';
  const cv = (v: number): number => weightedCv(list.map((s) => ({ pupils: s.pupils, amount: s === target ? v : (s[field] as number) })));
  let lo = target[field] as number;
  let hi = lo * 2;
  // Aim 0.0004 above the limit so the planted CV prints above it at four decimals.
  limit += 0.0004;
  while (cv(hi) <= limit) hi *= 2;
  // Bisection on whole dm²: the least amount with CV > limit.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (cv(mid) > limit) hi = mid;
    else lo = mid;
  }
  setRaw(target, d, hi);
  return cv(hi);
}

export function generateSchoolDemo(data: DemoData, scale: 'province' | 'national' = data.scale): SchoolDemo {
  const seed = data.seed;
  const lastYear = data.lastYear;
  const firstYear = scale === 'province' ? SCHOOL_FIRST_YEAR : lastYear;
  const counties = currentCounties(data).sort((a, b) => (a.code < b.code ? -1 : 1));
  const byCountyYear = new Map<string, DemoSchool[]>();
  for (const c of counties) for (let y = firstYear; y <= lastYear; y++) byCountyYear.set(`${c.code}/${y}`, countySchools(seed, c, y, lastYear, scale));

  const planted: PlantedNearMiss[] = [];
  if (scale === 'province') {
    const rng = createRng(seed, 'schools', 'plant');
    const candidates = rng.shuffle(counties.filter((c) => comfortable(byCountyYear.get(`${c.code}/${lastYear}`)!)));
    const take = (): { county: DemoRegion; schools: DemoSchool[] } => {
      const county = candidates.pop();
      if (!county) throw new Error('demo: not enough counties meeting the standards to plant near-misses');
      return { county, schools: byCountyYear.get(`${county.code}/${lastYear}`)! };
    };
    const equipment = INDICATORS.find((d) => d.key === 'equipment_value')!;
    const rooms = INDICATORS.find((d) => d.key === 'multimedia_rooms')!;
    const primarySchool = (schools: DemoSchool[]) => schools.find((s) => s.type === 'primary' && s.locale !== 'urban')!;
    const plant = (p: Omit<PlantedNearMiss, 'description' | 'year'>) => planted.push({ ...p, year: lastYear, description: nearMissDescription(p.kind, p.value) });
    {
      const { county, schools } = take();
      const s = primarySchool(schools);
      const v = amountAtShare(s, equipment, 849, 1000, false);
      setRaw(s, equipment, v);
      plant({ kind: 'school_remainder_below_85', region: county.code, school: s.code, section: s.section, indicator: equipment.key, value: evaluateIndicator(s, equipment).attainment, passes: false });
    }
    {
      const { county, schools } = take();
      const s = schools.find((x) => x.type === 'primary' && x.pupils % 20 === 0 && x !== primarySchool(schools)) ?? primarySchool(schools);
      // 85 % of 2000 元 is 1700 元 per pupil: a whole 分 amount for any pupil count.
      setRaw(s, equipment, amountAtShare(s, equipment, 85, 100, true));
      plant({ kind: 'school_remainder_exactly_85', region: county.code, school: s.code, section: s.section, indicator: equipment.key, value: 0.85, passes: true });
    }
    {
      const { county, schools } = take();
      const s = primarySchool(schools);
      setRaw(s, equipment, amountAtShare(s, equipment, 99, 100, false));
      setRaw(s, rooms, amountAtShare(s, rooms, 99, 100, false));
      plant({ kind: 'school_two_below_standard', region: county.code, school: s.code, section: s.section, indicator: `${equipment.key},${rooms.key}`, value: evaluateIndicator(s, equipment).attainment, passes: false });
    }
    {
      const { county, schools } = take();
      const d = INDICATORS.find((x) => x.key === 'sports_area')!;
      const cv = plantCv(schools, 'primary', d, BALANCE_RULES.maxCv.primary.value);
      plant({ kind: 'cv_primary_above_limit', region: county.code, section: 'primary', indicator: d.key, value: cv, passes: false });
    }
    {
      const { county, schools } = take();
      const d = INDICATORS.find((x) => x.key === 'teaching_area')!;
      const cv = plantCv(schools, 'junior', d, BALANCE_RULES.maxCv.junior.value);
      plant({ kind: 'cv_junior_above_limit', region: county.code, section: 'junior', indicator: d.key, value: cv, passes: false });
    }
  }

  const schools = [...byCountyYear.values()].flat();
  const out: SchoolDemo = { schools, kindergartens: [], attainment: [], inclusion: [], planted, firstYear, lastYear };
  if (scale === 'province') plantTargets(out, data, counties, seed);
  return out;
}

/** Kindergartens, certifications, inclusion, and the target-level near-misses. */
function plantTargets(out: SchoolDemo, data: DemoData, counties: DemoRegion[], seed: number): void {
  const rng = createRng(seed, 'targets');
  const last = out.lastYear;
  // One township loses its only junior section: its 九年一贯制 school keeps only the primary section.
  const countyT = counties[rng.int(0, counties.length - 1)]!;
  for (let y = out.firstYear; y <= last; y++) {
    const nine = out.schools.find((s) => s.county === countyT.code && s.year === y && s.type === 'nine_year' && s.section === 'junior')!;
    out.schools.splice(out.schools.indexOf(nine), 1);
    for (const s of out.schools) if (s.code === nine.code && s.year === y) s.type = 'primary';
    if (y === last) out.planted.push({ kind: 'township_without_junior', region: countyT.code, year: last, school: nine.code, value: 0, passes: false, description: nearMissDescription('township_without_junior', 0) });
  }

  // Degree ratio: one prefecture's rural teachers lose bachelors until urban/rural is just above 1.05.
  const prefectures = [...new Set(counties.map((c) => c.parentCode!).filter((p) => !p.endsWith('0000')))].sort();
  const pref = prefectures[rng.int(0, prefectures.length - 1)]!;
  const inPref = new Set(counties.filter((c) => c.parentCode === pref).map((c) => c.code));
  const latest = out.schools.filter((s) => s.year === last && inPref.has(s.county) && s.type !== 'special');
  const urban = latest.filter((s) => s.locale === 'urban');
  const rural = latest.filter((s) => s.locale !== 'urban');
  const sum = (l: DemoSchool[], f: (s: DemoSchool) => number) => l.reduce((a, s) => a + f(s), 0);
  const ub = sum(urban, (s) => s.bachelorTeachers!);
  const ut = sum(urban, (s) => s.teachers!);
  const rt = sum(rural, (s) => s.teachers!);
  // urban/rural ≤ 1.05 ⇔ ub·rt·100 ≤ 105·ut·rb; the largest rb breaking it:
  let targetRb = Math.ceil((ub * rt * 100) / (105 * ut)) - 1;
  while (ub * rt * 100 <= 105 * ut * targetRb) targetRb--;
  let cut = sum(rural, (s) => s.bachelorTeachers!) - targetRb;
  if (cut < 0) throw new Error('demo: the planted prefecture already has a ratio above 1.05');
  for (const s of rural) {
    const d = Math.min(cut, s.bachelorTeachers!);
    s.bachelorTeachers! -= d;
    cut -= d;
    if (cut === 0) break;
  }
  const rb = sum(rural, (s) => s.bachelorTeachers!);
  out.planted.push({ kind: 'degree_ratio_above_limit', region: pref, year: last, value: ub / ut / (rb / rt), passes: false, description: nearMissDescription('degree_ratio_above_limit', ub / ut / (rb / rt)) });

  // Certifications: every county 基本均衡 2013–2019; 优质均衡 for a share that grows to just
  // below 60 % of counties in the last year (one county short); 普及普惠 for exactly 60 %.
  const n = counties.length;
  const quality = Math.ceil((n * 60) / 100) - 1;
  // Certified counties are drawn from those meeting the resource standards first.
  const meets = new Set(counties.filter((c) => assessCounty(c.code, out.schools.filter((s) => s.county === c.code && s.year === last)).status === 'met').map((c) => c.code));
  const order = [...rng.shuffle(counties.filter((c) => meets.has(c.code))), ...rng.shuffle(counties.filter((c) => !meets.has(c.code)))];
  const qualityYears = [0.15, 0.3, 0.45].map((f) => Math.round(quality * f));
  order.forEach((c, i) => {
    out.attainment.push({ county: c.code, year: rng.int(2013, 2019), attainment: 'basic_balance' });
    if (i < quality) out.attainment.push({ county: c.code, year: i < qualityYears[0]! ? last - 3 : i < qualityYears[1]! ? last - 2 : i < qualityYears[2]! ? last - 1 : last, attainment: 'quality_balance' });
  });
  const universal = Math.ceil((n * 60) / 100);
  rng.shuffle([...counties]).slice(0, universal).forEach((c, i) => out.attainment.push({ county: c.code, year: i < universal / 2 ? last - 2 : last, attainment: 'preschool_universal' }));

  // Kindergartens: about seven per county; public share rising to just below 60 % of children.
  for (const c of counties) {
    const k = createRng(seed, 'kindergartens', c.code);
    const count = k.int(5, 9);
    for (let y = out.firstYear; y <= last; y++) {
      for (let j = 1; j <= count; j++) {
        const publicChance = 0.45 + 0.035 * (y - out.firstYear);
        const r = createRng(seed, 'kg', c.code, j, y).next();
        const ownership = j === 1 || r < publicChance ? 'public' : r < publicChance + 0.3 ? 'inclusive_private' : 'private';
        out.kindergartens.push({ county: c.code, year: y, code: `${c.code}K${String(j).padStart(3, '0')}`, name: `${c.shortName}第${j}幼儿园`, ownership, children: 120 + ((j * 37 + c.devTier * 11) % 200), grade: j <= 2 || (ownership === 'public' && j % 2 === 0) ? 1 : 2 });
      }
    }
  }
  // Disabled children: the province's rate rises toward, and stays just short of, 99 %.
  for (const c of counties) {
    for (let y = out.firstYear; y <= last; y++) {
      const eligible = 80 + c.devTier * 20 + ((Number(c.code.slice(4)) * 7) % 40);
      const rate = 0.95 + 0.0125 * (y - out.firstYear);
      out.inclusion.push({ county: c.code, year: y, eligible, enrolled: Math.min(eligible, Math.floor(eligible * rate)) });
    }
  }
  void data;
}
