import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FEN_PER_UNIT, MoneyRangeError, asFen, sumFen } from './fen';
import { formatRatio, parseDecimal, scaleExact } from './decimal';
import { formatFen } from './format';
import { compareRatio, growthRatio, ratio, ratioToFloat } from './ratio';

describe('exact decimal parsing', () => {
  it('turns yearbook text into 分 without float error', () => {
    const p = parseDecimal('8309.04');
    expect(p).toEqual({ ok: true, value: 830904n, scale: 2 });
    if (!p.ok) return;
    expect(scaleExact(p.value, p.scale, FEN_PER_UNIT['亿元'])).toEqual({ ok: true, value: 83_090_400_000_000n });
    // 0.1 + 0.2 style trouble cannot happen: 0.29 元 is exactly 29 分.
    const q = parseDecimal('0.29');
    expect(q.ok && scaleExact(q.value, q.scale, FEN_PER_UNIT['元'])).toEqual({ ok: true, value: 29n });
  });
  it('refuses more precision than a 分 can hold', () => {
    const p = parseDecimal('1.234');
    expect(p.ok && scaleExact(p.value, p.scale, FEN_PER_UNIT['元']).ok).toBe(false);
  });
  it('rejects what is not a decimal', () => {
    for (const s of ['', '1e5', '12,3', 'abc', '1.2.3', '--1']) expect(parseDecimal(s).ok).toBe(false);
  });
});

describe('rounding for display only', () => {
  it('rounds half away from zero like the bulletins', () => {
    expect(formatRatio(5n, 1000n, 2)).toBe('0.01'); // 0.005 → 0.01
    expect(formatRatio(-5n, 1000n, 2)).toBe('-0.01');
    expect(formatRatio(4n, 1000n, 2)).toBe('0.00');
  });
  it('keeps the sign of a tiny fall: -0.00', () => {
    expect(formatRatio(-1n, 1_000_000n, 2)).toBe('-0.00');
  });
  it('formats 分 in 元, 万元 and 亿元', () => {
    const f = asFen(123_456_789_012);
    expect(formatFen(f, '元')).toBe('1,234,567,890.12');
    expect(formatFen(f, '万元')).toBe('123,456.79');
    expect(formatFen(f, '亿元')).toBe('12.35');
  });
  it('matches an exact reference for random values', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (num, den) => {
        const text = formatRatio(num, den, 2);
        // Reference: exact rational rounding with a scaled integer comparison.
        const scaled = (num * 100n * 2n + (num >= 0n ? den : -den)) / (2n * den);
        const ref = (scaled < 0n || (scaled === 0n && num < 0n) ? '-' : '') + (scaled < 0n ? -scaled : scaled).toString().padStart(3, '0').replace(/(\d+)(\d\d)$/, (_, a: string, b: string) => `${BigInt(a)}.${b}`);
        expect(text).toBe(ref);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('exact sums', () => {
  it('refuses to leave the exact range', () => {
    expect(() => sumFen([asFen(Number.MAX_SAFE_INTEGER), asFen(1)])).toThrow(MoneyRangeError);
    expect(() => asFen(0.5)).toThrow(MoneyRangeError);
  });
  it('sums any list of safe amounts exactly (BigInt reference)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { maxLength: 200 }), (xs) => {
        expect(BigInt(sumFen(xs.map(asFen)))).toBe(xs.reduce((a, b) => a + BigInt(b), 0n));
      }),
    );
  });
});

describe('ratios compare exactly', () => {
  it('decides by cross-multiplication, not floats', () => {
    // 1/3 of 10^17 differs from 0.333…×10^17 in the last digit: floats would call these equal.
    const a = ratio(10n ** 17n, 3n);
    const b = ratio(33_333_333_333_333_333n, 1n);
    expect(compareRatio(a, b)).toBe(1);
    expect(ratioToFloat(a)).toBe(ratioToFloat(b));
  });
  it('growth is exact and negative for a tiny fall', () => {
    const g = growthRatio(ratio(100_000_000_000n, 1n), ratio(99_999_999_999n, 1n))!;
    expect(g.num < 0n).toBe(true);
    expect(formatRatio(g.num * 100n, g.den, 2)).toBe('-0.00');
  });
});
