// The factor method with bounds (DOMAIN §3.4): each unit's share is Σ_k w_k · f_ik / Σ_j f_jk
// (optionally times a difficulty coefficient), then floors, caps, hold-harmless and a growth band
// are enforced by clamp-and-renormalise: units pushed outside their [min, max] are fixed at the
// bound and the rest of the pool is shared again among the others in their original proportions.
// Every round fixes at least one more unit, so it ends after at most n rounds. Money is whole 分.
import { largestRemainder } from './rounding';

export type Factor = { name: string; weight: number; values: readonly number[] };

export type UnitBounds = {
  /** Lower bound in 分 (a per-student floor × students, hold-harmless h × last year …), or 0. */
  min: bigint;
  /** Upper bound in 分 (a cap, the top of a growth band), or null for none. */
  max: bigint | null;
};

export type Allocation = {
  amounts: bigint[];
  /** What the formula alone would give (before bounds), for "how much the bounds divert". */
  formula: bigint[];
  /** Units held at a bound, and which. */
  bound: ('min' | 'max' | null)[];
  rounds: number;
};

export type AllocationProblem = { kind: 'infeasible_low'; needed: bigint; pool: bigint } | { kind: 'infeasible_high'; room: bigint; pool: bigint } | { kind: 'conflicting_bounds'; unit: number; min: bigint; max: bigint };

/** Formula shares: Σ_k w_k · f_ik / Σ_j f_jk over the factors, times a coefficient if given. */
export function factorShares(n: number, factors: readonly Factor[], coefficient?: readonly number[]): number[] {
  const shares = new Array<number>(n).fill(0);
  const weightSum = factors.reduce((a, f) => a + f.weight, 0);
  if (!(weightSum > 0) || factors.some((f) => f.weight < 0)) throw new RangeError('factor weights must be non-negative and not all zero');
  for (const f of factors) {
    if (f.values.length !== n) throw new RangeError(`factor ${f.name} has ${f.values.length} values for ${n} units`);
    if (f.weight === 0) continue;
    const total = f.values.reduce((a, v) => a + v, 0);
    if (!(total > 0)) throw new RangeError(`factor ${f.name} sums to zero`);
    for (let i = 0; i < n; i++) shares[i]! += (f.weight / weightSum) * (f.values[i]! / total);
  }
  if (coefficient) for (let i = 0; i < n; i++) shares[i]! *= coefficient[i]!;
  const s = shares.reduce((a, b) => a + b, 0);
  return s > 0 ? shares.map((x) => x / s) : shares;
}

export function checkBounds(pool: bigint, bounds: readonly UnitBounds[]): AllocationProblem | null {
  for (let i = 0; i < bounds.length; i++) {
    const b = bounds[i]!;
    if (b.max !== null && b.min > b.max) return { kind: 'conflicting_bounds', unit: i, min: b.min, max: b.max };
  }
  const needed = bounds.reduce((a, b) => a + b.min, 0n);
  if (needed > pool) return { kind: 'infeasible_low', needed, pool };
  if (bounds.every((b) => b.max !== null)) {
    const room = bounds.reduce((a, b) => a + (b.max ?? 0n), 0n);
    if (room < pool) return { kind: 'infeasible_high', room, pool };
  }
  return null;
}

/** Split `pool` by `shares` within `bounds`. Throws a RangeError naming the problem when infeasible. */
export function allocate(pool: bigint, shares: readonly number[], bounds?: readonly UnitBounds[]): Allocation {
  const n = shares.length;
  const formula = largestRemainder(pool, shares);
  if (!bounds) return { amounts: formula, formula, bound: shares.map(() => null), rounds: 0 };
  const problem = checkBounds(pool, bounds);
  if (problem) throw new RangeError(JSON.stringify(problem, (_, v) => (typeof v === 'bigint' ? v.toString() : v)));
  const fixed = new Array<'min' | 'max' | null>(n).fill(null);
  const amounts = new Array<bigint>(n).fill(0n);
  let rounds = 0;
  for (;;) {
    rounds++;
    const free = shares.map((_, i) => i).filter((i) => fixed[i] === null);
    const fixedSum = amounts.reduce((a, v, i) => (fixed[i] ? a + v : a), 0n);
    const rest = pool - fixedSum;
    // Free units with no formula share still take part (their share is 0): the pool goes to the rest.
    const freeShares = free.map((i) => shares[i]!);
    const split = freeShares.some((s) => s > 0) ? largestRemainder(rest, freeShares) : largestRemainder(rest, free.map(() => 1));
    free.forEach((i, k) => (amounts[i] = split[k]!));
    // The worst violation on each side (relative shortfall, absolute excess) is fixed first.
    let low = -1;
    let high = -1;
    for (const i of free) {
      const b = bounds[i]!;
      if (amounts[i]! < b.min && (low < 0 || Number(b.min - amounts[i]!) / Number(b.min) > Number(bounds[low]!.min - amounts[low]!) / Number(bounds[low]!.min))) low = i;
      if (b.max !== null && amounts[i]! > b.max && (high < 0 || amounts[i]! - b.max > amounts[high]! - bounds[high]!.max!)) high = i;
    }
    if (low < 0 && high < 0) return { amounts, formula, bound: fixed, rounds };
    // One unit per round: raising one to its floor takes money from the others (which may then
    // break their own floors), so decisions are made one at a time, lows before highs.
    if (low >= 0) {
      fixed[low] = 'min';
      amounts[low] = bounds[low]!.min;
    } else {
      fixed[high] = 'max';
      amounts[high] = bounds[high]!.max!;
    }
    if (fixed.every((f) => f !== null)) {
      // Everything is at a bound: the pool must equal their sum (feasibility was checked), but a
      // unit fixed at its min may have to take the leftover up to its max.
      let left = pool - amounts.reduce((a, b) => a + b, 0n);
      for (let i = 0; i < n && left !== 0n; i++) {
        const b = bounds[i]!;
        const room = left > 0n ? (b.max === null ? left : b.max - amounts[i]!) : b.min - amounts[i]!;
        const take = left > 0n ? (room < left ? room : left) : room > left ? room : left;
        amounts[i]! += take;
        left -= take;
      }
      return { amounts, formula, bound: fixed, rounds };
    }
  }
}
