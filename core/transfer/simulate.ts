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

const baselineCache = new WeakMap<Prepared, { prior: Float64Array; allocation: Allocation; params: ResolvedParameters }>();

/** The baseline rule for the year, and last year's allocation under last year's baseline rule. */
export function baselineRun(p: Prepared): { prior: Float64Array; allocation: Allocation; params: ResolvedParameters } {
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

function rules(p: Prepared, edu: Float64Array, a: Uint8Array, b: Uint8Array): void {
  for (let i = 0; i < p.n; i++) {
    const e = edu[i]!;
    const e0 = p.prior.eduSpending[i]!;
    if (!Number.isFinite(e) || !Number.isFinite(e0) || !p.prior.present[i]) {
      a[i] = 2;
      b[i] = 2;
      continue;
    }
    a[i] = e < e0 ? 1 : 0;
    const n = p.current.students[i]!;
    const n0 = p.prior.students[i]!;
    b[i] = n > 0 && n0 > 0 ? (productLess(e, n0, e0, n) ? 1 : 0) : 2;
  }
}

function count(base: Uint8Array, scen: Uint8Array): RuleCounts {
  const c = { baseline: 0, scenario: 0, newlyFailing: 0, nowPassing: 0 };
  for (let i = 0; i < base.length; i++) {
    if (base[i] === 1) c.baseline++;
    if (scen[i] === 1) c.scenario++;
    if (scen[i] === 1 && base[i] === 0) c.newlyFailing++;
    if (scen[i] === 0 && base[i] === 1) c.nowPassing++;
  }
  return c;
}

export function simulate(p: Prepared, scenario: Scenario, options: { hash?: boolean } = {}): SimResult {
  const year = p.inputs.year;
  const base = baselineRun(p);
  const params = resolveParameters(scenario.overlay, year);
  const scores = scoresByIndex(p, scenario.scores);
  const allocation = scenario.overlay.length === 0 && !scores ? base.allocation : evaluateAllocation(p, params, { prior: base.prior, scores });
  const passThrough = params['outcome.pass_through']!;
  const delta = new Float64Array(p.n);
  const eduAfter = new Float64Array(p.n);
  for (let i = 0; i < p.n; i++) {
    delta[i] = allocation.amounts[i]! - base.allocation.amounts[i]!;
    eduAfter[i] = Math.max(0, p.current.eduSpending[i]! + Math.round(passThrough * delta[i]!));
  }
  const ruleA = { baseline: new Uint8Array(p.n), scenario: new Uint8Array(p.n) };
  const ruleB = { baseline: new Uint8Array(p.n), scenario: new Uint8Array(p.n) };
  rules(p, p.current.eduSpending, ruleA.baseline, ruleB.baseline);
  rules(p, eduAfter, ruleA.scenario, ruleB.scenario);
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
    counts: { eduSpending: count(ruleA.baseline, ruleA.scenario), perStudent: count(ruleB.baseline, ruleB.scenario) },
  };
}
