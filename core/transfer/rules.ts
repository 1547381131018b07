// The two never-decrease rules (DOMAIN §1) on a simulated outcome, for every county: rule A
// E(t) ≥ E(t−1), rule B E(t)/N(t) ≥ E(t−1)/N(t−1), compared exactly. Everything about a county
// except its new spending E(t) is data — whether the rules apply, E(t−1), and the product
// E(t−1)·N(t) rule B compares against — so that is worked out once per data set, and a scenario
// (which runs on every slider move) only multiplies and compares.
import type { Prepared } from './prepare';

/** Codes per rule: 0 pass, 1 fail, 2 not applicable. */
export const PASS = 0;
export const FAIL = 1;
export const NOT_APPLICABLE = 2;

/** What the rules need of each county that does not depend on the scenario. */
export type RuleData = {
  /** 0: neither rule applies (no spending this year or last, or not present last year); 1: rule A only (no students in a year); 2: both. */
  kind: Uint8Array;
  /** E(t−1), N(t−1) and E(t−1)·N(t) (the right-hand side of rule B, e·N(t−1) < E(t−1)·N(t)). */
  priorSpending: Float64Array;
  priorStudents: Float64Array;
  students: Float64Array;
  priorTimesStudents: Float64Array;
};

const cache = new WeakMap<Prepared, RuleData>();

/** The rules' data for the data set (cached: it depends only on the data). */
export function ruleData(p: Prepared): RuleData {
  const cached = cache.get(p);
  if (cached) return cached;
  const n = p.n;
  const kind = new Uint8Array(n);
  const priorSpending = p.prior.eduSpending;
  const priorStudents = p.prior.students;
  const students = p.current.students;
  const priorTimesStudents = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // The new spending is finite exactly when this year's recorded spending is (the transfer
    // change added to it always is).
    const applies = Number.isFinite(p.current.eduSpending[i]!) && Number.isFinite(priorSpending[i]!) && p.prior.present[i] === 1;
    if (!applies) continue;
    kind[i] = students[i]! > 0 && priorStudents[i]! > 0 ? 2 : 1;
    priorTimesStudents[i] = priorSpending[i]! * students[i]!;
  }
  const data = { kind, priorSpending, priorStudents, students, priorTimesStudents };
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
  return BigInt(a) * BigInt(b) < BigInt(c) * BigInt(d);
}

/** Rule A in the low two bits, rule B in the next two, for county i with education spending `e`. */
export function ruleCodes(r: RuleData, i: number, e: number): number {
  const kind = r.kind[i]!;
  if (kind === 0) return NOT_APPLICABLE | (NOT_APPLICABLE << 2);
  const e0 = r.priorSpending[i]!;
  const a = e < e0 ? FAIL : PASS;
  if (kind === 1) return a | (NOT_APPLICABLE << 2);
  const n0 = r.priorStudents[i]!;
  const b = productLessGiven(e * n0, r.priorTimesStudents[i]!, e, n0, e0, r.students[i]!) ? FAIL : PASS;
  return a | (b << 2);
}
