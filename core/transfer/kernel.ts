// The allocation kernel on typed arrays: money is whole 分 held in doubles, which are exact for
// integers below 2^53 (≈ 90 万亿元), so sums and differences here are exact and the hot path
// avoids BigInt. Callers check that the pool is a safe integer.
//
// Clamp-and-renormalise (docs/domain.md#simulator-bounds) has a closed form: the allocation is clamp(λ·s_i, lo_i, hi_i)
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
  splitWithSum(total, weights, members, m, sum, out, scratch);
}

/**
 * The same split over the first `m` (> 0) entries of `members`, given Σ weights over them summed in
 * member order (the water-fill has that sum already, so it is not taken again).
 */
function splitWithSum(total: number, weights: Float64Array, members: Uint32Array, m: number, sum: number, out: Float64Array, scratch: Float64Array): void {
  const equal = !(sum > 0);
  // The remainders go to `scratch` and, for the selection below, to its working copy in the same pass.
  const copy = selectBufferFor(m);
  let given = 0;
  for (let k = 0; k < m; k++) {
    const i = members[k]!;
    const exact = equal ? total / m : (weights[i]! / sum) * total;
    const fl = Math.floor(exact);
    out[i] = fl;
    const r = exact - fl;
    scratch[k] = r;
    copy[k] = r;
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
  const threshold = kthLargest(copy, m, left);
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

/** The selection's working buffer, at least `m` long (shared: the kernel is synchronous). */
function selectBufferFor(m: number): Float64Array {
  if (selectBuffer.data.length < m) selectBuffer.data = new Float64Array(Math.max(m, 2 * selectBuffer.data.length));
  return selectBuffer.data;
}

/** The k-th largest of the first m values of `a` (1-based k), by quickselect; reorders `a`. */
function kthLargest(a: Float64Array, m: number, k: number): number {
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
  let sumLo = 0;
  let sumHi = 0;
  let sumS = 0;
  for (let k = 0; k < members.length; k++) {
    const i = members[k]!;
    sumLo += lo[i]!;
    sumHi += hi[i]!;
    sumS += s[i]!;
  }
  return waterFillWithSums(pool, s, lo, hi, members, out, held, scratch, freeBuffer, { lo: sumLo, hi: sumHi, s: sumS });
}

/** Σ lo, Σ hi and Σ s over the members, each summed from 0 in member order. */
export type MemberSums = { lo: number; hi: number; s: number };

/**
 * waterFill for a caller that has the member sums already (evaluate.ts takes them in the pass that
 * builds the bounds, in the same order, so they are the same numbers to the bit).
 */
export function waterFillWithSums(pool: number, s: Float64Array, lo: Float64Array, hi: Float64Array, members: Uint32Array, out: Float64Array, held: Int8Array, scratch: Float64Array, freeBuffer: Uint32Array, sums: MemberSums): FillResult {
  const m = members.length;
  const sumLo = sums.lo;
  const sumHi = sums.hi;
  const sumS = sums.s;
  if (sumLo > pool || sumHi < pool) {
    const bound = sumLo > pool ? lo : hi;
    splitLargestRemainder(pool, bound, members, out, scratch);
    for (let k = 0; k < m; k++) held[members[k]!] = sumLo > pool ? -1 : 1;
    return { status: sumLo > pool ? 'infeasible_low' : 'infeasible_high', lambda: NaN, newtonSteps: 0, roundingRounds: 0 };
  }
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
      const si = s[i]!;
      const x = lambda * si;
      const l = lo[i]!;
      if (x <= l) {
        f += l;
        boundSum += l;
        continue;
      }
      const h = hi[i]!;
      if (x >= h) {
        f += h;
        boundSum += h;
      } else {
        f += x;
        freeS += si;
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
  // pushed out, repeat. The first round's free list and Σ s over it come out of the pass that
  // fixes the bounds (both in member order, as a separate pass would give them).
  const positive = sumS > 0;
  let fixedSum = 0;
  let f = 0;
  let freeS = 0;
  for (let k = 0; k < m; k++) {
    const i = members[k]!;
    const si = s[i]!;
    const x = lambda * si;
    if (positive && x <= lo[i]!) {
      held[i] = -1;
      out[i] = lo[i]!;
      fixedSum += out[i]!;
    } else if (positive && x >= hi[i]!) {
      held[i] = 1;
      out[i] = hi[i]!;
      fixedSum += out[i]!;
    } else {
      held[i] = 0;
      freeBuffer[f++] = i;
      freeS += si;
    }
  }
  let rounds = 0;
  for (;;) {
    rounds++;
    if (rounds > 1) {
      f = 0;
      freeS = 0;
      for (let k = 0; k < m; k++) if (held[members[k]!] === 0) freeBuffer[f++] = members[k]!;
      for (let k = 0; k < f; k++) freeS += s[freeBuffer[k]!]!;
    }
    const rest = pool - fixedSum;
    if (f === 0) {
      // All at bounds: place any remainder within the room left (feasibility guarantees it fits).
      settleLeftover(rest, members, lo, hi, out);
      return { status: 'ok', lambda, newtonSteps: steps, roundingRounds: rounds };
    }
    if (freeS > 0) splitWithSum(rest, s, freeBuffer, f, freeS, out, scratch);
    else splitLargestRemainder(rest, unitWeights(s.length), freeBuffer.subarray(0, f), out, scratch);
    // The worst violation is fixed first (relative shortfall below, absolute excess above).
    let worst = -1;
    let worstScore = 0;
    for (let k = 0; k < f; k++) {
      const i = freeBuffer[k]!;
      if (out[i]! < lo[i]!) {
        const score = 1 + (lo[i]! - out[i]!) / lo[i]!;
        if (score > worstScore) {
          worst = i;
          worstScore = score;
        }
      } else if (out[i]! > hi[i]! && worstScore < 1) {
        const score = (out[i]! - hi[i]!) / (out[i]! + 1);
        if (score > worstScore) {
          worst = i;
          worstScore = score;
        }
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
