import { describe, expect, it } from 'vitest';
import { FACTOR_KEY, resolveParameters, setParameter } from '../../../../core/transfer/parameters';
import { needsNormalising, normaliseWeights, weightTotal } from './weights';

describe('factor weights', () => {
  it('entering 20 % more on one factor gives a 120 % total, which normalising brings back to 100 % in the same proportions', () => {
    const overlay = setParameter([], FACTOR_KEY.difficulty, 0.2);
    const before = resolveParameters(overlay, 2024);
    expect(weightTotal(before)).toBeCloseTo(1.2, 12);
    expect(needsNormalising(before)).toBe(true);
    const after = resolveParameters(normaliseWeights(overlay, 2024), 2024);
    expect(weightTotal(after)).toBeCloseTo(1, 9);
    expect(needsNormalising(after)).toBe(false);
    expect(after[FACTOR_KEY.difficulty]).toBeCloseTo(0.2 / 1.2, 6);
    expect(after[FACTOR_KEY.students]).toBeCloseTo(0.5 / 1.2, 6);
  });
  it('leaves weights that already add up to 100 % as they are', () => {
    expect(needsNormalising(resolveParameters([], 2024))).toBe(false);
  });
});
