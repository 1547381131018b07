// The allocation core: exact sums, factor shares, bounds held whenever they can be, termination.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, checkBounds, factorShares, type UnitBounds } from './allocate';
import { largestRemainder } from './rounding';

const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);
const pools = fc.bigInt({ min: 0n, max: 10n ** 13n }); // up to 1,000 亿元 in 分
const positive = fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 60 });

describe('largest remainder', () => {
  it('splits to the 分 and sums exactly to the pool (property)', () => {
    fc.assert(fc.property(pools, positive, (pool, weights) => {
      const parts = largestRemainder(pool, weights);
      expect(sum(parts)).toBe(pool);
      const total = weights.reduce((a, b) => a + b, 0);
      // No part is more than one 分 from its exact share.
      parts.forEach((p, i) => expect(Math.abs(Number(p) - (Number(pool) * weights[i]!) / total)).toBeLessThan(1.001 + Number(pool) * 1e-15));
    }));
  });

  it('golden: 100 分 by 1:1:1 gives 34, 33, 33 (ties to the earlier unit)', () => {
    expect(largestRemainder(100n, [1, 1, 1])).toEqual([34n, 33n, 33n]);
    expect(largestRemainder(7n, [0, 1, 0])).toEqual([0n, 7n, 0n]);
  });
});

describe('factor shares', () => {
  it('with one non-zero weight, shares equal that factor\'s shares (property)', () => {
    fc.assert(fc.property(positive, positive, (a, b0) => {
      const b = a.map((_, i) => b0[i % b0.length]!);
      const shares = factorShares(a.length, [{ name: 'students', weight: 1, values: a }, { name: 'area', weight: 0, values: b }]);
      const total = a.reduce((x, y) => x + y, 0);
      shares.forEach((s, i) => expect(Math.abs(s - a[i]! / total)).toBeLessThan(1e-12));
    }));
  });

  it('golden: 0.6 × students + 0.4 × inverse capacity', () => {
    const shares = factorShares(2, [{ name: 'students', weight: 0.6, values: [300, 100] }, { name: 'poverty', weight: 0.4, values: [1, 3] }]);
    expect(shares[0]).toBeCloseTo(0.6 * 0.75 + 0.4 * 0.25, 12);
    expect(shares[1]).toBeCloseTo(0.6 * 0.25 + 0.4 * 0.75, 12);
  });
});

describe('clamp and renormalise', () => {
  const problems = fc
    .tuple(pools.filter((p) => p > 0n), fc.array(fc.record({ share: fc.integer({ min: 0, max: 1000 }), min: fc.integer({ min: 0, max: 1000 }), span: fc.option(fc.integer({ min: 0, max: 1000 })) }), { minLength: 1, maxLength: 40 }))
    .map(([pool, units]) => {
      const scale = pool / 4000n + 1n;
      const bounds: UnitBounds[] = units.map((u) => ({ min: BigInt(u.min) * scale, max: u.span === null ? null : BigInt(u.min + u.span) * scale }));
      const shares = units.some((u) => u.share > 0) ? units.map((u) => u.share) : units.map(() => 1);
      return { pool, shares, bounds };
    });

  it('whenever the bounds are feasible: sums to the pool, every unit within its bounds, at most n rounds (property)', () => {
    fc.assert(fc.property(problems, ({ pool, shares, bounds }) => {
      if (checkBounds(pool, bounds)) return;
      const a = allocate(pool, shares, bounds);
      expect(sum(a.amounts)).toBe(pool);
      a.amounts.forEach((v, i) => {
        expect(v >= bounds[i]!.min).toBe(true);
        if (bounds[i]!.max !== null) expect(v <= bounds[i]!.max!).toBe(true);
      });
      expect(a.rounds).toBeLessThanOrEqual(shares.length + 1);
    }));
  });

  it('hold-harmless: nobody below h × last year when the pool allows it', () => {
    const last = [400n, 300n, 300n];
    const bounds = last.map((l) => ({ min: (l * 95n) / 100n, max: null }));
    // The formula would give the first unit 100 of 1,000; hold-harmless lifts it to 380.
    const a = allocate(1000n, [1, 4.5, 4.5], bounds);
    expect(a.amounts).toEqual([380n, 310n, 310n]);
    expect(a.formula).toEqual([100n, 450n, 450n]);
    expect(a.bound).toEqual(['min', null, null]);
  });

  it('a cap moves the excess to the others in their proportions', () => {
    const a = allocate(1000n, [8, 1, 1], [{ min: 0n, max: 500n }, { min: 0n, max: null }, { min: 0n, max: null }]);
    expect(a.amounts).toEqual([500n, 250n, 250n]);
  });

  it('refuses infeasible bounds with the amounts involved', () => {
    expect(() => allocate(100n, [1, 1], [{ min: 60n, max: null }, { min: 60n, max: null }])).toThrow(/infeasible_low.*"needed":"120"/);
    expect(() => allocate(100n, [1, 1], [{ min: 0n, max: 10n }, { min: 0n, max: 10n }])).toThrow(/infeasible_high/);
  });

  it('without bounds, the formula is the allocation and a baseline-identical run changes nothing', () => {
    const shares = factorShares(3, [{ name: 'students', weight: 1, values: [5, 3, 2] }]);
    const a = allocate(10_000n, shares);
    const b = allocate(10_000n, shares);
    expect(a.amounts).toEqual([5000n, 3000n, 2000n]);
    expect(b.amounts).toEqual(a.amounts);
  });
});
