// What a bulletin's words name: the indicator (with the names used before 2017 mapped to the current
// ones: 公共财政 and 预算内 became 一般公共预算 when the budget law's terms changed) and the level.
import type { LevelCode } from '../levels';

export const INDICATORS = {
  total_investment: { zh: '教育经费总投入', en: 'Total education funding' },
  fiscal_edu_funds: { zh: '国家财政性教育经费', en: 'State fiscal education funds' },
  gpb_edu_funds: { zh: '一般公共预算教育经费', en: 'General-budget education funds' },
  provincial_edu_funds: { zh: '省级财政教育经费', en: 'Provincial-level education funds' },
  recurrent_revenue: { zh: '财政经常性收入', en: 'Recurrent fiscal revenue' },
  share_of_budget: { zh: '一般公共预算教育经费占一般公共预算支出的比例', en: 'Education share of general-budget expenditure' },
  growth_gap: { zh: '教育经费增长与财政经常性收入增长之差', en: 'Education growth minus recurrent-revenue growth' },
  per_student: { zh: '生均一般公共预算教育经费', en: 'General-budget education funds per student' },
  per_student_operating: { zh: '生均一般公共预算教育事业费', en: 'Operating funds per student' },
  per_student_public_funds: { zh: '生均一般公共预算公用经费', en: 'Public (non-personnel) funds per student' },
  tuition_income: { zh: '事业收入', en: 'Tuition and service income' },
  private_investment: { zh: '民办学校中举办者投入', en: 'Private school sponsors' },
  donations: { zh: '社会捐赠经费', en: 'Donations' },
  other_funds: { zh: '其他教育经费', en: 'Other education funds' },
} as const;
export type Indicator = keyof typeof INDICATORS;

export const PER_STUDENT: ReadonlySet<Indicator> = new Set(['per_student', 'per_student_operating', 'per_student_public_funds']);

/** The current name for the old ones, so one pattern reads every year's wording. */
export function currentNames(text: string): string {
  return text.replace(/公共财政预算/g, '一般公共预算').replace(/(?<!一般)公共财政/g, '一般公共预算').replace(/预算内/g, '一般公共预算').replace(/一般公用预算/g, '一般公共预算').replace(/一般一般/g, '一般');
}

/**
 * The indicator a heading, lead-in or subject names, or null. `specific` is false for the bare
 * "生均支出" of a sentence that leaves the indicator to its heading.
 */
export function indicatorIn(raw: string): { indicator: Indicator; specific: boolean } | null {
  const text = currentNames(raw.replace(/\([^)]*\)/g, ''));
  if (/生均/.test(text)) {
    if (/公用经费/.test(text)) return { indicator: 'per_student_public_funds', specific: true };
    if (/事业费/.test(text)) return { indicator: 'per_student_operating', specific: true };
    if (/教育经费/.test(text)) return { indicator: 'per_student', specific: true };
    return { indicator: 'per_student', specific: false };
  }
  if (/占.*(支出|比例)/.test(text) && !/全国/.test(text)) return { indicator: 'share_of_budget', specific: true };
  if (/财政经常性收入/.test(text) && /(高于|低于)/.test(text)) return { indicator: 'growth_gap', specific: true };
  if (/财政经常性收入/.test(text)) return { indicator: 'recurrent_revenue', specific: true };
  if (/省级财政教育经费/.test(text)) return { indicator: 'provincial_edu_funds', specific: true };
  if (/一般公共预算教育(经费|支出)/.test(text)) return { indicator: 'gpb_edu_funds', specific: true };
  if (/财政性教育经费/.test(text)) return { indicator: 'fiscal_edu_funds', specific: true };
  if (/教育经费总(投入|收入)/.test(text)) return { indicator: 'total_investment', specific: true };
  if (/事业收入/.test(text)) return { indicator: 'tuition_income', specific: true };
  if (/举办者投入/.test(text)) return { indicator: 'private_investment', specific: true };
  if (/社会捐赠/.test(text)) return { indicator: 'donations', specific: true };
  if (/其他教育经费/.test(text)) return { indicator: 'other_funds', specific: true };
  return null;
}

const LEVEL_WORDS: readonly [RegExp, LevelCode][] = [
  [/幼儿园|学前教育/, 'preschool'],
  [/小学/, 'primary'],
  [/初中/, 'junior'],
  [/高中/, 'senior'],
  [/中等职业|中职/, 'sec_voc'],
  [/高等学校|高校|高等教育/, 'higher'],
  [/特殊教育|特教/, 'special'],
];

export function levelIn(text: string): LevelCode | null {
  for (const [re, code] of LEVEL_WORDS) if (re.test(text)) return code;
  return null;
}

/** Words of direction: which way each says the figure moved. */
export const DIRECTION_SIGN: Readonly<Record<string, 1 | -1 | 0>> = { 增长: 1, 增加: 1, 提高: 1, 上升: 1, 高于: 1, 下降: -1, 减少: -1, 降低: -1, 低于: -1, 持平: 0 };
export const DIRECTION_WORDS = Object.keys(DIRECTION_SIGN);

/** What a standard 一般公共预算教育经费 contains; anything else in its parenthesis widens the 口径. */
export const STANDARD_GPB_PARTS = ['教育事业费', '基建经费', '基本建设经费', '基本建设费', '教育费附加'];
