// The two extra keys of an aid-count row: which category of identified students (低保, 特困 …)
// and, for a budget, which aid item. Bureaus write them in words; the codes are what is stored.
import { AID_CATEGORIES, AID_ITEMS, type AidCategory, type AidItem } from '../aid/items';

const CATEGORY_WORDS: readonly [RegExp, AidCategory][] = [
  [/^(合计|总计|全部|小计|all)$/i, 'all'],
  [/低保|dibao/i, 'dibao'],
  [/特困|tekun/i, 'tekun'],
  [/监测|jiance/i, 'jiance'],
  [/脱贫|建档立卡|tuopin/i, 'tuopin'],
  [/残疾|disab/i, 'disabled'],
  [/孤儿|无人抚养|orphan/i, 'orphan'],
  [/其他|other/i, 'other'],
];

const ITEM_WORDS: readonly [RegExp, AidItem][] = [
  [/生活补助|两免一补|living/i, 'living_subsidy'],
  [/(普高|普通高中|高中).*(免学杂费|免.*费)|senior_fee/i, 'senior_fee_waiver'],
  [/(普高|普通高中|高中).*助学金|senior_grant/i, 'senior_grant'],
  [/(中职|中等职业).*免学费|voc_fee/i, 'voc_fee_waiver'],
  [/(中职|中等职业).*助学金|voc_grant/i, 'voc_grant'],
  [/学前|幼儿|preschool/i, 'preschool_aid'],
];

type KeyProblem = { field: 'category' | 'item'; text: string; expected: string };

export function aidKeys(categoryText: string, itemText: string): { category: AidCategory; item: AidItem | ''; problems: KeyProblem[] } {
  const problems: KeyProblem[] = [];
  const c = categoryText.trim();
  let category: AidCategory = 'all';
  if (c !== '') {
    const found = (AID_CATEGORIES as readonly string[]).includes(c) ? (c as AidCategory) : CATEGORY_WORDS.find(([re]) => re.test(c))?.[1];
    if (found) category = found;
    else problems.push({ field: 'category', text: c, expected: '困难类别应为 低保/特困/脱贫/监测/残疾/孤儿/其他/合计 / a category such as 低保' });
  }
  const t = itemText.trim();
  let item: AidItem | '' = '';
  if (t !== '') {
    const found = (AID_ITEMS as readonly string[]).includes(t) ? (t as AidItem) : ITEM_WORDS.find(([re]) => re.test(t))?.[1];
    if (found) item = found;
    else problems.push({ field: 'item', text: t, expected: '资助项目应为 生活补助/普高助学金/普高免学杂费/中职助学金/中职免学费/学前资助 / an aid item' });
  }
  return { category, item, problems };
}
