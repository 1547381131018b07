// A result row with everything a rule does not set filled in, so each evaluator states only what
// it decided.
import type { LevelCode } from '../levels';
import type { RegionInputs } from './inputs';
import { ruleDefinition } from './registry';
import type { ComplianceResult, RuleId } from './types';

/** Shared by every row compared on an unchanged boundary; never mutated (see withRestatedBase). */
const NO_FLAGS: ComplianceResult['flags'] = Object.freeze({ crosswalk: false, splitByShare: false, restatedBase: false, predecessors: Object.freeze([]) as unknown as string[] });

export function withRestatedBase(row: ComplianceResult): void {
  row.flags = { ...row.flags, restatedBase: true };
}

export function resultRow(region: RegionInputs, rule: RuleId, year: number, level: LevelCode | null, scope: ComplianceResult['scope'], years: readonly number[]): ComplianceResult {
  const crosswalk = years.some((y) => region.crosswalkYears.has(y));
  return {
    rule,
    regionCode: region.code,
    regionName: region.name,
    regionLevel: region.govLevel,
    year,
    level,
    scope,
    status: 'na',
    valueUnit: ruleDefinition(rule).valueUnit,
    value: null,
    priorValue: null,
    benchmark: null,
    growth: null,
    changePp: null,
    reason: null,
    flags: crosswalk ? { crosswalk, splitByShare: years.some((y) => region.splitYears.has(y)), restatedBase: false, predecessors: [...region.predecessors] } : NO_FLAGS,
    decomposition: null,
    annotations: [],
  };
}

export const NA = {
  noData: '缺少本年数据 / no data for the year',
  noPrior: '缺少上年数据，无比较基数 / no prior-year figure to compare with',
  noStudents: '本年在校生为 0，生均不适用 / zero students this year: per-student is N/A',
  noPriorStudents: '上年在校生为 0，无比较基数 / zero students in the prior year: no base',
  // Missing is never zero: a count the data basis does not hold is 无数据, said as such.
  noEnrolment: '无数据：数据基础中无本年在校生数 / no enrolment for this year in the data basis',
  noPriorEnrolment: '无数据：数据基础中无上年在校生数，无比较基数 / no prior-year enrolment in the data basis',
  zeroPrior: '上年数值为 0，增幅无定义 / prior value is zero: growth undefined',
  onlyPublicFunds: '仅刊印生均公用经费，不是本规则比较的生均教育支出（公用经费对照基准定额另行检查）；需要生均一般公共预算教育经费或教育事业费，或分学段支出与在校生数 / only per-student public funds printed — not the per-student spending this rule compares (public funds are checked against the quota)',
} as const;
