// 三个增长 (a): g(教育财政拨款) > g(财政经常性收入), strictly. Each growth is a ratio x_t / x_{t−1}
// compared exactly by cross-multiplication. Amounts of both years come first (the appropriation
// series, else general-budget education spending; recurrent revenue from the fiscal data, else as
// the bulletin printed it); where a source printed only a rate — a bulletin without last year's
// amount — the printed rate stands in, 1 + r/100 as an exact fraction, and the row says so.
import { parsePrinted } from '../../bulletin/printed';
import { compareFractions, growthText } from '../exact';
import type { FiscalKey, RegionInputs } from '../inputs';
import { NA, resultRow } from '../row';
import type { ComplianceResult } from '../types';
import { totalSpending } from './totals';

type Ratio = { num: number; den: number; amounts: boolean; note: string | null };

const MISSING = (what: string): string => `缺少${what}数据 / missing input: ${what}`;

function fiscal(region: RegionInputs, year: number, key: FiscalKey): number | undefined {
  return region.fiscal.get(year)?.[key];
}

/** 1 + rate/100 for a printed percent ("15.23", "-0.69") as a fraction of safe integers. */
export function rateRatio(rate: string): { num: number; den: number } | null {
  const p = parsePrinted(rate);
  if (!p || p.scale > 8) return null;
  const den = 10 ** (p.scale + 2);
  const num = den + Number(p.n);
  return num >= 0 ? { num, den } : null;
}

function amounts(cur: number | undefined, prior: number | undefined, note: string | null): Ratio | null {
  return cur === undefined || prior === undefined ? null : { num: cur, den: prior, amounts: true, note };
}

function printed(rate: string | undefined, note: string): Ratio | null {
  const r = rate === undefined ? null : rateRatio(rate);
  return r && { ...r, amounts: false, note };
}

function education(region: RegionInputs, year: number): Ratio | null {
  const a = amounts(fiscal(region, year, 'edu_appropriation'), fiscal(region, year - 1, 'edu_appropriation'), null);
  if (a) return a;
  // Without a separate appropriation series, the general-budget education spending stands in.
  const e = amounts(totalSpending(region, year), totalSpending(region, year - 1), '无教育财政拨款数据，以一般公共预算教育支出代替 / education spending stands in for the appropriation');
  if (e) return e;
  const g = region.published?.get(year)?.eduGrowth;
  return printed(g?.rate, `教育经费增幅采用公告刊印的${g?.comparable ? '同口径' : ''}增长率 ${g?.rate}%（无上年金额）/ the printed ${g?.comparable ? 'comparable ' : ''}growth of education spending (no prior-year amount)`);
}

function revenue(region: RegionInputs, year: number): Ratio | null {
  const f = amounts(fiscal(region, year, 'recurrent_revenue'), fiscal(region, year - 1, 'recurrent_revenue'), null);
  if (f) return f;
  const p = region.published?.get(year);
  return amounts(p?.revenue, p?.revenuePrior, '财政经常性收入取自公告所印本年与上年金额 / recurrent revenue as the bulletin printed it') ?? printed(p?.revenueGrowth, `财政经常性收入增幅采用公告刊印的增长率 ${p?.revenueGrowth}%（无两年金额）/ the printed growth of recurrent revenue (no amounts for both years)`);
}

export function threeGrowths(region: RegionInputs, year: number, scope: ComplianceResult['scope']): ComplianceResult {
  const row = resultRow(region, 'three-growths', year, null, scope, [year, year - 1]);
  const edu = education(region, year);
  const rev = revenue(region, year);
  if (edu === null) return { ...row, reason: MISSING('教育拨款（本年和上年）') };
  if (rev === null) return { ...row, reason: MISSING('财政经常性收入（本年和上年）') };
  if (edu.den === 0 || rev.den === 0) return { ...row, reason: NA.zeroPrior };
  if (edu.amounts) {
    row.value = String(edu.num);
    row.priorValue = String(edu.den);
  }
  row.growth = growthText(edu.den, 1, edu.num, 1);
  row.benchmark = growthText(rev.den, 1, rev.num, 1);
  const notes = [edu.note, rev.note].filter((x): x is string => x !== null);
  row.reason = notes.length ? notes.join('；') : null;
  if (!edu.amounts || !rev.amounts) row.measure = 'published_growth';
  // edu1/edu0 > rev1/rev0 — the same as g(edu) > g(rev), with no rounding in between.
  row.status = compareFractions(edu.num, edu.den, rev.num, rev.den) > 0 ? 'pass' : 'fail';
  return row;
}
