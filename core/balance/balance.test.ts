// Golden tests of the 优质均衡 resource assessment: the worked 差异系数 example, the 6-of-7 and
// 85 % rules at their edges, the section split and exclusions, and the targets at their boundaries.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightedCv } from '../equity/cv';
import { assessCounty } from './county';
import { evaluateSchool, type SchoolSection } from './school';
import { evaluateTarget, meetsThreshold, straightLine } from './targets';
import { lawLatest } from '../law';
import { BALANCE_RULES, INDICATORS, targetDefinition } from './standards';
import { costAssumptions, costToClose, NO_UNIT_COSTS } from './cost';

/** A 小学 section exactly at every standard with 1,000 pupils. */
function exactPrimary(over: Partial<SchoolSection> = {}): SchoolSection {
  return {
    code: 'S1', name: '示例小学', county: '990101', type: 'primary', section: 'primary', locale: 'urban', pupils: 1000, classes: 23,
    qualifiedTeachers: 42, keyTeachers: 10, peArtTeachers: 9, teachingAreaDm2: 450_000, sportsAreaDm2: 750_000, equipmentFen: 200_000_000, multimediaRooms: 23,
    boarders: 0, specialEdPupils: 0, ...over,
  };
}

describe('差异系数 worked example (教督〔2017〕6号 method)', () => {
  it('five primary schools, books per pupil: weighted CV 0.5153', () => {
    const schools = [[45, 279], [37, 137], [89, 935], [76, 160], [55, 402]].map(([pupils, amount]) => ({ pupils: pupils!, amount: amount! }));
    expect(weightedCv(schools).toFixed(4)).toBe('0.5153');
  });
  it('the county CV uses the same pupil weights through assessCounty', () => {
    const pupils = [45, 37, 89, 76, 55];
    const books = [279, 137, 935, 160, 402];
    // Put the books in the equipment column (scale-free): the equipment CV must be the same 0.5153.
    const schools = pupils.map((p, i) => exactPrimary({ code: `S${i}`, pupils: p, equipmentFen: books[i]! }));
    const a = assessCounty('990101', schools);
    expect(a.sections[0]!.cvs.find((c) => c.key === 'equipment_value')!.cv.toFixed(4)).toBe('0.5153');
    expect(a.sections[0]!.cvs.find((c) => c.key === 'equipment_value')!.passes).toBe(false);
  });
});

describe('school: 6 of 7 and the remaining one ≥ 85 %', () => {
  it('exactly at every standard passes all seven', () => {
    const r = evaluateSchool(exactPrimary());
    expect(r.met).toBe(7);
    expect(r.passes).toBe(true);
  });
  it('one indicator at exactly 85 % passes; one unit below fails', () => {
    // 85 % of 2000 元 × 1000 pupils = 1,700,000 元
    expect(evaluateSchool(exactPrimary({ equipmentFen: 170_000_000 })).passes).toBe(true);
    expect(evaluateSchool(exactPrimary({ equipmentFen: 169_999_999 })).passes).toBe(false);
    expect(evaluateSchool(exactPrimary({ equipmentFen: 199_999_999 })).met).toBe(6);
  });
  it('two indicators below standard fail even at 99 %', () => {
    const r = evaluateSchool(exactPrimary({ equipmentFen: 199_000_000, multimediaRooms: 22 }));
    expect(r.met).toBe(5);
    expect(r.passes).toBe(false);
  });
  it('初中 thresholds apply to a junior section', () => {
    const junior = exactPrimary({ section: 'junior', type: 'junior' });
    const r = evaluateSchool(junior);
    // 42 teachers per 1000 is 4.2/100 < 5.3; 450,000 dm² is 4.5 m² < 5.8; …
    expect(r.indicators.find((i) => i.key === 'qualified_teachers')!.meets).toBe(false);
    expect(r.indicators.find((i) => i.key === 'key_teachers')!.meets).toBe(true);
    expect(r.indicators.find((i) => i.key === 'qualified_teachers')!.shortfall).toBe(11);
  });
  it('shortfall is the least raw amount that meets the standard (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 2e9 }), (pupils, equipmentFen) => {
        const r = evaluateSchool(exactPrimary({ pupils, equipmentFen })).indicators.find((i) => i.key === 'equipment_value')!;
        const fixed = evaluateSchool(exactPrimary({ pupils, equipmentFen: equipmentFen + r.shortfall })).indicators.find((i) => i.key === 'equipment_value')!;
        expect(fixed.meets).toBe(true);
        if (r.shortfall > 0) expect(evaluateSchool(exactPrimary({ pupils, equipmentFen: equipmentFen + r.shortfall - 1 })).indicators.find((i) => i.key === 'equipment_value')!.meets).toBe(false);
      }),
      { seed: 18 },
    );
  });
});

describe('county: sections, exclusions, status', () => {
  it('a 九年一贯制 school is assessed as a 小学 section and an 初中 section', () => {
    const p = exactPrimary({ code: 'Y1', type: 'nine_year' });
    const j = exactPrimary({ code: 'Y1', type: 'nine_year', section: 'junior', qualifiedTeachers: 53, teachingAreaDm2: 580_000, sportsAreaDm2: 1_020_000, equipmentFen: 250_000_000, multimediaRooms: 24 });
    const a = assessCounty('990101', [p, j]);
    expect(a.sections.map((s) => s.section)).toEqual(['primary', 'junior']);
    expect(a.status).toBe('met');
  });
  it('leaves out special and vocational schools and 教学点 under 50 pupils', () => {
    const a = assessCounty('990101', [exactPrimary(), exactPrimary({ code: 'T', type: 'teaching_point', pupils: 49, equipmentFen: 0 }), exactPrimary({ code: 'T2', type: 'teaching_point', pupils: 50 }), exactPrimary({ code: 'X', type: 'special', equipmentFen: 0 })]);
    expect(a.excluded.map((e) => e.school.code)).toEqual(['T', 'X']);
    expect(a.sections[0]!.schools.map((r) => r.school.code)).toEqual(['S1', 'T2']);
  });
  it('a failing school makes the county not met and says so', () => {
    const a = assessCounty('990101', [exactPrimary(), exactPrimary({ code: 'S2', equipmentFen: 100_000_000, multimediaRooms: 10 })]);
    expect(a.status).toBe('not_met');
    expect(a.failures[0]).toMatch(/1所学校/);
  });
  it('no schools: no data', () => {
    expect(assessCounty('990101', []).status).toBe('no_data');
  });
});

describe('targets at their boundaries', () => {
  const share = targetDefinition('counties_quality_balanced_2027');
  const ratio = targetDefinition('urban_rural_degree_ratio');
  it('exactly 60 % of counties meets; one county fewer does not', () => {
    expect(meetsThreshold(share, 60, 100)).toBe(true);
    expect(meetsThreshold(share, 3, 5)).toBe(true);
    expect(meetsThreshold(share, 59, 100)).toBe(false);
    expect(meetsThreshold(share, 599_999, 1_000_000)).toBe(false);
  });
  it('a ratio of exactly 1.05 meets; anything above does not', () => {
    expect(meetsThreshold(ratio, 105, 100)).toBe(true);
    expect(meetsThreshold(ratio, 21, 20)).toBe(true);
    expect(meetsThreshold(ratio, 1_050_001, 1_000_000)).toBe(false);
    expect(meetsThreshold(ratio, 1, 1)).toBe(true);
  });
  it('projects a straight line to the deadline', () => {
    const line = straightLine([{ year: 2022, value: 0.3 }, { year: 2023, value: 0.4 }, { year: 2024, value: 0.5 }])!;
    expect(line.at(2027)).toBeCloseTo(0.8, 12);
    const onTrack = evaluateTarget('counties_quality_balanced_2027', '990000', [{ year: 2022, num: 30, den: 100 }, { year: 2023, num: 40, den: 100 }, { year: 2024, num: 50, den: 100 }], 2024);
    expect(onTrack.status).toBe('on_track');
    const slow = evaluateTarget('counties_quality_balanced_2027', '990000', [{ year: 2023, num: 40, den: 100 }, { year: 2024, num: 42, den: 100 }], 2024);
    expect(slow.status).toBe('off_track');
    expect(slow.projection).toBeCloseTo(0.48, 12);
    expect(evaluateTarget('counties_quality_balanced_2027', '990000', [{ year: 2024, num: 3, den: 5 }], 2024).status).toBe('met');
    expect(evaluateTarget('counties_quality_balanced_2027', '990000', [], 2024).status).toBe('no_data');
    expect(evaluateTarget('county_vocational', '990000', [{ year: 2026, num: 9, den: 10 }, { year: 2025, num: 5, den: 10 }], 2026).status).toBe('off_track');
  });
});

describe('cost to close', () => {
  it('prices each gap: equipment 分, area × unit cost, teachers × pay, rooms × unit cost', () => {
    const a = assessCounty('990101', [exactPrimary({ equipmentFen: 150_000_000, teachingAreaDm2: 400_000, qualifiedTeachers: 40, peArtTeachers: 6, multimediaRooms: 20, keyTeachers: 8 })]);
    const c = costToClose(a, costAssumptions({ areaYuanPerM2: 3000, roomYuan: 50_000, teacherPayYuan: 100_000 }));
    expect(c.equipmentFen).toBe(50_000_000); // 50 万元
    expect(c.areaFen).toBe(500 * 3000 * 100); // 500 m² × 3000 元
    expect(c.teachers).toBe(3); // max(2 qualified, 3 PE/art)
    expect(c.teachersFen).toBe(3 * 100_000 * 100);
    expect(c.roomsFen).toBe(3 * 50_000 * 100);
    expect(c.keyTeachers).toBe(2);
    expect(c.totalFen).toBe(c.equipmentFen + c.areaFen! + c.teachersFen! + c.roomsFen!);
    expect(c.metAfterClosing).toBe(true);
  });
  it('a county already at every standard costs nothing, even with no unit costs set', () => {
    expect(costToClose(assessCounty('990101', [exactPrimary()]), costAssumptions(NO_UNIT_COSTS)).totalFen).toBe(0);
  });
  it('a gap whose unit cost is not set is 无数据 with the reason, never priced at an invented figure', () => {
    const a = assessCounty('990101', [exactPrimary({ equipmentFen: 150_000_000, teachingAreaDm2: 400_000, qualifiedTeachers: 40, peArtTeachers: 6, multimediaRooms: 20 })]);
    const c = costToClose(a, costAssumptions(NO_UNIT_COSTS, { fen: 8_000_000, source: '本县教师平均工资' }));
    expect(c.equipmentFen).toBe(50_000_000);
    expect([c.areaFen, c.roomsFen, c.totalFen]).toEqual([null, null, null]);
    expect(c.teachersFen).toBe(3 * 8_000_000); // the county's own pay from the data
    expect(c.missing).toEqual([expect.stringContaining('未设定校舍场地单价'), expect.stringContaining('未设定网络多媒体教室单价')]);
    expect(c.missing[0]).toMatch(/^无数据/);
  });
});

describe('thresholds come from the law store', () => {
  it('as exact ratios with the store’s reference', () => {
    expect(INDICATORS[0]!.threshold.primary.value).toEqual({ num: 42, den: 10 });
    expect(INDICATORS[0]!.threshold.junior.value).toEqual({ num: 53, den: 10 });
    expect(INDICATORS[5]!.threshold.primary.value).toEqual({ num: 200_000, den: 100 });
    expect(INDICATORS[4]!.threshold.junior.value).toEqual({ num: 102, den: 10 });
    expect(BALANCE_RULES.remainderShare.value).toEqual({ num: 85, den: 100 });
    expect([BALANCE_RULES.maxCv.primary.value, BALANCE_RULES.maxCv.junior.value, BALANCE_RULES.minIndicatorsMet.value]).toEqual([0.5, 0.45, 6]);
    expect(INDICATORS[0]!.threshold.primary.reference.document).toBe(lawLatest('balance.teachers_above_degree.primary').reference.document);
  });
});
