// The education-spending total of a region-year: the printed total (level 'all') when the source
// has one — it may hold spending no level owns (administration, 20501) — else the sum over levels.
import { LEVEL_CODES } from '../../levels';
import type { RegionInputs } from '../inputs';

export function totalSpending(region: RegionInputs, year: number): number | undefined {
  const levels = region.facts.get(year);
  if (!levels) return undefined;
  const printed = levels.get('all')?.e;
  if (printed !== undefined) return printed;
  let sum: number | undefined;
  for (const l of LEVEL_CODES) {
    const e = levels.get(l)?.e;
    if (e !== undefined) sum = (sum ?? 0) + e;
  }
  return sum;
}
