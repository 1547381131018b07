// The rate check at every printed precision (0–3 decimals), as properties. Seed fixed and printed
// in each test's name, so a failure replays.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRatio } from '../money/decimal';
import { checkDifference, checkGrowth, checkShare, parsePrinted, type Printed } from './printed';

const SEED = 20221;
const RUNS = 400;
const PRECISIONS = [0, 1, 2, 3] as const;

const p = (n: bigint, scale: number): Printed => ({ n, scale });
/** The correctly rounded rate (half away from zero) of cur over prior, both n/10^scale. */
const rateOf = (cur: bigint, prior: bigint, digits: number): Printed => parsePrinted(formatRatio((cur - prior) * 100n, prior, digits))!;

describe.each(PRECISIONS)(`checkGrowth at %i printed decimals (fast-check seed ${SEED})`, (digits) => {
  const amount = fc.bigInt({ min: 1n, max: 10n ** 12n });
  const scale = fc.constantFrom(0, 1, 2);

  it('accepts the correctly rounded rate as exact', () => {
    fc.assert(
      fc.property(amount, amount, scale, (c, q, s) => {
        expect(checkGrowth(p(c, s), p(q, s), rateOf(c, q, digits)).status).toBe('exact');
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('never calls a rate exact that differs from it by a printed unit or more', () => {
    fc.assert(
      fc.property(amount, amount, scale, fc.bigInt({ min: 1n, max: 50n }), fc.boolean(), (c, q, s, k, up) => {
        const r = rateOf(c, q, digits);
        expect(checkGrowth(p(c, s), p(q, s), { n: r.n + (up ? k : -k), scale: digits }).status).not.toBe('exact');
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('never raises a false alarm from rounding: values rounded to whole units still admit the rate of the unrounded ones', () => {
    // True values with 4 decimals, printed rounded to 0–2 decimals; the rate printed from the true values.
    fc.assert(
      fc.property(fc.bigInt({ min: 10_000n, max: 10n ** 13n }), fc.bigInt({ min: 10_000n, max: 10n ** 13n }), scale, (c4, q4, s) => {
        const round = (v: bigint) => parsePrinted(formatRatio(v, 10n ** BigInt(4 - s), 0))!.n;
        const printedCur = p(round(c4), s);
        const printedPrior = p(round(q4), s);
        fc.pre(printedPrior.n > 1n);
        const rate = rateOf(c4, q4, digits);
        expect(checkGrowth(printedCur, printedPrior, rate).status).not.toBe('mismatch');
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('calls a rate off by two printed units a mismatch when the values are precise (4 decimals, ≥ 1000, growth −50 % to +200 %)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 10_000_000n, max: 10n ** 13n }), fc.bigInt({ min: 500n, max: 3000n }), fc.bigInt({ min: 2n, max: 40n }), fc.boolean(), (q, m, k, up) => {
        const c = (q * m) / 1000n;
        const r = rateOf(c, q, digits);
        expect(checkGrowth(p(c, 4), p(q, 4), { n: r.n + (up ? k : -k), scale: digits }).status).toBe('mismatch');
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('the bulletins’ own cases', () => {
  const g = (c: string, q: string, r: string) => checkGrowth(parsePrinted(c)!, parsePrinted(q)!, parsePrinted(r)!);
  it('信阳 8.25 % against 167.65 / 154.97 亿元: a mismatch (8.18 %, range 8.176–8.189 %)', () => {
    expect(g('167.65', '154.97', '8.25')).toEqual({ status: 'mismatch', computed: '8.18', range: ['8.176', '8.189'] });
  });
  it('漯河 whole-yuan figures: 15.78 % for 6497 / 5612 and 0.57 % for 1037 / 1032 lie within their rounding', () => {
    expect(g('6497', '5612', '15.78').status).toBe('within_rounding');
    expect(g('1037', '1032', '0.57').status).toBe('within_rounding');
  });
  it('乐山 37 % printed without decimals: exact (36.997 % rounds to 37)', () => {
    expect(g('10233.19', '7469.66', '37').status).toBe('exact');
  });
  it('shares and differences at their printed precision', () => {
    expect(checkShare(parsePrinted('381552')!, parsePrinted('2570351')!, parsePrinted('14.84')!).status).toBe('exact');
    expect(checkDifference(parsePrinted('15.68')!, parsePrinted('18.92')!, parsePrinted('-3.24')!).status).toBe('exact');
    expect(checkDifference(parsePrinted('15.68')!, parsePrinted('18.92')!, parsePrinted('-3.34')!).status).toBe('mismatch');
  });
});
