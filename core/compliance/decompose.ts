// Why did spending per student change? Per student p = E/N, so p1/p0 = (E1/E0)·(N0/N1) and,
// exactly (no residual, no logarithms),
//
//   g(p) = (E1·N0 − E0·N1)/(E0·N1)
//        = (E1 − E0)·N0/(E0·N1)   +   (N0 − N1)/N1
//        =   g(E)/(1 + g(N))      +   −g(N)/(1 + g(N))
//          └── spending effect ─┘     └─ enrolment effect ─┘
//
// which is the first-order g(p) ≈ g(E) − g(N) of docs/domain.md#edge-cases made exact. For display both parts are
// rounded to 0.01 percentage point; the enrolment part is then printed as total − spending, so the
// printed parts always add up to the printed total.
import { formatRatio } from '../money/decimal';
import { safeRound } from './exact';
import type { Decomposition } from './types';

function roundHundredths(num: bigint, den: bigint): bigint {
  // percent × 100 (hundredths of a percentage point), half away from zero
  const scaled = num * 100n * 100n;
  const neg = scaled < 0n !== den < 0n;
  const a = scaled < 0n ? -scaled : scaled;
  const d = den < 0n ? -den : den;
  let q = a / d;
  if ((a % d) * 2n >= d) q += 1n;
  return neg ? -q : q;
}

/** Hundredths as text with two decimals. */
function hundredthsText(h: number | bigint): string {
  const neg = h < 0;
  const s = String(neg ? -h : h).padStart(3, '0');
  return `${neg ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`;
}

/**
 * E in 分 (integers), N as divisor numerators on a common denominator (the denominator cancels).
 * Requires E0 > 0, N0 > 0, N1 > 0.
 */
export function decompose(e0: number, e1: number, n0: number, n1: number, studentsText: (n: number) => string): Decomposition {
  // Float first (exact when far from a rounding boundary, see exact.ts), BigInt otherwise.
  const xTotal = ((e1 / e0) * (n0 / n1) - 1) * 10_000;
  const xSpending = ((e1 - e0) / e0) * (n0 / n1) * 10_000;
  const fastTotal = safeRound(xTotal);
  const fastSpending = safeRound(xSpending);
  let total: number | bigint;
  let spending: number | bigint;
  let enrolment: number | bigint;
  if (fastTotal !== null && fastTotal !== 0 && fastSpending !== null && fastSpending !== 0) {
    total = xTotal < 0 ? -fastTotal : fastTotal;
    spending = xSpending < 0 ? -fastSpending : fastSpending;
    enrolment = total - spending;
  } else {
    const E0 = BigInt(e0);
    const E1 = BigInt(e1);
    const N0 = BigInt(n0);
    const N1 = BigInt(n1);
    total = roundHundredths(E1 * N0 - E0 * N1, E0 * N1);
    spending = roundHundredths((E1 - E0) * N0, E0 * N1);
    enrolment = total - spending;
  }
  return {
    spendingEffect: hundredthsText(spending),
    enrolmentEffect: hundredthsText(enrolment),
    totalGrowth: hundredthsText(total),
    spendingGrowth: e0 === 0 ? null : percent2(e1 - e0, e0),
    enrolmentGrowth: n0 === 0 ? null : percent2(n1 - n0, n0),
    spending: String(e1),
    priorSpending: String(e0),
    students: studentsText(n1),
    priorStudents: studentsText(n0),
  };
}

function percent2(num: number, den: number): string {
  const x = (num / den) * 10_000;
  const q = safeRound(x);
  if (q !== null && q !== 0) return hundredthsText(x < 0 ? -q : q);
  return formatRatio(BigInt(num) * 100n, BigInt(den), 2);
}
