// The 优质均衡 resource standards and the plan's dated targets, as law data: every number with its
// unit, the date it takes effect and a reference {document, article, url}. The seven indicators'
// floors, the CV ceilings, 6-of-7 and 85 % come from the law store (core/law, 教督〔2017〕6号);
// the rest (small 教学点, class and school size, the provincial plan's targets) are not in the
// store yet and are held here in the same shape. Nothing else in core/balance holds a threshold.
//
// Thresholds are exact rationals (num/den in the unit shown) so that a school or a county exactly
// at a threshold is decided by integer arithmetic, never by a float.

import { lawLatest, type LawKey } from '../law';

export type LawReference = { document: string; title: string; article: string; url: string | null; note?: string };

export type LawValue<T> = { value: T; unit: string; effectiveFrom: string; reference: LawReference };

/** An exact threshold: num / den in the indicator's display unit. */
export type Exact = { num: number; den: number };

const BALANCE_ORDER: LawReference = {
  document: '教督〔2017〕6号',
  title: '教育部《县域义务教育优质均衡发展督导评估办法》',
  article: '第五条（资源配置）',
  url: 'https://www.fudaoke.com/exam/3242393.html',
  note: '转载文本；以教育部原文为准',
};
const BALANCE_ORDER_85: LawReference = { ...BALANCE_ORDER, note: '“余项不低于要求的85%”；转载文本，以教育部原文为准' };
const BALANCE_ORDER_GOV: LawReference = { ...BALANCE_ORDER, article: '第六条（政府保障程度）' };
const BALANCE_ORDER_QUALITY: LawReference = { ...BALANCE_ORDER, article: '第七条（教育质量）' };
const HEBEI_RULES: LawReference = {
  document: '河北省实施细则（依据教督〔2017〕6号）',
  title: '河北省县域义务教育优质均衡发展督导评估实施细则',
  article: '资源配置 计算说明',
  url: 'https://m.zixin.com.cn/doc/2278587.html',
  note: '“不足50人的教学点”不参与计算；国家文本未规定人数，可按本省细则修改',
};
const CV_METHOD: LawReference = {
  document: '教督〔2017〕6号',
  title: '差异系数计算方法（在校生加权）',
  article: '附件 指标说明',
  url: 'https://m.777doc.com/doc-2019910.html',
};
const PLAN: LawReference = {
  document: '省《构建优质均衡的基本公共教育服务体系实施方案》',
  title: '构建优质均衡的基本公共教育服务体系实施方案（省级）',
  article: '主要目标',
  url: null,
  note: '国家依据：中共中央办公厅 国务院办公厅《关于构建优质均衡的基本公共教育服务体系的意见》（2023年6月）',
};
const EXPAND_QUALITY: LawReference = {
  document: '教基〔2023〕3号',
  title: '教育部等《关于实施新时代基础教育扩优提质行动计划的意见》',
  article: '主要目标',
  url: 'http://www.njpanjin.com/cn/Instant/municipal/202308/t20230831_7476508.html',
};
const COMPULSORY_LAW: LawReference = { document: '中华人民共和国义务教育法', title: '中华人民共和国义务教育法（2006年修订）', article: '第三十一条', url: 'http://www.jizihe.com/page/2017/0725/2096106.shtml' };
const EFFECTIVE_2017 = '2017-04-26';

export const SECTIONS = ['primary', 'junior'] as const;
export type Section = (typeof SECTIONS)[number];

export const INDICATOR_KEYS = ['qualified_teachers', 'key_teachers', 'pe_art_teachers', 'teaching_area', 'sports_area', 'equipment_value', 'multimedia_rooms'] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export type IndicatorDefinition = {
  key: IndicatorKey;
  n: number;
  label: { zh: string; en: string };
  /** Display unit of the per-pupil value. */
  unit: string;
  /** 1 = per pupil, 100 = per hundred pupils. */
  per: 1 | 100;
  /** What the school record's raw amount counts, and how many of them make one display unit. */
  raw: { field: 'qualifiedTeachers' | 'keyTeachers' | 'peArtTeachers' | 'teachingAreaCm2' | 'sportsAreaCm2' | 'equipmentFen' | 'multimediaRooms'; scale: 1 | 100 };
  threshold: Record<Section, LawValue<Exact>>;
};

/** A decimal from the store as an exact ratio (4.2 → 42/10); `per` rescales (分 → 元: 1/100). */
function exactOf(v: number, den = 1): Exact {
  const places = (String(v).split('.')[1] ?? '').length;
  const scale = 10 ** places;
  return { num: Math.round(v * scale), den: scale * den };
}

function fromStore(key: LawKey, unit: string, den = 1): LawValue<Exact> {
  const r = lawLatest(key);
  return { value: exactOf(r.value, den), unit, effectiveFrom: r.from, reference: { ...BALANCE_ORDER, document: r.reference.document, article: r.reference.article, url: r.reference.url, ...(r.note ? { note: r.note } : {}) } };
}

function t(stem: string, unit: string, den = 1): Record<Section, LawValue<Exact>> {
  return { primary: fromStore(`balance.${stem}.primary` as LawKey, unit, den), junior: fromStore(`balance.${stem}.junior` as LawKey, unit, den) };
}

export const INDICATORS: readonly IndicatorDefinition[] = [
  { key: 'qualified_teachers', n: 1, label: { zh: '每百名学生拥有高于规定学历教师数', en: 'Teachers above the required qualification per 100 pupils' }, unit: '人/百生', per: 100, raw: { field: 'qualifiedTeachers', scale: 1 }, threshold: t('teachers_above_degree', '人/百生') },
  { key: 'key_teachers', n: 2, label: { zh: '每百名学生拥有县级以上骨干教师数', en: 'County-level or higher key teachers per 100 pupils' }, unit: '人/百生', per: 100, raw: { field: 'keyTeachers', scale: 1 }, threshold: t('key_teachers', '人/百生') },
  { key: 'pe_art_teachers', n: 3, label: { zh: '每百名学生拥有体育、艺术（美术、音乐）专任教师数', en: 'PE and art teachers per 100 pupils' }, unit: '人/百生', per: 100, raw: { field: 'peArtTeachers', scale: 1 }, threshold: t('pe_art_teachers', '人/百生') },
  { key: 'teaching_area', n: 4, label: { zh: '生均教学及辅助用房面积', en: 'Teaching and auxiliary floor area per pupil' }, unit: 'm²/生', per: 1, raw: { field: 'teachingAreaCm2', scale: 100 }, threshold: t('teaching_space', 'm²/生') },
  { key: 'sports_area', n: 5, label: { zh: '生均体育运动场馆面积', en: 'Sports ground area per pupil' }, unit: 'm²/生', per: 1, raw: { field: 'sportsAreaCm2', scale: 100 }, threshold: t('sports_space', 'm²/生') },
  { key: 'equipment_value', n: 6, label: { zh: '生均教学仪器设备值', en: 'Teaching equipment value per pupil' }, unit: '元/生', per: 1, raw: { field: 'equipmentFen', scale: 100 }, threshold: t('equipment_value', '元/生', 100) },
  { key: 'multimedia_rooms', n: 7, label: { zh: '每百名学生拥有网络多媒体教室数', en: 'Networked multimedia classrooms per 100 pupils' }, unit: '间/百生', per: 100, raw: { field: 'multimediaRooms', scale: 1 }, threshold: t('multimedia_rooms', '间/百生') },
];

export const BALANCE_RULES = {
  /** Each school meets at least this many of the seven. */
  minIndicatorsMet: { value: lawLatest('balance.indicators_min_met').value, unit: '项', effectiveFrom: lawLatest('balance.indicators_min_met').from, reference: { ...BALANCE_ORDER, ...lawLatest('balance.indicators_min_met').reference } } satisfies LawValue<number>,
  /** …and the rest reach at least this share of their standard. */
  remainderShare: { value: exactOf(lawLatest('balance.remaining_min_share').value), unit: '比例', effectiveFrom: lawLatest('balance.remaining_min_share').from, reference: { ...BALANCE_ORDER_85, ...lawLatest('balance.remaining_min_share').reference } } satisfies LawValue<Exact>,
  /** Per indicator, the pupil-weighted 差异系数 between schools is at most this. */
  maxCv: {
    primary: { value: lawLatest('balance.cv_max.primary').value, unit: '差异系数', effectiveFrom: lawLatest('balance.cv_max.primary').from, reference: { ...BALANCE_ORDER, ...lawLatest('balance.cv_max.primary').reference } },
    junior: { value: lawLatest('balance.cv_max.junior').value, unit: '差异系数', effectiveFrom: lawLatest('balance.cv_max.junior').from, reference: { ...BALANCE_ORDER, ...lawLatest('balance.cv_max.junior').reference } },
  } satisfies Record<Section, LawValue<number>>,
  /** 教学点 with fewer pupils than this are left out of the indicators and the CVs. */
  smallTeachingPointPupils: { value: 50, unit: '人', effectiveFrom: EFFECTIVE_2017, reference: HEBEI_RULES } satisfies LawValue<number>,
  cvMethod: CV_METHOD,
  /** Government-guarantee items the data can compute. */
  maxClassSize: { primary: { value: 45, unit: '人/班', effectiveFrom: EFFECTIVE_2017, reference: BALANCE_ORDER_GOV }, junior: { value: 50, unit: '人/班', effectiveFrom: EFFECTIVE_2017, reference: BALANCE_ORDER_GOV } } satisfies Record<Section, LawValue<number>>,
  maxSchoolSize: { value: 2000, unit: '人', effectiveFrom: EFFECTIVE_2017, reference: BALANCE_ORDER_GOV } satisfies LawValue<number>,
  maxSchoolSizeThroughTrain: { value: 2500, unit: '人', effectiveFrom: EFFECTIVE_2017, reference: BALANCE_ORDER_GOV } satisfies LawValue<number>,
  specialEdPublicFundsYuan: { value: 6000, unit: '元/生·年', effectiveFrom: EFFECTIVE_2017, reference: BALANCE_ORDER_GOV } satisfies LawValue<number>,
  smallSchoolFundedPupils: { value: 100, unit: '人', effectiveFrom: EFFECTIVE_2017, reference: BALANCE_ORDER_GOV } satisfies LawValue<number>,
  disabledEnrolmentRate: { value: { num: 95, den: 100 }, unit: '比例', effectiveFrom: EFFECTIVE_2017, reference: BALANCE_ORDER_QUALITY } satisfies LawValue<Exact>,
} as const;

/** The plan's dated targets. `comparator` says which side passes; the boundary itself passes. */
export type TargetKey =
  | 'counties_quality_balanced_2027'
  | 'counties_quality_balanced_2030'
  | 'urban_rural_degree_ratio'
  | 'teacher_pay'
  | 'disabled_enrolment'
  | 'counties_preschool_universal'
  | 'public_kindergarten_share'
  | 'quality_kindergarten_share'
  | 'county_public_senior'
  | 'county_vocational'
  | 'township_junior';

export type TargetDefinition = {
  key: TargetKey;
  label: { zh: string; en: string };
  threshold: LawValue<Exact>;
  comparator: '>=' | '<=';
  deadline: number;
  /** Where the target is measured. */
  scope: 'province' | 'prefecture' | 'county';
};

function target(key: TargetKey, zh: string, en: string, num: number, den: number, unit: string, comparator: '>=' | '<=', deadline: number, scope: TargetDefinition['scope'], reference: LawReference = PLAN): TargetDefinition {
  return { key, label: { zh, en }, threshold: { value: { num, den }, unit, effectiveFrom: '2024-01-01', reference }, comparator, deadline, scope };
}

export const TARGETS: readonly TargetDefinition[] = [
  target('counties_quality_balanced_2027', '义务教育优质均衡县占比', 'Share of counties at 优质均衡', 60, 100, '比例', '>=', 2027, 'province'),
  target('counties_quality_balanced_2030', '义务教育优质均衡县全覆盖', 'All counties at 优质均衡', 1, 1, '比例', '>=', 2030, 'province'),
  target('urban_rural_degree_ratio', '城市与农村义务教育学校专任教师本科以上学历比例之比', 'Urban to rural ratio of teachers with a bachelor degree or above', 105, 100, '倍', '<=', 2027, 'prefecture'),
  target('teacher_pay', '义务教育教师平均工资不低于当地公务员', 'Teacher pay at least civil-servant pay', 1, 1, '倍', '>=', 2027, 'county', COMPULSORY_LAW),
  target('disabled_enrolment', '适龄残疾儿童义务教育入学率', 'Enrolment rate of disabled children of compulsory age', 99, 100, '比例', '>=', 2027, 'province'),
  target('counties_preschool_universal', '学前教育普及普惠县占比', 'Share of counties certified 普及普惠', 60, 100, '比例', '>=', 2027, 'province'),
  target('public_kindergarten_share', '公办园在园幼儿占比', 'Share of children in public kindergartens', 60, 100, '比例', '>=', 2027, 'province', EXPAND_QUALITY),
  target('quality_kindergarten_share', '省一类及以上优质园占比', 'Share of kindergartens graded provincial class 1 or above', 60, 100, '比例', '>=', 2027, 'province'),
  target('county_public_senior', '每县至少一所达标公办普通高中', 'Every county has a public senior high school meeting the standard', 1, 1, '比例', '>=', 2027, 'county'),
  target('county_vocational', '每县中职学校达到办学条件标准', 'Every county’s vocational school meets the conditions standard', 1, 1, '比例', '>=', 2025, 'county'),
  target('township_junior', '每个乡镇至少保留一所初中', 'Every township keeps a junior secondary school', 1, 1, '比例', '>=', 2027, 'county'),
];

export function targetDefinition(key: TargetKey): TargetDefinition {
  const d = TARGETS.find((x) => x.key === key);
  if (!d) throw new RangeError(`unknown target ${key}`);
  return d;
}
