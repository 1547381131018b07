// A county's 优质均衡 resource assessment: every school section's seven indicators, the
// pupil-weighted 差异系数 of each indicator across the county's schools, per section (小学, 初中).
// The county meets the resource standards when, in each section it has, every school passes the
// 6-of-7 + 85 % rule and every indicator's CV is within the section's limit.
import { weightedCv } from '../equity/cv';
import { evaluateSchool, exclusionReason, indicatorAmount, type SchoolResult, type SchoolSection } from './school';
import { BALANCE_RULES, INDICATOR_KEYS, INDICATORS, SECTIONS, type IndicatorKey, type Section } from './standards';

export type IndicatorCv = { key: IndicatorKey; cv: number; limit: number; passes: boolean; countyValue: number };

export type SectionAssessment = {
  section: Section;
  schools: SchoolResult[];
  pupils: number;
  schoolsPassing: number;
  cvs: IndicatorCv[];
  allSchoolsPass: boolean;
  allCvsPass: boolean;
  met: boolean;
};

export type CountyStatus = 'met' | 'not_met' | 'no_data';

export type CountyAssessment = {
  county: string;
  sections: SectionAssessment[];
  excluded: { school: SchoolSection; reason: string }[];
  status: CountyStatus;
  /** What fails, one line each, in Chinese (for tables and briefs). */
  failures: string[];
};

function sectionZh(s: Section): string {
  return s === 'primary' ? '小学' : '初中';
}

export function assessSection(section: Section, schools: readonly SchoolSection[]): SectionAssessment {
  const results = schools.map(evaluateSchool);
  const pupils = schools.reduce((a, s) => a + s.pupils, 0);
  const limit = BALANCE_RULES.maxCv[section].value;
  const cvs = INDICATOR_KEYS.map((key): IndicatorCv => {
    const values = schools.map((s) => ({ pupils: s.pupils, amount: indicatorAmount(s, key) }));
    const cv = weightedCv(values);
    const total = values.reduce((a, v) => a + v.amount, 0);
    const d = INDICATORS.find((x) => x.key === key)!;
    // County value = county total ÷ county pupils (not the mean of school ratios), display unit.
    const countyValue = pupils > 0 ? (total * d.per) / (pupils * d.raw.scale) : Number.NaN;
    return { key, cv, limit, passes: Number.isFinite(cv) && cv <= limit, countyValue };
  });
  const schoolsPassing = results.filter((r) => r.passes).length;
  const allSchoolsPass = schoolsPassing === results.length;
  const allCvsPass = cvs.every((c) => c.passes);
  return { section, schools: results, pupils, schoolsPassing, cvs, allSchoolsPass, allCvsPass, met: allSchoolsPass && allCvsPass };
}

/** An exact share as the percent a rule's wording prints (17/20 → "85"), from the law store's value. */
function percentOf(x: { num: number; den: number }): string {
  return String(Number(((x.num * 100) / x.den).toFixed(6)));
}

export function assessCounty(county: string, records: readonly SchoolSection[]): CountyAssessment {
  const excluded: CountyAssessment['excluded'] = [];
  const bySection: Record<Section, SchoolSection[]> = { primary: [], junior: [] };
  for (const s of records) {
    const reason = exclusionReason(s);
    if (reason) excluded.push({ school: s, reason });
    else bySection[s.section].push(s);
  }
  const sections = SECTIONS.filter((sec) => bySection[sec].length > 0).map((sec) => assessSection(sec, bySection[sec]));
  const failures: string[] = [];
  for (const a of sections) {
    const failing = a.schools.length - a.schoolsPassing;
    if (failing > 0) failures.push(`${sectionZh(a.section)}：${failing}所学校未达到“至少${BALANCE_RULES.minIndicatorsMet.value}项达标、余项不低于${percentOf(BALANCE_RULES.remainderShare.value)}%”`);
    for (const c of a.cvs) if (!c.passes) failures.push(`${sectionZh(a.section)}：指标${INDICATOR_KEYS.indexOf(c.key) + 1} 差异系数 ${Number.isFinite(c.cv) ? c.cv.toFixed(4) : '无法计算'} 高于 ${c.limit.toFixed(2)}`);
  }
  const status: CountyStatus = sections.length === 0 ? 'no_data' : sections.every((s) => s.met) ? 'met' : 'not_met';
  return { county, sections, excluded, status, failures };
}

/** Groups records by county and assesses each (counties in first-seen order). */
export function assessCounties(records: readonly SchoolSection[]): CountyAssessment[] {
  const byCounty = new Map<string, SchoolSection[]>();
  for (const r of records) {
    const list = byCounty.get(r.county);
    if (list) list.push(r);
    else byCounty.set(r.county, [r]);
  }
  return [...byCounty].map(([c, list]) => assessCounty(c, list));
}
