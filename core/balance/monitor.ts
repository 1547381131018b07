// The plan's targets from the data a province holds: certifications, schools, kindergartens,
// disabled children and teacher pay, year by year up to the year asked, each evaluated against its
// threshold and deadline (targets.ts). A target whose data are missing is 无数据 with the reason.
import type { SchoolSection } from './school';
import { evaluateTarget, type Observation, type TargetEvaluation } from './targets';
import type { TargetKey } from './standards';

export type MonitorCounty = { code: string; name: string; prefecture: string | null };
export type MonitorPrefecture = { code: string; name: string };
export type MonitorSchool = SchoolSection & { year: number; township: string | null };
export type MonitorKindergarten = { county: string; year: number; ownership: 'public' | 'inclusive_private' | 'private'; children: number; grade: number | null };
export type MonitorAttainment = { county: string; year: number; attainment: 'basic_balance' | 'quality_balance' | 'preschool_universal' };
export type MonitorInclusion = { county: string; year: number; eligible: number; enrolled: number };
export type MonitorPay = { county: string; year: number; teacherFen: number; civilServantFen: number };

export type MonitorInput = {
  region: { code: string; name: string };
  counties: MonitorCounty[];
  prefectures: MonitorPrefecture[];
  schools: MonitorSchool[];
  kindergartens: MonitorKindergarten[];
  attainment: MonitorAttainment[];
  inclusion: MonitorInclusion[];
  pay: MonitorPay[];
  asOfYear: number;
};

function years<T extends { year: number }>(rows: readonly T[], asOf: number): number[] {
  return [...new Set(rows.map((r) => r.year))].filter((y) => y <= asOf).sort((a, b) => a - b);
}

function certifiedShare(input: MonitorInput, kind: MonitorAttainment['attainment'], key: TargetKey): TargetEvaluation {
  const rows = input.attainment.filter((a) => a.attainment === kind && a.year <= input.asOfYear);
  const firstYear = Math.min(...rows.map((r) => r.year));
  const inScope = new Set(input.counties.map((c) => c.code));
  const obs: Observation[] = [];
  if (rows.length) for (let y = firstYear; y <= input.asOfYear; y++) obs.push({ year: y, num: new Set(rows.filter((r) => r.year <= y && inScope.has(r.county)).map((r) => r.county)).size, den: input.counties.length });
  const certified = new Set(rows.map((r) => r.county));
  const off = input.counties.filter((c) => !certified.has(c.code)).map((c) => `${c.name}（${c.code}）`);
  return evaluateTarget(key, input.region.code, obs, input.asOfYear, off);
}

/** 城区 against 镇区 and 乡村 together: the 城市/农村 split of the statistics. */
function degreeRatio(input: MonitorInput, region: { code: string; name: string }, counties: Set<string>): TargetEvaluation {
  const obs: Observation[] = [];
  for (const y of years(input.schools, input.asOfYear)) {
    let ub = 0, ut = 0, rb = 0, rt = 0;
    for (const s of input.schools) {
      if (s.year !== y || !counties.has(s.county) || s.teachers == null || s.bachelorTeachers == null || s.type === 'special' || s.type === 'vocational') continue;
      if (s.locale === 'urban') { ub += s.bachelorTeachers; ut += s.teachers; }
      else { rb += s.bachelorTeachers; rt += s.teachers; }
    }
    // (ub/ut) / (rb/rt) = ub·rt / (ut·rb)
    if (ut > 0 && rb > 0) obs.push({ year: y, num: ub * rt, den: ut * rb });
  }
  return evaluateTarget('urban_rural_degree_ratio', region.code, obs, input.asOfYear);
}

function shareByYear<T extends { year: number }>(key: TargetKey, input: MonitorInput, rows: readonly T[], num: (r: T) => number, den: (r: T) => number, off?: string[]): TargetEvaluation {
  const obs: Observation[] = years(rows, input.asOfYear).map((y) => {
    const ry = rows.filter((r) => r.year === y);
    return { year: y, num: ry.reduce((a, r) => a + num(r), 0), den: ry.reduce((a, r) => a + den(r), 0) };
  });
  return evaluateTarget(key, input.region.code, obs, input.asOfYear, off);
}

export function monitorTargets(input: MonitorInput): TargetEvaluation[] {
  const inScope = new Set(input.counties.map((c) => c.code));
  const name = new Map(input.counties.map((c) => [c.code, c.name]));
  const out: TargetEvaluation[] = [];
  out.push(certifiedShare(input, 'quality_balance', 'counties_quality_balanced_2027'));
  out.push(certifiedShare(input, 'quality_balance', 'counties_quality_balanced_2030'));
  out.push(degreeRatio(input, input.region, inScope));
  for (const p of input.prefectures) out.push(degreeRatio(input, p, new Set(input.counties.filter((c) => c.prefecture === p.code).map((c) => c.code))));

  const pay = input.pay.filter((p) => inScope.has(p.county));
  const lastPay = Math.max(...years(pay, input.asOfYear));
  out.push(shareByYear('teacher_pay', input, pay, (p) => (p.teacherFen >= p.civilServantFen ? 1 : 0), () => 1, pay.filter((p) => p.year === lastPay && p.teacherFen < p.civilServantFen).map((p) => `${name.get(p.county) ?? p.county}（${p.county}）`)));

  const inclusion = input.inclusion.filter((r) => inScope.has(r.county));
  out.push(shareByYear('disabled_enrolment', input, inclusion, (r) => r.enrolled, (r) => r.eligible));
  out.push(certifiedShare(input, 'preschool_universal', 'counties_preschool_universal'));
  const kgs = input.kindergartens.filter((k) => inScope.has(k.county));
  out.push(shareByYear('public_kindergarten_share', input, kgs, (k) => (k.ownership === 'public' ? k.children : 0), (k) => k.children));
  out.push(shareByYear('quality_kindergarten_share', input, kgs, (k) => (k.grade === 1 ? 1 : 0), () => 1));

  for (const key of ['county_public_senior', 'county_vocational'] as const) {
    const e = evaluateTarget(key, input.region.code, [], input.asOfYear);
    e.reason = key === 'county_public_senior' ? '无数据：需要各县公办普通高中办学条件达标情况（尚无此类数据）' : '无数据：需要各县中职学校办学条件达标情况（尚无此类数据）';
    out.push(e);
  }

  // 每个乡镇至少一所初中: townships named in the school data, by year.
  const schools = input.schools.filter((s) => inScope.has(s.county) && s.township);
  const townshipYears = years(schools, input.asOfYear);
  const obs: Observation[] = [];
  let off: string[] = [];
  for (const y of townshipYears) {
    const all = new Set<string>();
    const withJunior = new Set<string>();
    for (const s of schools) {
      if (s.year !== y) continue;
      const t = `${s.county}/${s.township}`;
      all.add(t);
      if (s.section === 'junior') withJunior.add(t);
    }
    obs.push({ year: y, num: withJunior.size, den: all.size });
    off = [...all].filter((t) => !withJunior.has(t)).map((t) => `${name.get(t.split('/')[0]!) ?? ''}${t.split('/')[1]}`);
  }
  out.push(evaluateTarget('township_junior', input.region.code, obs, input.asOfYear, off));
  return out;
}
