// The standard-based component (docs/domain.md#public-funds-standard): 基准定额 × pupils × the tier's cost share, exact
// to the 分 and rounded once per unit, from the quotas and shares in force for the year.
import { describe, expect, it } from 'vitest';
import { standardOf, standardRates } from './bounds';
import { resolveParameters } from './parameters';

describe('standard-based component', () => {
  it('golden: 720 元 × 120 primary pupils × 80 % (第一档) is 69,120.00 元', () => {
    const { qp, qj, shareOf } = standardRates(resolveParameters([], 2024));
    expect([qp, qj]).toEqual([72_000, 94_000]);
    expect(shareOf[1]).toBe(0.8);
    expect(standardOf(qp, qj, 120, 0, shareOf[1]!)).toBe(6_912_000);
    // Junior pupils at 940 元: (720 × 120 + 940 × 60) × 60 % (第二档) = 85,680.00 元.
    expect(shareOf[2]).toBe(0.6);
    expect(standardOf(qp, qj, 120, 60, shareOf[2]!)).toBe(8_568_000);
  });

  it('rounds a fractional 分 once per unit, half up', () => {
    expect(standardOf(1, 0, 1, 0, 1 / 2)).toBe(1);
    expect(standardOf(1, 0, 1, 0, 1 / 3)).toBe(0);
    // Once for the unit, not once per level: ¼ 分 of primary and ¼ 分 of junior make half a 分, which rounds up.
    expect(standardOf(1, 1, 1, 1, 1 / 4)).toBe(1);
  });
});
