// per-student-no-decrease, per level and combined: p = E/N, p(t) ≥ p(t−1), compared exactly.
// N/A (not a failure) when N is 0 or missing in either year (docs/domain.md#edge-cases item 4). Combined =
// ΣE/ΣN over the levels present, the 2021+ bulletin style. Where E and N cannot both be found but
// a bulletin printed the per-student figure (with or without a 同口径 base), that figure is used:
// 生均一般公共预算教育经费 first, then 生均一般公共预算教育事业费 (what most bulletins print; 生均公用经费
// is a part of spending, checked against its quota by public-funds-per-student-standard, not here).
// Every row says which measure it compared. Every per-student failure carries its
// spending/enrolment decomposition.
import { LEVEL_CODES, type LevelCode, type LevelOrAll } from '../../levels';
import type { Divisor } from '../../metrics/divisor';
import { decompose } from '../decompose';
import { compareFractions, growthText, ratioText } from '../exact';
import type { RegionInputs } from '../inputs';
import { NA, resultRow, withRestatedBase } from '../row';
import { publishedAllLevels, publishedPerStudent, type PublishedPick } from './published-per-student';
import type { ComplianceResult } from '../types';

const DEN: Record<Divisor, number> = { autumn: 1, weighted_8_4: 12, average_two_autumns: 2 };

type EN = { e: number | undefined; n: number | undefined; sums?: boolean };

/** Spending and autumn enrolment of one level, or the combined sums ('all'). */
function levelFacts(region: RegionInputs, year: number, level: LevelOrAll): EN {
  const levels = region.facts.get(year);
  if (!levels) return { e: undefined, n: undefined };
  if (level !== 'all') {
    const f = levels.get(level);
    return { e: f?.e, n: f?.n };
  }
  let e: number | undefined;
  let n: number | undefined;
  for (const l of LEVEL_CODES) {
    const f = levels.get(l);
    if (f?.e !== undefined) e = (e ?? 0) + f.e;
    if (f?.n !== undefined) n = (n ?? 0) + f.n;
  }
  if (e === undefined && n === undefined) {
    const f = levels.get('all');
    return { e: f?.e, n: f?.n };
  }
  return { e, n, sums: true };
}

/** The divisor's students for calendar year t as a numerator over DEN[divisor]. */
function divisorNumerator(region: RegionInputs, year: number, level: LevelOrAll, divisor: Divisor): number | undefined {
  const n = levelFacts(region, year, level).n;
  if (divisor === 'autumn') return n;
  const prior = levelFacts(region, year - 1, level).n;
  if (n === undefined || prior === undefined) return undefined;
  return divisor === 'weighted_8_4' ? 8 * prior + 4 * n : prior + n;
}

function studentsText(divisor: Divisor): (n: number) => string {
  const den = DEN[divisor];
  return (n) => (den === 1 ? String(n) : ratioText(n, den, 4));
}

export const LEVEL_SUMS_NOTE = '合计按各学段支出之和 ÷ 在校生之和计算（未刊印合计生均）/ the all-levels figure is ΣE/ΣN over the levels (none printed)';

export function perStudentNoDecrease(region: RegionInputs, year: number, level: LevelOrAll, divisor: Divisor, scope: ComplianceResult['scope']): ComplianceResult | null {
  const row = resultRow(region, 'per-student-no-decrease', year, level === 'all' ? null : (level as LevelCode), scope, [year, year - 1]);
  const cur = levelFacts(region, year, level);
  const printed = publishedPerStudent(region, year, level) ?? (level === 'all' ? publishedAllLevels(region, year) : null);
  const onlyPublicFunds = region.facts.get(year)?.get(level)?.publicFunds !== undefined;
  if (cur.e === undefined && cur.n === undefined && printed === null) {
    // A level with only 生均公用经费 printed is named, not dropped: that figure is not this rule's measure.
    return onlyPublicFunds ? { ...row, reason: NA.onlyPublicFunds } : null; // level not run this year
  }
  if (cur.e === undefined || cur.n === undefined) {
    if (printed !== null) return fromPublished(row, printed);
    return { ...row, reason: cur.e === undefined ? NA.noData : NA.noEnrolment };
  }
  const computed = fromSpending(region, year, level, divisor, row, cur);
  // Spending and enrolment that cannot be compared (no prior year) leave the printed figure to decide.
  if (computed.status === 'na' && printed !== null) {
    const p = fromPublished({ ...row }, printed);
    if (p.status !== 'na') return p;
  }
  return computed;
}

function fromSpending(region: RegionInputs, year: number, level: LevelOrAll, divisor: Divisor, row: ComplianceResult, cur: EN): ComplianceResult {
  const prior = levelFacts(region, year - 1, level);
  row.measure = cur.sums ? 'computed_level_sums' : 'computed';
  if (cur.sums) row.reason = LEVEL_SUMS_NOTE;
  const den = DEN[divisor];
  const n1 = divisorNumerator(region, year, level, divisor);
  if (n1 === undefined) return { ...row, reason: NA.noEnrolment };
  if (n1 <= 0) return { ...row, reason: NA.noStudents };
  row.value = ratioText(cur.e! * den, n1, 4);
  const n0 = divisorNumerator(region, year - 1, level, divisor);
  if (prior.e === undefined) return { ...row, reason: NA.noPrior };
  if (n0 === undefined) return { ...row, reason: NA.noPriorEnrolment };
  if (n0 <= 0) return { ...row, reason: NA.noPriorStudents };
  row.priorValue = ratioText(prior.e * den, n0, 4);
  // p1/p0 − 1 with p = E·den/N: the den cancels.
  row.growth = prior.e === 0 ? null : growthText(prior.e, n0, cur.e!, n1);
  row.status = compareFractions(cur.e!, n1, prior.e, n0) >= 0 ? 'pass' : 'fail';
  // Failures are what need explaining (issue #4 part 4); building it for every pass would triple
  // the strings a national run allocates.
  if (row.status === 'fail' && prior.e > 0) row.decomposition = decompose(prior.e, cur.e!, n0, n1, studentsText(divisor));
  return row;
}

/** A printed per-student figure (or the 合计 made from printed level figures × enrolment) against its prior or 同口径 base. */
function fromPublished(row: ComplianceResult, p: PublishedPick): ComplianceResult {
  row.measure = p.measure;
  row.value = ratioText(p.cur.num, p.cur.den, 4);
  row.reason = p.note;
  if (p.restated) withRestatedBase(row);
  if (p.prior === null) return { ...row, reason: `${p.note}；${NA.noPrior}` };
  row.priorValue = ratioText(p.prior.num, p.prior.den, 4);
  row.growth = growthText(p.prior.num, p.prior.den, p.cur.num, p.cur.den);
  row.status = compareFractions(p.cur.num, p.cur.den, p.prior.num, p.prior.den) >= 0 ? 'pass' : 'fail';
  return row;
}
