// Exact ratios. Per-student amounts (spending ÷ students) and growth rates are quotients of exact
// integers; they are compared by cross-multiplication so that no rounding ever decides a pass or a
// fail, and turned into floats only for display.

/** A non-negative rational num/den with den > 0. */
export type Ratio = { readonly num: bigint; readonly den: bigint };

export function ratio(num: bigint | number, den: bigint | number): Ratio {
  const n = BigInt(num);
  const d = BigInt(den);
  if (d === 0n) throw new RangeError('ratio with zero denominator');
  return d < 0n ? { num: -n, den: -d } : { num: n, den: d };
}

/** −1, 0 or 1 as a < b, a = b, a > b — exactly. */
export function compareRatio(a: Ratio, b: Ratio): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function ratioToFloat(r: Ratio): number {
  // Split into integer and remainder so very large numerators keep their precision.
  const q = r.num / r.den;
  const rem = r.num - q * r.den;
  return Number(q) + Number(rem) / Number(r.den);
}

/** Growth of b over a as an exact ratio (b/a − 1); undefined when a is zero. */
export function growthRatio(prior: Ratio, current: Ratio): Ratio | undefined {
  if (prior.num === 0n) return undefined;
  // current/prior − 1 = (c.num·p.den − p.num·c.den) / (c.den·p.num)
  return ratio(current.num * prior.den - prior.num * current.den, current.den * prior.num);
}
