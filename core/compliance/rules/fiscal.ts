// The rules on fiscal aggregates: 三个增长 (a), the 4 % ratio, education's budget share and teacher
// pay parity. Each compares exact integers by cross-multiplication; percentages are printed only.
import { asFraction, lawLatest } from '../../law';
import { compareFractions, growthText, percentText } from '../exact';
import type { FiscalKey, RegionInputs } from '../inputs';
import { NA, resultRow } from '../row';
import type { ComplianceResult } from '../types';
import { totalSpending } from './totals';

type Scope = ComplianceResult['scope'];

function fiscal(region: RegionInputs, year: number, key: FiscalKey): number | undefined {
  return region.fiscal.get(year)?.[key];
}

const MISSING = (what: string): string => `缺少${what}数据 / missing input: ${what}`;

export { threeGrowths } from './three-growths';

/** 国家财政性教育经费 / GDP ≥ the floor in the law store (4 %). */
export function gdp4pct(region: RegionInputs, year: number, scope: Scope): ComplianceResult {
  const row = resultRow(region, 'fiscal-edu-gdp-4pct', year, null, scope, [year]);
  const g = fiscal(region, year, 'fiscal_edu_funds');
  const y = fiscal(region, year, 'gdp');
  if (g === undefined) return { ...row, reason: MISSING('国家财政性教育经费') };
  if (y === undefined || y === 0) return { ...row, reason: MISSING('GDP') };
  row.value = percentText(g, y);
  // The floor as it stands today (国办发〔2018〕82号), applied to every year checked.
  const floor = asFraction(lawLatest('fiscal_edu_gdp.min_ratio').value);
  row.benchmark = percentText(floor.num, floor.den);
  const g0 = fiscal(region, year - 1, 'fiscal_edu_funds');
  const y0 = fiscal(region, year - 1, 'gdp');
  if (g0 !== undefined && y0 !== undefined && y0 > 0) row.priorValue = percentText(g0, y0);
  row.status = compareFractions(g, y, floor.num, floor.den) >= 0 ? 'pass' : 'fail';
  return row;
}

/** Education's share of general public budget expenditure; a fall is flagged (no legal floor). */
export function eduShare(region: RegionInputs, year: number, scope: Scope): ComplianceResult {
  const row = resultRow(region, 'edu-share-of-budget', year, null, scope, [year, year - 1]);
  const e1 = totalSpending(region, year);
  const b1 = fiscal(region, year, 'gpb_expenditure');
  if (e1 === undefined) return { ...row, reason: NA.noData };
  if (b1 === undefined || b1 === 0) return { ...row, reason: MISSING('一般公共预算支出') };
  row.value = percentText(e1, b1);
  const e0 = totalSpending(region, year - 1);
  const b0 = fiscal(region, year - 1, 'gpb_expenditure');
  if (e0 === undefined || b0 === undefined || b0 === 0) return { ...row, reason: NA.noPrior };
  row.priorValue = percentText(e0, b0);
  // (e1/b1 − e0/b0) × 100 percentage points, exact until printed
  const num = (BigInt(e1) * BigInt(b0) - BigInt(e0) * BigInt(b1)) * 100n;
  row.changePp = percentText(num, BigInt(b1) * BigInt(b0) * 100n);
  row.status = compareFractions(e1, b1, e0, b0) >= 0 ? 'pass' : 'fail';
  return row;
}

/** Teachers' average pay ≥ local civil servants'. */
export function teacherPay(region: RegionInputs, year: number, scope: Scope): ComplianceResult {
  const row = resultRow(region, 'teacher-pay-parity', year, null, scope, [year]);
  const t = fiscal(region, year, 'teacher_avg_pay');
  const c = fiscal(region, year, 'civil_servant_avg_pay');
  if (t === undefined) return { ...row, reason: MISSING('教师平均工资') };
  if (c === undefined) return { ...row, reason: MISSING('公务员平均工资') };
  row.value = String(t);
  row.benchmark = String(c);
  const t0 = fiscal(region, year - 1, 'teacher_avg_pay');
  if (t0 !== undefined) {
    row.priorValue = String(t0);
    row.growth = growthText(t0, 1, t, 1);
  }
  row.status = t >= c ? 'pass' : 'fail';
  return row;
}
