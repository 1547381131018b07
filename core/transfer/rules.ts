// The two never-decrease rules (docs/domain.md#never-decrease) on a simulated outcome, for every county: rule A
// E(t) ≥ E(t−1), rule B E(t)/N(t) ≥ E(t−1)/N(t−1), compared exactly. Everything about a county
// except its new spending E(t) is data — whether the rules apply, E(t−1), and the least whole-分
// E(t) that keeps spending per student, worked out exactly in BigInt — so that is done once per
// data set, and a scenario (which runs on every slider move) only compares.
import type { Prepared } from './prepare';

/** Codes per rule: 0 pass, 1 fail, 2 not applicable. */
export const PASS = 0;
export const FAIL = 1;
export const NOT_APPLICABLE = 2;

/** What the rules need of each county that does not depend on the scenario. */
export type RuleData = {
  /**
   * 0: neither rule applies (no spending this year or last, or not present last year); 1: rule A
   * only (no students in a year); 2: both, rule B by `leastB`; 3: both, rule B compared exactly
   * (data that are not whole numbers, or a threshold past 2^53).
   */
  kind: Uint8Array;
  /** E(t−1): rule A holds when E(t) is at least this. */
  priorSpending: Float64Array;
  /** The least whole-分 E(t) that keeps spending per student (rule B holds from there up). */
  leastB: Float64Array;
  /** N(t−1) and N(t), for the exact comparison of kind 3. */
  priorStudents: Float64Array;
  students: Float64Array;
};

const cache = new WeakMap<Prepared, RuleData>();

/**
 * The least whole number e with e·N(t−1) ≥ E(t−1)·N(t), i.e. ⌈E(t−1)·N(t) ÷ N(t−1)⌉, exactly
 * (BigInt), for whole-number E(t−1) ≥ 0, N(t−1) > 0, N(t) ≥ 0; NaN when it passes 2^53. For a
 * whole-分 E(t), rule B holds exactly when E(t) ≥ this: e·n0 < e0·n ⟺ e < e0·n/n0 ⟺ e < ⌈e0·n/n0⌉
 * for whole e.
 */
export function leastSpendingKeepingPerStudent(priorSpending: number, priorStudents: number, students: number): number {
  const n0 = BigInt(priorStudents);
  const least = (BigInt(priorSpending) * BigInt(students) + n0 - 1n) / n0;
  // Past 2^53 a double cannot hold it exactly: NaN, and the caller compares exactly instead.
  return least <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(least) : NaN;
}

/** The rules' data for the data set (cached: it depends only on the data). */
export function ruleData(p: Prepared): RuleData {
  const cached = cache.get(p);
  if (cached) return cached;
  const n = p.n;
  const kind = new Uint8Array(n);
  const priorSpending = p.prior.eduSpending;
  const priorStudents = p.prior.students;
  const students = p.current.students;
  const leastB = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // The new spending is finite exactly when this year's recorded spending is (the transfer
    // change added to it always is).
    const e0 = priorSpending[i]!;
    const applies = Number.isFinite(p.current.eduSpending[i]!) && Number.isFinite(e0) && p.prior.present[i] === 1;
    if (!applies) continue;
    if (!(students[i]! > 0 && priorStudents[i]! > 0)) {
      kind[i] = 1;
      continue;
    }
    const whole = Number.isSafeInteger(e0) && e0 >= 0 && Number.isSafeInteger(students[i]!) && Number.isSafeInteger(priorStudents[i]!);
    const least = whole ? leastSpendingKeepingPerStudent(e0, priorStudents[i]!, students[i]!) : NaN;
    kind[i] = Number.isSafeInteger(least) ? 2 : 3;
    leastB[i] = least;
  }
  const data = { kind, priorSpending, leastB, priorStudents, students };
  cache.set(p, data);
  return data;
}

/** a·b < c·d for non-negative integers, exactly (products can pass 2^53, so near-ties go to BigInt). */
export function productLess(a: number, b: number, c: number, d: number): boolean {
  return productLessGiven(a * b, c * d, a, b, c, d);
}

/** productLess when the float products x = a·b and y = c·d are already known. */
// |x − y| > 1e-9 · max(x, y), written out by which side is larger: this runs for every county on
// every evaluation, and the two-sided form avoids Math.abs and Math.max (same decisions).
function productLessGiven(x: number, y: number, a: number, b: number, c: number, d: number): boolean {
  if (x < y) {
    if (y - x > 1e-9 * y) return true;
  } else if (x - y > 1e-9 * x) return false;
  // Only whole numbers can be compared in BigInt; figures with fractions (never from the
  // database, which holds 分 and head counts) are compared as the floats they are.
  if (!(Number.isInteger(a) && Number.isInteger(b) && Number.isInteger(c) && Number.isInteger(d))) return x < y;
  return BigInt(a) * BigInt(b) < BigInt(c) * BigInt(d);
}

/** Rule A in the low two bits, rule B in the next two, for county i with education spending `e`. */
export function ruleCodes(r: RuleData, i: number, e: number): number {
  const kind = r.kind[i]!;
  if (kind === 0) return NOT_APPLICABLE | (NOT_APPLICABLE << 2);
  const e0 = r.priorSpending[i]!;
  const a = e < e0 ? FAIL : PASS;
  if (kind === 1) return a | (NOT_APPLICABLE << 2);
  // Spending after the transfer is whole 分 (simulate.ts), so the threshold decides exactly.
  if (kind === 2 && Number.isInteger(e)) return a | ((e < r.leastB[i]! ? FAIL : PASS) << 2);
  return a | ((productLess(e, r.priorStudents[i]!, e0, r.students[i]!) ? FAIL : PASS) << 2);
}
