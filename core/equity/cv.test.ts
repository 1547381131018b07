import { describe, expect, it } from 'vitest';
import { unweightedCv, weightedCv } from './cv';

// docs/domain.md#balanced-development fixture: five primary schools, books per pupil.
const SCHOOLS = [
  { pupils: 45, amount: 279 },
  { pupils: 37, amount: 137 },
  { pupils: 89, amount: 935 },
  { pupils: 76, amount: 160 },
  { pupils: 55, amount: 402 },
];

describe('差异系数 (docs/domain.md#balanced-development)', () => {
  it('pupil-weighted CV of the fixture is 0.5153 (printed 0.52 by the source)', () => {
    expect(weightedCv(SCHOOLS).toFixed(4)).toBe('0.5153');
  });
  it('the unweighted CV would be 0.4888', () => {
    expect(unweightedCv(SCHOOLS).toFixed(4)).toBe('0.4888');
  });
  it('the weighted mean is county total ÷ county pupils', () => {
    // 1913 / 302 = 6.334…; one school's CV is 0
    expect(weightedCv([{ pupils: 302, amount: 1913 }])).toBe(0);
    expect(Number.isNaN(weightedCv([]))).toBe(true);
  });
});
