// The enrolment divisor of a per-student figure (docs/domain.md#what-is-compared). Spending is per calendar year;
// enrolment is counted each autumn for the school year. Which count divides is a setting, recorded
// with every result, because the bulletins' own choice is unconfirmed.
import { ratio, type Ratio } from '../money/ratio';

export type Divisor = 'autumn' | 'weighted_8_4' | 'average_two_autumns';
export const DIVISORS: readonly Divisor[] = ['autumn', 'weighted_8_4', 'average_two_autumns'];

/**
 * Students dividing calendar year t's spending, as an exact ratio, from autumn counts of t−1 and t.
 * weighted_8_4: (8·N(t−1) + 4·N(t)) / 12 — January–August belong to the school year that started
 * the previous autumn. undefined when a needed count is missing.
 */
export function divisorStudents(divisor: Divisor, autumnPrior: number | null, autumn: number | null): Ratio | undefined {
  switch (divisor) {
    case 'autumn':
      return autumn === null ? undefined : ratio(autumn, 1);
    case 'weighted_8_4':
      return autumn === null || autumnPrior === null ? undefined : ratio(8 * autumnPrior + 4 * autumn, 12);
    case 'average_two_autumns':
      return autumn === null || autumnPrior === null ? undefined : ratio(autumnPrior + autumn, 2);
  }
}
