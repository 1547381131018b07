// edu-spending-no-decrease: E(t) ≥ E(t−1); equality passes ("不减"). A published 同口径 base for
// t−1 replaces the prior year's own figure, and the row says so.
import { compareFractions, growthText } from '../exact';
import type { RegionInputs } from '../inputs';
import { NA, resultRow, withRestatedBase } from '../row';
import type { ComplianceResult } from '../types';
import { totalSpending } from './totals';

export function eduSpendingNoDecrease(region: RegionInputs, year: number, scope: ComplianceResult['scope']): ComplianceResult {
  const row = resultRow(region, 'edu-spending-no-decrease', year, null, scope, [year, year - 1]);
  const cur = totalSpending(region, year);
  if (cur === undefined) return { ...row, reason: NA.noData };
  const restated = region.facts.get(year)?.get('all')?.restatedPrior;
  const prior = restated ?? totalSpending(region, year - 1);
  row.value = String(cur);
  if (restated !== undefined) {
    withRestatedBase(row);
    row.reason = '按同口径调整后的上年基数比较 / compared with the restated (同口径) prior-year base';
  }
  if (prior === undefined) return { ...row, reason: NA.noPrior };
  row.priorValue = String(prior);
  row.growth = growthText(prior, 1, cur, 1);
  row.status = compareFractions(cur, 1, prior, 1) >= 0 ? 'pass' : 'fail';
  return row;
}
