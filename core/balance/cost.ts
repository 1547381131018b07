// The money that closes a county's resource gaps: every school indicator below its standard is
// raised to the standard (the “all indicators met” basis — more than the 6-of-7 rule strictly needs,
// and stated as such wherever the figure appears). Equipment: the value missing, in 分. Floor area
// (teaching and sports): the m² missing × a unit cost the user sets. Teachers: the larger of the
// qualified-teacher and PE/art-teacher shortfalls × one year's average pay. Multimedia rooms: rooms
// missing × a unit cost. 骨干教师 are a designation, not a hire: counted, not priced.
import { assessCounty, type CountyAssessment } from './county';
import type { SchoolSection } from './school';

export type CostAssumption = { value: number; unit: string; source: string };

export type CostAssumptions = {
  /** 元 per m² of teaching or sports floor area built or renovated. */
  areaYuanPerM2: CostAssumption;
  /** 元 per networked multimedia classroom fitted out. */
  roomYuan: CostAssumption;
  /** 元 per teacher per year. */
  teacherPayYuan: CostAssumption;
};

export const DEFAULT_COST_ASSUMPTIONS: CostAssumptions = {
  areaYuanPerM2: { value: 3000, unit: '元/m²', source: '用户参数（默认3000元/m²为示例值：国家未公布统一造价，请按本省校舍建设概算标准修改）' },
  roomYuan: { value: 50_000, unit: '元/间', source: '用户参数（默认5万元/间为示例值，请按本省装备标准修改）' },
  teacherPayYuan: { value: 100_000, unit: '元/人·年', source: '用户参数（有“教师平均工资”数据时取该县数据）' },
};

export type SchoolCost = {
  code: string;
  name: string;
  section: SchoolSection['section'];
  equipmentFen: number;
  areaM2: number;
  areaFen: number;
  rooms: number;
  roomsFen: number;
  teachers: number;
  teachersFen: number;
  keyTeachers: number;
  totalFen: number;
};

export type CountyCost = {
  county: string;
  schools: SchoolCost[];
  equipmentFen: number;
  areaFen: number;
  roomsFen: number;
  teachersFen: number;
  totalFen: number;
  teachers: number;
  keyTeachers: number;
  /** Would the county meet the resource standards once every gap is closed? (CVs can still fail.) */
  metAfterClosing: boolean;
};

function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export function closeSchoolGaps(s: SchoolSection, shortfalls: Record<string, number>): SchoolSection {
  return {
    ...s,
    qualifiedTeachers: s.qualifiedTeachers + (shortfalls.qualified_teachers ?? 0),
    keyTeachers: s.keyTeachers + (shortfalls.key_teachers ?? 0),
    peArtTeachers: s.peArtTeachers + (shortfalls.pe_art_teachers ?? 0),
    teachingAreaDm2: s.teachingAreaDm2 + (shortfalls.teaching_area ?? 0),
    sportsAreaDm2: s.sportsAreaDm2 + (shortfalls.sports_area ?? 0),
    equipmentFen: s.equipmentFen + (shortfalls.equipment_value ?? 0),
    multimediaRooms: s.multimediaRooms + (shortfalls.multimedia_rooms ?? 0),
  };
}

export function costToClose(assessment: CountyAssessment, a: CostAssumptions = DEFAULT_COST_ASSUMPTIONS): CountyCost {
  const schools: SchoolCost[] = [];
  const closed: SchoolSection[] = [];
  const areaFenPerDm2 = yuanToFen(a.areaYuanPerM2.value); // 元/m² × 1 dm² = 元/100 → 分 per dm² is the 元/m² figure
  for (const section of assessment.sections) {
    for (const r of section.schools) {
      const short: Record<string, number> = {};
      for (const i of r.indicators) short[i.key] = i.shortfall;
      closed.push(closeSchoolGaps(r.school, short));
      const areaDm2 = (short.teaching_area ?? 0) + (short.sports_area ?? 0);
      const teachers = Math.max(short.qualified_teachers ?? 0, short.pe_art_teachers ?? 0);
      const c: SchoolCost = {
        code: r.school.code,
        name: r.school.name,
        section: r.school.section,
        equipmentFen: short.equipment_value ?? 0,
        areaM2: areaDm2 / 100,
        areaFen: (areaDm2 * areaFenPerDm2) / 100,
        rooms: short.multimedia_rooms ?? 0,
        roomsFen: (short.multimedia_rooms ?? 0) * yuanToFen(a.roomYuan.value),
        teachers,
        teachersFen: teachers * yuanToFen(a.teacherPayYuan.value),
        keyTeachers: short.key_teachers ?? 0,
        totalFen: 0,
      };
      // dm² × (分/m²) / 100 is whole 分 whenever the unit cost is whole 元; round half up otherwise.
      c.areaFen = Math.round(c.areaFen);
      c.totalFen = c.equipmentFen + c.areaFen + c.roomsFen + c.teachersFen;
      if (c.totalFen > 0 || c.keyTeachers > 0) schools.push(c);
    }
  }
  const sum = (f: (c: SchoolCost) => number) => schools.reduce((acc, c) => acc + f(c), 0);
  const after = assessCounty(assessment.county, closed);
  return {
    county: assessment.county,
    schools,
    equipmentFen: sum((c) => c.equipmentFen),
    areaFen: sum((c) => c.areaFen),
    roomsFen: sum((c) => c.roomsFen),
    teachersFen: sum((c) => c.teachersFen),
    totalFen: sum((c) => c.totalFen),
    teachers: sum((c) => c.teachers),
    keyTeachers: sum((c) => c.keyTeachers),
    metAfterClosing: after.status === 'met',
  };
}
