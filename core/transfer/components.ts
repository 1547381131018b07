// The other two ways money is apportioned besides factors (DOMAIN §2.1, §3.3, §3.4): a
// standard-based component — 基准定额 × students × the cost-share ratio of the unit's tier, exact
// in 分 — and pools pre-split by region tier before any formula applies within each tier.
import { allocate, type Allocation, type UnitBounds } from './allocate';
import { largestRemainder } from './rounding';

/** A cost share as an exact fraction, e.g. 第一档 80 % = { num: 80n, den: 100n }. */
export type Share = { num: bigint; den: bigint };

/**
 * Σ 基准定额 × students × share, per unit, in 分. Small schools are counted as `minPupils` (100)
 * when given. The product is rounded half up to the 分 only at the end, once per unit.
 */
export function standardRequirement(units: readonly { students: number; quotaFen: bigint; share: Share; minPupils?: number }[]): bigint[] {
  return units.map((u) => {
    if (!Number.isInteger(u.students) || u.students < 0) throw new RangeError('students must be a whole, non-negative number');
    const pupils = BigInt(u.minPupils !== undefined && u.students > 0 ? Math.max(u.students, u.minPupils) : u.students);
    const num = u.quotaFen * pupils * u.share.num;
    return (2n * num + u.share.den) / (2n * u.share.den);
  });
}

/**
 * Split `pool` first among tiers by `tierShares` (to the 分), then within each tier by `shares`
 * and `bounds`. Units keep their input order in the result; a tier with no units gets nothing and
 * its share goes to the others.
 */
export function allocateByTier(pool: bigint, tierOf: readonly string[], tierShares: Readonly<Record<string, number>>, shares: readonly number[], bounds?: readonly UnitBounds[]): { amounts: bigint[]; tierPools: Record<string, bigint>; byTier: Record<string, Allocation> } {
  const present = Object.keys(tierShares).filter((t) => tierOf.includes(t));
  const missing = [...new Set(tierOf)].filter((t) => !(t in tierShares));
  if (missing.length) throw new RangeError(`no pool share for tier(s) ${missing.join(', ')}`);
  const tierAmounts = largestRemainder(pool, present.map((t) => tierShares[t]!));
  const tierPools = Object.fromEntries(present.map((t, i) => [t, tierAmounts[i]!]));
  const amounts = new Array<bigint>(shares.length).fill(0n);
  const byTier: Record<string, Allocation> = {};
  for (const t of present) {
    const idx = tierOf.map((x, i) => (x === t ? i : -1)).filter((i) => i >= 0);
    const sub = idx.map((i) => shares[i]!);
    const a = allocate(tierPools[t]!, sub.some((s) => s > 0) ? sub : sub.map(() => 1), bounds ? idx.map((i) => bounds[i]!) : undefined);
    idx.forEach((i, k) => (amounts[i] = a.amounts[k]!));
    byTier[t] = a;
  }
  return { amounts, tierPools, byTier };
}
