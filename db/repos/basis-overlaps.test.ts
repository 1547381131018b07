// The overlap verdicts, golden: a figure printed with fewer decimals is the finer one rounded to
// its own last digit (rounding), anything else that differs is a conflict.
import { describe, expect, it } from 'vitest';
import { compareCell, trailingZeros } from './basis-overlaps';
import { yearRanges } from './basis';

const WAN = 1_000_000; // 分 per 万元

describe('compareCell', () => {
  it('9393.0 vs 9393.16 万元 is a rounding difference, not a conflict', () => {
    expect(compareCell(9393 * WAN, 939_316 * WAN / 100)).toBe('rounding');
    expect(compareCell(939_316 * WAN / 100, 9393 * WAN)).toBe('rounding');
  });
  it('same printed precision and different figures is a conflict', () => {
    expect(compareCell(939_316 * WAN / 100, 939_317 * WAN / 100)).toBe('conflict');
  });
  it('a coarser figure more than half its last digit away is a conflict', () => {
    expect(compareCell(9393 * WAN, 939_351 * WAN / 100)).toBe('conflict');
    expect(compareCell(9393 * WAN, 939_350 * WAN / 100)).toBe('rounding');
  });
  it('equal figures are the same', () => {
    expect(compareCell(42, 42)).toBe('same');
    expect(trailingZeros(1200)).toBe(2);
  });
});

describe('yearRanges', () => {
  it('prints runs as ranges', () => {
    expect(yearRanges([2010, 2011, 2012, 2015, 2017, 2018])).toBe('2010–2012、2015、2017–2018');
  });
});
