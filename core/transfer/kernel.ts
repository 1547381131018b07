// The allocation kernel on typed arrays: money is whole 分 held in doubles, which are exact for
// integers below 2^53 (≈ 90 万亿元), so sums and differences here are exact and the hot path
// avoids BigInt. Callers check that the pool is a safe integer.
//
// Clamp-and-renormalise (DOMAIN §3.5) has a closed form: the allocation is clamp(λ·s_i, lo_i, hi_i)
// for the one λ at which the parts add up to the pool. λ is found by the clamp-and-renormalise
// step itself — clamp the units outside their bounds at the current λ, share what is left among
// the others in proportion to s (a Newton step on the piecewise-linear f(λ) = Σ clamp(λ s_i, …))
// — kept inside a bracket [a, b] with f(a) ≤ pool ≤ f(b) and bisected whenever a step leaves it,
// so it cannot cycle. The pool is then split to the 分 among the units left free, and any unit
// that rounding pushed past a bound is fixed there and the rest re-split; every such round fixes
// one more unit, so the whole thing ends after at most n rounds.

export const MAX_NEWTON_STEPS = 200;
/** Remainders closer than this are ties (float noise, not a real difference). */
const TIE = 1e-9;

/** Largest-remainder split of `total` (a whole number of 分) among `members` by `weights`, into `out`. Ties go to the earlier unit. */
// Weights are always a Float64Array: one element kind keeps this hot function monomorphic.
export function splitLargestRemainder(total: number, weights: Float64Array, members: Uint32Array, out: Float64Array, scratch: Float64Array): void {
  const m = members.length;
  let sum = 0;
  for (let k = 0; k < m; k++) sum += weights[members[k]!]!;
  if (m === 0) {
    if (total !== 0) throw new RangeError('cannot split a non-zero pool among no units');
    return;
  }
  const equal = !(sum > 0);
  let given = 0;
  for (let k = 0; k < m; k++) {
    const i = members[k]!;
    const exact = equal ? total / m : (weights[i]! / sum) * total;
    const fl = Math.floor(exact);
    out[i] = fl;
    scratch[k] = exact - fl;
    given += fl;
  }
  let left = total - given;
  if (left === 0) return;
  if (left < 0) {
    // Float error on huge pools: take the surplus back from the smallest remainders (and only
    // from units that have something).
    for (let pass = 0; left < 0 && pass < 2; pass++) {
      for (let k = 0; k < m && left < 0; k++) {
        const i = members[k]!;
        if (out[i]! > 0 && (pass === 1 || scratch[k]! < 0.5)) {
          out[i]! -= 1;
          left += 1;
        }
      }
    }
    return;
  }
  // The `left` largest remainders get one more 分: find the threshold by selection (O(m)), then
  // give to everything clearly above it and to the earliest units at it. Remainders equal in exact
  // arithmetic can differ in the last bits of a float, so "at" means within 1e-9: the documented
  // tie rule (earlier unit first) decides, not float noise.
  const threshold = kthLargest(scratch, m, left);
  const above = threshold + TIE;
  let clearlyAbove = 0;
  for (let k = 0; k < m; k++) if (scratch[k]! > above) clearlyAbove++;
  let atThreshold = left - clearlyAbove;
  const below = threshold - TIE;
  for (let k = 0; k < m; k++) {
    const r = scratch[k]!;
    if (r > above || (r >= below && atThreshold-- > 0)) out[members[k]!]! += 1;
  }
}

const selectBuffer = { data: new Float64Array(0) };

/** The k-th largest of the first m values (1-based k), by quickselect on a copy. */
function kthLargest(values: Float64Array, m: number, k: number): number {
  if (selectBuffer.data.length < m) selectBuffer.data = new Float64Array(Math.max(m, 2 * selectBuffer.data.length));
  const a = selectBuffer.data;
  for (let i = 0; i < m; i++) a[i] = values[i]!;
  const target = m - k; // index in ascending order
  let lo = 0;
  let hi = m - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return a[target]!;
  }
  return a[target]!;
}

export type FillStatus = 'ok' | 'infeasible_low' | 'infeasible_high';

/** Where each unit ended: 0 free, −1 held at its lower bound, +1 held at its upper bound. */
export type FillResult = { status: FillStatus; lambda: number; newtonSteps: number; roundingRounds: number };

/**
 * Split `pool` among `members` as clamp(λ s_i, lo_i, hi_i) to the 分, writing `out` and `held`.
 * `hi` may hold Infinity. Bounds must be whole 分 with lo ≤ hi (callers resolve conflicts first).
 * When the bounds cannot hold (Σ lo > pool or Σ hi < pool), every unit gets its bound scaled
 * proportionally and the status says which side failed.
 */
export function waterFill(pool: number, s: Float64Array, lo: Float64Array, hi: Float64Array, members: Uint32Array, out: Float64Array, held: Int8Array, scratch: Float64Array, freeBuffer: Uint32Array): FillResult {
  const m = members.length;
  let sumLo = 0;
  let sumHi = 0;
  for (let k = 0; k < m; k++) {
    const i = members[k]!;
    sumLo += lo[i]!;
    sumHi += hi[i]!;
  }
  if (sumLo > pool || sumHi < pool) {
    const bound = sumLo > pool ? lo : hi;
    splitLargestRemainder(pool, bound, members, out, scratch);
    for (let k = 0; k < m; k++) held[members[k]!] = sumLo > pool ? -1 : 1;
    return { status: sumLo > pool ? 'infeasible_low' : 'infeasible_high', lambda: NaN, newtonSteps: 0, roundingRounds: 0 };
  }
  let sumS = 0;
  for (let k = 0; k < m; k++) sumS += s[members[k]!]!;
  // f(0) = Σ lo ≤ pool, so a = 0 brackets from below; b is found by doubling when needed.
  let a = 0;
  let b = Infinity;
  let lambda = sumS > 0 ? pool / sumS : 0;
  let steps = 0;
  // Within half a 分 (or 1e-12 of the pool) is close enough: the exact integer pass below settles
  // the last 分, and chasing float noise in a sum of thousands of terms would only add steps.
  const tolerance = Math.max(0.5, pool * 1e-12);
  for (; steps < MAX_NEWTON_STEPS && sumS > 0; steps++) {
    let f = 0;
    let freeS = 0;
    let boundSum = 0;
    for (let k = 0; k < m; k++) {
      const i = members[k]!;
      const x = lambda * s[i]!;
      if (x <= lo[i]!) {
        f += lo[i]!;
        boundSum += lo[i]!;
      } else if (x >= hi[i]!) {
        f += hi[i]!;
        boundSum += hi[i]!;
      } else {
        f += x;
        freeS += s[i]!;
      }
    }
    if (Math.abs(f - pool) <= tolerance) break;
    if (f < pool) a = lambda;
    else b = lambda;
    let next = freeS > 0 ? (pool - boundSum) / freeS : NaN;
    if (!(next > a && next < b)) next = Number.isFinite(b) ? (a + b) / 2 : Math.max(2 * a, a + 1);
    if (next === lambda) break;
    lambda = next;
  }
  // Exact integer pass: fix the units λ put at a bound, split the rest, fix any that rounding
  // pushed out, repeat.
  let fixedSum = 0;
  for (let k = 0; k < m; k++) {
    const i = members[k]!;
    const x = lambda * s[i]!;
    if (sumS > 0 && x <= lo[i]!) held[i] = -1;
    else if (sumS > 0 && x >= hi[i]!) held[i] = 1;
    else held[i] = 0;
    if (held[i] !== 0) {
      out[i] = held[i] === -1 ? lo[i]! : hi[i]!;
      fixedSum += out[i]!;
    }
  }
  let rounds = 0;
  for (;;) {
    rounds++;
    let f = 0;
    for (let k = 0; k < m; k++) if (held[members[k]!] === 0) freeBuffer[f++] = members[k]!;
    const free = freeBuffer.subarray(0, f);
    const rest = pool - fixedSum;
    if (f === 0) {
      // All at bounds: place any remainder within the room left (feasibility guarantees it fits).
      settleLeftover(rest, members, lo, hi, out);
      return { status: 'ok', lambda, newtonSteps: steps, roundingRounds: rounds };
    }
    let freeS = 0;
    for (let k = 0; k < f; k++) freeS += s[free[k]!]!;
    splitLargestRemainder(rest, freeS > 0 ? s : unitWeights(s.length), free, out, scratch);
    // The worst violation is fixed first (relative shortfall below, absolute excess above).
    let worst = -1;
    let worstScore = 0;
    for (let k = 0; k < f; k++) {
      const i = free[k]!;
      if (out[i]! < lo[i]!) {
        const score = 1 + (lo[i]! - out[i]!) / lo[i]!;
        if (score > worstScore) [worst, worstScore] = [i, score];
      } else if (out[i]! > hi[i]! && worstScore < 1) {
        const score = (out[i]! - hi[i]!) / (out[i]! + 1);
        if (score > worstScore) [worst, worstScore] = [i, score];
      }
    }
    if (worst < 0) return { status: 'ok', lambda, newtonSteps: steps, roundingRounds: rounds };
    held[worst] = out[worst]! < lo[worst]! ? -1 : 1;
    out[worst] = held[worst] === -1 ? lo[worst]! : hi[worst]!;
    fixedSum += out[worst]!;
  }
}

function settleLeftover(rest: number, members: Uint32Array, lo: Float64Array, hi: Float64Array, out: Float64Array): void {
  let left = rest;
  for (let k = 0; k < members.length && left !== 0; k++) {
    const i = members[k]!;
    const room = left > 0 ? hi[i]! - out[i]! : lo[i]! - out[i]!;
    const take = left > 0 ? Math.min(room, left) : Math.max(room, left);
    out[i]! += take;
    left -= take;
  }
}

let ones = new Float64Array(0);
function unitWeights(n: number): Float64Array {
  if (ones.length < n) ones = new Float64Array(n).fill(1);
  return ones;
}
