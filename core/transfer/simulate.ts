// A scenario run: last year's allocation (the baseline rule on last year's data, for hold-harmless
// and the growth band), this year's baseline allocation, the scenario's allocation, and what it
// does to each county — the change in its transfer, its education spending and spending per
// student after the transfer, and whether the two never-decrease rules (DOMAIN §1) still hold.
//
// Modelling assumption, stated in the UI and the CLI: the recorded education spending already
// contains the baseline transfer, and a change in the transfer reaches education spending at the
// pass-through share (default 100 %, DOMAIN §3.5). Rule A: E(t) ≥ E(t−1); rule B: E(t)/N(t) ≥
// E(t−1)/N(t−1), compared exactly.
import { canonicalJson, sha256Hex } from '../hash/sha256';
import { evaluateAllocation, type Allocation } from './evaluate';
import { resolveParameters, type OverlayEntry, type ResolvedParameters } from './parameters';
import type { Prepared } from './prepare';

export type Scenario = { name: string; overlay: readonly OverlayEntry[]; scores?: Readonly<Record<string, number>> | undefined };

export type RuleCounts = { baseline: number; scenario: number; newlyFailing: number; nowPassing: number };

export type SimResult = {
  year: number;
  params: ResolvedParameters;
  paramsHash: string;
  dataHash: string;
  allocation: Allocation;
  baseline: Allocation;
  prior: Float64Array;
  /** Scenario − baseline, 分. */
  delta: Float64Array;
  /** Education spending after the transfer, 分 (NaN where not reported). */
  eduAfter: Float64Array;
  /** 0 pass, 1 fail, 2 not applicable; for the baseline and the scenario. */
  ruleA: { baseline: Uint8Array; scenario: Uint8Array };
  ruleB: { baseline: Uint8Array; scenario: Uint8Array };
  counts: { eduSpending: RuleCounts; perStudent: RuleCounts };
};

type BaselineRun = { prior: Float64Array; allocation: Allocation; params: ResolvedParameters };

const baselineCache = new WeakMap<Prepared, BaselineRun>();

/** The baseline rule for the year, and last year's allocation under last year's baseline rule. */
export function baselineRun(p: Prepared): BaselineRun {
  const cached = baselineCache.get(p);
  if (cached) return cached;
  const year = p.inputs.year;
  const prior = new Float64Array(p.n).fill(NaN);
  if (p.hasPrior) {
    // Last year's rule without its own hold-harmless or growth band (that would need the year before).
    const priorParams = { ...resolveParameters([], year - 1), 'hold_harmless.h': 0, 'growth.enabled': 0 };
    const a = evaluateAllocation(p, priorParams, { year: 'prior' });
    for (let i = 0; i < p.n; i++) prior[i] = p.prior.present[i] ? a.amounts[i]! : NaN;
  }
  const params = resolveParameters([], year);
  const run = { prior, allocation: evaluateAllocation(p, params, { prior }), params };
  baselineCache.set(p, run);
  return run;
}

const baselineRulesCache = new WeakMap<Prepared, { a: Uint8Array; b: Uint8Array }>();

/**
 * The two rules on the recorded spending (the baseline's outcome): they depend only on the data,
 * so they are worked out once per data set. Every result shares these two arrays, as it shares
 * the baseline allocation; callers treat results as read-only.
 */
function baselineRules(p: Prepared): { a: Uint8Array; b: Uint8Array } {
  const cached = baselineRulesCache.get(p);
  if (cached) return cached;
  const rules = { a: new Uint8Array(p.n), b: new Uint8Array(p.n) };
  for (let i = 0; i < p.n; i++) {
    const code = ruleCodes(p, i, p.current.eduSpending[i]!);
    rules.a[i] = code & 3;
    rules.b[i] = code >> 2;
  }
  baselineRulesCache.set(p, rules);
  return rules;
}

export function scoresByIndex(p: Prepared, scores: Scenario['scores']): Float64Array | undefined {
  if (!scores || Object.keys(scores).length === 0) return undefined;
  return Float64Array.from(p.inputs.units, (u) => scores[u.code] ?? 0);
}

export function parametersHash(year: number, params: ResolvedParameters, scores: Scenario['scores']): string {
  return sha256Hex(canonicalJson({ year, parameters: params, scores: scores ?? {} }));
}

/** a·b < c·d for non-negative integers, exactly (products can pass 2^53, so near-ties go to BigInt). */
export function productLess(a: number, b: number, c: number, d: number): boolean {
  const x = a * b;
  const y = c * d;
  if (Math.abs(x - y) > 1e-9 * Math.max(x, y)) return x < y;
  return BigInt(a) * BigInt(b) < BigInt(c) * BigInt(d);
}

/**
 * Rule A (low two bits) and rule B (next two) for unit i with education spending `e`: 0 pass,
 * 1 fail, 2 not applicable.
 */
function ruleCodes(p: Prepared, i: number, e: number): number {
  const e0 = p.prior.eduSpending[i]!;
  if (!Number.isFinite(e) || !Number.isFinite(e0) || !p.prior.present[i]) return 2 | (2 << 2);
  const a = e < e0 ? 1 : 0;
  const n = p.current.students[i]!;
  const n0 = p.prior.students[i]!;
  const b = n > 0 && n0 > 0 ? (productLess(e, n0, e0, n) ? 1 : 0) : 2;
  return a | (b << 2);
}

const emptyCounts = (): RuleCounts => ({ baseline: 0, scenario: 0, newlyFailing: 0, nowPassing: 0 });

export function simulate(p: Prepared, scenario: Scenario, options: { hash?: boolean } = {}): SimResult {
  const year = p.inputs.year;
  const base = baselineRun(p);
  const baseRules = baselineRules(p);
  const params = resolveParameters(scenario.overlay, year);
  const scores = scoresByIndex(p, scenario.scores);
  const allocation = scenario.overlay.length === 0 && !scores ? base.allocation : evaluateAllocation(p, params, { prior: base.prior, scores });
  const passThrough = params['outcome.pass_through']!;
  const n = p.n;
  const delta = new Float64Array(n);
  const eduAfter = new Float64Array(n);
  const ruleA = { baseline: baseRules.a, scenario: new Uint8Array(n) };
  const ruleB = { baseline: baseRules.b, scenario: new Uint8Array(n) };
  const countA = emptyCounts();
  const countB = emptyCounts();
  const amounts = allocation.amounts;
  const baseAmounts = base.allocation.amounts;
  const eduSpending = p.current.eduSpending;
  // One pass: the change, spending after it, both rules and their counts.
  for (let i = 0; i < n; i++) {
    const d = amounts[i]! - baseAmounts[i]!;
    delta[i] = d;
    const e = Math.max(0, eduSpending[i]! + Math.round(passThrough * d));
    eduAfter[i] = e;
    const code = ruleCodes(p, i, e);
    const a = code & 3;
    const b = code >> 2;
    ruleA.scenario[i] = a;
    ruleB.scenario[i] = b;
    tally(countA, baseRules.a[i]!, a);
    tally(countB, baseRules.b[i]!, b);
  }
  return {
    year,
    params,
    paramsHash: options.hash === false ? '' : parametersHash(year, params, scenario.scores),
    dataHash: p.inputs.dataHash,
    allocation,
    baseline: base.allocation,
    prior: base.prior,
    delta,
    eduAfter,
    ruleA,
    ruleB,
    counts: { eduSpending: countA, perStudent: countB },
  };
}

function tally(c: RuleCounts, base: number, scen: number): void {
  if (base === 1) c.baseline++;
  if (scen === 1) c.scenario++;
  if (scen === 1 && base === 0) c.newlyFailing++;
  if (scen === 0 && base === 1) c.nowPassing++;
}
