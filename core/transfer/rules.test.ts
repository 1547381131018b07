// The never-decrease rules on a simulated outcome, checked against exact integer arithmetic:
// rule B compares E(t)·N(t−1) with E(t−1)·N(t), products that pass 2^53 for large counties, so
// the float shortcut must agree with BigInt everywhere, including at and next to a tie.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimInputs, YearFigures } from './inputs';
import { prepare } from './prepare';
import { FAIL, leastSpendingKeepingPerStudent, NOT_APPLICABLE, PASS, productLess, ruleCodes, ruleData } from './rules';

const money = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const count = fc.integer({ min: 1, max: 5_000_000 });

describe('productLess (a·b < c·d, exactly)', () => {
  it('agrees with BigInt for any safe integers (property)', () => {
    fc.assert(
      fc.property(money, count, money, count, (a, b, c, d) => {
        expect(productLess(a, b, c, d)).toBe(BigInt(a) * BigInt(b) < BigInt(c) * BigInt(d));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with BigInt at a tie and one 分 either side, where floats cannot tell (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2 ** 40, max: Number.MAX_SAFE_INTEGER - 1 }), count, count, (e0, n0, n) => {
        // e·n0 against e0·n with e chosen so the two products are (nearly) equal.
        const e = Number((BigInt(e0) * BigInt(n)) / BigInt(n0));
        for (const x of [e - 1, e, e + 1]) {
          if (x < 0 || !Number.isSafeInteger(x)) continue;
          expect(productLess(x, n0, e0, n)).toBe(BigInt(x) * BigInt(n0) < BigInt(e0) * BigInt(n));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('an exact tie is not a decrease', () => {
    // 3·10^15 per 7 students against 6·10^15 per 14: equal per student, and past 2^53 as products.
    expect(productLess(3e15, 14, 6e15, 7)).toBe(false);
    expect(productLess(3e15 - 1, 14, 6e15, 7)).toBe(true);
  });
});

const year = (students: number, eduSpending: number | null): YearFigures => ({ students, primary: students, junior: 0, population: 1000, areaKm2: 10, revenue: 1e8, expenditure: 2e8, eduSpending });

/** One county per (E(t−1), N(t−1), N(t)), with this year's recorded spending E(t−1) (the outcome is passed to ruleCodes). */
function counties(cases: readonly [number, number, number][]): SimInputs {
  return {
    regionCode: '390000',
    regionName: 't',
    year: 2024,
    datasets: [],
    dataHash: 'x',
    units: cases.map(([e0, n0, n], i) => ({ code: String(390101 + i), name: `c${i}`, tier: 1, urbanRural: null, current: year(n, e0), prior: year(n0, e0) })),
  };
}

describe('rule B by a threshold worked out once per data set', () => {
  it('the least spending that keeps spending per student is exact (property)', () => {
    fc.assert(
      fc.property(money, count, fc.integer({ min: 0, max: 5_000_000 }), (e0, n0, n) => {
        const exact = (BigInt(e0) * BigInt(n) + BigInt(n0) - 1n) / BigInt(n0);
        const least = leastSpendingKeepingPerStudent(e0, n0, n);
        if (exact > BigInt(Number.MAX_SAFE_INTEGER)) {
          expect(least).toBeNaN();
        } else {
          expect(BigInt(least) * BigInt(n0) >= BigInt(e0) * BigInt(n)).toBe(true);
          if (least > 0) expect(BigInt(least - 1) * BigInt(n0) < BigInt(e0) * BigInt(n)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('ruleCodes decides both rules as the exact comparison does, at the threshold and either side (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(money, count, count), { minLength: 1, maxLength: 8 }), fc.integer({ min: -2, max: 2 }), (cases, offset) => {
        const data = ruleData(prepare(counties(cases)));
        cases.forEach(([e0, n0, n], i) => {
          const tie = Number((BigInt(e0) * BigInt(n)) / BigInt(n0));
          for (const e of [tie + offset, e0 + offset]) {
            if (e < 0 || !Number.isSafeInteger(e)) continue;
            const code = ruleCodes(data, i, e);
            expect(code & 3).toBe(e < e0 ? FAIL : PASS);
            expect(code >> 2).toBe(BigInt(e) * BigInt(n0) < BigInt(e0) * BigInt(n) ? FAIL : PASS);
          }
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('a county without students in a year has rule A only; one without spending has neither', () => {
    const inputs = counties([[100, 10, 10]]);
    inputs.units.push({ ...inputs.units[0]!, code: '390199', current: year(0, 100) }, { ...inputs.units[0]!, code: '390198', current: year(10, null) });
    const data = ruleData(prepare(inputs));
    expect(ruleCodes(data, 1, 99)).toBe(FAIL | (NOT_APPLICABLE << 2));
    expect(ruleCodes(data, 2, 99)).toBe(NOT_APPLICABLE | (NOT_APPLICABLE << 2));
  });
});
