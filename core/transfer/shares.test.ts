// Formula shares and the difficulty coefficient (docs/domain.md#equalisation-transfer): Σ_k w_k f_ik / Σ_j f_jk over
// the weighted factors, times max(floor, 1 + tilt × raw difficulty), on the columns prepare.ts
// builds. The shares must be the textbook formula, and a tilt must move money toward the poorer
// units and never away from the poorest.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAllocation, sharesFor } from './evaluate';
import type { YearFigures } from './inputs';
import { FACTOR_KEY, FACTOR_NAMES, resolveParameters, type ResolvedParameters } from './parameters';
import { prepare, type Prepared } from './prepare';
import { difficultyRaw } from './shares';
import { zScores } from './zscores';
import { FIXTURE_YEAR, inputsOf } from '../../test/fixtures/transfer-counties';

const ORDINARY: YearFigures = { students: 1000, primary: 0, junior: 0, population: 1000, areaKm2: 1, revenue: 1_000_000, expenditure: 1_000_000, eduSpending: null };

/** Counties with ORDINARY figures except where a case says otherwise (no last year). */
function prepared(units: readonly Partial<YearFigures>[]): Prepared {
  return prepare(inputsOf(units.map((f, i) => ({ code: String(390101 + i), name: `县${i + 1}`, tier: 1, urbanRural: 'rural', current: { ...ORDINARY, ...f }, prior: null }))));
}

/** The baseline rule with only the factor weights given (every other factor at 0), plus overrides. */
function weighted(weights: Record<string, number>, over: Record<string, number> = {}): ResolvedParameters {
  return { ...resolveParameters([], FIXTURE_YEAR), ...Object.fromEntries(FACTOR_NAMES.map((f) => [FACTOR_KEY[f], 0])), ...weights, ...over };
}

const positive = fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 60 });

describe('factor shares', () => {
  it("with one non-zero weight, the shares are that factor's shares (property)", () => {
    fc.assert(
      fc.property(positive, positive, (a, b0) => {
        const area = a.map((_, i) => b0[i % b0.length]!);
        const p = prepared(a.map((students, i) => ({ students, areaKm2: area[i]! })));
        const { shares } = sharesFor(p, weighted({ 'factor.students': 1, 'factor.area': 0 }));
        const total = a.reduce((x, y) => x + y, 0);
        shares.forEach((s, i) => expect(Math.abs(s - a[i]! / total)).toBeLessThan(1e-12));
      }),
    );
  });

  it('golden: 0.6 × students + 0.4 × inverse revenue per head', () => {
    // Students 300 : 100 give 0.75, 0.25; revenue 3 : 1 on equal populations gives inverse
    // capacity 1/3 : 1, i.e. 0.25, 0.75.
    const p = prepared([
      { students: 300, revenue: 3_000_000 },
      { students: 100, revenue: 1_000_000 },
    ]);
    const { shares } = sharesFor(p, weighted({ 'factor.students': 0.6, 'factor.inverse_capacity': 0.4 }));
    expect(shares[0]).toBeCloseTo(0.6 * 0.75 + 0.4 * 0.25, 12);
    expect(shares[1]).toBeCloseTo(0.6 * 0.25 + 0.4 * 0.75, 12);
  });
});

describe('difficulty coefficient', () => {
  it('standardises each component to mean 0 and sd 1', () => {
    const z = zScores([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(z.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    expect(z[0]).toBeCloseTo(-1.5, 12); // mean 5, sd 2
    expect(z[7]).toBeCloseTo(2, 12);
  });

  it('golden: 第七条 at 55 % / 45 % ranks the county with the larger gap and pressure as more difficult', () => {
    // Spending 200, 150, 110 on revenue 100 each: pressure 2, 1.5, 1.1 and gap ratio 0.5, 0.33, 0.09.
    const p = prepared([200, 150, 110].map((e) => ({ revenue: 100_000_000, expenditure: e * 1_000_000 })));
    const raw = new Float64Array(3);
    difficultyRaw(p.current, weighted({}), undefined, raw);
    expect(raw[0]! > raw[1]! && raw[1]! > raw[2]!).toBe(true);
    expect(raw.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
  });

  it('a published score at the mean is a multiplier of 1', () => {
    const raw = new Float64Array(3);
    const total = difficultyRaw(prepared([{}, {}, {}]).current, weighted({}), Float64Array.from([20, 55, 90]), raw);
    [20 / 55, 1, 90 / 55].forEach((m, i) => expect(1 + raw[i]!).toBeCloseTo(m, 12));
    expect(total).toBeCloseTo(3, 12);
  });

  it('raising the tilt never lowers the share of the poorest county (property)', () => {
    const county = fc.record({ students: fc.integer({ min: 1, max: 1e5 }), revenuePerHead: fc.integer({ min: 1, max: 1e5 }) });
    const strength = fc.double({ min: 0, max: 2, noNaN: true });
    fc.assert(
      fc.property(fc.array(county, { minLength: 2, maxLength: 30 }), strength, strength, (units, a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const p = prepared(units.map((u) => ({ students: u.students, population: 1000, revenue: u.revenuePerHead * 1000 })));
        const perHead = units.map((u) => u.revenuePerHead);
        const poorest = perHead.indexOf(Math.min(...perHead));
        const share = (tilt: number) => sharesFor(p, weighted({ 'factor.students': 1 }, { 'difficulty.by_revenue_per_head': 1, 'difficulty.tilt': tilt })).shares[poorest]!;
        const students = units.reduce((x, u) => x + u.students, 0);
        expect(share(hi)).toBeGreaterThanOrEqual(share(lo) - 1e-12);
        expect(share(0)).toBeCloseTo(units[poorest]!.students / students, 12);
      }),
    );
  });

  it('a tilt moves money toward the poorer county, to the 分', () => {
    // Two counties: every z-score is ±1, so county 2 (revenue 2,000 against 8,000 on the same
    // spending) has raw difficulty +1 and county 1 −1. Tilt 0.5: multipliers 0.5 and 1.5.
    const p = prepared([
      { revenue: 8_000, expenditure: 10_000 },
      { revenue: 2_000, expenditure: 10_000 },
    ]);
    const raw = new Float64Array(2);
    difficultyRaw(p.current, weighted({}), undefined, raw);
    expect(raw[0]).toBeCloseTo(-1, 12);
    expect(raw[1]).toBeCloseTo(1, 12);
    const amounts = (tilt: number) => Array.from(evaluateAllocation(p, weighted({ 'factor.students': 1 }, { 'pool.amount': 10_000, 'difficulty.tilt': tilt })).amounts);
    expect(amounts(0)).toEqual([500_000, 500_000]);
    expect(amounts(0.5)).toEqual([250_000, 750_000]);
  });
});
