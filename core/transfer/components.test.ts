import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateByTier, standardRequirement } from './components';

describe('standard-based component', () => {
  it('golden: 720 元 × 120 primary pupils × 80 % (第一档), and a 40-pupil school counted as 100', () => {
    const [a, b] = standardRequirement([
      { students: 120, quotaFen: 72_000n, share: { num: 80n, den: 100n } },
      { students: 40, quotaFen: 72_000n, share: { num: 60n, den: 100n }, minPupils: 100 },
    ]);
    expect(a).toBe(6_912_000n); // 69,120.00 元
    expect(b).toBe(4_320_000n); // 720 × 100 × 60 % = 43,200.00 元
  });

  it('rounds a fractional 分 once, half up', () => {
    expect(standardRequirement([{ students: 1, quotaFen: 1n, share: { num: 1n, den: 2n } }])).toEqual([1n]);
    expect(standardRequirement([{ students: 1, quotaFen: 1n, share: { num: 1n, den: 3n } }])).toEqual([0n]);
  });
});

describe('pools pre-split by tier', () => {
  it('sums to the pool and gives each tier exactly its pool (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.array(fc.record({ tier: fc.constantFrom('t1', 't2', 't3'), share: fc.integer({ min: 1, max: 1000 }) }), { minLength: 1, maxLength: 50 }), (pool, units) => {
        const r = allocateByTier(pool, units.map((u) => u.tier), { t1: 0.5, t2: 0.3, t3: 0.2 }, units.map((u) => u.share));
        expect(r.amounts.reduce((a, b) => a + b, 0n)).toBe(pool);
        for (const [t, p] of Object.entries(r.tierPools)) expect(units.reduce((a, u, i) => (u.tier === t ? a + r.amounts[i]! : a), 0n)).toBe(p);
      }),
    );
  });

  it('golden: 60/40 between two tiers, then by students within each', () => {
    const r = allocateByTier(1_000n, ['west', 'east', 'west'], { west: 0.6, east: 0.4 }, [1, 5, 3]);
    expect(r.tierPools).toEqual({ west: 600n, east: 400n });
    expect(r.amounts).toEqual([150n, 400n, 450n]);
  });

  it('names a tier without a pool share', () => {
    expect(() => allocateByTier(10n, ['a', 'b'], { a: 1 }, [1, 1])).toThrow(/tier\(s\) b/);
  });
});
