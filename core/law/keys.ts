// The catalogue of every parameter the store knows: its key, label, unit and meaning. The key type
// `LawKey` is derived from this object, so a reader or an instrument file that names a key not in
// the catalogue does not compile. Values live in the instrument files (./instruments), never here.
//
// Funding standards follow one pattern, `standard.<component>.<level>.<region class>`, with the
// component, level and region-class codes of the funding_standard table, so the database's loaded
// copy (db/law) is derived from the key alone.
import type { LawSpec } from './types';

const fen = 'fen_per_pupil_year' as const;

export const LAW_SPECS = {
  // 两个只增不减 and the 4 % target
  'no_decrease.edu_spending.min_growth': {
    label: { zh: '一般公共预算教育支出 最低增长', en: 'General-budget education spending: lowest allowed growth' },
    unit: 'fraction',
    meaning: 'E(t) ≥ (1 + x) × E(t−1); x = 0 is “只增不减”, so an equal amount passes.',
  },
  'no_decrease.per_student.min_growth': {
    label: { zh: '生均一般公共预算教育支出 最低增长', en: 'Per-student general-budget education spending: lowest allowed growth' },
    unit: 'fraction',
    meaning: 'E(t)/N(t) ≥ (1 + x) × E(t−1)/N(t−1), per level and combined; x = 0 is “只增不减”.',
  },
  'fiscal_edu_gdp.min_ratio': {
    label: { zh: '国家财政性教育经费占GDP比例 下限', en: 'State fiscal education funds as a share of GDP: floor' },
    unit: 'fraction',
    meaning: 'G/Y ≥ x, G = 国家财政性教育经费, Y = GDP (or a province’s 地区生产总值).',
  },

  // 义务教育 生均公用经费基准定额 by level and region class
  'standard.public_funds_base.primary.east': { label: { zh: '小学生均公用经费基准定额（东部）', en: 'Primary per-pupil public-funds quota (east)' }, unit: fen, meaning: 'The national minimum for primary pupils in the eastern provinces.' },
  'standard.public_funds_base.primary.central_west': { label: { zh: '小学生均公用经费基准定额（中西部）', en: 'Primary per-pupil public-funds quota (central and west)' }, unit: fen, meaning: 'The national minimum for primary pupils in the central and western provinces.' },
  'standard.public_funds_base.primary.national': { label: { zh: '小学生均公用经费基准定额（全国统一）', en: 'Primary per-pupil public-funds quota (one national figure)' }, unit: fen, meaning: 'The national minimum for primary pupils once one figure applies everywhere.' },
  'standard.public_funds_base.junior.east': { label: { zh: '初中生均公用经费基准定额（东部）', en: 'Junior per-pupil public-funds quota (east)' }, unit: fen, meaning: 'The national minimum for junior-secondary pupils in the eastern provinces.' },
  'standard.public_funds_base.junior.central_west': { label: { zh: '初中生均公用经费基准定额（中西部）', en: 'Junior per-pupil public-funds quota (central and west)' }, unit: fen, meaning: 'The national minimum for junior-secondary pupils in the central and western provinces.' },
  'standard.public_funds_base.junior.national': { label: { zh: '初中生均公用经费基准定额（全国统一）', en: 'Junior per-pupil public-funds quota (one national figure)' }, unit: fen, meaning: 'The national minimum for junior-secondary pupils once one figure applies everywhere.' },
  'standard.special_ed_public_funds.special.national': { label: { zh: '特殊教育生均公用经费', en: 'Special-education per-pupil public funds' }, unit: fen, meaning: 'Per pupil of a special-education school or a disabled pupil in a regular class.' },
  'standard.boarding_topup.primary.national': { label: { zh: '小学寄宿生 公用经费补助', en: 'Primary boarder top-up' }, unit: fen, meaning: 'Added to the public-funds quota for each boarding primary pupil.' },
  'standard.boarding_topup.junior.national': { label: { zh: '初中寄宿生 公用经费补助', en: 'Junior boarder top-up' }, unit: fen, meaning: 'Added to the public-funds quota for each boarding junior pupil.' },
  'standard.small_school_min_pupils.primary.national': { label: { zh: '小规模学校核定人数（小学）', en: 'Small rural school counted as (primary)' }, unit: 'pupils', meaning: 'A rural school or teaching point with fewer pupils is funded as if it had this many.' },
  'standard.small_school_min_pupils.junior.national': { label: { zh: '小规模学校核定人数（初中）', en: 'Small rural school counted as (junior)' }, unit: 'pupils', meaning: 'A rural school with fewer pupils is funded as if it had this many.' },
  'standard.living_subsidy_boarder.primary.national': { label: { zh: '家庭经济困难寄宿生生活费补助（小学）', en: 'Living subsidy, boarders from families in difficulty (primary)' }, unit: fen, meaning: 'The “一补” of 两免一补, per boarding primary pupil per year.' },
  'standard.living_subsidy_boarder.junior.national': { label: { zh: '家庭经济困难寄宿生生活费补助（初中）', en: 'Living subsidy, boarders from families in difficulty (junior)' }, unit: fen, meaning: 'The “一补” of 两免一补, per boarding junior pupil per year.' },
  'standard.per_student_appropriation.higher.national': { label: { zh: '高职院校年生均财政拨款水平 下限', en: 'Higher-vocational appropriation per student: floor' }, unit: fen, meaning: 'Per student per year, each province’s 高职 colleges.' },

  // 国办发〔2018〕6号: central share of shared responsibilities by tier (分档)
  'cost_share.central.tier1': { label: { zh: '第一档 中央分担比例', en: 'Central share, tier 1' }, unit: 'fraction', meaning: 'Share the centre bears of a shared basic-public-service item in a tier-1 province.' },
  'cost_share.central.tier2': { label: { zh: '第二档 中央分担比例', en: 'Central share, tier 2' }, unit: 'fraction', meaning: 'Share the centre bears in a tier-2 province.' },
  'cost_share.central.tier3': { label: { zh: '第三档 中央分担比例', en: 'Central share, tier 3' }, unit: 'fraction', meaning: 'Share the centre bears in a tier-3 province.' },
  'cost_share.central.tier4': { label: { zh: '第四档 中央分担比例', en: 'Central share, tier 4' }, unit: 'fraction', meaning: 'Share the centre bears in a tier-4 province or separately planned city.' },
  'cost_share.central.tier5': { label: { zh: '第五档 中央分担比例', en: 'Central share, tier 5' }, unit: 'fraction', meaning: 'Share the centre bears in a tier-5 province.' },

  // 教督〔2017〕6号 县域义务教育优质均衡: the seven resource indicators, each school's floor by level
  'balance.teachers_above_degree.primary': { label: { zh: '每百名学生拥有高于规定学历教师数（小学）', en: 'Teachers above the required degree per 100 pupils (primary)' }, unit: 'per_100_pupils', meaning: 'Each school’s floor for this indicator (primary).' },
  'balance.teachers_above_degree.junior': { label: { zh: '每百名学生拥有高于规定学历教师数（初中）', en: 'Teachers above the required degree per 100 pupils (junior)' }, unit: 'per_100_pupils', meaning: 'Each school’s floor for this indicator (junior).' },
  'balance.key_teachers.primary': { label: { zh: '每百名学生拥有县级以上骨干教师数（小学）', en: 'County-or-higher key teachers per 100 pupils (primary)' }, unit: 'per_100_pupils', meaning: 'Each school’s floor for this indicator (primary).' },
  'balance.key_teachers.junior': { label: { zh: '每百名学生拥有县级以上骨干教师数（初中）', en: 'County-or-higher key teachers per 100 pupils (junior)' }, unit: 'per_100_pupils', meaning: 'Each school’s floor for this indicator (junior).' },
  'balance.pe_art_teachers.primary': { label: { zh: '每百名学生拥有体育、艺术（美术、音乐）专任教师数（小学）', en: 'PE and art (fine art, music) teachers per 100 pupils (primary)' }, unit: 'per_100_pupils', meaning: 'Each school’s floor for this indicator (primary).' },
  'balance.pe_art_teachers.junior': { label: { zh: '每百名学生拥有体育、艺术（美术、音乐）专任教师数（初中）', en: 'PE and art (fine art, music) teachers per 100 pupils (junior)' }, unit: 'per_100_pupils', meaning: 'Each school’s floor for this indicator (junior).' },
  'balance.teaching_space.primary': { label: { zh: '生均教学及辅助用房面积（㎡）（小学）', en: 'Teaching and support floor space per pupil (m²) (primary)' }, unit: 'sqm_per_pupil', meaning: 'Each school’s floor for this indicator (primary).' },
  'balance.teaching_space.junior': { label: { zh: '生均教学及辅助用房面积（㎡）（初中）', en: 'Teaching and support floor space per pupil (m²) (junior)' }, unit: 'sqm_per_pupil', meaning: 'Each school’s floor for this indicator (junior).' },
  'balance.sports_space.primary': { label: { zh: '生均体育运动场馆面积（㎡）（小学）', en: 'Sports ground and hall area per pupil (m²) (primary)' }, unit: 'sqm_per_pupil', meaning: 'Each school’s floor for this indicator (primary).' },
  'balance.sports_space.junior': { label: { zh: '生均体育运动场馆面积（㎡）（初中）', en: 'Sports ground and hall area per pupil (m²) (junior)' }, unit: 'sqm_per_pupil', meaning: 'Each school’s floor for this indicator (junior).' },
  'balance.equipment_value.primary': { label: { zh: '生均教学仪器设备值（小学）', en: 'Teaching equipment value per pupil (primary)' }, unit: 'fen_per_pupil', meaning: 'Each school’s floor for this indicator (primary).' },
  'balance.equipment_value.junior': { label: { zh: '生均教学仪器设备值（初中）', en: 'Teaching equipment value per pupil (junior)' }, unit: 'fen_per_pupil', meaning: 'Each school’s floor for this indicator (junior).' },
  'balance.multimedia_rooms.primary': { label: { zh: '每百名学生拥有网络多媒体教室数（间）（小学）', en: 'Networked multimedia classrooms per 100 pupils (primary)' }, unit: 'per_100_pupils', meaning: 'Each school’s floor for this indicator (primary).' },
  'balance.multimedia_rooms.junior': { label: { zh: '每百名学生拥有网络多媒体教室数（间）（初中）', en: 'Networked multimedia classrooms per 100 pupils (junior)' }, unit: 'per_100_pupils', meaning: 'Each school’s floor for this indicator (junior).' },
  'balance.cv_max.primary': { label: { zh: '校际差异系数 上限（小学）', en: 'Between-school coefficient of variation: ceiling (primary)' }, unit: 'ratio', meaning: 'Every indicator’s pupil-weighted CV across a county’s primary schools must not exceed this.' },
  'balance.cv_max.junior': { label: { zh: '校际差异系数 上限（初中）', en: 'Between-school coefficient of variation: ceiling (junior)' }, unit: 'ratio', meaning: 'Every indicator’s pupil-weighted CV across a county’s junior schools must not exceed this.' },
  'balance.indicators_min_met': { label: { zh: '每校至少达标指标数（共7项）', en: 'Indicators each school must meet (of 7)' }, unit: 'count', meaning: 'A school passes the resource test when it meets at least this many of the seven floors.' },
  'balance.remaining_min_share': { label: { zh: '未达标指标 不低于标准的比例', en: 'Unmet indicator: least share of its floor' }, unit: 'fraction', meaning: 'The indicator a school does not meet must still reach this share of its floor.' },
  'balance.recognition_min': { label: { zh: '社会认可度 下限', en: 'Public satisfaction: floor' }, unit: 'fraction', meaning: 'Share of surveyed students, parents, teachers, heads and deputies who approve.' },

  // 财预〔2022〕58号 第七条: the weights of the two parts of the 困难程度系数
  'equalisation.difficulty.weight_pressure': { label: { zh: '困难程度系数 必保支出压力权重', en: 'Difficulty coefficient: weight of mandatory-spending pressure' }, unit: 'fraction', meaning: 'Weight of z(基本公共服务必保支出 ÷ 地方标准财政收入) in the difficulty coefficient.' },
  'equalisation.difficulty.weight_gap': { label: { zh: '困难程度系数 收支缺口率权重', en: 'Difficulty coefficient: weight of the standard gap ratio' }, unit: 'fraction', meaning: 'Weight of z(标准财政收支缺口 ÷ 标准财政支出) in the difficulty coefficient.' },

  // The transfer simulator's method defaults: not law, the workbench's documented starting point
  'transfer.pool.amount': { label: { zh: '转移支付资金总额（演示默认）', en: 'Transfer pool (demo default)' }, unit: 'yuan', meaning: 'The pool a scenario allocates unless it sets its own.' },
  'transfer.factor.students': { label: { zh: '在校生数因素权重（默认）', en: 'Factor weight: students (default)' }, unit: 'fraction', meaning: 'Default weight w of the students factor in Σ w·f/Σf.' },
  'transfer.factor.population': { label: { zh: '常住人口因素权重（默认）', en: 'Factor weight: population (default)' }, unit: 'fraction', meaning: 'Default weight w of the population factor in Σ w·f/Σf.' },
  'transfer.factor.area': { label: { zh: '国土面积因素权重（默认）', en: 'Factor weight: land area (default)' }, unit: 'fraction', meaning: 'Default weight w of the land area factor in Σ w·f/Σf.' },
  'transfer.factor.inverse_capacity': { label: { zh: '人均财力（倒数）因素权重（默认）', en: 'Factor weight: inverse revenue per head (default)' }, unit: 'fraction', meaning: 'Default weight w of the inverse revenue per head factor in Σ w·f/Σf.' },
  'transfer.factor.standard_gap': { label: { zh: '生均经费缺口因素权重（默认）', en: 'Factor weight: gap to the per-student standard (default)' }, unit: 'fraction', meaning: 'Default weight w of the gap to the per-student standard factor in Σ w·f/Σf.' },
  'transfer.factor.difficulty': { label: { zh: '财力困难程度因素权重（默认）', en: 'Factor weight: fiscal difficulty (default)' }, unit: 'fraction', meaning: 'Default weight w of the fiscal difficulty factor in Σ w·f/Σf.' },
  'transfer.factor.gap': { label: { zh: '优质均衡资源缺口因素权重（默认）', en: 'Factor weight: cost to close the 优质均衡 resource gaps (default)' }, unit: 'fraction', meaning: 'Default weight w of the 缺口因素 (each county’s cost to close its 优质均衡 resource gaps) in Σ w·f/Σf.' },
  'transfer.gap.spend_share': { label: { zh: '转移支付用于补齐资源缺口的比例（假设）', en: 'Share of each year’s transfer spent on closing resource gaps (assumption)' }, unit: 'fraction', meaning: 'The stated assumption of the 优质均衡 reach report: this share of each county’s allocation, the same every year, goes to closing its gaps.' },
  'transfer.difficulty.tilt': { label: { zh: '困难系数乘数 倾斜强度（默认）', en: 'Difficulty multiplier tilt (default)' }, unit: 'multiplier', meaning: 't in max(floor, 1 + t × difficulty coefficient).' },
  'transfer.difficulty.by_revenue_per_head': { label: { zh: '困难系数按人均财力计算（默认）', en: 'Difficulty from revenue per head (default)' }, unit: 'switch', meaning: '1: the difficulty coefficient is z(1 / revenue per head); 0: the two parts of 第七条.' },
  'transfer.difficulty.floor': { label: { zh: '困难系数乘数下限（默认）', en: 'Lowest difficulty multiplier (default)' }, unit: 'multiplier', meaning: 'The floor in max(floor, 1 + t × difficulty coefficient).' },
  'transfer.standard.enabled': { label: { zh: '按基准定额先行安排（默认）', en: 'Standard-based component first (default)' }, unit: 'switch', meaning: '1: 基准定额 × students × the tier’s share is allocated before the factors.' },
  'transfer.tiers.presplit': { label: { zh: '按发展档次预分资金（默认）', en: 'Pre-split the pool by tier (default)' }, unit: 'switch', meaning: '1: the pool is first split among development tiers.' },
  'transfer.tiers.share_tier1': { label: { zh: '第一档 预分比例（默认）', en: 'Pool share, tier 1 (default)' }, unit: 'fraction', meaning: 'Share of the pool tier 1 receives when the pool is pre-split.' },
  'transfer.tiers.share_tier2': { label: { zh: '第二档 预分比例（默认）', en: 'Pool share, tier 2 (default)' }, unit: 'fraction', meaning: 'Share of the pool tier 2 receives when the pool is pre-split.' },
  'transfer.tiers.share_tier3': { label: { zh: '第三档 预分比例（默认）', en: 'Pool share, tier 3 (default)' }, unit: 'fraction', meaning: 'Share of the pool tier 3 receives when the pool is pre-split.' },
  'transfer.tiers.share_tier4': { label: { zh: '第四档 预分比例（默认）', en: 'Pool share, tier 4 (default)' }, unit: 'fraction', meaning: 'Share of the pool tier 4 receives when the pool is pre-split.' },
  'transfer.tiers.share_tier5': { label: { zh: '第五档 预分比例（默认）', en: 'Pool share, tier 5 (default)' }, unit: 'fraction', meaning: 'Share of the pool tier 5 receives when the pool is pre-split.' },
  'transfer.floor.per_student': { label: { zh: '生均转移支付下限（默认）', en: 'Per-student floor (default)' }, unit: 'yuan_per_student', meaning: 'Each unit receives at least this × its students.' },
  'transfer.cap.share': { label: { zh: '单县占资金总额上限（默认）', en: 'Cap per unit, share of the pool (default)' }, unit: 'fraction', meaning: 'No unit receives more than this share of the pool (1 = no cap).' },
  'transfer.hold_harmless.h': { label: { zh: '保既得利益系数 h（默认）', en: 'Hold-harmless h (default)' }, unit: 'fraction', meaning: 'Each unit receives at least h × last year’s allocation (0 = off).' },
  'transfer.growth.enabled': { label: { zh: '增幅控制（默认）', en: 'Growth band (default)' }, unit: 'switch', meaning: '1: each unit’s growth is kept within [min, max].' },
  'transfer.growth.min': { label: { zh: '增幅下限（默认）', en: 'Lowest growth (default)' }, unit: 'growth_rate', meaning: 'The band’s lower end, as a year-on-year change.' },
  'transfer.growth.max': { label: { zh: '增幅上限（默认）', en: 'Highest growth (default)' }, unit: 'growth_rate', meaning: 'The band’s upper end, as a year-on-year change.' },
  'transfer.outcome.pass_through': { label: { zh: '转移支付计入教育支出的比例（默认）', en: 'Share of a transfer change reaching education spending (default)' }, unit: 'fraction', meaning: 'How much of a change in a unit’s transfer changes its education spending.' },
  // 学生资助: the national standards of the aid items (living subsidy boarders' rate is above)
  'aid.living_subsidy.non_boarder_share': { label: { zh: '非寄宿生生活补助 占寄宿生标准的比例', en: 'Living subsidy for non-boarders, as a share of the boarders’ rate' }, unit: 'fraction', meaning: 'A non-boarding pupil from a family in difficulty receives this share of the boarding rate.' },
  'aid.senior_grant.average': { label: { zh: '普通高中国家助学金 平均资助标准', en: 'Senior-secondary national grant: average rate' }, unit: fen, meaning: 'Average per funded student per year; provinces set 2–3 tiers around it.' },
  'aid.voc_grant.average': { label: { zh: '中职国家助学金 平均资助标准', en: 'Secondary-vocational national grant: average rate' }, unit: fen, meaning: 'Average per funded student per year; provinces set 2–3 tiers around it.' },
  'aid.grant_tier.min': { label: { zh: '国家助学金 分档标准下限', en: 'National grants: lowest tier a province may set' }, unit: fen, meaning: 'No provincial tier of the 普高 or 中职 national grant may be below this.' },
  'aid.grant_tier.max': { label: { zh: '国家助学金 分档标准上限', en: 'National grants: highest tier a province may set' }, unit: fen, meaning: 'No provincial tier of the 普高 or 中职 national grant may be above this.' },
  'aid.voc_fee_waiver.central_rate': { label: { zh: '中职免学费 中央统一测算标准', en: 'Secondary-vocational tuition waiver: the centre’s flat budgeting rate' }, unit: fen, meaning: 'The centre computes its share of the waiver at this rate per student, whatever the approved fee.' },
  'aid.senior_grant.coverage': { label: { zh: '普通高中国家助学金 资助面', en: 'Senior-secondary national grant: coverage' }, unit: 'fraction', meaning: 'Share of senior-secondary students the grant is budgeted for nationally.' },
} as const satisfies Record<string, LawSpec>;

/** Every key of the store. A string that is not one of these is a compile error where a key is expected. */
export type LawKey = keyof typeof LAW_SPECS;

export const LAW_KEYS = Object.keys(LAW_SPECS) as LawKey[];

export function isLawKey(s: string): s is LawKey {
  return Object.prototype.hasOwnProperty.call(LAW_SPECS, s);
}
