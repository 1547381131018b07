// The money that closes a county's resource gaps: every school indicator below its standard is
// raised to the standard (the “all indicators met” basis — more than the 6-of-7 rule strictly needs,
// and stated as such wherever the figure appears). Equipment: the value missing, in 分. Floor area
// (teaching and sports): the m² missing × a unit cost the user sets. Teachers: the larger of the
// qualified-teacher and PE/art-teacher shortfalls × one year's average pay. Multimedia rooms: rooms
// missing × a unit cost. 骨干教师 are a designation, not a hire: counted, not priced.
import { assessCounty, type CountyAssessment } from './county';
import type { SchoolSection } from './school';

export type CostAssumption = { value: number; unit: string; source: string };

/**
 * The unit costs the money is priced with. No national standard publishes a unit cost for school
 * floor area or a multimedia classroom (the construction standards, e.g. 建标109-2008, give areas,
 * not prices), so there is no built-in default: each is a setting the user states, and a gap whose
 * unit cost is not set is 无数据 with that reason — never priced at an invented figure. Teacher pay
 * is the county's own 教师平均工资 where the data hold it, otherwise the stated setting.
 */
export type CostAssumptions = {
  /** 元 per m² of teaching or sports floor area built or renovated. */
  areaYuanPerM2: CostAssumption | null;
  /** 元 per networked multimedia classroom fitted out. */
  roomYuan: CostAssumption | null;
  /** 元 per teacher per year. */
  teacherPayYuan: CostAssumption | null;
};

/** The unit costs as the user stated them (any may be missing). */
export type UnitCostSettings = { areaYuanPerM2: number | null; roomYuan: number | null; teacherPayYuan: number | null };

export const NO_UNIT_COSTS: UnitCostSettings = { areaYuanPerM2: null, roomYuan: null, teacherPayYuan: null };

export const UNIT_COST_LABEL_ZH = { areaYuanPerM2: '校舍场地单价（元/m²）', roomYuan: '网络多媒体教室单价（元/间）', teacherPayYuan: '教师年平均工资（元/人·年）' } as const;

/**
 * The assumptions for one county: the settings, with the county's own teacher pay (分 per year,
 * from the fiscal data) preferred over the setting when it is known.
 */
export function costAssumptions(settings: UnitCostSettings, countyTeacherPayFen?: { fen: number; source: string } | null): CostAssumptions {
  const user = '用户设定';
  return {
    areaYuanPerM2: settings.areaYuanPerM2 === null ? null : { value: settings.areaYuanPerM2, unit: '元/m²', source: user },
    roomYuan: settings.roomYuan === null ? null : { value: settings.roomYuan, unit: '元/间', source: user },
    teacherPayYuan: countyTeacherPayFen ? { value: countyTeacherPayFen.fen / 100, unit: '元/人·年', source: countyTeacherPayFen.source } : settings.teacherPayYuan === null ? null : { value: settings.teacherPayYuan, unit: '元/人·年', source: user },
  };
}

/** Why a part of the cost is 无数据 (the unit cost it needs is not set). */
export function missingUnitCostReason(key: keyof CostAssumptions): string {
  return `无数据：未设定${UNIT_COST_LABEL_ZH[key]}（国家未公布统一单价，须由用户按本省标准设定）`;
}

export type SchoolCost = {
  code: string;
  name: string;
  section: SchoolSection['section'];
  equipmentFen: number;
  areaM2: number;
  /** null: area is short but no unit cost is set (无数据). */
  areaFen: number | null;
  rooms: number;
  roomsFen: number | null;
  teachers: number;
  teachersFen: number | null;
  keyTeachers: number;
  /** null when any part it needs is null. */
  totalFen: number | null;
};

export type CountyCost = {
  county: string;
  schools: SchoolCost[];
  equipmentFen: number;
  areaFen: number | null;
  roomsFen: number | null;
  teachersFen: number | null;
  totalFen: number | null;
  /** Each part that could not be priced, with why (无数据 …). */
  missing: string[];
  assumptions: CostAssumptions;
  areaM2: number;
  rooms: number;
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

/** fen = quantity × unit cost, or null when the quantity is positive and the unit cost not set. */
function priced(quantity: number, unitFen: number | null): number | null {
  if (quantity === 0) return 0;
  return unitFen === null ? null : quantity * unitFen;
}

const plus = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a + b);

export function costToClose(assessment: CountyAssessment, a: CostAssumptions): CountyCost {
  const schools: SchoolCost[] = [];
  const closed: SchoolSection[] = [];
  // 元/m² is 分 per dm² numerically (1 m² = 100 dm², 1 元 = 100 分).
  const areaFenPerM2 = a.areaYuanPerM2 ? yuanToFen(a.areaYuanPerM2.value) : null;
  const roomFen = a.roomYuan ? yuanToFen(a.roomYuan.value) : null;
  const teacherFen = a.teacherPayYuan ? yuanToFen(a.teacherPayYuan.value) : null;
  for (const section of assessment.sections) {
    for (const r of section.schools) {
      const short: Record<string, number> = {};
      for (const i of r.indicators) short[i.key] = i.shortfall;
      closed.push(closeSchoolGaps(r.school, short));
      const areaDm2 = (short.teaching_area ?? 0) + (short.sports_area ?? 0);
      const teachers = Math.max(short.qualified_teachers ?? 0, short.pe_art_teachers ?? 0);
      const rooms = short.multimedia_rooms ?? 0;
      // dm² × (分/m²) / 100 is whole 分 whenever the unit cost is whole 元; round half up otherwise.
      const areaFen = areaDm2 === 0 ? 0 : areaFenPerM2 === null ? null : Math.round((areaDm2 * areaFenPerM2) / 100);
      const c: SchoolCost = {
        code: r.school.code,
        name: r.school.name,
        section: r.school.section,
        equipmentFen: short.equipment_value ?? 0,
        areaM2: areaDm2 / 100,
        areaFen,
        rooms,
        roomsFen: priced(rooms, roomFen),
        teachers,
        teachersFen: priced(teachers, teacherFen),
        keyTeachers: short.key_teachers ?? 0,
        totalFen: null,
      };
      c.totalFen = plus(plus(plus(c.equipmentFen, c.areaFen), c.roomsFen), c.teachersFen);
      if (c.totalFen !== 0 || c.keyTeachers > 0) schools.push(c);
    }
  }
  const sum = (f: (c: SchoolCost) => number) => schools.reduce((acc, c) => acc + f(c), 0);
  const sumOrNull = (f: (c: SchoolCost) => number | null) => schools.reduce<number | null>((acc, c) => plus(acc, f(c)), 0);
  const after = assessCounty(assessment.county, closed);
  const areaFen = sumOrNull((c) => c.areaFen);
  const roomsFen = sumOrNull((c) => c.roomsFen);
  const teachersFen = sumOrNull((c) => c.teachersFen);
  const equipmentFen = sum((c) => c.equipmentFen);
  const missing: string[] = [];
  if (areaFen === null) missing.push(missingUnitCostReason('areaYuanPerM2'));
  if (roomsFen === null) missing.push(missingUnitCostReason('roomYuan'));
  if (teachersFen === null) missing.push(missingUnitCostReason('teacherPayYuan'));
  return {
    county: assessment.county,
    schools,
    equipmentFen,
    areaFen,
    roomsFen,
    teachersFen,
    totalFen: plus(plus(plus(equipmentFen, areaFen), roomsFen), teachersFen),
    missing,
    assumptions: a,
    areaM2: sum((c) => c.areaM2),
    rooms: sum((c) => c.rooms),
    teachers: sum((c) => c.teachers),
    keyTeachers: sum((c) => c.keyTeachers),
    metAfterClosing: after.status === 'met',
  };
}
