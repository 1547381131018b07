// One school section's seven resource indicators against its standard, decided exactly: a value
// v = amount·per / (pupils·scale) meets num/den when amount·per·den ≥ num·pupils·scale (integers),
// so a school exactly at a threshold passes and no float decides anything.
import { BALANCE_RULES, INDICATORS, type IndicatorDefinition, type IndicatorKey, type Section } from './standards';

export const SCHOOL_TYPES = ['primary', 'junior', 'nine_year', 'twelve_year', 'complete_middle', 'teaching_point', 'special', 'vocational', 'senior'] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];
export const SCHOOL_TYPE_ZH: Record<SchoolType, string> = {
  primary: '小学',
  junior: '初级中学',
  nine_year: '九年一贯制学校',
  twelve_year: '十二年一贯制学校',
  complete_middle: '完全中学',
  teaching_point: '教学点',
  special: '特殊教育学校',
  vocational: '职业学校',
  senior: '高级中学',
};
export const LOCALES = ['urban', 'town', 'rural'] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_ZH: Record<Locale, string> = { urban: '城区', town: '镇区', rural: '乡村' };

/**
 * One school, or one section of a 一贯制 school or 完全中学 (each section is its own record, as the
 * assessment computes 小学 and 初中 separately). Areas are in dm² (0.01 m²) and money in 分 so that
 * every figure is an integer.
 */
export type SchoolSection = {
  code: string;
  name: string;
  county: string;
  type: SchoolType;
  section: Section;
  locale: Locale;
  pupils: number;
  classes: number;
  qualifiedTeachers: number;
  keyTeachers: number;
  peArtTeachers: number;
  teachingAreaDm2: number;
  sportsAreaDm2: number;
  equipmentFen: number;
  multimediaRooms: number;
  boarders: number;
  specialEdPupils: number;
  /** 专任教师 and those with a bachelor degree or above (for the urban/rural ratio); optional. */
  teachers?: number;
  bachelorTeachers?: number;
};

export type IndicatorResult = {
  key: IndicatorKey;
  /** Per pupil (or per 100 pupils) in the display unit; for display only. */
  value: number;
  threshold: number;
  meets: boolean;
  /** ≥ 85 % of the standard. */
  reachesRemainder: boolean;
  /** Share of the standard reached (value ÷ threshold), for display. */
  attainment: number;
  /** Raw units missing to reach the standard (teachers, dm², 分, rooms); 0 when met. */
  shortfall: number;
};

export type SchoolResult = {
  school: SchoolSection;
  indicators: IndicatorResult[];
  met: number;
  /** ≥ 6 of 7 and the others ≥ 85 %. */
  passes: boolean;
};

function rawAmount(s: SchoolSection, d: IndicatorDefinition): number {
  switch (d.raw.field) {
    case 'qualifiedTeachers':
      return s.qualifiedTeachers;
    case 'keyTeachers':
      return s.keyTeachers;
    case 'peArtTeachers':
      return s.peArtTeachers;
    case 'teachingAreaCm2':
      return s.teachingAreaDm2;
    case 'sportsAreaCm2':
      return s.sportsAreaDm2;
    case 'equipmentFen':
      return s.equipmentFen;
    case 'multimediaRooms':
      return s.multimediaRooms;
  }
}

export function indicatorAmount(s: SchoolSection, key: IndicatorKey): number {
  return rawAmount(s, INDICATORS.find((d) => d.key === key)!);
}

/** Integers throughout; products stay far below 2^53 for any real school. */
export function evaluateIndicator(s: SchoolSection, d: IndicatorDefinition): IndicatorResult {
  const { num, den } = d.threshold[s.section].value;
  const r = BALANCE_RULES.remainderShare.value;
  const amount = rawAmount(s, d);
  const have = amount * d.per * den; // amount·per·den
  const need = num * s.pupils * d.raw.scale; // num·pupils·scale
  const meets = have >= need;
  const reachesRemainder = have * r.den >= need * r.num;
  // Least raw amount meeting the standard: ceil(need / (per·den)).
  const required = Math.ceil(need / (d.per * den));
  const value = s.pupils > 0 ? (amount * d.per) / (s.pupils * d.raw.scale) : Number.NaN;
  const threshold = num / den;
  return { key: d.key, value, threshold, meets, reachesRemainder, attainment: value / threshold, shortfall: Math.max(0, required - amount) };
}

export function evaluateSchool(s: SchoolSection): SchoolResult {
  const indicators = INDICATORS.map((d) => evaluateIndicator(s, d));
  const met = indicators.filter((i) => i.meets).length;
  const passes = met >= BALANCE_RULES.minIndicatorsMet.value && indicators.every((i) => i.meets || i.reachesRemainder);
  return { school: s, indicators, met, passes };
}

/** Why a record takes no part in the assessment, or null when it does. */
export function exclusionReason(s: SchoolSection): string | null {
  if (s.type === 'special') return '特殊教育学校不参与资源配置计算';
  if (s.type === 'vocational') return '职业学校不参与资源配置计算';
  if (s.type === 'senior') return '高中学段不参与义务教育评估';
  if (s.type === 'teaching_point' && s.pupils < BALANCE_RULES.smallTeachingPointPupils.value) return `不足${BALANCE_RULES.smallTeachingPointPupils.value}人的教学点不参与计算（${s.pupils}人）`;
  if (s.pupils <= 0) return '在校生为0，无法计算生均指标';
  return null;
}
