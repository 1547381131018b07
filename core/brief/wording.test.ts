import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountText, growth, growthEn, growthZh } from './wording';

describe('growth wording', () => {
  it('golden sentences', () => {
    expect(growthZh(growth(100_000n, 104_680n))).toBe('比上年增长4.68%');
    expect(growthZh(growth(100_000n, 97_900n))).toBe('比上年下降2.10%');
    expect(growthZh(growth(100_000n, 100_000n))).toBe('与上年持平');
    expect(growthZh(growth(10_000_000n, 10_000_001n))).toBe('比上年略有增长（增幅不足0.01%）');
    expect(growthZh(growth(null, 5))).toBe('上年无可比数据');
    expect(growthEn(growth(100_000n, 104_680n))).toBe('up 4.68% on the previous year');
    expect(growthEn(growth(100_000n, 97_900n))).toBe('down 2.10% on the previous year');
    expect(amountText(123_456_789_012n, '亿元')).toBe('12.35');
  });

  it('never states a rise for a fall or the reverse, and the size is the exact change rounded (property)', () => {
    const money = fc.bigInt({ min: 1n, max: 10n ** 15n });
    fc.assert(
      fc.property(money, money, (prior, current) => {
        const g = growth(prior, current);
        const zh = growthZh(g);
        const en = growthEn(g);
        if (current > prior) {
          expect(zh).toMatch(/增长/);
          expect(zh).not.toMatch(/下降|持平/);
          expect(en).toMatch(/^up /);
        } else if (current < prior) {
          expect(zh).toMatch(/下降/);
          expect(zh).not.toMatch(/增长|持平/);
          expect(en).toMatch(/^down /);
        } else {
          expect(zh).toBe('与上年持平');
        }
        if (g.percent !== null && !g.tiny && current !== prior) {
          // The printed size is within half a unit of the last digit of the exact percentage.
          const exact = (Number(current > prior ? current - prior : prior - current) / Number(prior)) * 100;
          expect(Math.abs(Number(g.percent) - exact)).toBeLessThanOrEqual(0.005 + exact * 1e-12);
          expect(zh).toContain(`${g.percent}%`);
        }
        if (g.tiny) expect(zh).toMatch(/不足0\.01%/);
      }),
      { numRuns: 2000 },
    );
  });
});
