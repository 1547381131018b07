// A scenario run: last year's allocation (the baseline rule on last year's data, for hold-harmless
// and the growth band), this year's baseline allocation, the scenario's allocation, and what it
// does to each county — the change in its transfer, its education spending and spending per
// student after the transfer, and whether the two never-decrease rules (docs/domain.md#never-decrease) still hold.
//
// Modelling assumption, stated in the UI and the CLI: the recorded education spending already
// contains the baseline transfer, and a change in the transfer reaches education spending at the
// pass-through share (default 100 %, docs/domain.md#simulator-bounds). Rule A: E(t) ≥ E(t−1); rule B: E(t)/N(t) ≥
// E(t−1)/N(t−1), compared exactly.
import { canonicalJson, sha256Hex } from '../hash/sha256';
import { evaluateAllocation, type Allocation } from './evaluate';
import { resolveParameters, type OverlayEntry, type ResolvedParameters } from './parameters';
import type { Prepared } from './prepare';
import { FAIL, PASS, ruleCodes, ruleData } from './rules';

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

type BaselineRules = { a: Uint8Array; b: Uint8Array; failingA: number; failingB: number };

const baselineRulesCache = new WeakMap<Prepared, BaselineRules>();

/**
 * The two rules on the recorded spending (the baseline's outcome) and how many fail: they depend
 * only on the data, so they are worked out once per data set. Every result shares these two
 * arrays, as it shares the baseline allocation; callers treat results as read-only.
 */
function baselineRules(p: Prepared): BaselineRules {
  const cached = baselineRulesCache.get(p);
  if (cached) return cached;
  const data = ruleData(p);
  const rules = { a: new Uint8Array(p.n), b: new Uint8Array(p.n), failingA: 0, failingB: 0 };
  for (let i = 0; i < p.n; i++) {
    const code = ruleCodes(data, i, p.current.eduSpending[i]!);
    rules.a[i] = code & 3;
    rules.b[i] = code >> 2;
    if (rules.a[i] === FAIL) rules.failingA++;
    if (rules.b[i] === FAIL) rules.failingB++;
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

export function simulate(p: Prepared, scenario: Scenario, options: { hash?: boolean } = {}): SimResult {
  const year = p.inputs.year;
  const base = baselineRun(p);
  const baseRules = baselineRules(p);
  const rules = ruleData(p);
  const params = resolveParameters(scenario.overlay, year);
  const scores = scoresByIndex(p, scenario.scores);
  const allocation = scenario.overlay.length === 0 && !scores ? base.allocation : evaluateAllocation(p, params, { prior: base.prior, scores });
  const passThrough = params['outcome.pass_through'];
  const n = p.n;
  // One buffer for the four result arrays: one allocation instead of four on every slider move.
  const buffer = new ArrayBuffer(n * 18);
  const delta = new Float64Array(buffer, 0, n);
  const eduAfter = new Float64Array(buffer, n * 8, n);
  const ruleA = { baseline: baseRules.a, scenario: new Uint8Array(buffer, n * 16, n) };
  const ruleB = { baseline: baseRules.b, scenario: new Uint8Array(buffer, n * 17, n) };
  const amounts = allocation.amounts;
  const baseAmounts = base.allocation.amounts;
  const eduSpending = p.current.eduSpending;
  const baseA = baseRules.a;
  const baseB = baseRules.b;
  const scenA = ruleA.scenario;
  const scenB = ruleB.scenario;
  let failA = 0;
  let newA = 0;
  let fixedA = 0;
  let failB = 0;
  let newB = 0;
  let fixedB = 0;
  // The change is whole 分, so at the default full pass-through it needs no rounding.
  const whole = passThrough === 1;
  // One pass: the change, spending after it, both rules and their counts.
  for (let i = 0; i < n; i++) {
    const d = amounts[i]! - baseAmounts[i]!;
    delta[i] = d;
    const e = Math.max(0, eduSpending[i]! + (whole ? d : Math.round(passThrough * d)));
    eduAfter[i] = e;
    const code = ruleCodes(rules, i, e);
    const a = code & 3;
    const b = code >> 2;
    scenA[i] = a;
    scenB[i] = b;
    const a0 = baseA[i]!;
    const b0 = baseB[i]!;
    if (a === FAIL) {
      failA++;
      if (a0 === PASS) newA++;
    } else if (a === PASS && a0 === FAIL) fixedA++;
    if (b === FAIL) {
      failB++;
      if (b0 === PASS) newB++;
    } else if (b === PASS && b0 === FAIL) fixedB++;
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
    counts: {
      eduSpending: { baseline: baseRules.failingA, scenario: failA, newlyFailing: newA, nowPassing: fixedA },
      perStudent: { baseline: baseRules.failingB, scenario: failB, newlyFailing: newB, nowPassing: fixedB },
    },
  };
}
