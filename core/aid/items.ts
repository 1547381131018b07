// The student-aid items the workbench models, and the levels each applies to. An item is either
// standard-based (count × a per-student standard) or fee-based (count × the locally approved fee),
// which is how the central and provincial rules themselves are written.
import type { LevelCode } from '../levels';

export const AID_ITEMS = ['living_subsidy', 'senior_grant', 'senior_fee_waiver', 'voc_grant', 'voc_fee_waiver', 'preschool_aid'] as const;
export type AidItem = (typeof AID_ITEMS)[number];

export type AidItemInfo = {
  item: AidItem;
  zh: string;
  en: string;
  levels: readonly LevelCode[];
  /** How the per-student amount is found: a standard from the law store, or the approved local fee. */
  basis: 'standard' | 'approved_fee' | 'provincial_standard';
};

export const AID_ITEM_INFO: Readonly<Record<AidItem, AidItemInfo>> = {
  living_subsidy: { item: 'living_subsidy', zh: '义务教育家庭经济困难学生生活补助', en: 'Living subsidy, compulsory education', levels: ['primary', 'junior'], basis: 'standard' },
  senior_grant: { item: 'senior_grant', zh: '普通高中国家助学金', en: 'National grant, senior secondary', levels: ['senior'], basis: 'standard' },
  senior_fee_waiver: { item: 'senior_fee_waiver', zh: '普通高中免学杂费', en: 'Fee waiver, senior secondary', levels: ['senior'], basis: 'approved_fee' },
  voc_grant: { item: 'voc_grant', zh: '中职国家助学金', en: 'National grant, secondary vocational', levels: ['sec_voc'], basis: 'standard' },
  voc_fee_waiver: { item: 'voc_fee_waiver', zh: '中职免学费', en: 'Tuition waiver, secondary vocational', levels: ['sec_voc'], basis: 'approved_fee' },
  preschool_aid: { item: 'preschool_aid', zh: '学前教育资助', en: 'Pre-school aid', levels: ['preschool'], basis: 'provincial_standard' },
};

/** Categories of identified students (家庭经济困难学生认定), as bureaus count them. */
export const AID_CATEGORIES = ['dibao', 'tekun', 'tuopin', 'jiance', 'disabled', 'orphan', 'other', 'all'] as const;
export type AidCategory = (typeof AID_CATEGORIES)[number];
export const AID_CATEGORY_ZH: Readonly<Record<AidCategory, string>> = {
  dibao: '低保家庭',
  tekun: '特困供养',
  tuopin: '脱贫家庭',
  jiance: '防止返贫监测对象',
  disabled: '残疾学生',
  orphan: '孤儿或事实无人抚养儿童',
  other: '其他家庭经济困难',
  all: '合计',
};

export function isAidItem(s: string): s is AidItem {
  return (AID_ITEMS as readonly string[]).includes(s);
}
