// Quota allocation: the quotas always add up to the province's total, floors and caps hold when
// they can, and "不漏一人" lists exactly the counties left short.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateQuotas, quotaFromCoverage, quotaProblems, type QuotaRule, type QuotaUnit } from './allocate';

const SEED = 20261207;
const unit = (code: string, enrolled: number, eligible: number, gdp = 5_000_000, rev = 500_000): QuotaUnit => ({ code, name: code, enrolled, eligible, gdpPerHeadFen: gdp, revenuePerHeadFen: rev, perStudentFen: 230_000 });
const rule = (over: Partial<QuotaRule> = {}): QuotaRule => ({ total: 300, weights: { students: 0.4, eligible: 0.6, economic: 0, fiscal: 0 }, minRatioBp: 10000, capEligibleBp: null, ...over });

describe('allocateQuotas', () => {
  it('gives every identified student a place when the total allows, and splits the rest by need', () => {
    const units = [unit('A', 1000, 100), unit('B', 1000, 50), unit('C', 500, 20)];
    const r = allocateQuotas(units, rule());
    expect(r.status).toBe('ok');
    expect(r.totalQuota).toBe(300);
    expect(r.shortOf).toEqual([]);
    for (const row of r.rows) expect(row.quota).toBeGreaterThanOrEqual(row.eligible);
    expect(r.moneyFen).toBe(300 * 230_000);
  });

  it('lists the counties left short when the total is below the identified students (不漏一人)', () => {
    const units = [unit('A', 1000, 100), unit('B', 1000, 100)];
    const r = allocateQuotas(units, rule({ total: 150 }));
    expect(r.status).toBe('infeasible_low');
    expect(r.totalQuota).toBe(150);
    expect(r.shortOf.map((s) => s.code).sort()).toEqual(['A', 'B']);
    expect(r.shortOf.reduce((t, s) => t + s.shortfall, 0)).toBe(50);
  });

  it('poorer counties get more per enrolled student under the economic factor', () => {
    const units = [unit('RICH', 1000, 0, 10_000_000), unit('POOR', 1000, 0, 2_500_000)];
    const r = allocateQuotas(units, rule({ total: 500, weights: { students: 0, eligible: 0, economic: 1, fiscal: 0 }, minRatioBp: 0 }));
    expect(r.rows.find((x) => x.code === 'POOR')!.quota).toBe(400);
    expect(r.rows.find((x) => x.code === 'RICH')!.quota).toBe(100);
  });

  it('never gives a county more quota than it has students', () => {
    const units = [unit('S', 10, 5), unit('L', 10_000, 5)];
    const r = allocateQuotas(units, rule({ total: 1000, weights: { students: 0, eligible: 1, economic: 0, fiscal: 0 } }));
    expect(r.rows.find((x) => x.code === 'S')!.quota).toBe(10);
    expect(r.rows.find((x) => x.code === 'S')!.held).toBe('cap');
    expect(r.totalQuota).toBe(1000);
  });

  it('names missing inputs instead of reading them as zero', () => {
    const units = [unit('A', 100, 10), { ...unit('B', 100, 10), gdpPerHeadFen: null }];
    expect(quotaProblems(units, rule({ weights: { students: 0, eligible: 0, economic: 1, fiscal: 0 } }))).toEqual([{ code: 'missing_input', field: 'gdp_per_head', units: ['B'] }]);
    expect(quotaProblems(units, rule())).toEqual([]);
    expect(quotaProblems(units, rule({ weights: { students: 0, eligible: 0, economic: 0, fiscal: 0 } }))).toEqual([{ code: 'weights_zero' }]);
    expect(() => allocateQuotas(units, rule({ weights: { students: 0, eligible: 0, economic: 0, fiscal: 0 } }))).toThrow(RangeError);
    expect(quotaFromCoverage([{ ...unit('A', 1, 1), enrolled: null }], 2000)).toBeNull();
    expect(quotaFromCoverage([unit('A', 1001, 1), unit('B', 1000, 1)], 2000)).toBe(400);
  });

  it('says when it divided the weights by their sum', () => {
    const r = allocateQuotas([unit('A', 100, 1)], rule({ total: 10, weights: { students: 20, eligible: 60, economic: 0, fiscal: 0 } }));
    expect(r.weightsNormalised).toBe(true);
    expect(r.normalisedWeights.students).toBeCloseTo(0.25, 12);
  });
});

describe('allocateQuotas — properties (fixed seed)', () => {
  const units = fc.array(
    fc.record({ enrolled: fc.integer({ min: 1, max: 200_000 }), eligibleShare: fc.integer({ min: 0, max: 10000 }), gdp: fc.integer({ min: 1, max: 50_000_000 }), rev: fc.integer({ min: 1, max: 5_000_000 }) }),
    { minLength: 1, maxLength: 60 },
  );
  it('quotas are whole, add up to the total, and stay within [floor, cap] when feasible (property)', () => {
    fc.assert(
      fc.property(units, fc.integer({ min: 0, max: 3_000_000 }), fc.integer({ min: 0, max: 10000 }), fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }), (us, total, minBp, w) => {
        if (w.reduce((a, b) => a + b, 0) === 0) w[0] = 1;
        const qs = us.map((u, i) => unit(`U${i}`, u.enrolled, Math.floor((u.enrolled * u.eligibleShare) / 10000), u.gdp, u.rev));
        const r = allocateQuotas(qs, rule({ total, minRatioBp: minBp, weights: { students: w[0]!, eligible: w[1]!, economic: w[2]!, fiscal: w[3]! } }));
        expect(r.totalQuota).toBe(total);
        for (const row of r.rows) {
          expect(Number.isInteger(row.quota)).toBe(true);
          if (r.status === 'ok') {
            expect(row.quota).toBeGreaterThanOrEqual(row.floor);
            expect(row.quota).toBeLessThanOrEqual(row.cap);
          }
        }
        // 不漏一人 holds whenever the floors are every identified student and they fit.
        if (r.status === 'ok' && minBp === 10000) expect(r.shortOf).toEqual([]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
