// public-funds-per-student-standard: 生均公用经费 ≥ the effective-dated 基准定额 (docs/domain.md#public-funds-standard).
// The requirement of a set of schools is
//   Σ_schools max(N, 100 if a small rural school) × 定额(level) + boarders × 寄宿补助 + special × 6000
// and a region passes when its spending on public funds covers it. At region level with only a
// per-student figure (bulletin), the comparison is per student against the quota; top-ups whose
// inputs are missing (boarders, small schools) are left out and the row says so.
import { lawLatest } from '../../law';
import type { LevelCode } from '../../levels';
import { compareFractions, growthText, ratioText } from '../exact';
import type { RegionInputs, StandardRow } from '../inputs';
import { resultRow } from '../row';
import type { ComplianceResult } from '../types';

/** GB/T 2260 province prefixes of the 东部 region (the 2016–2022 east/central-west split). */
const EAST = new Set(['11', '12', '13', '21', '31', '32', '33', '35', '37', '44', '46']);

const COMPONENT_OF: Partial<Record<LevelCode, StandardRow['component']>> = {
  primary: 'public_funds_base',
  junior: 'public_funds_base',
  special: 'special_ed_public_funds',
};
export const STANDARD_LEVELS = Object.keys(COMPONENT_OF) as LevelCode[];

/**
 * The standard in force on 1 January of `year` (the seeded dates start at the spring term) for the
 * most specific class that has one: the province's own, then east/central-west, then national.
 */
export function standardFor(standards: readonly StandardRow[], level: LevelCode, component: StandardRow['component'], regionCode: string, year: number): StandardRow | undefined {
  const day = `${year}-01-01`;
  const province = `${regionCode.slice(0, 2)}0000`;
  const classes = [province, EAST.has(regionCode.slice(0, 2)) ? 'east' : 'central_west', 'national'];
  for (const cls of classes) {
    const hit = standards.find((s) => s.level === level && s.component === component && s.regionClass === cls && s.effectiveFrom <= day && (s.effectiveTo === null || day < s.effectiveTo));
    if (hit) return hit;
  }
  return undefined;
}

export type SchoolInput = { students: number; smallRural: boolean; boarders: number; special: number };

/** The 公用经费 requirement of a set of schools, 分 per year (the docs/domain.md#public-funds-standard formula). */
export function requiredPublicFunds(schools: readonly SchoolInput[], quotaFen: number, boardingTopupFen: number, specialFen: number, smallSchoolMin = lawLatest('standard.small_school_min_pupils.primary.national').value): number {
  let total = 0;
  for (const s of schools) {
    const counted = s.smallRural ? Math.max(s.students, smallSchoolMin) : s.students;
    total += counted * quotaFen + s.boarders * boardingTopupFen + s.special * specialFen;
  }
  return total;
}

export function publicFundsStandard(region: RegionInputs, year: number, level: LevelCode, standards: readonly StandardRow[], scope: ComplianceResult['scope']): ComplianceResult {
  const row = resultRow(region, 'public-funds-per-student-standard', year, level, scope, [year]);
  const component = COMPONENT_OF[level];
  const actual = region.facts.get(year)?.get(level)?.publicFunds;
  if (!component) return { ...row, reason: '该学段无国家基准定额 / no national quota for this level' };
  const std = standardFor(standards, level, component, region.code, year);
  if (std) row.benchmark = ratioText(std.value, 1, 4);
  if (actual === undefined) return { ...row, reason: '缺少生均公用经费数据 / no per-student public-funds figure' };
  if (!std) return { ...row, reason: '该年无适用的基准定额 / no quota in force that year' };
  row.value = ratioText(actual, 1, 4);
  row.measure = 'published_public_funds';
  // The prior year's printed figure (or its 同口径 base) is shown beside it: the 教育法 asks that
  // per-student public funds grow (逐步增长); the pass or fail here is against the quota only.
  const prior = region.facts.get(year)?.get(level)?.publicFundsRestatedPrior ?? region.facts.get(year - 1)?.get(level)?.publicFunds;
  if (prior !== undefined) {
    row.priorValue = ratioText(prior, 1, 4);
    row.growth = growthText(prior, 1, actual, 1);
  }
  row.status = compareFractions(actual, 1, std.value, 1) >= 0 ? 'pass' : 'fail';
  row.reason = level === 'special' ? null : '未含寄宿生补助、小规模学校按100人核定（缺少学校级数据）/ boarding top-up and small-school floor not applied: no school-level data';
  return row;
}
