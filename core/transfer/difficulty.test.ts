import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, factorShares } from './allocate';
import { difficultyMultiplier, ministryDifficulty, rawDifficulty, scoreMultiplier, zScores } from './difficulty';

describe('difficulty coefficient', () => {
  it('standardises each component to mean 0 and sd 1', () => {
    const z = zScores([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(z.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    expect(z[0]).toBeCloseTo(-1.5, 12); // mean 5, sd 2
    expect(z[7]).toBeCloseTo(2, 12);
  });

  it('golden: the ministry formula ranks the region with the larger gap and pressure as more difficult', () => {
    const raw = ministryDifficulty({ mandatorySpending: [80, 50, 30], standardRevenue: [100, 100, 100], standardSpending: [200, 150, 110] });
    expect(raw[0]! > raw[1]! && raw[1]! > raw[2]!).toBe(true);
    expect(raw.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
  });

  it('a mean score is a multiplier of 1', () => {
    expect(scoreMultiplier([20, 55, 90])).toEqual([20 / 55, 1, 90 / 55]);
  });

  it('raising the tilt never lowers the share of the most difficult unit (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ students: fc.integer({ min: 1, max: 1e5 }), revenuePerHead: fc.integer({ min: 1, max: 1e5 }) }), { minLength: 2, maxLength: 30 }), fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), (units, a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const raw = rawDifficulty([{ name: 'inverse_revenue', weight: 1, values: units.map((u) => -u.revenuePerHead) }]);
        const poorest = raw.indexOf(Math.max(...raw));
        const base = factorShares(units.length, [{ name: 'students', weight: 1, values: units.map((u) => u.students) }]);
        const share = (strength: number) => factorShares(units.length, [{ name: 'students', weight: 1, values: units.map((u) => u.students) }], difficultyMultiplier(raw, strength))[poorest]!;
        expect(share(hi)).toBeGreaterThanOrEqual(share(lo) - 1e-12);
        expect(share(0)).toBeCloseTo(base[poorest]!, 12);
      }),
    );
  });

  it('a tilt moves money toward the poorer unit, to the 分', () => {
    const students = [1000, 1000];
    const raw = rawDifficulty([{ name: 'inverse_revenue', weight: 1, values: [-8000, -2000] }]); // unit 1 is poorer
    const plain = allocate(1_000_000n, factorShares(2, [{ name: 'students', weight: 1, values: students }]));
    const tilted = allocate(1_000_000n, factorShares(2, [{ name: 'students', weight: 1, values: students }], difficultyMultiplier(raw, 0.5)));
    expect(plain.amounts).toEqual([500_000n, 500_000n]);
    expect(tilted.amounts).toEqual([250_000n, 750_000n]);
  });
});
