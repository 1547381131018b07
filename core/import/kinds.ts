// What can be imported, and the fields each kind of table fills. Field names are what users type
// in `wb import --map FIELD=COLUMN` and what the import templates use as column notes.
import type { LevelCode } from '../levels';
import type { FieldSpec } from './field-spec';
import { SCHOOL_IMPORT_KINDS, SCHOOL_KIND_FIELDS } from './school-kinds';

export const IMPORT_KINDS = ['expenditure', 'enrolment', 'capacity', 'standard', 'regions', 'region-changes', 'bulletin', 'aid', ...SCHOOL_IMPORT_KINDS] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Fiscal-capacity indicators (table fiscal_indicator) and the unit kind of their stored values. */
export const CAPACITY_INDICATORS = {
  gpb_revenue: { zh: '一般公共预算收入', kind: 'money' },
  gpb_expenditure: { zh: '一般公共预算支出', kind: 'money' },
  recurrent_revenue: { zh: '财政经常性收入', kind: 'money' },
  tax_revenue: { zh: '税收收入', kind: 'money' },
  transfer_received: { zh: '上级转移支付收入', kind: 'money' },
  gdp: { zh: '地区生产总值', kind: 'money' },
  fiscal_edu_funds: { zh: '国家财政性教育经费', kind: 'money' },
  edu_appropriation: { zh: '教育财政拨款', kind: 'money' },
  teacher_avg_pay: { zh: '教师平均工资', kind: 'money' },
  civil_servant_avg_pay: { zh: '公务员平均工资', kind: 'money' },
  population: { zh: '年末常住人口', kind: 'count' },
  area: { zh: '行政区域面积（平方公里）', kind: 'area' },
} as const;
export type CapacityIndicator = keyof typeof CAPACITY_INDICATORS;
export const CAPACITY_INDICATOR_CODES = Object.keys(CAPACITY_INDICATORS) as CapacityIndicator[];

export type { FieldSpec, ValueKind } from './field-spec';

const REGION: FieldSpec = { name: 'region', zh: '地区', role: 'key', required: true, note: '地区名称或GB/T 2260六位代码，如“北京市”“北京”“110000”；县名可在所属省、市内识别' };
const YEAR: FieldSpec = { name: 'year', zh: '年度', role: 'key', required: true, note: '四位年份，如2024；“2024年”亦可。年份为列标题的宽表无需此列' };
/** A second region column, checked against the first (a code and its name must agree). */
const REGION_NAME: FieldSpec = { name: 'region_name', zh: '地区名称（核对）', role: 'attribute', required: false, valueKind: 'text', note: '与代码列同时给出时逐行核对：代码与名称不符的行会被拒绝' };
/**
 * Figures a bulletin table prints beside 本年: checked against each other row by row at import
 * (docs/import-checks.md) and kept as printed.
 */
const PUBLISHED_FIELDS: readonly FieldSpec[] = [
  { name: 'prior', zh: '上年数', role: 'attribute', required: false, valueKind: 'money', note: '公告印出的上年数值（单位同本年）；与本年、增长率逐行核对' },
  { name: 'revenue_growth', zh: '财政经常性收入增长（%）', role: 'attribute', required: false, valueKind: 'ratio', note: '同期财政经常性收入增长率，如5.28；与增幅比较核对' },
  { name: 'growth_gap', zh: '增幅比较（百分点）', role: 'attribute', required: false, valueKind: 'ratio', note: '教育经费增长减经常性收入增长，个百分点，低于时为负，如-2.69' },
  { name: 'share', zh: '占支出比例（%）', role: 'attribute', required: false, valueKind: 'ratio', note: '占一般公共预算支出的比例，0–100' },
  { name: 'share_base', zh: '支出总额', role: 'attribute', required: false, valueKind: 'money', note: '比例的分母（一般公共预算支出），单位同本年；给出时核对 本年÷总额 = 比例' },
];
const LEVEL: FieldSpec = { name: 'level', zh: '学段', role: 'key', required: false, note: '学前教育/小学/初中/普通高中/中职/特殊教育/高等教育，或 preschool/primary/junior/senior/sec_voc/special/higher；不分学段的合计可省略' };

export const KIND_FIELDS: Record<ImportKind, readonly FieldSpec[]> = {
  expenditure: [
    REGION,
    REGION_NAME,
    YEAR,
    LEVEL,
    { name: 'func_code', zh: '功能分类科目', role: 'key', required: false, note: '205 教育支出下的科目编码，如2050202；缺省为205（教育支出合计）' },
    { name: 'amount', zh: '金额', role: 'value', required: true, valueKind: 'money', note: '一般公共预算教育支出；单位取自表头“（亿元）”等或 --unit' },
  ],
  enrolment: [REGION, REGION_NAME, YEAR, LEVEL, { name: 'students', zh: '在校生数', role: 'value', required: true, valueKind: 'count', note: '秋季在校学生数；单位“人”或“万人”（取自表头）' }],
  capacity: [
    REGION,
    REGION_NAME,
    YEAR,
    ...CAPACITY_INDICATOR_CODES.map((code): FieldSpec => ({ name: code, zh: CAPACITY_INDICATORS[code].zh, role: 'value', required: false, valueKind: CAPACITY_INDICATORS[code].kind, note: `${CAPACITY_INDICATORS[code].zh}；至少映射一个指标` })),
  ],
  bulletin: [
    REGION,
    REGION_NAME,
    YEAR,
    LEVEL,
    { name: 'measure', zh: '指标', role: 'key', required: false, note: 'total（总额）或 per_student（生均）、per_student_operating（生均教育事业费）、per_student_public_funds（生均公用经费）；缺省为 per_student' },
    { name: 'amount', zh: '数值', role: 'value', required: true, valueKind: 'money', note: '公告所载数值（总额或生均，元）' },
    { name: 'growth', zh: '比上年增长（%）', role: 'attribute', required: false, valueKind: 'ratio', note: '公告印发的增长率，原样保存，如4.68' },
    { name: 'comparable', zh: '同口径', role: 'attribute', required: false, valueKind: 'text', note: '增长率按同口径计算时填“同口径”或“是”' },
    { name: 'restated_prior', zh: '上年同口径基数', role: 'attribute', required: false, valueKind: 'money', note: '公告或附表给出的上年同口径数值（可空）' },
    ...PUBLISHED_FIELDS,
  ],
  standard: [
    { name: 'level', zh: '学段', role: 'key', required: true, note: '同上' },
    { name: 'component', zh: '项目', role: 'key', required: true, note: 'public_funds_base 生均公用经费基准定额 / boarding_topup 寄宿生补助 / special_ed_public_funds 特教生均公用经费 / small_school_min_pupils 小规模学校核定人数 / heating 取暖费 / living_subsidy_boarder / living_subsidy_nonboarder / per_student_appropriation 生均拨款' },
    { name: 'region_class', zh: '适用地区', role: 'key', required: true, note: 'national / east / central_west / tier1…tier5 / 省级代码如420000' },
    { name: 'amount', zh: '标准', role: 'value', required: true, valueKind: 'money', note: '元/生·年（small_school_min_pupils 为人数）' },
    { name: 'effective_from', zh: '起始日期', role: 'key', required: true, note: 'YYYY-MM-DD，如春季学期2023-01-01' },
    { name: 'effective_to', zh: '终止日期', role: 'attribute', required: false, note: 'YYYY-MM-DD，可空' },
    { name: 'legal_ref', zh: '依据', role: 'attribute', required: true, note: '文件名称与文号' },
    { name: 'source_url', zh: '来源网址', role: 'attribute', required: false, note: '可空' },
  ],
  aid: [
    REGION,
    YEAR,
    { ...LEVEL, required: true, note: '学前教育/小学/初中/普通高中/中职' },
    { name: 'category', zh: '困难类别', role: 'key', required: false, note: '低保/特困/脱贫/监测/残疾/孤儿（含事实无人抚养）/其他，或 dibao/tekun/tuopin/jiance/disabled/orphan/other；缺省为合计' },
    { name: 'item', zh: '资助项目', role: 'key', required: false, note: '预算额所属项目：生活补助/普高助学金/普高免学杂费/中职助学金/中职免学费/学前资助；只在填写预算额时需要' },
    { name: 'eligible', zh: '认定家庭经济困难学生数', role: 'value', required: false, valueKind: 'count', note: '已认定的家庭经济困难学生人数' },
    { name: 'funded', zh: '实际资助人数', role: 'value', required: false, valueKind: 'count', note: '已获资助的学生人数（可空）' },
    { name: 'boarders', zh: '其中寄宿生数', role: 'value', required: false, valueKind: 'count', note: '认定学生中的寄宿生（义务教育生活补助用）' },
    { name: 'approved_fee', zh: '核定学杂费标准', role: 'value', required: false, valueKind: 'money', note: '元/生·年，免学（杂）费按此计算' },
    { name: 'budget', zh: '预算安排额', role: 'value', required: false, valueKind: 'money', note: '该项目已安排的资金；须同时填写“资助项目”' },
  ],
  regions: [
    { name: 'code', zh: '区划代码', role: 'key', required: true, note: 'GB/T 2260 六位代码' },
    { name: 'name', zh: '名称', role: 'attribute', required: true, note: '全称，如“永兰县”' },
    { name: 'parent', zh: '上级代码', role: 'attribute', required: false, note: '缺省时按代码规则推定（省直辖县归省）' },
    { name: 'dev_tier', zh: '发展档次', role: 'attribute', required: false, note: '1（最欠发达）至5（最发达）' },
  ],
  'region-changes': [
    { name: 'old_code', zh: '原代码', role: 'key', required: true, note: '撤销的代码' },
    { name: 'new_code', zh: '新代码', role: 'key', required: true, note: '承接的代码' },
    { name: 'date', zh: '生效日期', role: 'key', required: true, note: 'YYYY-MM-DD' },
    { name: 'change_kind', zh: '变更类型', role: 'attribute', required: false, note: 'county_to_district 撤县设区 / county_to_city 撤县设市 / recode / merge / split / boundary' },
    { name: 'share', zh: '划转比例', role: 'attribute', required: false, note: '0–1，原单位划入新单位的份额；缺省为1' },
  ],
  ...SCHOOL_KIND_FIELDS,
};

export function fieldSpec(kind: ImportKind, name: string): FieldSpec | undefined {
  return KIND_FIELDS[kind].find((f) => f.name === name);
}

export const LEVEL_WORDS: readonly [RegExp, LevelCode][] = [
  [/幼儿园|学前|preschool|kindergarten/i, 'preschool'],
  [/特殊教育|特教|special/i, 'special'],
  [/中等职业|中职|职业高中|技工学校|sec_?voc|vocational/i, 'sec_voc'],
  [/高等|高校|本专科|本科|专科|higher|universit/i, 'higher'],
  [/普通高中|高中|senior/i, 'senior'],
  [/初中|junior/i, 'junior'],
  [/小学|primary/i, 'primary'],
];

/** A level from how a table or header names it ("普通小学在校学生数" → primary). */
export function levelFromText(text: string): LevelCode | undefined {
  for (const [re, level] of LEVEL_WORDS) if (re.test(text)) return level;
  return undefined;
}
