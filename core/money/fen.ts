// Exact money. Every amount the workbench stores or sums is an integer number of 分 (0.01 元).
// JavaScript numbers hold integers exactly up to 2^53 − 1 分 ≈ 90 万亿元, which covers every
// provincial and national education figure (2024 national: 4.2 万亿元); arithmetic here refuses
// to leave that range instead of silently losing a 分.

export type Fen = number & { readonly __unit: 'fen' };

export type MoneyUnit = '元' | '万元' | '亿元';
export const MONEY_UNITS: readonly MoneyUnit[] = ['元', '万元', '亿元'];

/** How many 分 one unit holds. */
export const FEN_PER_UNIT: Readonly<Record<MoneyUnit, bigint>> = {
  元: 100n,
  万元: 1_000_000n,
  亿元: 10_000_000_000n,
};

export class MoneyRangeError extends RangeError {}

export function asFen(n: number): Fen {
  if (!Number.isSafeInteger(n)) throw new MoneyRangeError(`not an exact amount in 分: ${n}`);
  return n as Fen;
}

export function fenFromBigInt(n: bigint): Fen {
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new MoneyRangeError(`amount out of exact range: ${n} 分`);
  }
  return Number(n) as Fen;
}

export function addFen(a: Fen, b: Fen): Fen {
  return asFen(a + b);
}

export function sumFen(values: Iterable<Fen>): Fen {
  let total = 0;
  for (const v of values) {
    total += v;
    // Checking the running total keeps every intermediate sum exact.
    if (!Number.isSafeInteger(total)) throw new MoneyRangeError('sum exceeds the exact range of 分');
  }
  return total as Fen;
}

export function yuanToFen(yuan: number): Fen {
  if (!Number.isSafeInteger(yuan)) throw new MoneyRangeError(`not a whole number of 元: ${yuan}`);
  return asFen(yuan * 100);
}
