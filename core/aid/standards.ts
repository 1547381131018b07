// Student-aid standards as law data: every amount effective-dated, with its unit, its source and
// how sure we are of it. Money is whole 分 per student per year; shares are basis points
// (万分之一) so that every split of whole 分 stays exact.
//
// Confidence: 'C' confirmed from a text of the instrument or of its official announcement,
// 'M' in force but with a start date or detail not confirmed (said on screen beside the figure).
import type { LevelCode } from '../levels';
import type { AidItem } from './items';

export type LawRef = { document: string; article: string | null; url: string | null; reported?: string };
export type Dated<T> = { from: string; to: string | null; value: T; ref: LawRef; confidence: 'C' | 'M'; note?: string };

const REF_2024_LIVING: LawRef = {
  document: '财政部 教育部 2024年城乡义务教育补助经费预算下达（家庭经济困难寄宿生生活补助国家基础标准提高）',
  article: null,
  url: null,
  reported: '中新社 2024-05-07',
};
const REF_181: LawRef = { document: '财教〔2024〕181号（提高普通高中、中职国家助学金标准）', article: null, url: null, reported: '人民网 2024-10-31；新华网 2025-02-19' };
const REF_442: LawRef = { document: '财教〔2009〕442号（中等职业学校免学费补助，中央财政统一测算标准）', article: null, url: null };
const REF_6: LawRef = { document: '国办发〔2018〕6号《基本公共服务领域中央与地方共同财政事权和支出责任划分改革方案》', article: '附件 基本公共服务领域中央与地方共同财政事权清单及基础标准、支出责任划分情况表', url: 'https://www.gov.cn/zhengce/content/2018-02/08/content_5264904.htm' };
const REF_310: LawRef = { document: '财教〔2021〕310号《学生资助资金管理办法》', article: null, url: null };

/** Per-student standards (分/生·年) by item and level. A missing entry means: no national standard. */
export const AID_STANDARDS: ReadonlyArray<{ item: AidItem; level: LevelCode; values: readonly Dated<number>[] }> = [
  {
    item: 'living_subsidy',
    level: 'primary',
    values: [
      { from: '2019-01-01', to: '2023-12-31', value: 100_000, ref: REF_2024_LIVING, confidence: 'M', note: '寄宿生 1000 元；2019 年前已执行，起始日期未核实' },
      { from: '2024-01-01', to: null, value: 125_000, ref: REF_2024_LIVING, confidence: 'C', note: '寄宿生 1250 元，自 2024 年春季学期' },
    ],
  },
  {
    item: 'living_subsidy',
    level: 'junior',
    values: [
      { from: '2019-01-01', to: '2023-12-31', value: 125_000, ref: REF_2024_LIVING, confidence: 'M', note: '寄宿生 1250 元；2019 年前已执行，起始日期未核实' },
      { from: '2024-01-01', to: null, value: 150_000, ref: REF_2024_LIVING, confidence: 'C', note: '寄宿生 1500 元，自 2024 年春季学期' },
    ],
  },
  {
    item: 'senior_grant',
    level: 'senior',
    values: [
      { from: '2019-01-01', to: '2024-12-31', value: 200_000, ref: REF_310, confidence: 'M', note: '平均 2000 元；起始日期未核实' },
      { from: '2025-01-01', to: null, value: 230_000, ref: REF_181, confidence: 'C', note: '平均 2300 元，自 2025 年春季学期' },
    ],
  },
  {
    item: 'voc_grant',
    level: 'sec_voc',
    values: [
      { from: '2019-01-01', to: '2024-12-31', value: 200_000, ref: REF_310, confidence: 'M', note: '平均 2000 元；起始日期未核实' },
      { from: '2025-01-01', to: null, value: 230_000, ref: REF_181, confidence: 'C', note: '平均 2300 元，自 2025 年春季学期；三年级纳入' },
    ],
  },
];

/** Non-boarders receive this share of the boarders' living subsidy (basis points). */
export const NON_BOARDER_SHARE: readonly Dated<number>[] = [{ from: '2019-01-01', to: null, value: 5000, ref: REF_2024_LIVING, confidence: 'C', note: '非寄宿生按寄宿生标准的 50%' }];

/** The range within which a province sets its 2–3 tiers of the national grants (分). */
export const GRANT_TIER_RANGE: readonly Dated<{ min: number; max: number }>[] = [
  { from: '2019-01-01', to: '2024-12-31', value: { min: 100_000, max: 300_000 }, ref: REF_310, confidence: 'M', note: '1000–3000 元（宁夏 2024 年例），全国口径未核实' },
  { from: '2025-01-01', to: null, value: { min: 120_000, max: 350_000 }, ref: REF_181, confidence: 'C', note: '1200–3500 元，分 2–3 档' },
];

/** The centre budgets the 中职 tuition waiver at this flat rate, whatever the approved fee (分). */
export const VOC_WAIVER_CENTRAL_RATE: readonly Dated<number>[] = [{ from: '2009-01-01', to: null, value: 200_000, ref: REF_442, confidence: 'M', note: '中央按每生每年 2000 元测算；2021 年后是否沿用未核实' }];

/** Central share of shared items by the province's 档 (basis points): 第一档 … 第五档. */
export const CENTRAL_SHARE_BY_DANG: readonly Dated<readonly [number, number, number, number, number]>[] = [
  { from: '2019-01-01', to: null, value: [8000, 6000, 5000, 3000, 1000], ref: REF_6, confidence: 'C', note: '第一档 80%、第二档 60%、第三档 50%、第四档 30%、第五档 10%' },
];

/** The 档 of each province (and of the five cities separately listed in the plan), by GB/T 2260 code. */
export const DANG_OF: Readonly<Record<string, 1 | 2 | 3 | 4 | 5>> = {
  ...Object.fromEntries(['150000', '450000', '500000', '510000', '520000', '530000', '540000', '610000', '620000', '630000', '640000', '650000'].map((c) => [c, 1 as const])),
  ...Object.fromEntries(['130000', '140000', '220000', '230000', '340000', '360000', '410000', '420000', '430000', '460000'].map((c) => [c, 2 as const])),
  ...Object.fromEntries(['210000', '370000', '350000'].map((c) => [c, 3 as const])),
  ...Object.fromEntries(['120000', '320000', '330000', '440000', '210200', '330200', '350200', '370200', '440300'].map((c) => [c, 4 as const])),
  ...Object.fromEntries(['110000', '310000'].map((c) => [c, 5 as const])),
};
export const DANG_REF = REF_6;

/** The value in force on a date (YYYY-MM-DD), or undefined when none is. */
export function inForce<T>(values: readonly Dated<T>[], date: string): Dated<T> | undefined {
  return values.find((v) => v.from <= date && (v.to === null || date <= v.to));
}

/** The national standard for an item and level on a date. */
export function standardOn(item: AidItem, level: LevelCode, date: string): Dated<number> | undefined {
  const entry = AID_STANDARDS.find((s) => s.item === item && s.level === level);
  return entry ? inForce(entry.values, date) : undefined;
}

/**
 * Aid is budgeted by calendar year while the standards change with the spring term: a year's
 * standard is the one in force on 1 March (the spring term), and a change on 1 September is
 * not averaged in — the workbench says which date it used.
 */
export function referenceDate(year: number): string {
  return `${year}-03-01`;
}
