// per-student-no-decrease, per level and combined: p = E/N, p(t) ≥ p(t−1), compared exactly.
// N/A (not a failure) when N is 0 or missing in either year (docs/domain.md#edge-cases item 4). Combined =
// ΣE/ΣN over the levels present, the 2021+ bulletin style. Where E and N cannot both be found but
// a bulletin printed the per-student figure (with or without a 同口径 base), that figure is used.
// Every per-student failure carries its spending/enrolment decomposition.
import { LEVEL_CODES, type LevelCode, type LevelOrAll } from '../../levels';
import type { Divisor } from '../../metrics/divisor';
import { decompose } from '../decompose';
import { compareFractions, growthText, ratioText } from '../exact';
import type { RegionInputs } from '../inputs';
import { NA, resultRow, withRestatedBase } from '../row';
import type { ComplianceResult } from '../types';

const DEN: Record<Divisor, number> = { autumn: 1, weighted_8_4: 12, average_two_autumns: 2 };

type EN = { e: number | undefined; n: number | undefined };

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
  return { e, n };
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

export function perStudentNoDecrease(region: RegionInputs, year: number, level: LevelOrAll, divisor: Divisor, scope: ComplianceResult['scope']): ComplianceResult | null {
  const row = resultRow(region, 'per-student-no-decrease', year, level === 'all' ? null : (level as LevelCode), scope, [year, year - 1]);
  const cur = levelFacts(region, year, level);
  const prior = levelFacts(region, year - 1, level);
  const published = region.facts.get(year)?.get(level)?.perStudent;
  if (cur.e === undefined && cur.n === undefined && published === undefined) return null; // level not run this year
  if (cur.e === undefined || cur.n === undefined) {
    if (published !== undefined) return fromPublished(region, year, level, row);
    return { ...row, reason: cur.e === undefined ? NA.noData : NA.noEnrolment };
  }
  const den = DEN[divisor];
  const n1 = divisorNumerator(region, year, level, divisor);
  if (n1 === undefined) return { ...row, reason: NA.noEnrolment };
  if (n1 <= 0) return { ...row, reason: NA.noStudents };
  row.value = ratioText(cur.e * den, n1, 4);
  const n0 = divisorNumerator(region, year - 1, level, divisor);
  if (prior.e === undefined) return { ...row, reason: NA.noPrior };
  if (n0 === undefined) return { ...row, reason: NA.noPriorEnrolment };
  if (n0 <= 0) return { ...row, reason: NA.noPriorStudents };
  row.priorValue = ratioText(prior.e * den, n0, 4);
  // p1/p0 − 1 with p = E·den/N: the den cancels.
  row.growth = prior.e === 0 ? null : growthText(prior.e, n0, cur.e, n1);
  row.status = compareFractions(cur.e, n1, prior.e, n0) >= 0 ? 'pass' : 'fail';
  // Failures are what need explaining (issue #4 part 4); building it for every pass would triple
  // the strings a national run allocates.
  if (row.status === 'fail' && prior.e > 0) row.decomposition = decompose(prior.e, cur.e, n0, n1, studentsText(divisor));
  return row;
}

/** A bulletin's printed per-student figure, against its 同口径 base when it printed one. */
function fromPublished(region: RegionInputs, year: number, level: LevelOrAll, row: ComplianceResult): ComplianceResult {
  const f = region.facts.get(year)?.get(level);
  const cur = f?.perStudent as number;
  row.value = ratioText(cur, 1, 4);
  const restated = f?.perStudentRestatedPrior;
  const prior = restated ?? region.facts.get(year - 1)?.get(level)?.perStudent;
  row.reason = '采用公告刊印的生均数 / the bulletin’s printed per-student figure';
  if (restated !== undefined) {
    withRestatedBase(row);
    row.reason = '采用公告刊印的生均数，按同口径调整后的上年基数比较 / printed per-student figure against the restated (同口径) prior-year base';
  }
  if (prior === undefined) return { ...row, reason: NA.noPrior };
  row.priorValue = ratioText(prior, 1, 4);
  row.growth = growthText(prior, 1, cur, 1);
  row.status = compareFractions(cur, 1, prior, 1) >= 0 ? 'pass' : 'fail';
  return row;
}
