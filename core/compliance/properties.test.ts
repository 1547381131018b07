// Properties of the never-decrease rules, on the pure evaluator.
//
// Stated precisely: for a series x over consecutive years that never decreases, no year fails.
// Take such a series and a year t that has a predecessor, and replace x_t by any y < x_{t−1}: then
// year t fails and no other year does. Year t+1 is not affected because it compares x_{t+1} with y
// and x_{t+1} ≥ x_t ≥ x_{t−1} > y — the following year is "raised back" automatically by keeping
// its original value (had we lowered x_{t+1} too, t+1 could fail as well, which is a second edit).
// The same holds for per-student figures p_t = E_t / N_t with any positive enrolment.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LevelOrAll } from '../levels';
import { decompose } from './decompose';
import { evaluate } from './evaluate';
import { compareFractions } from './exact';
import type { Fact, RegionInputs } from './inputs';

const FIRST = 2010;

function region(facts: { year: number; level: LevelOrAll; fact: Fact }[]): RegionInputs {
  const m = new Map<number, Map<LevelOrAll, Fact>>();
  for (const f of facts) {
    let l = m.get(f.year);
    if (!l) m.set(f.year, (l = new Map()));
    l.set(f.level, f.fact);
  }
  return { code: '390000', name: '示范省', govLevel: 'province', facts: m, fiscal: new Map(), crosswalkYears: new Set(), splitYears: new Set(), predecessors: [] };
}

function failingYears(r: RegionInputs, rule: 'edu-spending-no-decrease' | 'per-student-no-decrease', years: number): number[] {
  return evaluate([r], { rules: [rule], yearFrom: FIRST + 1, yearTo: FIRST + years - 1, divisor: 'autumn', scope: 'consolidated', standards: [], annotations: [] })
    .filter((x) => x.status === 'fail' && x.level === (rule === 'per-student-no-decrease' ? 'primary' : null))
    .map((x) => x.year);
}

/** A non-decreasing series of safe integers: a start and non-negative steps. */
const nonDecreasing = fc.tuple(fc.integer({ min: 0, max: 2 ** 40 }), fc.array(fc.integer({ min: 0, max: 2 ** 30 }), { minLength: 1, maxLength: 14 })).map(([start, steps]) => {
  const out = [start];
  for (const s of steps) out.push(out[out.length - 1]! + s);
  return out;
});

const spending = (xs: number[]) => region(xs.map((e, i) => ({ year: FIRST + i, level: 'all' as const, fact: { e } })));

describe('edu-spending-no-decrease properties', () => {
  it('a non-decreasing series never fails', () => {
    fc.assert(fc.property(nonDecreasing, (xs) => failingYears(spending(xs), 'edu-spending-no-decrease', xs.length).length === 0));
  });

  it('lowering one year below its predecessor fails exactly that year', () => {
    fc.assert(
      fc.property(nonDecreasing.filter((xs) => xs.length >= 2 && xs.some((x, i) => i > 0 && xs[i - 1]! > 0)), fc.nat(), fc.nat(), (xs, pick, by) => {
        const candidates = xs.map((_, i) => i).filter((i) => i > 0 && xs[i - 1]! > 0);
        const t = candidates[pick % candidates.length]!;
        const lowered = [...xs];
        lowered[t] = xs[t - 1]! - 1 - (by % xs[t - 1]!); // any value in [0, x_{t−1} − 1]
        expect(failingYears(spending(lowered), 'edu-spending-no-decrease', xs.length)).toEqual([FIRST + t]);
      }),
    );
  });
});

describe('per-student-no-decrease properties', () => {
  // p_t = k_t exactly when E_t = k_t · N_t, so the per-student series is the non-decreasing k.
  const series = fc.tuple(nonDecreasing.map((ks) => ks.map((k) => k % 2 ** 24)).map((ks) => ks.map((_, i) => ks.slice(0, i + 1).reduce((a, b) => Math.max(a, b), 0))), fc.array(fc.integer({ min: 1, max: 2 ** 20 }), { minLength: 15, maxLength: 15 }));
  const build = (ks: number[], ns: number[]) => region(ks.map((k, i) => ({ year: FIRST + i, level: 'primary' as const, fact: { e: k * ns[i]!, n: ns[i]! } })));

  it('a non-decreasing per-student series never fails, whatever the enrolment does', () => {
    fc.assert(fc.property(series, ([ks, ns]) => failingYears(build(ks, ns), 'per-student-no-decrease', ks.length).length === 0));
  });

  it('lowering one year’s spending per student below its predecessor fails exactly that year', () => {
    fc.assert(
      fc.property(series.filter(([ks]) => ks.length >= 2 && ks.some((k, i) => i > 0 && ks[i - 1]! > 0)), fc.nat(), ([ks, ns], pick) => {
        const candidates = ks.map((_, i) => i).filter((i) => i > 0 && ks[i - 1]! > 0);
        const t = candidates[pick % candidates.length]!;
        const r = build(ks, ns);
        // one 分 less than the prior year's per-student amount times this year's students
        r.facts.get(FIRST + t)!.get('primary')!.e = ks[t - 1]! * ns[t]! - 1;
        expect(failingYears(r, 'per-student-no-decrease', ks.length)).toEqual([FIRST + t]);
      }),
    );
  });

  it('the printed spending and enrolment effects add up to the printed total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 45 }), fc.integer({ min: 0, max: 2 ** 45 }), fc.integer({ min: 1, max: 2 ** 25 }), fc.integer({ min: 1, max: 2 ** 25 }), (e0, e1, n0, n1) => {
        const d = decompose(e0, e1, n0, n1, String);
        const h = (s: string) => BigInt(s.replace('.', ''));
        expect(h(d.spendingEffect) + h(d.enrolmentEffect)).toBe(h(d.totalGrowth));
        // the total is g(p) rounded: compare with the exact sign
        const exact = BigInt(e1) * BigInt(n0) - BigInt(e0) * BigInt(n1);
        if (exact < 0n) expect(d.totalGrowth.startsWith('-')).toBe(true);
      }),
    );
  });
});

describe('exact comparison', () => {
  it('agrees with BigInt cross-multiplication, near ties included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 52 }), fc.integer({ min: 1, max: 2 ** 30 }), fc.integer({ min: -3, max: 3 }), fc.integer({ min: 1, max: 2 ** 30 }), (a, b, nudge, d) => {
        // c/d as close to a/b as integers allow, then nudged
        const c = Math.max(0, Math.min(Number.MAX_SAFE_INTEGER, Math.round((a / b) * d) + nudge));
        const x = BigInt(a) * BigInt(d);
        const y = BigInt(c) * BigInt(b);
        expect(compareFractions(a, b, c, d)).toBe(x < y ? -1 : x > y ? 1 : 0);
      }),
    );
  });
});

describe('printing', () => {
  it('the float fast path prints exactly what BigInt rounding prints', async () => {
    const { formatRatio } = await import('../money/decimal');
    const { growthText, percentText, ratioText } = await import('./exact');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 52 }), fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 45 }), fc.integer({ min: 1, max: 2 ** 30 }), (a, b, c, d) => {
        expect(ratioText(a, b, 4)).toBe(formatRatio(BigInt(a), BigInt(b), 4));
        expect(percentText(a, b, 4)).toBe(formatRatio(BigInt(a) * 100n, BigInt(b), 4));
        expect(growthText(c, d, a, b, 4)).toBe(formatRatio((BigInt(a) * BigInt(d) - BigInt(c) * BigInt(b)) * 100n, BigInt(b) * BigInt(c), 4));
        // near ties: a value one unit either side of the prior
        for (const a2 of [c - 1, c, c + 1].filter((x) => x >= 0)) expect(growthText(c, 1, a2, 1, 4)).toBe(formatRatio(BigInt(a2 - c) * 100n, BigInt(c), 4));
        // exact .5 boundaries: 1/8 = 0.125 at 2 dp, 5/10000 … at 4 dp
        expect(ratioText(b * 125, b * 1000, 2)).toBe('0.13');
      }),
    );
  });
});

describe('decomposition printing', () => {
  it('matches the BigInt rounding of the exact identity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 45 }), fc.integer({ min: 0, max: 2 ** 45 }), fc.integer({ min: 1, max: 2 ** 25 }), fc.integer({ min: 1, max: 2 ** 25 }), (e0, e1, n0, n1) => {
        const d = decompose(e0, e1, n0, n1, String);
        const h = (num: bigint, den: bigint) => {
          const neg = num < 0n;
          const a = (neg ? -num : num) * 10_000n;
          let q = a / den;
          if ((a % den) * 2n >= den) q += 1n;
          return (neg && q !== 0n ? -q : q).toString();
        };
        const B = BigInt;
        expect(B(d.totalGrowth.replace('.', '')).toString()).toBe(h(B(e1) * B(n0) - B(e0) * B(n1), B(e0) * B(n1)));
        expect(B(d.spendingEffect.replace('.', '')).toString()).toBe(h((B(e1) - B(e0)) * B(n0), B(e0) * B(n1)));
      }),
    );
  });
});
