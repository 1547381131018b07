// The per-student figures a bulletin printed, as the per-student rule reads them when spending and
// enrolment cannot both be found: 生均一般公共预算教育经费 first, then 生均一般公共预算教育事业费.
// Each is compared with the same measure's prior-year figure, or with its 同口径 base when one was
// printed. The all-levels (合计) figure, when none was printed, is made from the printed level
// figures weighted by enrolment — Σ p_ℓ·N_ℓ / Σ N_ℓ over the same levels in both years — and says so.
import { LEVEL_CODES, type LevelOrAll } from '../../levels';
import type { Fact, RegionInputs } from '../inputs';
import type { ResultMeasure } from '../types';
import { rateRatio } from './three-growths';

type Fraction = { num: number; den: number };
export type PublishedPick = { measure: ResultMeasure; cur: Fraction; prior: Fraction | null; restated: boolean; note: string };

type PrintedMeasure = { measure: 'published_per_student' | 'published_operating'; stored: string; value: (f: Fact | undefined) => number | undefined; restated: (f: Fact | undefined) => number | undefined; zh: string; en: string };

const PRINTED: readonly PrintedMeasure[] = [
  { measure: 'published_per_student', stored: 'per_student', value: (f) => f?.perStudent, restated: (f) => f?.perStudentRestatedPrior, zh: '生均一般公共预算教育经费', en: 'per-student general-budget education spending' },
  { measure: 'published_operating', stored: 'per_student_operating', value: (f) => f?.perStudentOperating, restated: (f) => f?.perStudentOperatingRestatedPrior, zh: '生均一般公共预算教育事业费', en: 'per-student general-budget operating spending (教育事业费)' },
];

const fact = (region: RegionInputs, year: number, level: LevelOrAll): Fact | undefined => region.facts.get(year)?.get(level);

function note(m: PrintedMeasure, restated: boolean, allLevels = false): string {
  const zh = `采用公告刊印的${m.zh}${allLevels ? '（合计按各学段刊印生均 × 在校生加权计算，未刊印合计）' : ''}${restated ? '，按同口径调整后的上年基数比较' : ''}`;
  const en = `the printed ${m.en}${allLevels ? ' (all levels weighted by enrolment from the printed level figures; no total printed)' : ''}${restated ? ', against the restated (同口径) prior-year base' : ''}`;
  return `${zh} / ${en}`;
}

/** The printed figure of one level (or a printed 合计), preferring a measure that can be compared with a prior. */
export function publishedPerStudent(region: RegionInputs, year: number, level: LevelOrAll): PublishedPick | null {
  let first: PublishedPick | null = null;
  for (const m of PRINTED) {
    const cur = m.value(fact(region, year, level));
    if (cur === undefined) continue;
    const restated = m.restated(fact(region, year, level));
    const prior = restated ?? m.value(fact(region, year - 1, level));
    const pick: PublishedPick = { measure: m.measure, cur: { num: cur, den: 1 }, prior: prior === undefined ? null : { num: prior, den: 1 }, restated: restated !== undefined, note: note(m, restated !== undefined) };
    if (pick.prior !== null) return pick;
    // Only a rate printed: the base it implies, 本年 ÷ (1 + r) — the comparison is then the rate's sign.
    const rate = region.published?.get(year)?.perStudentGrowth?.[`${level}|${m.stored}`];
    const r = rate === undefined ? null : rateRatio(rate);
    if (r && r.num > 0) return { ...pick, prior: { num: cur * r.den, den: r.num }, note: `${pick.note}；上年基数按刊印增长率 ${rate}% 推算（本年 ÷ (1 + 增长率)，未印上年数）/ prior-year base implied by the printed rate ${rate}% (no prior amount printed)` };
    first ??= pick;
  }
  return first;
}

/** 合计 from printed level figures × autumn enrolment, when every such level has both in both years. */
export function publishedAllLevels(region: RegionInputs, year: number): PublishedPick | null {
  for (const m of PRINTED) {
    const levels = LEVEL_CODES.filter((l) => m.value(fact(region, year, l)) !== undefined);
    if (levels.length < 2) continue;
    let e1 = 0;
    let n1 = 0;
    let e0 = 0;
    let n0 = 0;
    let complete = true;
    for (const l of levels) {
      const now = fact(region, year, l);
      const before = fact(region, year - 1, l);
      const p0 = m.value(before);
      if (now?.n === undefined || before?.n === undefined || p0 === undefined || m.restated(now) !== undefined) {
        complete = false;
        break;
      }
      // 分 per student × persons = 分, exact integers.
      e1 += m.value(now)! * now.n;
      n1 += now.n;
      e0 += p0 * before.n;
      n0 += before.n;
    }
    if (!complete || n1 <= 0 || n0 <= 0 || !Number.isSafeInteger(e1) || !Number.isSafeInteger(e0)) continue;
    return { measure: m.measure, cur: { num: e1, den: n1 }, prior: { num: e0, den: n0 }, restated: false, note: note(m, false, true) };
  }
  return null;
}
