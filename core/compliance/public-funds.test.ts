// The 公用经费 requirement formula of docs/domain.md#public-funds-standard and the effective-dated quota lookup.
import { describe, expect, it } from 'vitest';
import type { StandardRow } from './inputs';
import { requiredPublicFunds, standardFor } from './rules/public-funds';

const STANDARDS: StandardRow[] = [
  { level: 'primary', component: 'public_funds_base', regionClass: 'central_west', value: 60000, effectiveFrom: '2016-01-01', effectiveTo: '2023-01-01' },
  { level: 'primary', component: 'public_funds_base', regionClass: 'east', value: 65000, effectiveFrom: '2016-01-01', effectiveTo: '2023-01-01' },
  { level: 'primary', component: 'public_funds_base', regionClass: 'national', value: 72000, effectiveFrom: '2023-01-01', effectiveTo: null },
  { level: 'primary', component: 'public_funds_base', regionClass: '370000', value: 80000, effectiveFrom: '2020-01-01', effectiveTo: null },
];

describe('public funds per student', () => {
  it('counts a small rural school as 100 pupils and adds boarding and special-education top-ups', () => {
    // 720 元 quota, 300 元 per boarder, 6000 元 per special-education pupil (all in 分)
    const schools = [
      { students: 40, smallRural: true, boarders: 10, special: 0 }, // counted as 100
      { students: 500, smallRural: false, boarders: 0, special: 2 },
      { students: 120, smallRural: true, boarders: 0, special: 0 }, // above the floor: as is
    ];
    expect(requiredPublicFunds(schools, 72000, 30000, 600000)).toBe((100 + 500 + 120) * 72000 + 10 * 30000 + 2 * 600000);
  });

  it('picks the quota in force on 1 January, the most specific class first', () => {
    expect(standardFor(STANDARDS, 'primary', 'public_funds_base', '510100', 2022)?.value).toBe(60000); // 四川: central-west
    expect(standardFor(STANDARDS, 'primary', 'public_funds_base', '320100', 2022)?.value).toBe(65000); // 江苏: east
    expect(standardFor(STANDARDS, 'primary', 'public_funds_base', '320100', 2023)?.value).toBe(72000);
    expect(standardFor(STANDARDS, 'primary', 'public_funds_base', '370200', 2023)?.value).toBe(80000); // a province's own, higher
    expect(standardFor(STANDARDS, 'primary', 'public_funds_base', '320100', 2015)).toBeUndefined();
  });
});
