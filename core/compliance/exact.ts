// Exact comparison and printing for the rules. Amounts are safe integers (分, persons); the
// products of a cross-multiplication can exceed 2^53, so a float comparison is only a shortcut
// taken when its gap cannot be a rounding artefact, and anything close is settled with BigInt.
// Printing follows the same pattern: a float quotient is rounded directly when it is provably far
// from a rounding boundary, otherwise the digits come from BigInt (formatRatio) — the text is the
// same either way, the float path is only faster (a national run prints millions of numbers).
import { formatRatio } from '../money/decimal';

/** −1, 0, 1 as a/b <, =, > c/d, for non-negative safe integers with b, d > 0. */
export function compareFractions(a: number, b: number, c: number, d: number): -1 | 0 | 1 {
  const x = a * d;
  const y = c * b;
  // Each float product is within 2^-53 relative of the true one, so a relative gap above 1e-9
  // decides the same way BigInt would.
  if (Math.abs(x - y) > 1e-9 * Math.max(x, y)) return x < y ? -1 : 1;
  const bx = BigInt(a) * BigInt(d);
  const by = BigInt(c) * BigInt(b);
  return bx < by ? -1 : bx > by ? 1 : 0;
}

const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/** A non-negative integer q (as a float) printed with `dp` implied decimals. */
function digits(q: number, dp: number, negative: boolean): string {
  const s = String(q).padStart(dp + 1, '0');
  const text = dp === 0 ? s : `${s.slice(0, s.length - dp)}.${s.slice(s.length - dp)}`;
  return negative ? `-${text}` : text;
}

/**
 * x = value × 10^dp computed in floats with relative error below ~1e-15: its half-away-from-zero
 * rounding, or null when x is too close to a .5 boundary (or too large) to be sure.
 */
export function safeRound(x: number): number | null {
  const ax = Math.abs(x);
  if (!(ax < 2 ** 50)) return null;
  const floor = Math.floor(ax);
  const frac = ax - floor;
  if (Math.abs(frac - 0.5) <= ax * 1e-13 + 1e-9) return null;
  return frac > 0.5 ? floor + 1 : floor;
}

/** num/den as a decimal string with `dp` places (num ≥ 0 or < 0, den > 0, safe integers). */
export function ratioText(num: number | bigint, den: number | bigint, dp = 4): string {
  if (typeof num === 'number' && typeof den === 'number' && dp < POW10.length) {
    const q = safeRound((num / den) * POW10[dp]!);
    if (q !== null && (q !== 0 || num >= 0)) return digits(q, dp, num < 0 && q !== 0);
  }
  return formatRatio(BigInt(num), BigInt(den), dp);
}

/** num/den × 100 as a percent string. */
export function percentText(num: number | bigint, den: number | bigint, dp = 4): string {
  if (typeof num === 'number' && typeof den === 'number' && dp < POW10.length) {
    const q = safeRound((num / den) * 100 * POW10[dp]!);
    if (q !== null && (q !== 0 || num >= 0)) return digits(q, dp, num < 0 && q !== 0);
  }
  return formatRatio(BigInt(num) * 100n, BigInt(den), dp);
}

/** Growth (cur/prior − 1) × 100 as a percent string with `dp` decimals; null when prior is 0. */
export function growthText(priorNum: number, priorDen: number, curNum: number, curDen: number, dp = 4): string | null {
  if (priorNum === 0) return null;
  if (dp < POW10.length) {
    const x = ((curNum / curDen / (priorNum / priorDen)) - 1) * 100 * POW10[dp]!;
    const q = safeRound(x);
    // A growth that rounds to zero keeps the exact sign ("-0.0000" fell): left to BigInt.
    if (q !== null && q !== 0) return digits(q, dp, x < 0);
  }
  // cur/prior − 1 = (c·pd − p·cd) / (cd·p)
  const num = (BigInt(curNum) * BigInt(priorDen) - BigInt(priorNum) * BigInt(curDen)) * 100n;
  return formatRatio(num, BigInt(curDen) * BigInt(priorNum), dp);
}
