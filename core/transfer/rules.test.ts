// The never-decrease rules on a simulated outcome, checked against exact integer arithmetic:
// rule B compares E(t)·N(t−1) with E(t−1)·N(t), products that pass 2^53 for large counties, so
// the float shortcut must agree with BigInt everywhere, including at and next to a tie.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { productLess } from './rules';

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
