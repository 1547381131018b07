// The factor method with bounds (DOMAIN §3.4): each unit's share is Σ_k w_k · f_ik / Σ_j f_jk
// (optionally times a difficulty coefficient), then floors, caps, hold-harmless and a growth band
// are enforced by clamp-and-renormalise (kernel.ts): units pushed outside their [min, max] are
// fixed at the bound and the rest of the pool is shared again among the others in their original
// proportions. BigInt face of the typed-array kernel, for callers that hold 分 as bigint.
import { waterFill } from './kernel';
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
  const out = new Float64Array(n);
  const held = new Int8Array(n);
  const r = waterFill(
    Number(pool),
    Float64Array.from(shares),
    Float64Array.from(bounds, (b) => Number(b.min)),
    Float64Array.from(bounds, (b) => (b.max === null ? Infinity : Number(b.max))),
    Uint32Array.from({ length: n }, (_, i) => i),
    out,
    held,
    new Float64Array(n),
    new Uint32Array(n),
  );
  return { amounts: Array.from(out, (x) => BigInt(x)), formula, bound: Array.from(held, (h) => (h === -1 ? 'min' : h === 1 ? 'max' : null)), rounds: r.roundingRounds };
}
