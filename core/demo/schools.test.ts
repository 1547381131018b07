// The demo's schools: about 1,500 per province-year, every county covered, and the planted
// near-misses found exactly — each planted county fails (or, at exactly 85 %, passes) for the
// planted reason and no other.
import { describe, expect, it } from 'vitest';
import { assessCounty } from '../balance/county';
import { evaluateSchool } from '../balance/school';
import { generateDemo } from './generate';
import { generateSchoolDemo } from './schools';

const data = generateDemo({ scale: 'province' });
const demo = generateSchoolDemo(data);
const last = demo.schools.filter((s) => s.year === demo.lastYear);
const counties = data.regions.filter((r) => r.level === 'county' && r.validTo === null);

describe('demo schools (合成数据)', () => {
  it('covers every county with about 1,500 school sections a year', () => {
    expect(new Set(last.map((s) => s.county)).size).toBe(counties.length);
    expect(last.length).toBeGreaterThan(1300);
    expect(last.length).toBeLessThan(1800);
  });

  it('is deterministic', () => {
    expect(generateSchoolDemo(data).schools).toEqual(demo.schools);
  });

  it('plants each near-miss exactly', () => {
    const kinds = demo.planted.map((p) => p.kind).sort();
    expect(kinds).toEqual(['cv_junior_above_limit', 'cv_primary_above_limit', 'degree_ratio_above_limit', 'school_remainder_below_85', 'school_remainder_exactly_85', 'school_two_below_standard', 'township_without_junior']);
    for (const p of demo.planted.filter((x) => x.kind.startsWith('school_') || x.kind.startsWith('cv_'))) {
      const a = assessCounty(p.region, last.filter((s) => s.county === p.region));
      const failingSchools = a.sections.flatMap((s) => s.schools.filter((r) => !r.passes).map((r) => `${r.school.code}/${r.school.section}`));
      const failingCvs = a.sections.flatMap((s) => s.cvs.filter((c) => !c.passes).map((c) => `${s.section}/${c.key}`));
      if (p.kind === 'school_remainder_exactly_85') {
        expect(a.status, p.region).toBe('met');
        const school = last.find((s) => s.code === p.school && s.section === p.section)!;
        const eq = evaluateSchool(school).indicators.find((i) => i.key === 'equipment_value')!;
        expect(eq.meets).toBe(false);
        expect(eq.reachesRemainder).toBe(true);
      } else if (p.kind.startsWith('school_')) {
        expect(failingSchools, p.kind).toEqual([`${p.school}/${p.section}`]);
        expect(failingCvs, p.kind).toEqual([]);
      } else {
        expect(failingSchools, p.kind).toEqual([]);
        expect(failingCvs, p.kind).toEqual([`${p.section}/${p.indicator}`]);
        const limit = p.section === 'primary' ? 0.5 : 0.45;
        expect(p.value).toBeGreaterThan(limit);
        expect(p.value).toBeLessThan(limit + 0.001);
      }
    }
  });

  it('the planted prefecture’s urban/rural degree ratio is just above 1.05', () => {
    const p = demo.planted.find((x) => x.kind === 'degree_ratio_above_limit')!;
    expect(p.value).toBeGreaterThan(1.05);
    expect(p.value).toBeLessThan(1.051);
  });
});
