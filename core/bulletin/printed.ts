// Figures as a bulletin prints them: exact decimal text, with the number of decimals it was printed
// to. A rate is checked at that precision — and where the values it was computed from were themselves
// rounded (whole 元, 0.01 亿元), within the range that rounding allows, and the check says which.
import { formatRatio } from '../money/decimal';

/** value = n / 10^scale, exactly as printed (thousands separators dropped, sign kept). */
export type Printed = { n: bigint; scale: number };

const NUMBER = /^([+-])?(\d+)(?:\.(\d+))?$/;

export function parsePrinted(text: string): Printed | null {
  const m = NUMBER.exec(text.replace(/[,\s]/g, '').replace(/^[−－]/, '-'));
  if (!m) return null;
  const frac = m[3] ?? '';
  return { n: (m[1] === '-' ? -1n : 1n) * BigInt((m[2] ?? '0') + frac), scale: frac.length };
}

const pow10 = (k: number): bigint => 10n ** BigInt(k);

/** Both values on one integer scale, one digit finer than the finer of the two (room for a half unit). */
function common(a: Printed, b: Printed): { a: bigint; b: bigint; ha: bigint; hb: bigint; scale: number } {
  const scale = Math.max(a.scale, b.scale) + 1;
  return { a: a.n * pow10(scale - a.scale), b: b.n * pow10(scale - b.scale), ha: 5n * pow10(scale - a.scale - 1), hb: 5n * pow10(scale - b.scale - 1), scale };
}

export type RateCheck = {
  /** exact: the printed rate is the values' rate rounded to the printed decimals; within_rounding: it is not, but values that round to the printed ones give it; mismatch: no such values. */
  status: 'exact' | 'within_rounding' | 'mismatch';
  /** The rate from the printed values, at the printed rate's precision (percent). */
  computed: string;
  /** The range of rates that values rounding to the printed ones can give, at one more decimal. */
  range: [string, string] | null;
};

/** p ≤ q for fractions with positive denominators. */
const le = (pn: bigint, pd: bigint, qn: bigint, qd: bigint): boolean => pn * qd <= qn * pd;

/**
 * A printed growth rate (percent, signed as the words and sign together mean it) against the
 * current and previous values it claims to come from. `prior` must be positive.
 */
export function checkGrowth(current: Printed, prior: Printed, rate: Printed): RateCheck {
  const c = common(current, prior);
  // growth% = (cur − prior) · 100 / prior
  const computed = formatRatio((c.a - c.b) * 100n, c.b, rate.scale);
  if (computed === formatPrinted(rate) || (rate.n === 0n && /^-?0(\.0+)?$/.test(computed))) return { status: 'exact', computed, range: null };
  const loN = (c.a - c.ha - (c.b + c.hb)) * 100n;
  const loD = c.b + c.hb;
  const hiD = c.b - c.hb;
  const range: [string, string] | null = hiD > 0n ? [formatRatio(loN, loD, rate.scale + 1), formatRatio((c.a + c.ha - hiD) * 100n, hiD, rate.scale + 1)] : null;
  if (hiD <= 0n) return { status: 'within_rounding', computed, range };
  // The printed rate stands for [r − ½ unit, r + ½ unit] at its own precision.
  const rd = pow10(rate.scale + 1);
  const rLo = rate.n * 10n - 5n;
  const rHi = rate.n * 10n + 5n;
  const hiN = (c.a + c.ha - hiD) * 100n;
  const overlaps = le(loN, loD, rHi, rd) && le(rLo, rd, hiN, hiD);
  return { status: overlaps ? 'within_rounding' : 'mismatch', computed, range };
}

/** a − b printed to `digits` decimals, and whether `printed` is that difference within the rounding of a and b. */
export function checkDifference(a: Printed, b: Printed, printed: Printed): RateCheck {
  const c = common(a, b);
  const computed = formatRatio(c.a - c.b, pow10(c.scale), printed.scale);
  if (computed === formatPrinted(printed)) return { status: 'exact', computed, range: null };
  const d = pow10(c.scale);
  const lo = c.a - c.b - c.ha - c.hb;
  const hi = c.a - c.b + c.ha + c.hb;
  const rd = pow10(printed.scale + 1);
  const overlaps = le(lo, d, printed.n * 10n + 5n, rd) && le(printed.n * 10n - 5n, rd, hi, d);
  return { status: overlaps ? 'within_rounding' : 'mismatch', computed, range: [formatRatio(lo, d, printed.scale + 1), formatRatio(hi, d, printed.scale + 1)] };
}

/** num / den as a percentage at the printed share's precision, within the rounding of num and den. */
export function checkShare(num: Printed, den: Printed, share: Printed): RateCheck {
  const c = common(num, den);
  const computed = formatRatio(c.a * 100n, c.b, share.scale);
  if (computed === formatPrinted(share)) return { status: 'exact', computed, range: null };
  const rd = pow10(share.scale + 1);
  const loN = (c.a - c.ha) * 100n;
  const loD = c.b + c.hb;
  const hiN = (c.a + c.ha) * 100n;
  const hiD = c.b - c.hb;
  const overlaps = hiD > 0n && le(loN, loD, share.n * 10n + 5n, rd) && le(share.n * 10n - 5n, rd, hiN, hiD);
  return { status: overlaps ? 'within_rounding' : 'mismatch', computed, range: hiD > 0n ? [formatRatio(loN, loD, share.scale + 1), formatRatio(hiN, hiD, share.scale + 1)] : null };
}

export function formatPrinted(p: Printed): string {
  return formatRatio(p.n, pow10(p.scale), p.scale);
}

export function negate(p: Printed): Printed {
  return { n: -p.n, scale: p.scale };
}

/** Compare two printed values exactly: −1, 0, 1. */
export function comparePrinted(a: Printed, b: Printed): number {
  const c = common(a, b);
  return c.a < c.b ? -1 : c.a > c.b ? 1 : 0;
}

/** value × factor as an integer when exact (e.g. 元 → 分 with factor 100), else rounded half away from zero. */
export function toUnits(p: Printed, factor: bigint): bigint {
  const num = p.n * factor;
  const den = pow10(p.scale);
  const q = num / den;
  const r = num % den;
  const neg = num < 0n;
  const abs = r < 0n ? -r : r;
  return abs * 2n >= den ? q + (neg ? -1n : 1n) : q;
}
