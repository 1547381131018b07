// The typed-array kernel under everything else: the water-fill must hand out exactly the pool,
// respect every bound the caller made feasible, and share what the bounds leave in proportion to
// the formula; the largest-remainder split must be the textbook method, ties to the earlier unit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLargestRemainder, waterFill } from './kernel';

type Unit = { s: number; lo: number; hi: number };

/** Runs waterFill over all units, with fresh buffers (the kernel writes only into what it is given). */
function fill(pool: number, units: readonly Unit[]) {
  const n = units.length;
  const out = new Float64Array(n);
  const held = new Int8Array(n);
  const r = waterFill(
    pool,
    Float64Array.from(units, (u) => u.s),
    Float64Array.from(units, (u) => u.lo),
    Float64Array.from(units, (u) => u.hi),
    Uint32Array.from({ length: n }, (_, i) => i),
    out,
    held,
    new Float64Array(n),
    new Uint32Array(n),
  );
  return { ...r, out: Array.from(out), held: Array.from(held) };
}

function split(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  const out = new Float64Array(n);
  splitLargestRemainder(total, Float64Array.from(weights), Uint32Array.from({ length: n }, (_, i) => i), out, new Float64Array(n));
  return Array.from(out);
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

// Bounds at a magnitude picked per case, so that small pools, county-sized pools and provincial
// pools (up to 10^13 分 = 1,000 亿元) are all exercised; shares are zero now and then because a
// county can have no students or be switched off by a weight. 40 units × 10^4 × 2.5·10^7 keeps
// Σ lo within 10^13.
const magnitude = fc.constantFrom(1, 1_000, 1_000_000, 25_000_000);
const rawUnit = fc.record({
  s: fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e6, noNaN: true })),
  lo: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10_000 })),
  span: fc.option(fc.integer({ min: 0, max: 10_000 }), { freq: 3 }), // null: no upper bound
});
const units = (k: number) => fc.array(rawUnit, { minLength: 1, maxLength: 40 }).map((us) => us.map((u) => ({ s: u.s, lo: u.lo * k, hi: u.span === null ? Infinity : (u.lo + u.span) * k })));

/** A pool somewhere in [Σ lo, min(Σ hi, 10^13)], both ends included on purpose. */
const feasible = magnitude.chain((k) =>
  fc.tuple(units(k), fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 1e6 }).map((x) => x / 1e6))).map(([us, t]) => {
    const lo = sum(us.map((u) => u.lo));
    const hi = Math.min(sum(us.map((u) => u.hi)), 1e13);
    return { pool: lo + Math.floor(t * (hi - lo)), units: us };
  }),
);

describe('waterFill', () => {
  it('feasible bounds: exact sum, every unit inside its bounds, free units share the rest by s to the 分 (property)', () => {
    fc.assert(
      fc.property(feasible, ({ pool, units: us }) => {
        const r = fill(pool, us);
        expect(r.status).toBe('ok');
        expect(sum(r.out)).toBe(pool);
        // Each rounding round after the first fixes one more unit at a bound, so it must end.
        expect(r.roundingRounds).toBeLessThanOrEqual(us.length + 1);
        r.out.forEach((v, i) => {
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(us[i]!.lo);
          expect(v).toBeLessThanOrEqual(us[i]!.hi);
        });
        // What the held units take, the free ones share in proportion to s (equally when their s
        // are all zero). Largest remainder is within 1 分 of exact; the tiny extra allowance is the
        // relative float error of (s_i / Σ s) · rest on pools near 10^13.
        const free = us.map((_, i) => i).filter((i) => r.held[i] === 0);
        if (free.length === 0) return;
        const rest = pool - sum(r.out.filter((_, i) => r.held[i] !== 0));
        const freeS = sum(free.map((i) => us[i]!.s));
        for (const i of free) {
          const exact = freeS > 0 ? (rest * us[i]!.s) / freeS : rest / free.length;
          expect(Math.abs(r.out[i]! - exact)).toBeLessThanOrEqual(1 + rest * 1e-14);
        }
        // And a unit is held only where the common level λ = rest / Σ_free s really puts it at or
        // past its bound (within the 分 that rounding may cost): the clamp is not arbitrary.
        if (freeS > 0) {
          const lambda = rest / freeS;
          us.forEach((u, i) => {
            // A unit with lo = hi is at both bounds at once; either label is right.
            if (u.lo === u.hi) return;
            if (r.held[i] === -1) expect(lambda * u.s).toBeLessThanOrEqual(u.lo + 1 + u.lo * 1e-12);
            if (r.held[i] === 1) expect(lambda * u.s).toBeGreaterThanOrEqual(u.hi - 1 - u.hi * 1e-12);
          });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('infeasible bounds: says which side failed, still hands out exactly the pool, bounds scaled in proportion (property)', () => {
    const infeasible = magnitude.chain((k) =>
      fc.tuple(units(k), fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })).map(([us, low, t]) => {
        if (low) {
          const lo = sum(us.map((u) => u.lo));
          return { pool: Math.floor(t * lo), units: us, expect: 'infeasible_low' as const, need: lo };
        }
        const capped = us.map((u) => ({ ...u, hi: Number.isFinite(u.hi) ? u.hi : u.lo }));
        const hi = sum(capped.map((u) => u.hi));
        return { pool: hi + 1 + Math.floor(t * 1e9), units: capped, expect: 'infeasible_high' as const, need: hi };
      }),
    );
    fc.assert(
      fc.property(infeasible, ({ pool, units: us, expect: status, need }) => {
        fc.pre(status === 'infeasible_high' || need > 0);
        const r = fill(pool, us);
        expect(r.status).toBe(status);
        expect(sum(r.out)).toBe(pool);
        // Each unit gets its bound scaled by pool / Σ bound: nobody above its floor when the floors
        // cannot all be met, nobody below its cap when the caps cannot absorb the pool.
        r.out.forEach((v, i) => {
          if (status === 'infeasible_low') expect(v).toBeLessThanOrEqual(us[i]!.lo);
          else expect(v).toBeGreaterThanOrEqual(us[i]!.hi);
          expect(r.held[i]).toBe(status === 'infeasible_low' ? -1 : 1);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('golden: a floor lifts one unit and a cap holds another; the two free units share the rest 2 : 4', () => {
    // Pool 1,000 分, shares 1 : 2 : 3 : 4, so the formula alone gives 100, 200, 300, 400.
    //   unit 0 has a floor of 200 (formula 100 is below it)  → held at 200;
    //   unit 2 has a cap of 250   (formula 300 is above it)  → held at 250;
    //   the rest 1,000 − 200 − 250 = 550 goes to units 1 and 3 as 2 : 4 → 183.33…, 366.66…;
    //   λ = 550 / 6 = 91.67, and indeed 1·λ ≤ 200 and 3·λ = 275 ≥ 250, so neither is released;
    //   to the 分: floors 183 + 366 = 549, the leftover 1 分 goes to the larger remainder (.67),
    //   unit 3 → 200, 183, 250, 367.
    const r = fill(1000, [
      { s: 1, lo: 200, hi: Infinity },
      { s: 2, lo: 0, hi: Infinity },
      { s: 3, lo: 0, hi: 250 },
      { s: 4, lo: 0, hi: Infinity },
    ]);
    expect(r.status).toBe('ok');
    expect(r.out).toEqual([200, 183, 250, 367]);
    expect(r.held).toEqual([-1, 0, 1, 0]);
    expect(r.lambda).toBeCloseTo(550 / 6, 9);
  });

  it('golden: hold-harmless at 95 % of last year 400, 300, 300 lifts the unit the formula leaves at 100', () => {
    // The formula alone splits 1,000 分 by 1 : 4.5 : 4.5 as 100, 450, 450; the floors are 380, 285,
    // 285. Unit 0 is held at 380 and the other two share 620 equally; neither falls below 285.
    const shares = [1, 4.5, 4.5];
    expect(split(1000, shares)).toEqual([100, 450, 450]);
    const r = fill(1000, shares.map((s, i) => ({ s, lo: [380, 285, 285][i]!, hi: Infinity })));
    expect(r.status).toBe('ok');
    expect(r.out).toEqual([380, 310, 310]);
    expect(r.held).toEqual([-1, 0, 0]);
  });

  it('golden: a cap moves the excess to the others in their proportions', () => {
    // 1,000 分 by 8 : 1 : 1 would give unit 0 800; capped at 500, the other 500 goes 1 : 1.
    const r = fill(1000, [
      { s: 8, lo: 0, hi: 500 },
      { s: 1, lo: 0, hi: Infinity },
      { s: 1, lo: 0, hi: Infinity },
    ]);
    expect(r.status).toBe('ok');
    expect(r.out).toEqual([500, 250, 250]);
    expect(r.held).toEqual([1, 0, 0]);
  });

  it('golden: infeasible bounds are reported, and the pool is split by the bounds instead', () => {
    // Floors of 60 + 60 = 120 分 cannot come out of 100; caps of 10 + 10 cannot absorb 100. Either
    // way each unit gets the pool in proportion to its bound: 50, 50.
    const low = fill(100, [
      { s: 1, lo: 60, hi: Infinity },
      { s: 1, lo: 60, hi: Infinity },
    ]);
    expect(low.status).toBe('infeasible_low');
    expect(low.out).toEqual([50, 50]);
    expect(low.held).toEqual([-1, -1]);
    const high = fill(100, [
      { s: 1, lo: 0, hi: 10 },
      { s: 1, lo: 0, hi: 10 },
    ]);
    expect(high.status).toBe('infeasible_high');
    expect(high.out).toEqual([50, 50]);
    expect(high.held).toEqual([1, 1]);
  });

  it('golden: when every unit ends at a bound, the leftover goes where there is room', () => {
    // Only unit 0 has a share and it is capped at 30; unit 1 (share 0) is the only one with room
    // and takes the other 70 of the pool.
    const r = fill(100, [
      { s: 1, lo: 0, hi: 30 },
      { s: 0, lo: 0, hi: Infinity },
    ]);
    expect(r.status).toBe('ok');
    expect(r.out).toEqual([30, 70]);
  });
});

/** Textbook largest remainder with exact rational remainders (BigInt), ties to the earlier unit. */
function naiveLargestRemainder(total: number, weights: readonly number[]): number[] {
  const w = weights.map((x) => BigInt(x));
  const S = w.reduce((a, b) => a + b, 0n);
  const T = BigInt(total);
  if (S === 0n) return naiveLargestRemainder(total, weights.map(() => 1));
  const base = w.map((x) => (x * T) / S);
  const rem = w.map((x) => (x * T) % S);
  const left = Number(T - base.reduce((a, b) => a + b, 0n));
  const order = rem.map((r, i) => ({ r, i })).sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const out = base.map(Number);
  for (let k = 0; k < left; k++) out[order[k]!.i]! += 1;
  return out;
}


describe('splitLargestRemainder', () => {
  it('golden: 100 分 by 1 : 1 : 1 is 34, 33, 33 — the tie goes to the earlier unit', () => {
    expect(split(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(split(101, [1, 1, 1])).toEqual([34, 34, 33]);
    expect(split(5, [0, 0, 0])).toEqual([2, 2, 1]); // all-zero weights: an equal split
    expect(split(7, [0, 1, 0])).toEqual([0, 7, 0]); // a zero weight gets nothing, not a leftover 分
    expect(split(0, [3, 4])).toEqual([0, 0]);
  });

  it('writes only the members it is given', () => {
    const out = new Float64Array([-1, -1, -1, -1]);
    splitLargestRemainder(10, Float64Array.from([5, 1, 5, 1]), Uint32Array.from([1, 3]), out, new Float64Array(4));
    expect(Array.from(out)).toEqual([-1, 5, -1, 5]);
  });

  it('sums exactly to the total (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 60 }), (total, weights) => {
        const parts = split(total, weights);
        expect(sum(parts)).toBe(total);
        parts.forEach((p) => expect(p).toBeGreaterThanOrEqual(0));
      }),
    );
  });

  it('gives no part more than one 分 away from its exact share, on pools up to 10^13 分 (property)', () => {
    // The allowance beyond 1 分 is the relative float error of pool · w / Σ w near 10^13.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 60 }), (total, weights) => {
        const parts = split(total, weights);
        expect(sum(parts)).toBe(total);
        const s = sum(weights);
        parts.forEach((p, i) => expect(Math.abs(p - (total * weights[i]!) / s)).toBeLessThan(1.001 + total * 1e-15));
      }),
    );
  });

  it('agrees with a naive exact largest remainder where every step is exact in floating point (property)', () => {
    // Weights summing to a power of two make w / Σ w exact, and with total < 10^6 the products are
    // exact too, so the kernel's remainders are the true ones and even ties must match.
    const dyadic = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 49 }).map((ws) => {
      const s = sum(ws);
      const target = 2 ** Math.ceil(Math.log2(Math.max(s, 1) + 1));
      return [...ws, target - s];
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), dyadic, (total, weights) => {
        expect(split(total, weights)).toEqual(naiveLargestRemainder(total, weights));
      }),
      { numRuns: 500 },
    );
  });

  it('equals the exact largest remainder on any integer weights, ties to the earlier unit (property)', () => {
    // Unequal weights with mathematically equal remainders differ in the last bits of a float
    // (100 by 4 : 1 : 1 has three remainders of 2/3); the kernel rounds remainders to 1e-9 before
    // comparing, so the documented tie rule decides, as in the exact method.
    expect(split(100, [4, 1, 1])).toEqual([67, 17, 16]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 50 }), (total, weights) => {
        if (weights.every((w) => w === 0)) return;
        expect(split(total, weights)).toEqual(naiveLargestRemainder(total, weights));
      }),
      { numRuns: 500 },
    );
  });
});
