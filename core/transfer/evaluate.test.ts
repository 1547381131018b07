// Golden cases, one per mechanism, worked by hand on four units whose population shares are
// 0.4 : 0.3 : 0.2 : 0.1 (students 100 … 400, so a per-student floor bites the other way round),
// each its own development tier, unless a case builds units of its own.
// Pool 1,000 元 = 100,000 分; the population factor alone unless a case says otherwise.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../hash/sha256';
import { evaluateAllocation, HELD_REASONS } from './evaluate';
import type { SimInputs, SimUnit } from './inputs';
import { resolveParameters, type ResolvedParameters } from './parameters';
import { prepare, type Prepared } from './prepare';
import { largestRemainder } from '../../test/oracles/largest-remainder';

function inputs(populations: readonly number[] = [400, 300, 200, 100], tiers: readonly (number | null)[] = populations.map((_, i) => i + 1)): SimInputs {
  const units: SimUnit[] = populations.map((population, i) => {
    const figures = { students: (i + 1) * 100, primary: 0, junior: 0, population, areaKm2: 1, revenue: 100_000, expenditure: 100_000, eduSpending: 1_000_000 };
    return { code: String(390101 + i), name: `县${i + 1}`, tier: tiers[i] ?? null, urbanRural: 'rural', current: figures, prior: figures };
  });
  return { regionCode: '390100', regionName: '测试市', year: 2024, units, datasets: [], dataHash: sha256Hex(canonicalJson(units)) };
}

const p = prepare(inputs());
const base: ResolvedParameters = {
  ...resolveParameters([], 2024),
  'pool.amount': 1000,
  'factor.students': 0,
  'factor.population': 1,
  'factor.area': 0,
  'factor.inverse_capacity': 0,
  'factor.standard_gap': 0,
  'factor.difficulty': 0,
};
const run = (over: Record<string, number>, prior?: number[], scores?: number[]) =>
  evaluateAllocation(p, { ...base, ...over }, { prior: prior ? Float64Array.from(prior) : undefined, scores: scores ? Float64Array.from(scores) : undefined });
const on = (q: Prepared, over: Record<string, number>) => evaluateAllocation(q, { ...base, ...over });
const amounts = (a: ReturnType<typeof run>) => Array.from(a.amounts);
const held = (a: ReturnType<typeof run>) => Array.from(a.held, (h) => HELD_REASONS[h]);

describe('evaluateAllocation golden cases', () => {
  it('the formula alone: 40 000, 30 000, 20 000, 10 000 分', () => {
    const a = run({});
    expect(amounts(a)).toEqual([40000, 30000, 20000, 10000]);
    expect(amounts(a)).toEqual(Array.from(a.formula, Math.round));
    expect(held(a)).toEqual(['free', 'free', 'free', 'free']);
  });

  it('the formula alone on 5 : 3 : 2 of 10,000 分 is 5,000, 3,000, 2,000, and the same again on a second run', () => {
    const q = prepare(inputs([5, 3, 2]));
    const first = on(q, { 'pool.amount': 100 });
    expect(amounts(first)).toEqual([5000, 3000, 2000]);
    expect(held(first)).toEqual(['free', 'free', 'free']);
    expect(amounts(on(q, { 'pool.amount': 100 }))).toEqual(amounts(first));
  });

  it('cap 35 % on the population factor: unit 1 held at 35 000, the rest 65 000 split 3 : 2 : 1', () => {
    // 65 000 × 3/6, 2/6, 1/6 = 32 500, 21 666.67, 10 833.33 → the .67 remainder takes the extra 分.
    const a = run({ 'cap.share': 0.35 });
    expect(amounts(a)).toEqual([35000, 32500, 21667, 10833]);
    expect(held(a)).toEqual(['cap', 'free', 'free', 'free']);
  });

  it('per-student floor 0.5 元: unit 4 (400 students) raised to 20 000, the others share 80 000 by 4 : 3 : 2', () => {
    // 80 000 × 4/9, 3/9, 2/9 = 35 555.56, 26 666.67, 17 777.78 → floors sum to 79 998; the two
    // largest remainders (.78 and .67) take one 分 each.
    const a = run({ 'floor.per_student': 0.5 });
    expect(amounts(a)).toEqual([35555, 26667, 17778, 20000]);
    expect(held(a)).toEqual(['free', 'free', 'free', 'floor']);
  });

  it('hold-harmless h = 0.9 of last year 50 000, 20 000, 20 000, 10 000: unit 1 held at 45 000', () => {
    // λ with units 2–4 free: 45 000 + 0.6 λ = 100 000 → λ = 91 666.67; unit 1 (0.4 λ = 36 667)
    // is below 45 000 and held, units 3 and 4 (18 333, 9 167) are above 18 000 and 9 000, free.
    // 55 000 by 3 : 2 : 1 = 27 500, 18 333.33, 9 166.67 → the .67 remainder takes the extra 分.
    const a = run({ 'hold_harmless.h': 0.9 }, [50000, 20000, 20000, 10000]);
    expect(amounts(a)).toEqual([45000, 27500, 18333, 9167]);
    expect(held(a)).toEqual(['hold_harmless', 'free', 'free', 'free']);
  });

  it('hold-harmless h = 1 with a pool equal to last year: everybody exactly at last year', () => {
    const a = run({ 'hold_harmless.h': 1 }, [50000, 20000, 20000, 10000]);
    expect(amounts(a)).toEqual([50000, 20000, 20000, 10000]);
    expect(a.feasible).toBe(true);
  });

  it('growth band −10 % … +20 % on last year 30 000 ×3, 10 000: unit 1 capped, unit 3 floored', () => {
    // Bounds [27 000, 36 000] ×3 and [9 000, 12 000]. Unit 1's formula 40 000 > 36 000, unit 3's
    // 20 000 < 27 000; units 2 and 4 share 100 000 − 63 000 = 37 000 by 3 : 1 = 27 750, 9 250,
    // inside their bands (λ = 92 500 puts units 1 and 3 past their bounds, as held).
    const a = run({ 'growth.enabled': 1, 'growth.min': -0.1, 'growth.max': 0.2 }, [30000, 30000, 30000, 10000]);
    expect(amounts(a)).toEqual([36000, 27750, 27000, 9250]);
    expect(held(a)).toEqual(['growth_max', 'free', 'growth_min', 'free']);
  });

  it('difficulty scores 20, 40, 60, 80 at tilt 1: multipliers 0.4, 0.8, 1.2, 1.6 turn 4 : 3 : 2 : 1 into 2 : 3 : 3 : 2', () => {
    const a = run({ 'difficulty.tilt': 1 }, undefined, [20, 40, 60, 80]);
    expect(amounts(a)).toEqual([20000, 30000, 30000, 20000]);
  });

  it('golden: 60 / 40 between two tiers, then by population within each', () => {
    // Tier 1 (units 1 and 3, population 1 : 3) gets 600 分 → 150, 450; tier 2 (unit 2) gets 400.
    const q = prepare(inputs([1, 5, 3], [1, 2, 1]));
    const a = on(q, { 'pool.amount': 10, 'tiers.presplit': 1, 'tiers.share_tier1': 0.6, 'tiers.share_tier2': 0.4 });
    expect(amounts(a)).toEqual([150, 400, 450]);
  });

  it('a county without a development tier: the pool is not pre-split, and the run names the county', () => {
    // Pre-split, the unclassified county would be in no tier's pool and get nothing; instead the
    // pool is shared as one (at the baseline 30 / 25 / 20 / 15 / 10 % it would not be the formula).
    const q = prepare(inputs([400, 300, 200, 100], [1, 2, null, 4]));
    const a = on(q, { 'tiers.presplit': 1 });
    expect(amounts(a)).toEqual([40000, 30000, 20000, 10000]);
    expect(a.warnings.find((w) => w.code === 'tier_missing')?.units).toEqual([2]);
  });

  it('pools pre-split by tier: each unit is its own tier here, so each gets its tier\'s share of the pool', () => {
    const a = run({ 'tiers.presplit': 1, 'tiers.share_tier1': 0.1, 'tiers.share_tier2': 0.2, 'tiers.share_tier3': 0.3, 'tiers.share_tier4': 0.4, 'tiers.share_tier5': 0 });
    expect(amounts(a)).toEqual([10000, 20000, 30000, 40000]);
  });

  it('a cap below a floor gives way to the floor and says so', () => {
    // Unit 4 needs 400 × 0.8 元 = 32 000 分 but the cap is 30 % = 30 000 分 (the other floors
    // and caps leave room: Σ floors 80 000 ≤ pool ≤ Σ caps 122 000).
    const a = run({ 'floor.per_student': 0.8, 'cap.share': 0.3 });
    expect(a.amounts[3]).toBe(32000);
    expect(a.feasible).toBe(true);
    expect(a.warnings.find((w) => w.code === 'bounds_conflict')?.units).toEqual([3]);
    expect(amounts(a).reduce((x, y) => x + y, 0)).toBe(100000);
  });

  it('floors the pool cannot cover: reported as infeasible, and the pool split in proportion to the floors', () => {
    // 1.20 元 per student needs 12,000 + 24,000 + 36,000 + 48,000 = 120,000 分 of a 100,000 pool.
    const a = run({ 'floor.per_student': 1.2 });
    expect(a.feasible).toBe(false);
    expect(a.warnings).toContainEqual({ code: 'infeasible_low', detail: 'all', units: [0, 1, 2, 3] });
    expect(amounts(a)).toEqual([10000, 20000, 30000, 40000]);
    expect(held(a)).toEqual(['floor', 'floor', 'floor', 'floor']);
  });

  it('caps that cannot absorb the pool: reported as infeasible, and the pool split in proportion to the caps', () => {
    // A cap of 20 % = 20,000 分 each holds 80,000 of 100,000.
    const a = run({ 'cap.share': 0.2 });
    expect(a.feasible).toBe(false);
    expect(a.warnings).toContainEqual({ code: 'infeasible_high', detail: 'all', units: [0, 1, 2, 3] });
    expect(amounts(a)).toEqual([25000, 25000, 25000, 25000]);
    expect(held(a)).toEqual(['cap', 'cap', 'cap', 'cap']);
  });
});

describe('pools pre-split by tier', () => {
  it('sums to the pool and gives each tier exactly its largest-remainder part of it (property)', () => {
    const SHARE = [0, 0.5, 0.3, 0.2];
    const county = fc.record({ tier: fc.constantFrom<number>(1, 2, 3), population: fc.integer({ min: 1, max: 1000 }) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.array(county, { minLength: 1, maxLength: 50 }), (pool, units) => {
        const tiers = units.map((u) => u.tier);
        const q = prepare(inputs(units.map((u) => u.population), tiers));
        const a = on(q, { 'pool.amount': pool / 100, 'tiers.presplit': 1, 'tiers.share_tier1': SHARE[1]!, 'tiers.share_tier2': SHARE[2]!, 'tiers.share_tier3': SHARE[3]!, 'tiers.share_tier4': 0, 'tiers.share_tier5': 0 });
        expect(a.pool).toBe(pool);
        expect(amounts(a).reduce((x, y) => x + y, 0)).toBe(pool);
        const present = [1, 2, 3].filter((t) => tiers.includes(t));
        const tierPools = largestRemainder(BigInt(pool), present.map((t) => SHARE[t]!)).map(Number);
        present.forEach((t, k) => expect(amounts(a).reduce((x, v, i) => (tiers[i] === t ? x + v : x), 0)).toBe(tierPools[k]));
      }),
    );
  });
});
