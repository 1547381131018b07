// Display of exact amounts. Rounding happens here and only here.
import { formatRatio } from './decimal';
import { FEN_PER_UNIT, type Fen, type MoneyUnit } from './fen';

export function formatFen(amount: Fen, unit: MoneyUnit, decimals = 2, groupThousands = true): string {
  return formatRatio(BigInt(amount), FEN_PER_UNIT[unit], decimals, groupThousands);
}

/** A float for chart axes only — never for sums or comparisons. */
export function fenToUnitFloat(amount: Fen, unit: MoneyUnit): number {
  return amount / Number(FEN_PER_UNIT[unit]);
}

/** Persons as 人 or 万人. */
export type CountUnit = '人' | '万人';
export function formatCount(persons: number, unit: CountUnit = '人', decimals = unit === '人' ? 0 : 2): string {
  return formatRatio(BigInt(persons), unit === '人' ? 1n : 10_000n, decimals, true);
}
